import { ApiError } from "../api/client.js";

/**
 * The server's field problems ("body.header.title", "body.payload.on") keyed by the form's
 * own field names, through `toField`; the first problem per field wins.
 */
export function serverErrorsByField(
  error: unknown,
  toField: (path: string) => string,
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const problem of error.fields) {
    const field = toField(problem.path.replace(/^body\./, ""));
    if (field && !(field in out)) out[field] = problem.message;
  }
  return out;
}

/** 412: someone else recorded an event since this page read the case. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 412 || error.code === "stale_version");
}

/** 409: the case's state machine or a rule's condition refused the event; the server says why. */
export function isRefused(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
