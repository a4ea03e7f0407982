import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, createTestApp, createUser, signIn, type TestApp, totpCode } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function auditRows(eventType: string) {
  const result = await t.db.pool.query("SELECT * FROM audit_log WHERE event_type = $1 ORDER BY seq", [
    eventType,
  ]);
  return result.rows;
}

function withoutRequestId(body: { error: Record<string, unknown> }) {
  const { requestId: _ignored, ...rest } = body.error;
  return rest;
}

describe("password step", () => {
  it("refuses a wrong password with a generic 401 and records the failure", async () => {
    const user = await createUser(t);
    const before = (await auditRows("auth.login")).length;
    const response = await new Client(t).post("/api/auth/login", {
      username: user.username,
      password: "not the password at all",
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("invalid_credentials");
    const rows = await auditRows("auth.login");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ outcome: "failure", actor_id: user.row.id, object_id: user.row.id });
    expect(rows.at(-1).details.reason).toBe("wrong_password");
  });

  it("compares the password exactly as typed: no truncation, no case folding", async () => {
    const password = "Ünïcode passphrase with many words 1234567890 abcdefghij klmnopqrst uvwxyz ABCDEF";
    expect(password.length).toBeGreaterThan(72);
    const user = await createUser(t, { password });
    const client = new Client(t);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: password.slice(0, 72) }))
        .status,
    ).toBe(401);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: password.toUpperCase() }))
        .status,
    ).toBe(401);
    expect((await client.post("/api/auth/login", { username: user.username, password })).status).toBe(200);
  });

  it("gives identical answers for an unknown user, a wrong password, a disabled and a locked account", async () => {
    const known = await createUser(t);
    const disabled = await createUser(t);
    const locked = await createUser(t);
    await t.db.pool.query("UPDATE users SET disabled_at = now() WHERE id = $1", [disabled.row.id]);
    await t.db.pool.query("UPDATE users SET locked_at = now() WHERE id = $1", [locked.row.id]);
    const attempts = [
      { username: "nobody-here", password: "some password that is long" },
      { username: known.username, password: "some password that is long" },
      { username: disabled.username, password: disabled.password },
      { username: locked.username, password: locked.password },
    ];
    const responses = [];
    for (const attempt of attempts) responses.push(await new Client(t).post("/api/auth/login", attempt));
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(withoutRequestId(response.body)).toEqual(withoutRequestId(responses[0]!.body));
      expect(response.headers["set-cookie"] ?? "").not.toContain("comity_session");
    }
  });

  it("issues a new session token at every sign-in and ends the previous session", async () => {
    const user = await createUser(t);
    const client = await signIn(t, user);
    const firstToken = client.cookies.get("comity_session");
    const stolen = new Client(t);
    stolen.cookies.set("comity_session", firstToken!);
    expect((await stolen.get("/api/states/RU")).status).toBe(200);
    await signIn(t, user, client);
    expect(client.cookies.get("comity_session")).not.toBe(firstToken);
    expect((await stolen.get("/api/states/RU")).status).toBe(401);
    expect((await client.get("/api/states/RU")).status).toBe(200);
  });

  it("sets the session cookie HttpOnly and SameSite=Strict, with a 256-bit token", async () => {
    const user = await createUser(t);
    const response = await new Client(t).post("/api/auth/login", {
      username: user.username,
      password: user.password,
    });
    const cookie = [response.headers["set-cookie"]]
      .flat()
      .find((value) => String(value).startsWith("comity_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i); // plain HTTP in this test
    expect(String(cookie).split(";")[0]!.split("=")[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("marks the cookie Secure when the request came over TLS through a trusted proxy", async () => {
    const proxied = await createTestApp({
      env: {
        COMITY_TRUST_PROXY: "true",
        COMITY_LOGIN_RATE_LIMIT: "10000",
        COMITY_LOG_LEVEL: "silent",
        COMITY_AUDIT_CHECKPOINT_MINUTES: "0",
      },
    });
    try {
      const user = await createUser(proxied);
      const response = await new Client(proxied).post(
        "/api/auth/login",
        { username: user.username, password: user.password },
        { "x-forwarded-proto": "https" },
      );
      const cookie = [response.headers["set-cookie"]]
        .flat()
        .find((value) => String(value).startsWith("comity_session="));
      expect(cookie).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });
});

describe("lockout (CJIS AC-7)", () => {
  it("locks after exactly five failures in 15 minutes, refuses the correct password, until an administrator unlocks", async () => {
    const user = await createUser(t, { role: "registrar" });
    const client = new Client(t);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (
          await client.post("/api/auth/login", {
            username: user.username,
            password: `wrong guess number ${attempt}`,
          })
        ).status,
      ).toBe(401);
    }
    let row = (await t.db.pool.query("SELECT locked_at FROM users WHERE id = $1", [user.row.id])).rows[0];
    expect(row.locked_at).toBeNull();
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: "wrong guess number 5" }))
        .status,
    ).toBe(401);
    row = (await t.db.pool.query("SELECT locked_at FROM users WHERE id = $1", [user.row.id])).rows[0];
    expect(row.locked_at).not.toBeNull();
    const last = (await auditRows("auth.login")).at(-1);
    expect(last.details).toMatchObject({ locked: true, recent_failures: 5 });

    // The sixth attempt, with the right password, is refused too.
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: user.password })).status,
    ).toBe(401);
    // Time alone does not release it.
    t.clock.advance(24 * 3600_000);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: user.password })).status,
    ).toBe(401);

    const admin = await signIn(t, await createUser(t, { role: "administrator" }));
    expect((await admin.post(`/api/users/${user.row.id}/unlock`)).status).toBe(200);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: user.password })).status,
    ).toBe(200);
  });

  it("forgets failures older than 15 minutes", async () => {
    const user = await createUser(t);
    const client = new Client(t);
    for (let attempt = 1; attempt <= 4; attempt++) {
      await client.post("/api/auth/login", {
        username: user.username,
        password: `wrong guess number ${attempt}`,
      });
    }
    t.clock.advance(15 * 60_000 + 1000);
    await client.post("/api/auth/login", { username: user.username, password: "wrong guess number 5" });
    const row = (await t.db.pool.query("SELECT locked_at FROM users WHERE id = $1", [user.row.id])).rows[0];
    expect(row.locked_at).toBeNull();
  });

  it("counts wrong second-factor codes towards the lock", async () => {
    const user = await createUser(t);
    const client = new Client(t);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const login = await client.post("/api/auth/login", {
        username: user.username,
        password: user.password,
      });
      if (attempt < 5 || login.status === 200) {
        const verify = await client.post("/api/auth/mfa/verify", {
          code: "000000" === (await totpCode(t, user.totpSecret!)) ? "111111" : "000000",
        });
        expect(verify.status).toBe(401);
      }
    }
    const row = (await t.db.pool.query("SELECT locked_at FROM users WHERE id = $1", [user.row.id])).rows[0];
    expect(row.locked_at).not.toBeNull();
  });
});

describe("second factor (TOTP)", () => {
  it("keeps a password-only session away from every data route", async () => {
    const user = await createUser(t, { role: "administrator" });
    const client = new Client(t);
    expect(
      (await client.post("/api/auth/login", { username: user.username, password: user.password })).status,
    ).toBe(200);
    const session = await client.get("/api/auth/session");
    expect(session.body).toMatchObject({ authenticated: false, mfa: "verify", permissions: [] });
    for (const url of ["/api/users", "/api/states", "/api/audit"]) {
      const response = await client.get(url);
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe("mfa_required");
    }
  });

  it("refuses a replayed code and a code past its 30-second step", async () => {
    const user = await createUser(t);
    const client = new Client(t);
    t.clock.set(new Date(Math.ceil(t.clock.now().getTime() / 30_000) * 30_000)); // start of a step
    await client.post("/api/auth/login", { username: user.username, password: user.password });
    const code = await totpCode(t, user.totpSecret!);
    expect((await client.post("/api/auth/mfa/verify", { code })).status).toBe(200);

    // Replay in the same step, from a new sign-in.
    const second = new Client(t);
    await second.post("/api/auth/login", { username: user.username, password: user.password });
    const replay = await second.post("/api/auth/mfa/verify", { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe("invalid_code");

    // A code generated now is refused 31 seconds later.
    t.clock.advance(60_000);
    const third = new Client(t);
    await third.post("/api/auth/login", { username: user.username, password: user.password });
    const fresh = await totpCode(t, user.totpSecret!);
    t.clock.advance(31_000);
    expect((await third.post("/api/auth/mfa/verify", { code: fresh })).status).toBe(401);
    expect(
      (await third.post("/api/auth/mfa/verify", { code: await totpCode(t, user.totpSecret!) })).status,
    ).toBe(200);
  });

  it("enrols an authenticator at first sign-in and completes the session", async () => {
    const user = await createUser(t, { enrolled: false, role: "analyst" });
    const client = new Client(t);
    const login = await client.post("/api/auth/login", { username: user.username, password: user.password });
    expect(login.body.mfa).toBe("enrol");
    const beforeToken = client.cookies.get("comity_session");
    const enrolment = await client.post("/api/auth/mfa/enrolment");
    expect(enrolment.status).toBe(200);
    expect(enrolment.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Comity:/);
    expect(enrolment.body.qrSvg).toContain("<svg");
    expect((await client.post("/api/auth/mfa/enrolment/confirm", { code: "000000" })).status).toBe(401);
    const code = await totpCode(t, enrolment.body.secret);
    const confirm = await client.post("/api/auth/mfa/enrolment/confirm", { code });
    expect(confirm.status).toBe(200);
    expect(client.cookies.get("comity_session")).not.toBe(beforeToken);
    expect((await client.get("/api/auth/session")).body).toMatchObject({ authenticated: true, mfa: "done" });
    expect((await client.get("/api/states/KH")).status).toBe(200);
    // Enrolment cannot be restarted behind the user's back once done.
    expect((await client.post("/api/auth/mfa/enrolment")).status).toBe(409);
    // The secret is stored encrypted, not in clear.
    const stored = (await t.db.pool.query("SELECT totp_secret FROM users WHERE id = $1", [user.row.id]))
      .rows[0].totp_secret;
    expect(stored).not.toContain(enrolment.body.secret);
  });
});

describe("session lifetime", () => {
  it("expires after 30 minutes idle: valid at 29:59, refused at 30:01", async () => {
    const client = await signIn(t, await createUser(t, { role: "analyst" }));
    expect((await client.get("/api/states/RU")).status).toBe(200);
    t.clock.advance(29 * 60_000 + 59_000);
    expect((await client.get("/api/states/RU")).status).toBe(200);
    t.clock.advance(30 * 60_000 + 1_000);
    const expired = await client.get("/api/states/RU");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("session_ended");
    // And it stays ended even if the clock went back.
    t.clock.advance(-31 * 60_000);
    expect((await client.get("/api/states/RU")).status).toBe(401);
  });

  it("ends after 12 hours even when active", async () => {
    const client = await signIn(t, await createUser(t, { role: "analyst" }));
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await client.get("/api/states/RU")).status).toBe(200);
    }
    t.clock.advance(20 * 60_000 + 1_000);
    expect((await client.get("/api/states/RU")).status).toBe(401);
  });

  it("ends at logout: the old cookie opens nothing", async () => {
    const client = await signIn(t, await createUser(t, { role: "analyst" }));
    const copy = new Client(t);
    copy.cookies.set("comity_session", client.cookies.get("comity_session")!);
    expect((await client.post("/api/auth/logout")).status).toBe(200);
    expect(client.cookies.has("comity_session")).toBe(false);
    expect((await copy.get("/api/states/RU")).status).toBe(401);
  });

  it("ends every session of an account the moment it is disabled", async () => {
    const target = await createUser(t, { role: "registrar" });
    const first = await signIn(t, target);
    const second = await signIn(t, target, new Client(t, "198.51.100.7"));
    const admin = await signIn(t, await createUser(t, { role: "administrator" }));
    expect((await admin.post(`/api/users/${target.row.id}/disable`)).status).toBe(200);
    expect((await first.get("/api/states/RU")).status).toBe(401);
    expect((await second.get("/api/states/RU")).status).toBe(401);
    expect(
      (await new Client(t).post("/api/auth/login", { username: target.username, password: target.password }))
        .status,
    ).toBe(401);
  });

  it("applies a role change on the next request", async () => {
    const target = await createUser(t, { role: "auditor" });
    const client = await signIn(t, target);
    expect((await client.get("/api/audit?limit=1")).status).toBe(200);
    const admin = await signIn(t, await createUser(t, { role: "administrator" }));
    const current = await admin.get(`/api/users/${target.row.id}`);
    expect(
      (
        await admin.patch(
          `/api/users/${target.row.id}`,
          { role: "analyst" },
          { "if-match": current.headers.etag as string },
        )
      ).status,
    ).toBe(200);
    expect((await client.get("/api/audit?limit=1")).status).toBe(403);
  });
});

describe("CSRF", () => {
  it("refuses state-changing requests without the token, with another session's token, or with a forged one", async () => {
    const user = await createUser(t, { role: "administrator" });
    const client = await signIn(t, user);
    const other = await signIn(t, await createUser(t, { role: "administrator" }));
    const body = { username: "csrf-victim", displayName: "Victim", role: "analyst" };
    const missing = await client.request("POST", "/api/users", { body, csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe("csrf_invalid");
    const foreign = await client.request("POST", "/api/users", {
      body,
      csrf: false,
      headers: { "x-csrf-token": other.csrfToken! },
    });
    expect(foreign.status).toBe(403);
    const forged = await client.request("POST", "/api/users", {
      body,
      csrf: false,
      headers: { "x-csrf-token": "forged-token" },
    });
    expect(forged.status).toBe(403);
    const count = (
      await t.db.pool.query("SELECT count(*)::int AS n FROM users WHERE username = 'csrf-victim'")
    ).rows[0].n;
    expect(count).toBe(0);
    expect((await client.post("/api/users", body)).status).toBe(201);
  });

  it("protects the sign-in form too", async () => {
    const user = await createUser(t);
    const response = await new Client(t).request("POST", "/api/auth/login", {
      body: { username: user.username, password: user.password },
      csrf: false,
    });
    expect(response.status).toBe(403);
  });
});

describe("password change", () => {
  it("needs the current password, applies the policy and ends the other sessions", async () => {
    const user = await createUser(t, { role: "analyst" });
    const client = await signIn(t, user);
    const other = await signIn(t, user, new Client(t, "198.51.100.8"));
    const wrong = await client.post("/api/auth/password", {
      currentPassword: "not it at all, sorry",
      newPassword: "a completely new passphrase here",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe("wrong_password");
    const weak = await client.post("/api/auth/password", {
      currentPassword: user.password,
      newPassword: "password",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe("body.newPassword");
    const ok = await client.post("/api/auth/password", {
      currentPassword: user.password,
      newPassword: "a completely new passphrase here",
    });
    expect(ok.status).toBe(200);
    expect((await client.get("/api/states/RU")).status).toBe(200);
    expect((await other.get("/api/states/RU")).status).toBe(401);
  });
});
