import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { CaseEventInput } from "../../domain/cases/model.js";
import {
  appendCaseEventBodySchema,
  caseDocumentParamsSchema,
  caseEventListSchema,
  caseListQuerySchema,
  caseListSchema,
  caseReferenceParamsSchema,
  caseViewSchema,
  createCaseBodySchema,
  letterQuerySchema,
  uploadDocumentBodySchema,
} from "../../domain/cases/schemas.js";
import { DOCUMENT_TYPES } from "../../domain/cases/vocabulary.js";
import { callerOf, requires } from "../platform/access.js";
import { requireIdempotencyKey, requireIfMatch, setEtag } from "../platform/concurrency.js";
import { attachmentDisposition } from "../platform/content-disposition.js";
import { errorResponses } from "../platform/errors.js";
import { acceptSingleFileUploads } from "../platform/multipart.js";
import type { Services } from "../platform/operation.js";
import { appendCaseEvent } from "./append-case-event.js";
import { createCase } from "./create-case.js";
import { downloadDocument } from "./download-document.js";
import { getCase } from "./get-case.js";
import { listEventsOfCase } from "./list-case-events.js";
import { findCases } from "./list-cases.js";
import { printLetter } from "./print-letter.js";
import { uploadDocument } from "./upload-document.js";

const tags = ["cases"];
/** Bytes as the server sends them (a Buffer); the document says "binary". */
const binarySchema = z
  .custom<Buffer>((value) => Buffer.isBuffer(value))
  .meta({ type: "string", format: "binary" });
const errors = errorResponses(404, 409, 412, 413, 415, 422, 428);

/**
 * Cases: opened, listed, read and changed only by appending events. Every route also
 * passes the need-to-know policy (case.policy.ts) inside its operation: a case the user
 * may not read answers 404 on every route, as if it did not exist.
 */
export function registerCasesRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const read = { access: requires("cases.read") };
  const write = { access: requires("cases.write") };

  api.get(
    "/api/cases",
    {
      config: read,
      schema: {
        operationId: "listCases",
        tags,
        summary: "The cases you may see: filters, full-text search (English and Russian), deadlines, paging",
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...errors },
      },
    },
    async (request) => findCases({ ...callerOf(services, request), query: request.query }),
  );

  api.post(
    "/api/cases",
    {
      config: { ...write, etag: true, idempotencyKey: true },
      schema: {
        operationId: "openCase",
        tags,
        summary:
          "Open a case (Idempotency-Key required: a repeat with the same key and body returns the first response)",
        body: createCaseBodySchema,
        response: { 201: caseViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const created = await createCase({
        ...callerOf(services, request),
        idempotencyKey: requireIdempotencyKey(request),
        input: request.body,
      });
      setEtag(reply, created.view.version);
      if (created.replayed) reply.header("idempotent-replayed", "true");
      return reply.code(201).send(created.view);
    },
  );

  api.get(
    "/api/cases/:reference",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "getCase",
        tags,
        summary: "One case: its projection, documents and the events it allows now; its ETag is its version",
        params: caseReferenceParamsSchema,
        response: { 200: caseViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await getCase({ ...callerOf(services, request), reference: request.params.reference });
      setEtag(reply, view.version);
      return view;
    },
  );

  api.get(
    "/api/cases/:reference/events",
    {
      config: { ...read, etag: true },
      schema: {
        operationId: "listCaseEvents",
        tags,
        summary: "The events of a case, oldest first, with who recorded each",
        params: caseReferenceParamsSchema,
        response: { 200: caseEventListSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { events, version } = await listEventsOfCase({
        ...callerOf(services, request),
        reference: request.params.reference,
      });
      setEtag(reply, version);
      return { events };
    },
  );

  api.post(
    "/api/cases/:reference/events",
    {
      config: { ...write, ifMatch: "required", etag: true },
      schema: {
        operationId: "recordCaseEvent",
        tags,
        summary:
          "Record an event in a case (If-Match required); the case's state machine decides whether it may happen now",
        params: caseReferenceParamsSchema,
        body: appendCaseEventBodySchema,
        response: { 200: caseViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await appendCaseEvent({
        ...callerOf(services, request),
        reference: request.params.reference,
        expectedVersion: requireIfMatch(request),
        event: request.body as CaseEventInput,
      });
      setEtag(reply, view.version);
      return view;
    },
  );

  api.get(
    "/api/cases/:reference/documents/:id",
    {
      config: read,
      schema: {
        operationId: "downloadCaseDocument",
        tags,
        summary: "Download a document of a case, checked against its SHA-256 on the way out",
        params: caseDocumentParamsSchema,
        response: {
          200: {
            description: "The document's bytes, as an attachment, in the media type it was stored with",
            content: Object.fromEntries(
              [...new Set(Object.values(DOCUMENT_TYPES).map((type) => type.mediaType))].map((mediaType) => [
                mediaType,
                { schema: binarySchema },
              ]),
            ),
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const document = await downloadDocument({
        ...callerOf(services, request),
        reference: request.params.reference,
        documentId: request.params.id,
      });
      return reply
        .header("content-type", document.mediaType)
        .header("content-disposition", attachmentDisposition(document.name))
        .header("x-content-type-options", "nosniff")
        .header("repr-digest", `sha-256=:${Buffer.from(document.sha256, "hex").toString("base64")}:`)
        .send(document.content);
    },
  );

  api.get(
    "/api/cases/:reference/letter",
    {
      config: read,
      schema: {
        operationId: "printRequestLetter",
        tags,
        summary:
          "The letter of request as a PDF, in English or Russian; 422 request_incomplete lists what the legal basis requires and the case lacks, unless draft=true",
        params: caseReferenceParamsSchema,
        querystring: letterQuerySchema,
        response: {
          200: {
            description: "The letter, as a PDF (A4)",
            content: { "application/pdf": { schema: binarySchema } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const letter = await printLetter({
        ...callerOf(services, request),
        reference: request.params.reference,
        query: request.query,
      });
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `inline; filename="${letter.filename}"`)
        .header("cache-control", "no-store")
        .send(letter.pdf);
    },
  );

  // Uploads have their own scope: only this route reads multipart bodies, up to the configured size.
  app.register(async (scope) => {
    acceptSingleFileUploads(scope, services.config.maxUploadBytes);
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/cases/:reference/documents",
      {
        config: { ...write, ifMatch: "optional", etag: true },
        schema: {
          operationId: "uploadCaseDocument",
          tags,
          summary:
            'Add a document to a case (multipart/form-data, part "file"): pdf, docx, xlsx, odt, jpg, png, txt, eml or msg',
          consumes: ["multipart/form-data"],
          params: caseReferenceParamsSchema,
          body: uploadDocumentBodySchema,
          response: { 201: caseViewSchema, ...errors },
        },
      },
      async (request, reply) => {
        const ifMatch = request.headers["if-match"];
        const view = await uploadDocument({
          ...callerOf(services, request),
          reference: request.params.reference,
          expectedVersion: ifMatch === undefined || ifMatch === "" ? null : requireIfMatch(request),
          file: request.body.file,
        });
        setEtag(reply, view.version);
        return reply.code(201).send(view);
      },
    );
  });
}
