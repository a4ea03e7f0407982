import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Client,
  createTestApp,
  createUser,
  signIn,
  signInAs,
  type TestApp,
  totpCode,
} from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe("user administration", () => {
  it("invites a user who chooses a password, enrols an authenticator and signs in", async () => {
    const { client: admin } = await signInAs(t, "administrator");
    const created = await admin.post("/api/users", {
      username: "Irina.Petrova",
      displayName: "Ирина Петрова",
      role: "case_officer",
      locale: "ru",
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      username: "irina.petrova",
      status: "invited",
      mfaEnrolled: false,
      role: "case_officer",
      locale: "ru",
    });
    expect(created.body.invitation.path).toBe(`/invite#${created.body.invitation.token}`);
    expect(created.headers.etag).toBe('"v1"');
    expect(JSON.stringify(created.body)).not.toMatch(/password_hash|passwordHash|totp/i);

    const invitee = new Client(t, "198.51.100.20");
    // Not before the invitation is accepted.
    expect(
      (
        await invitee.post("/api/auth/login", {
          username: "irina.petrova",
          password: "whatever she might type",
        })
      ).status,
    ).toBe(401);
    const info = await invitee.post("/api/invitations/inspect", { token: created.body.invitation.token });
    expect(info.body).toEqual({ username: "irina.petrova", displayName: "Ирина Петрова" });
    const weak = await invitee.post("/api/invitations/accept", {
      token: created.body.invitation.token,
      password: "irina.petrova2024",
    });
    expect(weak.status).toBe(400);
    const accepted = await invitee.post("/api/invitations/accept", {
      token: created.body.invitation.token,
      password: "снег на крыше старого дома",
    });
    expect(accepted.status).toBe(200);
    // One use only.
    expect(
      (
        await invitee.post("/api/invitations/accept", {
          token: created.body.invitation.token,
          password: "another try at a passphrase",
        })
      ).status,
    ).toBe(404);

    const login = await invitee.post("/api/auth/login", {
      username: "Irina.Petrova",
      password: "снег на крыше старого дома",
    });
    expect(login.body.mfa).toBe("enrol");
    const enrolment = await invitee.post("/api/auth/mfa/enrolment");
    expect(
      (
        await invitee.post("/api/auth/mfa/enrolment/confirm", {
          code: await totpCode(t, enrolment.body.secret),
        })
      ).status,
    ).toBe(200);
    const session = await invitee.get("/api/auth/session");
    expect(session.body).toMatchObject({
      authenticated: true,
      user: { username: "irina.petrova", locale: "ru" },
    });
    const listed = await admin.get("/api/users");
    expect(
      listed.body.users.find((user: { username: string }) => user.username === "irina.petrova"),
    ).toMatchObject({ status: "active", mfaEnrolled: true });
  });

  it("refuses a taken user name with the field named", async () => {
    const existing = await createUser(t);
    const { client: admin } = await signInAs(t, "administrator");
    const response = await admin.post("/api/users", {
      username: existing.username.toUpperCase(),
      displayName: "Dup",
      role: "analyst",
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: "username_taken",
      fields: [{ path: "body.username" }],
    });
  });

  it("needs If-Match to edit (428), refuses a stale version (412), and bumps the version", async () => {
    const target = await createUser(t, { role: "analyst" });
    const { client: admin } = await signInAs(t, "administrator");
    expect((await admin.patch(`/api/users/${target.row.id}`, { displayName: "New Name" })).status).toBe(428);
    expect(
      (await admin.patch(`/api/users/${target.row.id}`, { displayName: "New Name" }, { "if-match": "v1" }))
        .status,
    ).toBe(400);
    const ok = await admin.patch(
      `/api/users/${target.row.id}`,
      { displayName: "New Name" },
      { "if-match": '"v1"' },
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.etag).toBe('"v2"');
    const stale = await admin.patch(
      `/api/users/${target.row.id}`,
      { role: "registrar" },
      { "if-match": '"v1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("stale_version");
    expect((await admin.get(`/api/users/${target.row.id}`)).body).toMatchObject({
      displayName: "New Name",
      role: "analyst",
      version: 2,
    });
  });

  it("loses no update under 20 concurrent edits: one wins per version, the rest get 412", async () => {
    const target = await createUser(t, { role: "analyst" });
    const { client: admin } = await signInAs(t, "administrator");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        admin.patch(`/api/users/${target.row.id}`, { displayName: `Name ${i}` }, { "if-match": '"v1"' }),
      ),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    const winner = results.find((result) => result.status === 200)!.body.displayName;
    expect((await admin.get(`/api/users/${target.row.id}`)).body).toMatchObject({
      displayName: winner,
      version: 2,
    });
  });

  it("records a policy refusal as denied and changes nothing", async () => {
    const { client: admin, user } = await signInAs(t, "administrator");
    const response = await admin.post(`/api/users/${user.row.id}/disable`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("self_disable");
    const entry = (await t.db.pool.query("SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1")).rows[0];
    expect(entry).toMatchObject({
      event_type: "user.disabled",
      outcome: "denied",
      actor_id: user.row.id,
      object_id: user.row.id,
    });
    expect(
      (await t.db.pool.query("SELECT disabled_at FROM users WHERE id = $1", [user.row.id])).rows[0]
        .disabled_at,
    ).toBeNull();
  });

  it("resets access: password and authenticator gone, sessions ended, new invitation works", async () => {
    const target = await createUser(t, { role: "registrar" });
    const session = await signIn(t, target);
    const { client: admin } = await signInAs(t, "administrator");
    const reset = await admin.post(`/api/users/${target.row.id}/reset-access`);
    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ status: "invited", mfaEnrolled: false });
    expect((await session.get("/api/states/RU")).status).toBe(401);
    expect(
      (await new Client(t).post("/api/auth/login", { username: target.username, password: target.password }))
        .status,
    ).toBe(401);
    const invitee = new Client(t);
    expect(
      (
        await invitee.post("/api/invitations/accept", {
          token: reset.body.invitation.token,
          password: "brand new words for a new start",
        })
      ).status,
    ).toBe(200);
    const login = await invitee.post("/api/auth/login", {
      username: target.username,
      password: "brand new words for a new start",
    });
    expect(login.body.mfa).toBe("enrol");
  });

  it("enables a disabled account again", async () => {
    const target = await createUser(t, { role: "analyst" });
    const { client: admin } = await signInAs(t, "administrator");
    expect((await admin.post(`/api/users/${target.row.id}/disable`)).body.status).toBe("disabled");
    expect((await admin.post(`/api/users/${target.row.id}/enable`)).body.status).toBe("active");
    await signIn(t, target);
  });

  it("answers 404 for an account that does not exist", async () => {
    const { client: admin } = await signInAs(t, "administrator");
    const response = await admin.get("/api/users/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("not_found");
  });
});

describe("preferences", () => {
  it("remembers the interface language on the account", async () => {
    const { client } = await signInAs(t, "analyst");
    expect((await client.put("/api/auth/preferences", { locale: "ru" })).status).toBe(200);
    expect((await client.get("/api/auth/session")).body.user.locale).toBe("ru");
    expect((await client.put("/api/auth/preferences", { locale: "de" })).status).toBe(400);
  });
});
