import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ErrorBody } from "../../domain/platform/schemas.js";
import type { ErrorCode } from "../../domain/platform/vocabulary.js";
import { AppError, type FieldProblem } from "./errors.js";

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  body: Omit<ErrorBody["error"], "requestId">,
) {
  return reply
    .code(status)
    .type("application/json; charset=utf-8")
    .send({ error: { ...body, requestId: request.id } } satisfies ErrorBody);
}

const FASTIFY_CODES: Record<string, { code: ErrorCode; message: string }> = {
  FST_CSRF_INVALID_TOKEN: {
    code: "csrf_invalid",
    message: "The form expired or came from elsewhere. Reload the page and try again.",
  },
  FST_CSRF_MISSING_SECRET: {
    code: "csrf_invalid",
    message: "The form expired or came from elsewhere. Reload the page and try again.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "unsupported_media_type",
    message: "Send JSON (Content-Type: application/json).",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "invalid_json", message: "The request body is empty." },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "invalid_json", message: "The request body is not valid JSON." },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "payload_too_large", message: "The request body is too large." },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "invalid_input",
    message: "Content-Length does not match the body.",
  },
  FST_ERR_VALIDATION: { code: "invalid_input", message: "Some fields are not valid." },
};

/**
 * One error shape for the whole API: {error: {code, message, fields?, requestId}}.
 * Messages are written for the user; nothing internal (stack, SQL, paths) leaves the
 * server (ASVS 16.5.1). Unexpected errors are logged with the request id.
 */
export function registerErrorHandling(app: FastifyInstance, webDir: string | null): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const part = error.validationContext ?? "body";
      const fields: FieldProblem[] = error.validation.map((issue) => ({
        path: [part, ...issue.instancePath.split("/").filter(Boolean)].join("."),
        message: issue.message ?? "not valid",
      }));
      return send(reply, request, 400, {
        code: "invalid_input",
        message: "Some fields are not valid.",
        fields,
      });
    }
    if (error instanceof AppError) {
      if (error.headers) reply.headers(error.headers);
      return send(reply, request, error.statusCode, {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, "response does not match its schema");
      return send(reply, request, 500, {
        code: "internal_error",
        message: "Something went wrong on the server.",
      });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    const status = error.statusCode ?? 500;
    if (known)
      return send(reply, request, status, {
        ...known,
        ...(known.code.startsWith("invalid_") ? { fields: [{ path: "body", message: known.message }] } : {}),
      });
    if (error instanceof SyntaxError || /prototype property/.test(error.message)) {
      // JSON that does not parse, or that tries to set __proto__ / constructor.prototype.
      return send(reply, request, 400, {
        code: "invalid_json",
        message: "The request body is not acceptable JSON.",
        fields: [{ path: "body", message: "not acceptable JSON" }],
      });
    }
    if (status === 429) {
      return send(reply, request, 429, {
        code: "rate_limited",
        message: "Too many requests. Wait a minute and try again.",
      });
    }
    if (status >= 400 && status < 500) {
      return send(reply, request, status, { code: "bad_request", message: "The request is not valid." });
    }
    const unavailable = isDatabaseUnavailable(error);
    request.log.error({ err: error }, unavailable ? "database unavailable" : "unexpected error");
    return unavailable
      ? send(reply, request, 503, {
          code: "unavailable",
          message: "The database is not reachable. Try again shortly.",
        })
      : send(reply, request, 500, { code: "internal_error", message: "Something went wrong on the server." });
  });

  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: any other GET that is not an API or asset
    // address gets index.html.
    const path = request.url.split("?")[0] ?? "";
    if (webDir && request.method === "GET" && !path.startsWith("/api") && !path.startsWith("/assets/")) {
      return reply
        .header("cache-control", "no-cache")
        .type("text/html; charset=utf-8")
        .sendFile("index.html");
    }
    return send(reply, request, 404, { code: "not_found", message: "There is nothing at this address." });
  });
}

function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  return (
    code !== undefined && ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006", "08001"].includes(code)
  );
}
