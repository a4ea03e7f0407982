import { oneTimeTokenSchema } from "../../../domain/platform/schemas.js";

/**
 * One-time links carry their token in the fragment (/setup#<token>), which browsers never
 * send to a server or put in a Referer header. Null when it is missing or malformed.
 */
export function tokenFromHash(hash: string): string | null {
  const candidate = hash.startsWith("#") ? hash.slice(1) : hash;
  return oneTimeTokenSchema.safeParse(candidate).success ? candidate : null;
}

/** Removes a used token from the address bar and the browser history entry. */
export function dropTokenFromAddress(): void {
  window.history.replaceState(window.history.state, "", window.location.pathname);
}
