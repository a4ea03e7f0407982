/**
 * Canonical JSON (RFC 8785 JCS, for the values the audit trail stores): object keys
 * sorted by UTF-16 code units, no whitespace, strings escaped as JSON.stringify does.
 * Numbers must be safe integers: audit entries carry identifiers and counts, not
 * floating-point values, so the one part of JCS that is hard to get right
 * (number serialisation) is excluded by construction.
 */
export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined };

export function canonicalJson(value: CanonicalValue): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isSafeInteger(value))
      throw new TypeError(`canonical JSON accepts safe integers only, got ${value}`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  const object = value as { readonly [key: string]: CanonicalValue | undefined };
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key] as CanonicalValue)}`).join(",")}}`;
}
