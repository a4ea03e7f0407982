import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/domain/platform/vocabulary.js";
import { type Access, type RouteTableEntry, roleSatisfies } from "../../src/server/platform/access.js";
import { Client, createTestApp, createUser, signIn, type TestApp } from "../support/app.js";
import { registryFixtures } from "../support/registry.js";
import { SAMPLES } from "../support/samples.js";

/**
 * The access matrix (ASVS 8.2.1, SECURITY.md §6 row 2): every route in the route table,
 * for every principal (nobody, a password-only session, each role), is allowed or
 * refused exactly as roles.ts (documented in docs/roles.md) says. The expectations are
 * derived from the route's declared access rule and the role table, not written by hand;
 * the only hand-written part is how to build a well-formed request for each route.
 */

type Principal = "anonymous" | "pending" | Role;
const PRINCIPALS: Principal[] = ["anonymous", "pending", ...ROLES];
const REFUSAL_CODES = new Set(["unauthenticated", "mfa_required", "session_ended", "permission_denied"]);

function expectedAllowed(access: Access, principal: Principal): boolean {
  switch (access.kind) {
    case "public":
      return true;
    case "pending":
      return principal !== "anonymous";
    case "signed_in":
      return principal !== "anonymous" && principal !== "pending";
    case "permission":
    case "any_permission":
      return principal !== "anonymous" && principal !== "pending" && roleSatisfies(principal, access);
  }
}

let t: TestApp;
let routes: RouteTableEntry[];

beforeAll(async () => {
  t = await createTestApp();
  routes = t.app.routeTable.filter((route) => !route.url.startsWith("/api/docs"));
});
afterAll(async () => {
  await t.close();
});

async function clientFor(principal: Principal): Promise<Client> {
  if (principal === "anonymous") return new Client(t);
  if (principal === "pending") {
    const user = await createUser(t, { role: "administrator" });
    const client = new Client(t);
    const login = await client.post("/api/auth/login", { username: user.username, password: user.password });
    if (login.status !== 200) throw new Error("pending login failed");
    return client;
  }
  return signIn(t, await createUser(t, { role: principal }));
}

describe("access matrix", () => {
  it("has a sample request for every route, so no route escapes the matrix", () => {
    const keys = routes.map((route) => `${route.method} ${route.url}`);
    expect(keys.filter((key) => !(key in SAMPLES))).toEqual([]);
    expect(Object.keys(SAMPLES).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it("allows or refuses every route for every principal exactly as the role table says", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    let refusals = 0;
    for (const route of routes) {
      for (const principal of PRINCIPALS) {
        cells += 1;
        const client = await clientFor(principal);
        const target = (await createUser(t, { role: "analyst" })).row.id;
        const sample = await SAMPLES[`${route.method} ${route.url}`]!({ t, target, fx: registryFixtures(t) });
        const deniedBefore = await t.db.pool.query(
          "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'access.denied'",
        );
        const response = await client.request(route.method as "GET", sample.url, {
          ...(sample.multipart
            ? { rawBody: sample.multipart.payload }
            : route.method !== "GET"
              ? { body: sample.body ?? {} }
              : {}),
          headers: {
            ...sample.headers,
            ...(sample.multipart ? { "content-type": sample.multipart.contentType } : {}),
          },
        });
        const refused =
          (response.status === 401 || response.status === 403) &&
          REFUSAL_CODES.has(response.body?.error?.code);
        const allowed = expectedAllowed(route.access, principal);
        if (refused === allowed) {
          mismatches.push(
            `${principal} ${route.method} ${route.url}: expected ${allowed ? "allowed" : "refused"}, got ${response.status} ${response.body?.error?.code ?? ""}`,
          );
        }
        if (refused) {
          refusals += 1;
          // A role refused by the permission table leaves exactly one "denied" audit entry.
          const deniedAfter = await t.db.pool.query(
            "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'access.denied'",
          );
          const expectedDenied = response.status === 403 ? 1 : 0;
          if (deniedAfter.rows[0].n - deniedBefore.rows[0].n !== expectedDenied) {
            mismatches.push(
              `${principal} ${route.method} ${route.url}: ${deniedAfter.rows[0].n - deniedBefore.rows[0].n} denied audit entries`,
            );
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The matrix is not trivially empty: it covers every cell and refuses many.
    expect(cells).toBe(routes.length * PRINCIPALS.length);
    expect(refusals).toBeGreaterThan(routes.length);
    // Every cell signs a principal in (argon2id) on a 2-core machine: minutes, not seconds.
  }, 600_000);
});
