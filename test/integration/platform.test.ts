import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, createPool } from "../../src/db/client.js";
import { projectRoot } from "../../src/db/project-paths.js";
import { buildApp } from "../../src/server/app.js";
import { loadStates } from "../../src/server/directory/load-states.js";
import { generateOpenApiDocument } from "../../src/server/openapi-document.js";
import { Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { testServices } from "../support/services.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("health and readiness", () => {
  it("answers liveness without a session", async () => {
    const response = await new Client(t).get("/api/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });

  it("is ready when the database answers and every migration is applied", async () => {
    const response = await new Client(t).get("/api/ready");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: "ready", database: "ok", migrations: { current: true } });
    expect(response.body.migrations.applied).toBe(response.body.migrations.expected);
  });

  it("is not ready (503) when the database is unreachable, and data routes answer 503 without a stack", async () => {
    const pool = createPool("postgres://nobody:nothing@127.0.0.1:1/none", { max: 1 });
    const app = await buildApp(testServices(createDatabase(pool)), { logger: false, webDir: null });
    try {
      const ready = await app.inject({ method: "GET", url: "/api/ready" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: "not_ready", database: "unreachable" });
      const data = await app.inject({
        method: "GET",
        url: "/api/states",
        headers: { cookie: "comity_session=abc" },
      });
      expect(data.statusCode).toBe(503);
      expect(data.json().error.code).toBe("unavailable");
      expect(data.body).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    } finally {
      await app.close();
      await pool.end();
    }
  });

  it("is not ready while a migration is missing", async () => {
    const admin = new pg.Client({ connectionString: t.db.url });
    await admin.connect();
    try {
      await admin.query(
        "DELETE FROM drizzle.__drizzle_migrations WHERE id = (SELECT max(id) FROM drizzle.__drizzle_migrations)",
      );
      const response = await new Client(t).get("/api/ready");
      expect(response.status).toBe(503);
      expect(response.body.migrations.current).toBe(false);
    } finally {
      await admin.end();
    }
  });
});

describe("API conventions", () => {
  it("publishes the OpenAPI 3 document, and the committed docs/openapi.json is current", async () => {
    const response = await new Client(t).get("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const committed = JSON.parse(await readFile(path.join(projectRoot, "docs", "openapi.json"), "utf8"));
    const generated = JSON.parse(JSON.stringify(await generateOpenApiDocument()));
    expect(committed, "docs/openapi.json is stale: run `npm run openapi`").toEqual(generated);
    // Every route of the app is in the document, with a summary and its access rule.
    for (const route of t.app.routeTable.filter(
      (entry) => !entry.url.startsWith("/api/docs") && entry.url !== "/api/openapi.json",
    )) {
      const operation = committed.paths[route.url.replace(/:(\w+)/g, "{$1}")]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url}`).toBeDefined();
      expect(operation.summary).toBeTruthy();
      expect(operation.description).toMatch(/^Access: /);
    }
  });

  it("serves interactive documentation at /api/docs", async () => {
    const response = await new Client(t).get("/api/docs/");
    expect(response.status).toBe(200);
    expect(String(response.headers["content-type"])).toContain("text/html");
    expect(response.body).toContain("swagger");
  });

  it("answers every response with a request id, and errors in one shape", async () => {
    const response = await new Client(t).get("/api/does-not-exist");
    expect(response.status).toBe(404);
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body).toEqual({
      error: { code: "not_found", message: expect.any(String), requestId: response.headers["x-request-id"] },
    });
  });

  it("sends security headers, no-store on the API and a charset on JSON", async () => {
    const response = await new Client(t).get("/api/auth/session");
    expect(response.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["strict-transport-security"]).toContain("max-age=31536000");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("no-referrer");
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(String(response.headers["content-type"])).toMatch(/application\/json; charset=utf-8/);
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it("ignores a spoofed X-Forwarded-For unless a proxy is trusted", async () => {
    const { client, user } = await signInAs(t, "analyst");
    await client.put("/api/auth/preferences", { locale: "en" }, { "x-forwarded-for": "6.6.6.6" });
    const entry = (
      await t.db.pool.query("SELECT source_ip FROM audit_log WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1", [
        user.row.id,
      ])
    ).rows[0];
    expect(entry.source_ip).toBe(client.ip);
  });

  it("refuses methods a path does not document", async () => {
    const client = new Client(t);
    for (const method of ["DELETE", "PUT", "PATCH"] as const) {
      const response = await client.request(method, "/api/states", { csrf: false });
      expect([404, 405]).toContain(response.status);
    }
  });

  it("limits the rate of sign-in attempts per address (429 with Retry-After)", async () => {
    const limited = await createTestApp({
      env: { COMITY_LOGIN_RATE_LIMIT: "3", COMITY_LOG_LEVEL: "silent", COMITY_AUDIT_CHECKPOINT_MINUTES: "0" },
    });
    try {
      const attacker = new Client(limited, "192.0.2.99");
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push(
          (await attacker.post("/api/auth/login", { username: "x", password: "wrong password here" })).status,
        );
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await attacker.post("/api/auth/login", { username: "x", password: "y" });
      expect(last.headers["retry-after"]).toBeDefined();
      expect(last.body.error.code).toBe("rate_limited");
      // Another address is not affected.
      expect(
        (
          await new Client(limited, "192.0.2.100").post("/api/auth/login", {
            username: "x",
            password: "wrong password here",
          })
        ).status,
      ).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe("states (reference data)", () => {
  it("lists every ISO 3166-1 entry with English and Russian names", async () => {
    const { client } = await signInAs(t, "analyst");
    const response = await client.get("/api/states");
    expect(response.status).toBe(200);
    expect(response.body.states).toHaveLength(250);
    expect(response.body.states.find((state: { code: string }) => state.code === "KH")).toMatchObject({
      alpha3: "KHM",
      numeric: "116",
      nameEn: "Cambodia",
      nameRu: "Камбоджа",
      officialNameEn: "the Kingdom of Cambodia",
    });
  });

  it("searches in Latin and Cyrillic, by code and by other names", async () => {
    const { client } = await signInAs(t, "registrar");
    const codes = async (q: string) =>
      (await client.get(`/api/states?q=${encodeURIComponent(q)}`)).body.states.map(
        (state: { code: string }) => state.code,
      );
    expect(await codes("RU")).toContain("RU");
    expect((await codes("RU"))[0]).toBe("RU");
    expect(await codes("камбо")).toEqual(["KH"]);
    expect(await codes("КАМБОДЖА")).toEqual(["KH"]);
    expect(await codes("thai")).toEqual(["TH"]);
    expect(await codes("Russian Federation")).toEqual(["RU"]);
    expect(await codes("%")).toEqual([]);
  });

  it("answers one state by code, 400 for a code not in the list of states or a malformed one", async () => {
    const { client } = await signInAs(t, "analyst");
    expect((await client.get("/api/states/TH")).body.nameRu).toBe("Таиланд");
    // Every code of the shipped list has its row: a code outside it is bad input, not a missing state.
    for (const code of ["ZZ", "rus"]) {
      const response = await client.get(`/api/states/${code}`);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      const paths = response.body.error.fields.map((field: { path: string }) => field.path);
      expect(new Set(paths)).toEqual(new Set(["params.code"]));
    }
  });

  it("loads the file once: a second load is a no-op that writes nothing", async () => {
    const before = (await t.db.pool.query("SELECT seq FROM audit_head")).rows[0].seq;
    expect(await loadStates({ services: t.services })).toEqual({ loaded: false, rows: 250 });
    expect((await t.db.pool.query("SELECT seq FROM audit_head")).rows[0].seq).toBe(before);
  });
});

describe("requests without a body", () => {
  it("accept no body at all, or {}, on routes that take none, and refuse anything else", async () => {
    const { client } = await signInAs(t, "analyst");
    const none = await client.request("POST", "/api/auth/logout", {});
    expect(none.status).toBe(200);
    const { client: other } = await signInAs(t, "analyst");
    expect((await other.request("POST", "/api/auth/logout", { body: { extra: 1 } })).status).toBe(400);
    expect((await other.request("POST", "/api/auth/logout", { body: {} })).status).toBe(200);
  });
});
