import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueSetupLinkIfNeeded } from "../../src/server/platform/users/issue-setup-link-if-needed.js";
import { Client, createTestApp, type TestApp, totpCode } from "../support/app.js";

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.close();
});

const body = (token: string) => ({
  token,
  username: "chief",
  displayName: "Chief Administrator",
  password: "seven violet harbours at dawn",
});

describe("first administrator", () => {
  it("is created once with the setup link printed at start, then signs in and enrols", async () => {
    const visitor = new Client(t);
    expect((await visitor.get("/api/auth/session")).body.setupRequired).toBe(true);
    const link = await issueSetupLinkIfNeeded({ services: t.services });
    expect(link?.url).toMatch(/\/setup#[A-Za-z0-9_-]{43}$/);
    const before = Number((await t.db.pool.query("SELECT seq FROM audit_head")).rows[0].seq);
    const created = await visitor.post("/api/setup", body(link!.token));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: "chief", role: "administrator", status: "active" });
    const entries = (await t.db.pool.query("SELECT * FROM audit_log WHERE seq > $1", [before])).rows;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      event_type: "user.created",
      outcome: "success",
      actor_username: "chief",
      object_type: "user",
    });
    expect((await visitor.get("/api/auth/session")).body.setupRequired).toBe(false);
    // The link is spent, and no second link is issued once an account exists.
    expect(
      (await new Client(t).post("/api/setup", { ...body(link!.token), username: "second" })).status,
    ).toBe(404);
    expect(await issueSetupLinkIfNeeded({ services: t.services })).toBeNull();

    const login = await visitor.post("/api/auth/login", {
      username: "chief",
      password: "seven violet harbours at dawn",
    });
    expect(login.body.mfa).toBe("enrol");
    const enrolment = await visitor.post("/api/auth/mfa/enrolment");
    expect(
      (
        await visitor.post("/api/auth/mfa/enrolment/confirm", {
          code: await totpCode(t, enrolment.body.secret),
        })
      ).status,
    ).toBe(200);
    expect((await visitor.get("/api/users")).status).toBe(200);
  });

  it("refuses a wrong, replaced or expired link and records the attempt", async () => {
    const first = await issueSetupLinkIfNeeded({ services: t.services });
    const second = await issueSetupLinkIfNeeded({ services: t.services });
    const visitor = new Client(t);
    expect((await visitor.post("/api/setup", body("x".repeat(43)))).status).toBe(404);
    expect((await visitor.post("/api/setup", body(first!.token))).status).toBe(404);
    t.clock.advance(24 * 3600_000 + 1000);
    expect((await visitor.post("/api/setup", body(second!.token))).status).toBe(404);
    const failures = (
      await t.db.pool.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'user.created' AND outcome = 'failure'",
      )
    ).rows[0].n;
    expect(failures).toBe(3);
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(0);
  });

  it("creates exactly one administrator when two setups race", async () => {
    const link = await issueSetupLinkIfNeeded({ services: t.services });
    const results = await Promise.all([
      new Client(t).post("/api/setup", body(link!.token)),
      new Client(t).post("/api/setup", { ...body(link!.token), username: "rival" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 404]);
    expect((await t.db.pool.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(1);
  });

  it("applies the password policy", async () => {
    const link = await issueSetupLinkIfNeeded({ services: t.services });
    const response = await new Client(t).post("/api/setup", { ...body(link!.token), password: "short" });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: "password_too_short",
      fields: [{ path: "body.password" }],
    });
  });
});

describe("no default accounts", () => {
  it("a fresh install accepts none of the usual default credentials", async () => {
    const client = new Client(t);
    for (const [username, password] of [
      ["admin", "admin"],
      ["root", "root"],
      ["administrator", "password"],
      ["comity", "comity"],
      ["admin", "changeme"],
    ]) {
      expect((await client.post("/api/auth/login", { username, password })).status).toBe(401);
    }
  });
});
