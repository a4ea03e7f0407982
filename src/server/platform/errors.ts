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
export const conflict = (code: string, message: string, fields?: FieldProblem[]) =>
  new AppError(409, code, message, fields);
export const preconditionFailed = () =>
  new AppError(412, "stale_version", "Someone else changed this record meanwhile. Reload it and try again.");
export const preconditionRequired = () =>
  new AppError(428, "if_match_required", "Send If-Match with the ETag you last read to change this record.");
