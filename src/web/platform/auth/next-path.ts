/**
 * Where to go after signing in. Only a path on this site is accepted, so a crafted
 * link cannot send a user elsewhere after they sign in (open redirect).
 */
export function safeNextPath(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (value === "/login" || value.startsWith("/login/") || value.startsWith("/login?")) return "/";
  return value;
}

export function withNext(path: string, next: string): string {
  const safe = safeNextPath(next);
  return safe === "/" ? path : `${path}?next=${encodeURIComponent(safe)}`;
}

// Why the user was sent to the sign-in page (kept in memory only, read once by that page).
let signInReason: string | null = null;

export function setSignInReason(code: string): void {
  signInReason = code;
}

export function peekSignInReason(): string | null {
  return signInReason;
}

export function clearSignInReason(): void {
  signInReason = null;
}
