import { readFileSync } from "node:fs";
import type { OpenAPIV3 } from "openapi-types";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../src/domain/platform/vocabulary.js";

/**
 * The committed OpenAPI document (docs/openapi.json, which an integration test keeps equal
 * to what the server publishes) is complete enough to generate clients from: every
 * operation is named, every response is a closed contract (no `unknown`, `any` or loose
 * object anywhere in what the server answers), the headers the server reads are declared,
 * and each response has its real media type and error codes.
 */

const document = JSON.parse(
  readFileSync(new URL("../../docs/openapi.json", import.meta.url), "utf8"),
) as OpenAPIV3.Document;
const components = (document.components?.schemas ?? {}) as Record<string, OpenAPIV3.SchemaObject>;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type Operation = { method: string; path: string; operation: OpenAPIV3.OperationObject };
const operations: Operation[] = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = item?.[method];
    return operation ? [{ method, path, operation }] : [];
  }),
);
const name = ({ method, path }: Operation) => `${method.toUpperCase()} ${path}`;

type Schema = OpenAPIV3.SchemaObject | OpenAPIV3.ReferenceObject;

/**
 * Where a schema lets anything through: an empty schema (zod's unknown or any), an object
 * without `additionalProperties: false` and without a typed `additionalProperties` (a loose
 * object or a record of unknown), or `additionalProperties: true`.
 */
function looseSpots(schema: Schema, at: string, seen = new Set<string>()): string[] {
  if ("$ref" in schema) {
    const component = schema.$ref.replace("#/components/schemas/", "");
    if (seen.has(component)) return [];
    seen.add(component);
    const target = components[component];
    return target ? looseSpots(target, `${component}`, seen) : [`${at}: unknown $ref ${schema.$ref}`];
  }
  const spots: string[] = [];
  const keys = Object.keys(schema).filter((key) => !["description", "nullable", "title"].includes(key));
  if (keys.length === 0) spots.push(`${at}: any value`);
  for (const list of [schema.anyOf, schema.oneOf, schema.allOf]) {
    for (const [index, inner] of (list ?? []).entries())
      spots.push(...looseSpots(inner, `${at}[${index}]`, seen));
  }
  if (schema.type === "array")
    spots.push(...looseSpots((schema as OpenAPIV3.ArraySchemaObject).items, `${at}[]`, seen));
  if (schema.type === "object" || schema.properties) {
    const extra = schema.additionalProperties;
    if (extra === undefined || extra === true) spots.push(`${at}: open to any property`);
    else if (typeof extra === "object") {
      if (Object.keys(extra).length === 0) spots.push(`${at}: properties of any value`);
      else spots.push(...looseSpots(extra, `${at}{}`, seen));
    }
    for (const [property, inner] of Object.entries(schema.properties ?? {}))
      spots.push(...looseSpots(inner, `${at}.${property}`, seen));
  }
  return spots;
}

describe("the OpenAPI document", () => {
  it("names every operation once, and says what it does", () => {
    expect(operations.length).toBeGreaterThan(60);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(operations.filter(({ operation }) => !operation.operationId).map(name)).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(operations.filter(({ operation }) => !operation.summary).map(name)).toEqual([]);
  });

  it("answers only closed contracts: nothing unknown, any or loose in a response", () => {
    const spots = operations.flatMap((entry) =>
      Object.entries(entry.operation.responses).flatMap(([status, response]) =>
        Object.entries((response as OpenAPIV3.ResponseObject).content ?? {}).flatMap(([mediaType, media]) =>
          media.schema ? looseSpots(media.schema, `${name(entry)} ${status} ${mediaType}`) : [],
        ),
      ),
    );
    expect(spots).toEqual([]);
  });

  it("catches a loose schema (the check above can fail)", () => {
    expect(looseSpots({ type: "object", properties: { a: { type: "string" } } }, "loose")).toEqual([
      "loose: open to any property",
    ]);
    expect(looseSpots({ type: "array", items: {} }, "list")).toEqual(["list[]: any value"]);
    expect(
      looseSpots({ type: "object", additionalProperties: {}, properties: {} }, "record of unknown"),
    ).toEqual(["record of unknown: properties of any value"]);
  });

  it("gives shared shapes a name of their own (components referred to by $ref)", () => {
    for (const component of [
      "CaseView",
      "CheckerResult",
      "Deadline",
      "CaseEvent",
      "Candidate",
      "ResolverReason",
    ])
      expect(components, component).toHaveProperty(component);
    const caseView = document.paths["/api/cases/{reference}"]?.get?.responses[
      "200"
    ] as OpenAPIV3.ResponseObject;
    expect(caseView.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/CaseView" });
  });

  it("declares the headers the server reads: X-CSRF-Token, If-Match, Idempotency-Key", () => {
    const headers = (operation: OpenAPIV3.OperationObject) =>
      Object.fromEntries(
        ((operation.parameters ?? []) as OpenAPIV3.ParameterObject[])
          .filter((parameter) => parameter.in === "header")
          .map((parameter) => [parameter.name, parameter.required ?? false]),
      );
    const signedIn = operations.filter(
      ({ method, operation }) =>
        method !== "get" && (operation.security ?? []).some((requirement) => "session" in requirement),
    );
    expect(signedIn.length).toBeGreaterThan(20);
    expect(signedIn.filter(({ operation }) => headers(operation)["x-csrf-token"] !== true).map(name)).toEqual(
      [],
    );
    // Every PATCH changes a versioned record: it names the version it read.
    const patches = operations.filter(({ method }) => method === "patch");
    expect(patches.filter(({ operation }) => headers(operation)["if-match"] !== true).map(name)).toEqual([]);
    const paths = document.paths;
    expect(headers(paths["/api/cases/{reference}/events"]!.post!)).toMatchObject({ "if-match": true });
    expect(headers(paths["/api/cases/{reference}/documents"]!.post!)).toMatchObject({ "if-match": false });
    expect(headers(paths["/api/cases"]!.post!)).toMatchObject({ "idempotency-key": true });
    const read = paths["/api/cases/{reference}"]!.get!.responses["200"] as OpenAPIV3.ResponseObject;
    expect(read.headers).toHaveProperty("etag");
  });

  it("gives each response its real media type", () => {
    const mediaTypes = (path: string, method: "get" | "post") =>
      Object.keys(
        (document.paths[path]![method]!.responses["200"] as OpenAPIV3.ResponseObject).content ?? {},
      );
    expect(mediaTypes("/api/cases/{reference}/letter", "get")).toEqual(["application/pdf"]);
    expect(mediaTypes("/api/registry/party-actions/export", "get")).toEqual(["text/csv"]);
    expect(mediaTypes("/api/cases/{reference}/documents/{id}", "get")).toEqual(
      expect.arrayContaining(["application/pdf", "image/png", "message/rfc822"]),
    );
    expect(mediaTypes("/api/cases/{reference}", "get")).toEqual(["application/json"]);
  });

  it("lists, for every error status, the codes that status carries", () => {
    for (const { operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        // Readiness answers 503 with its own report (which part is not ready), by design.
        if (Number(status) < 400 || operation.operationId === "getReadiness") continue;
        const schema = (response as OpenAPIV3.ResponseObject).content?.["application/json"]?.schema;
        expect(schema, `${operation.operationId} ${status}`).toMatchObject({
          $ref: expect.stringMatching(/Error$/),
        });
      }
    }
    const conflict = components.ConflictError!.properties!.error as OpenAPIV3.SchemaObject;
    const codes = (conflict.properties!.code as OpenAPIV3.SchemaObject).enum;
    expect(codes).toEqual(
      expect.arrayContaining(["illegal_transition", "condition_unmet", "reference_taken"]),
    );
    expect(codes).not.toContain("not_found");
    // Every code of the catalogue is documented under its status.
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      const error = Object.values(components).find(
        (component) =>
          component.description?.includes(`\`${code}\``) &&
          (
            (component.properties?.error as OpenAPIV3.SchemaObject | undefined)?.properties
              ?.code as OpenAPIV3.SchemaObject
          )?.enum?.includes(code),
      );
      expect(error, `${code} (${status}) is documented`).toBeDefined();
    }
  });
});
