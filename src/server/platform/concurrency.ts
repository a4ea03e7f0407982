import type { FastifyReply, FastifyRequest } from "fastify";
import { idempotencyKeySchema } from "../../domain/platform/schemas.js";
import { badRequest, preconditionRequired } from "./errors.js";

/** Optimistic concurrency over HTTP (RFC 9110 §13.1.1; RFC 6585 §3): ETag "v<version>". */
export function etagFor(version: number): string {
  return `"v${version}"`;
}

/** Sends the record's version as its ETag; the route must declare `config.etag` (the OpenAPI document shows it). */
export function setEtag(reply: FastifyReply, version: number): void {
  if (!reply.request.routeOptions.config.etag)
    throw new Error(`${reply.request.routeOptions.url} sends an ETag without declaring config.etag`);
  reply.header("etag", etagFor(version));
}

/**
 * The version the client last read; 428 when If-Match is missing. The route must declare
 * `config.ifMatch`, so that the OpenAPI document shows the header it reads.
 */
export function requireIfMatch(request: FastifyRequest): number {
  if (!request.routeOptions.config.ifMatch)
    throw new Error(`${request.routeOptions.url} reads If-Match without declaring config.ifMatch`);
  const header = request.headers["if-match"];
  if (header === undefined || header === "") throw preconditionRequired();
  const match = /^(?:W\/)?"v(\d{1,9})"$/.exec(String(header).trim());
  if (!match) {
    throw badRequest("invalid_if_match", 'If-Match must be an ETag of this API, such as "v3".', [
      { path: "headers.if-match", message: 'expected "v<version>"' },
    ]);
  }
  return Number(match[1]);
}

/**
 * The Idempotency-Key of a creation; 400 invalid_input (naming the header) when it is
 * missing or malformed, before anything is written. The route must declare
 * `config.idempotencyKey`, so that the OpenAPI document shows the header it reads.
 */
export function requireIdempotencyKey(request: FastifyRequest): string {
  if (!request.routeOptions.config.idempotencyKey)
    throw new Error(
      `${request.routeOptions.url} reads Idempotency-Key without declaring config.idempotencyKey`,
    );
  const parsed = idempotencyKeySchema.safeParse(request.headers["idempotency-key"]);
  if (!parsed.success) {
    throw badRequest("invalid_input", "Some fields are not valid.", [
      { path: "headers.idempotency-key", message: parsed.error.issues[0]?.message ?? "required" },
    ]);
  }
  return parsed.data;
}
