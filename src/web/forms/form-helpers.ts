/** Shown in web address fields; not a label (those are translated). */
export const URL_PLACEHOLDER = "https://";

/** Focus goes to the first field with a problem, so that keyboard users land on it. */
export function focusFirstInvalid(): void {
  window.setTimeout(() => {
    const invalid = document.querySelector<HTMLElement>(
      '[role="dialog"] [aria-invalid="true"], main [aria-invalid="true"]',
    );
    invalid?.focus();
  }, 0);
}

/** Only what changed, compared field by field with what was loaded. */
export function changedFields<T extends Record<string, unknown>>(next: T, before: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) out[key] = next[key];
  }
  return out;
}

let lastKey = 0;

/** A React key for a row the user adds to a form list (rows move when one is removed). */
export function listKey(): string {
  lastKey += 1;
  return `row-${lastKey}`;
}
