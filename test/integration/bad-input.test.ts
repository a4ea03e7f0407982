import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { ROLES } from "../../src/domain/platform/vocabulary.js";
import { type RouteTableEntry, roleSatisfies } from "../../src/server/platform/access.js";
import { Client, createTestApp, createUser, signIn, type TestApp } from "../support/app.js";
import { databaseDigest } from "../support/database.js";
import { registryFixtures } from "../support/registry.js";
import { SAMPLES } from "../support/samples.js";

/**
 * Bad input (ASVS 2.2.1, 15.3.3, 15.3.5): every route, called by a principal it admits,
 * with malformed bodies, parameters and queries derived from its own schemas, answers
 * 4xx in the API's error shape and leaves the database exactly as it was.
 */

let t: TestApp;
let routes: RouteTableEntry[];
beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.routeTable.filter((route) => !route.url.startsWith("/api/docs"));
});
afterAll(async () => {
  await t.close();
});

/** Routes that take no input at all get strict empty schemas by default (access.ts). */
const NO_INPUT = new Set<string>();

async function admittedClient(route: RouteTableEntry): Promise<Client> {
  const access = route.access;
  if (access.kind === "public") {
    const client = new Client(t);
    await client.refreshSession();
    return client;
  }
  if (access.kind === "pending") {
    const user = await createUser(t, { enrolled: false });
    const client = new Client(t);
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    return client;
  }
  const role =
    access.kind === "permission" || access.kind === "any_permission"
      ? ROLES.find((candidate) => roleSatisfies(candidate, access))!
      : "administrator";
  return signIn(t, await createUser(t, { role }));
}

type Variant = { name: string; url: string; body?: unknown; rawBody?: string; contentType?: string };

function objectShape(schema: unknown): Record<string, z.ZodType> | null {
  if (schema instanceof z.ZodOptional) return objectShape(schema.unwrap());
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  return null;
}

function variants(route: RouteTableEntry, sample: { url: string; body?: unknown }): Variant[] {
  const out: Variant[] = [];
  const [path, query = ""] = sample.url.split("?");
  const join = (base: string, search: string) => (search ? `${base}?${search}` : base);
  // Unknown query parameters are refused everywhere.
  out.push({
    name: "unknown query parameter",
    url: join(path!, [query, "unexpected=1"].filter(Boolean).join("&")),
    ...(sample.body !== undefined ? { body: sample.body } : {}),
  });
  const querySchema = objectShape(route.schema.querystring);
  for (const key of Object.keys(querySchema ?? {})) {
    for (const bad of ["-1", "not-a-value", "x".repeat(500)]) {
      const params = new URLSearchParams(query);
      params.set(key, bad);
      const probe = (querySchema![key] as z.ZodType).safeParse(bad);
      if (!probe.success)
        out.push({ name: `query ${key}=${bad.slice(0, 12)}`, url: join(path!, params.toString()) });
    }
  }
  // Path parameters with impossible values.
  const paramsSchema = objectShape(route.schema.params);
  for (const key of Object.keys(paramsSchema ?? {})) {
    for (const bad of ["not-valid", "0", "%27%20OR%201%3D1"]) {
      if ((paramsSchema![key] as z.ZodType).safeParse(decodeURIComponent(bad)).success) continue;
      const segments = route.url.split("/");
      const concrete = path!.split("/");
      const index = segments.indexOf(`:${key}`);
      concrete[index] = bad;
      out.push({
        name: `param ${key}=${bad}`,
        url: concrete.join("/"),
        ...(sample.body !== undefined ? { body: sample.body } : {}),
      });
    }
  }
  if (route.method === "GET") return out;
  // Bodies: wrong shapes, extra properties, wrong types per field, broken JSON, prototype pollution.
  const valid = (sample.body ?? {}) as Record<string, unknown>;
  out.push({ name: "body is an array", url: sample.url, body: [valid] });
  out.push({ name: "body is a string", url: sample.url, body: "text" });
  out.push({
    name: "extra property",
    url: sample.url,
    body: { ...valid, role: "administrator", isAdmin: true },
  });
  out.push({
    name: "broken JSON",
    url: sample.url,
    rawBody: '{"username": ',
    contentType: "application/json",
  });
  out.push({
    name: "__proto__ pollution",
    url: sample.url,
    rawBody: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"polluted":true},').replace(",}", "}"),
    contentType: "application/json",
  });
  out.push({
    name: "not JSON",
    url: sample.url,
    rawBody: "username=a&password=b",
    contentType: "application/x-www-form-urlencoded",
  });
  for (const key of Object.keys(objectShape(route.schema.body) ?? {})) {
    out.push({ name: `${key} as number`, url: sample.url, body: { ...valid, [key]: 12345 } });
    out.push({ name: `${key} as object`, url: sample.url, body: { ...valid, [key]: { $ne: null } } });
    out.push({ name: `${key} oversize`, url: sample.url, body: { ...valid, [key]: "x".repeat(100_000) } });
    const { [key]: _removed, ...without } = valid;
    if (!(objectShape(route.schema.body)![key] as z.ZodType).safeParse(undefined).success) {
      out.push({ name: `${key} missing`, url: sample.url, body: without });
    }
  }
  return out;
}

describe("bad input", () => {
  it("every route with input declares strict schemas for it", () => {
    const loose = routes
      .filter((route) => !NO_INPUT.has(`${route.method} ${route.url}`))
      .filter((route) => (route.method === "GET" ? !route.schema.querystring : !route.schema.body))
      .map((route) => `${route.method} ${route.url}`);
    expect(loose).toEqual([]);
  });

  it("is refused with a 4xx error naming the problem, and changes nothing", async () => {
    const problems: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (NO_INPUT.has(key)) continue;
      const client = await admittedClient(route);
      const target = (await createUser(t, { role: "analyst" })).row.id;
      const sample = await SAMPLES[key]!({ t, target, fx: registryFixtures(t) });
      for (const variant of variants(route, sample)) {
        cases += 1;
        const before = await databaseDigest(t.db.pool);
        const headers: Record<string, string> = { ...(sample.headers ?? {}) };
        if (variant.contentType) headers["content-type"] = variant.contentType;
        const response = await client.request(route.method as "POST", variant.url, {
          headers,
          ...(variant.rawBody !== undefined
            ? { rawBody: variant.rawBody }
            : variant.body !== undefined
              ? { body: variant.body }
              : {}),
        });
        const after = await databaseDigest(t.db.pool);
        const label = `${key} [${variant.name}] -> ${response.status}`;
        if (response.status < 400 || response.status >= 500) problems.push(`${label}: not a 4xx`);
        const error = response.body?.error;
        if (!error?.code || !error?.message || !error?.requestId)
          problems.push(`${label}: not the error shape`);
        if (response.status === 400 && error?.code?.startsWith("invalid_") && !(error.fields?.length > 0)) {
          problems.push(`${label}: no field named`);
        }
        if (/at .*\.(ts|js):\d+|SELECT |node_modules/.test(JSON.stringify(response.body)))
          problems.push(`${label}: leaks internals`);
        if (before !== after) problems.push(`${label}: changed the database`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(problems).toEqual([]);
    expect(cases).toBeGreaterThan(150);
    // Two digests of the whole database per variant, over every route: a minute and more on two cores.
  }, 600_000);
});
