import type { FastifyInstance } from "fastify";
import type { UploadedFile } from "../../domain/platform/schemas.js";
import { AppError, badRequest } from "./errors.js";

/**
 * multipart/form-data (RFC 7578) for uploads of one file. The body is read whole, up to
 * the route's limit, because what follows needs all of it anyway: the SHA-256, the
 * check of the content against its extension, and the single INSERT into the database.
 * Fastify refuses a larger body with 413 before it is read in full.
 *
 * Only a part named "file", carrying a filename, is accepted; any other part is refused,
 * so that nothing unexpected rides along (ASVS 2.2.1).
 */

/** Room for the boundaries and part headers around the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

const invalid = (message: string) =>
  badRequest("invalid_multipart", "The upload is not a well-formed multipart/form-data body.", [
    { path: "body", message },
  ]);

function boundaryOf(contentType: string | undefined): string {
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? "");
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw invalid("the Content-Type names no boundary");
  return boundary;
}

type PartHeaders = { name: string | null; filename: string | null; contentType: string | null };

function parameter(header: string, name: string): string | null {
  // filename*=UTF-8''%D0%97... (RFC 5987) wins over filename="...".
  const extended = new RegExp(`;\\s*${name}\\*=(?:UTF-8|utf-8)''([^;]+)`).exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      throw invalid(`the ${name}* parameter is not valid percent-encoding`);
    }
  }
  const quoted = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`).exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, "$1");
  const token = new RegExp(`;\\s*${name}=([^;\\s]+)`).exec(header);
  return token ? token[1]! : null;
}

function parseHeaders(block: Buffer): PartHeaders {
  // Browsers send file names as raw UTF-8 in the header.
  const lines = new TextDecoder().decode(block).split("\r\n");
  const headers: PartHeaders = { name: null, filename: null, contentType: null };
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw invalid("a part header is malformed");
    const field = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (field === "content-disposition") {
      if (!/^form-data\s*(;|$)/i.test(value)) throw invalid("a part is not form-data");
      headers.name = parameter(value, "name");
      headers.filename = parameter(value, "filename");
    } else if (field === "content-type") {
      headers.contentType = value;
    }
  }
  return headers;
}

/** The file of a multipart body: exactly one part, named "file", with a filename. */
export function parseSingleFileUpload(contentType: string | undefined, body: Buffer): { file: UploadedFile } {
  const delimiter = Buffer.from(`--${boundaryOf(contentType)}`);
  // The body starts with the first delimiter (a preamble before it is allowed and ignored).
  let position = body.indexOf(delimiter);
  if (position !== 0 && (position < 0 || !body.subarray(position - 2, position).equals(CRLF)))
    throw invalid("the body does not start with the boundary");
  const parts: { headers: PartHeaders; content: Buffer }[] = [];
  const closing = Buffer.concat([CRLF, delimiter]);
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString("latin1") === "--") break;
    if (!body.subarray(position, position + 2).equals(CRLF)) throw invalid("a boundary line is malformed");
    position += 2;
    const headerEnd = body.indexOf(HEADER_END, position);
    if (headerEnd < 0) throw invalid("a part has no end of headers");
    const headers = parseHeaders(body.subarray(position, headerEnd));
    const contentStart = headerEnd + HEADER_END.length;
    const contentEnd = body.indexOf(closing, contentStart);
    if (contentEnd < 0) throw invalid("the body ends before its closing boundary");
    parts.push({ headers, content: body.subarray(contentStart, contentEnd) });
    position = contentEnd + CRLF.length;
  }
  const unexpected = parts.filter((part) => part.headers.name !== "file");
  if (unexpected.length > 0)
    throw badRequest("invalid_multipart", 'Send only the file, in a part named "file".', [
      { path: `body.${unexpected[0]!.headers.name ?? "(unnamed part)"}`, message: "unexpected part" },
    ]);
  if (parts.length !== 1)
    throw badRequest("invalid_multipart", 'Send one file per upload, in a part named "file".', [
      { path: "body.file", message: parts.length === 0 ? "missing" : "more than one" },
    ]);
  const [part] = parts;
  if (part!.headers.filename === null)
    throw badRequest("invalid_multipart", 'The part "file" must carry a file name.', [
      { path: "body.file", message: "no filename" },
    ]);
  return {
    file: {
      filename: part!.headers.filename,
      mediaType: part!.headers.contentType ?? "application/octet-stream",
      content: part!.content,
    },
  };
}

/**
 * Lets the routes of `scope` (and only them) accept multipart/form-data, up to
 * `maxFileBytes` of file. A file over the limit gets 413, like a body over Fastify's limit.
 */
export function acceptSingleFileUploads(scope: FastifyInstance, maxFileBytes: number): void {
  scope.addContentTypeParser(
    "multipart/form-data",
    { parseAs: "buffer", bodyLimit: maxFileBytes + MULTIPART_OVERHEAD_BYTES },
    (request, body, done) => {
      try {
        const parsed = parseSingleFileUpload(request.headers["content-type"], body as Buffer);
        if (parsed.file.content.length > maxFileBytes)
          return done(
            new AppError(
              413,
              "payload_too_large",
              `The file is larger than the limit of ${maxFileBytes} bytes.`,
            ),
            undefined,
          );
        done(null, parsed);
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
