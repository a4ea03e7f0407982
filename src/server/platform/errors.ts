import { errorResponseSchemas } from "../../domain/platform/schemas.js";
import type { ErrorCode, ErrorCodeOf, ErrorStatus } from "../../domain/platform/vocabulary.js";

/**
 * Errors that an operation or route raises on purpose. The error handler turns them into
 * the one error shape of the API: {error: {code, message, fields?, requestId}}.
 */
export type FieldProblem = { path: string; message: string };

/**
 * An error the API answers with on purpose: a status and one of that status's codes in the
 * catalogue (ERROR_CODES, src/domain/platform/vocabulary.ts), so that every code the
 * server can send is documented in the OpenAPI document.
 */
export class AppError<S extends ErrorStatus = ErrorStatus> extends Error {
  readonly statusCode: ErrorStatus;
  readonly code: ErrorCode;
  constructor(
    statusCode: S,
    code: ErrorCodeOf<S>,
    message: string,
    readonly fields?: FieldProblem[],
    /** Response headers that belong to the error, such as the current ETag of a 412. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
  }
}

export const badRequest = (code: ErrorCodeOf<400>, message: string, fields?: FieldProblem[]) =>
  new AppError(400, code, message, fields);
export const unauthorized = (code: ErrorCodeOf<401> = "unauthenticated", message = "Sign in to continue.") =>
  new AppError(401, code, message);
/** A refusal by a policy. The operation runner records it in the audit trail. */
export class ForbiddenError extends AppError<403> {
  constructor(code: ErrorCodeOf<403> = "forbidden", message = "You are not allowed to do this.") {
    super(403, code, message);
  }
}
export const forbidden = (code?: ErrorCodeOf<403>, message?: string) => new ForbiddenError(code, message);
export const notFound = (what = "resource") => new AppError(404, "not_found", `No such ${what}.`);

/**
 * "Not found" for an object the caller may not know exists (need-to-know): the same
 * status, code and message as a missing object, so that the answer does not reveal
 * whether it exists. The operation runner records it in the audit trail, as "denied"
 * when the object exists and as "failure" when it does not, so both cost the same.
 */
export class ConcealedError extends AppError<404> {
  constructor(
    what: string,
    readonly reason: "need_to_know" | "not_found",
  ) {
    super(404, "not_found", `No such ${what}.`);
  }
}
export const conflict = (code: ErrorCodeOf<409>, message: string, fields?: FieldProblem[]) =>
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
export const unprocessable = (code: ErrorCodeOf<422>, message: string, fields?: FieldProblem[]) =>
  new AppError(422, code, message, fields);
export const preconditionRequired = () =>
  new AppError(428, "if_match_required", "Send If-Match with the ETag you last read to change this record.");

/** A route's own error responses, by status: `response: { 200: caseViewSchema, ...errorResponses(404, 409) }`. */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, (typeof errorResponseSchemas)[S]> {
  return Object.fromEntries(statuses.map((status) => [status, errorResponseSchemas[status]])) as Record<
    S,
    (typeof errorResponseSchemas)[S]
  >;
}
