import type { FastifyReply, FastifyRequest } from "fastify";
import { badRequest, preconditionRequired } from "./errors.js";

/** Optimistic concurrency over HTTP (RFC 9110 §13.1.1; RFC 6585 §3): ETag "v<version>". */
export function etagFor(version: number): string {
  return `"v${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("etag", etagFor(version));
}

/** The version the client last read; 428 when If-Match is missing. */
export function requireIfMatch(request: FastifyRequest): number {
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
