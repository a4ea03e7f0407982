/**
 * Errors that an operation or route raises on purpose. The error handler turns them into
 * the one error shape of the API: {error: {code, message, fields?, requestId}}.
 */
export type FieldProblem = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
    /** Response headers that belong to the error, such as the current ETag of a 412. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(400, code, message, fields);
export const unauthorized = (code = "unauthenticated", message = "Sign in to continue.") =>
  new AppError(401, code, message);
/** A refusal by a policy. The operation runner records it in the audit trail. */
export class ForbiddenError extends AppError {
  constructor(code = "forbidden", message = "You are not allowed to do this.") {
    super(403, code, message);
  }
}
export const forbidden = (code?: string, message?: string) => new ForbiddenError(code, message);
export const notFound = (what = "resource") => new AppError(404, "not_found", `No such ${what}.`);

/**
 * "Not found" for an object the caller may not know exists (need-to-know): the same
 * status, code and message as a missing object, so that the answer does not reveal
 * whether it exists. The operation runner records it in the audit trail, as "denied"
 * when the object exists and as "failure" when it does not, so both cost the same.
 */
export class ConcealedError extends AppError {
  constructor(
    what: string,
    readonly reason: "need_to_know" | "not_found",
  ) {
    super(404, "not_found", `No such ${what}.`);
  }
}
export const conflict = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(409, code, message, fields);
/** `currentVersion`, when given, is sent back as the ETag so the client can retry at once. */
export const preconditionFailed = (currentVersion?: number) =>
  new AppError(
    412,
    "stale_version",
    "Someone else changed this record meanwhile. Reload it and try again.",
    undefined,
    currentVersion === undefined ? undefined : { etag: `"v${currentVersion}"` },
  );
/** Well-formed input that refers to something that does not fit (RFC 9110 §15.5.21). */
export const unprocessable = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(422, code, message, fields);
export const preconditionRequired = () =>
  new AppError(428, "if_match_required", "Send If-Match with the ETag you last read to change this record.");
