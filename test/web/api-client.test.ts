import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { safeNextPath, withNext } from "../../src/web/platform/auth/next-path.js";

type Call = { url: string; method: string; headers: Record<string, string>; body: string | null };
type Answer = { status: number; body?: unknown };

const SESSION = {
  authenticated: false,
  mfa: "none",
  user: null,
  permissions: [],
  setupRequired: false,
  expiresAt: null,
  office: { timeZone: "Europe/Moscow", today: "2026-03-01" },
};

/** A fake fetch that records calls and answers from a queue (the session probe answers itself). */
function fakeServer(answers: Answer[]) {
  const calls: Call[] = [];
  let tokens = 0;
  const fetch = vi.fn(async (url: string, init: RequestInit) => {
    const call: Call = {
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: (init.body as string | null) ?? null,
    };
    calls.push(call);
    if (url === "/api/auth/session") {
      tokens += 1;
      return new Response(JSON.stringify({ ...SESSION, csrfToken: `token-${tokens}` }), { status: 200 });
    }
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call ${call.method} ${url}`);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
    });
  });
  return { calls, fetch };
}

const error = (status: number, code: string, message = "message", fields?: unknown[]) => ({
  status,
  body: { error: { code, message, requestId: "r-1", ...(fields ? { fields } : {}) } },
});

// The client keeps its CSRF token in module state: each test gets a fresh module.
async function freshClient() {
  vi.resetModules();
  return import("../../src/web/api/client.js");
}

const ok = z.object({ ok: z.literal(true) });

describe("API client", () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it("reads JSON through the schema and leaves empty query parameters out", async () => {
    const server = fakeServer([{ status: 200, body: { ok: true } }]);
    vi.stubGlobal("fetch", server.fetch);
    const { request } = await freshClient();
    await expect(
      request("/api/states", { query: { q: "ru", before: undefined, outcome: "" }, schema: ok }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(server.calls[0]?.url).toBe("/api/states?q=ru");
    expect(server.calls[0]?.headers["X-CSRF-Token"]).toBeUndefined();
  });

  it("sends the CSRF token and a JSON body with every state-changing call, fetching a token first if needed", async () => {
    const server = fakeServer([{ status: 200, body: { ok: true } }]);
    vi.stubGlobal("fetch", server.fetch);
    const { request } = await freshClient();
    await request("/api/auth/logout", { method: "POST", schema: ok });
    const [probe, logout] = server.calls;
    expect(probe?.url).toBe("/api/auth/session");
    expect(logout?.headers["X-CSRF-Token"]).toBe("token-1");
    expect(logout?.headers["Content-Type"]).toBe("application/json");
    expect(logout?.body).toBe("{}");
  });

  it("retries once with a fresh token when the server refuses the CSRF token", async () => {
    const server = fakeServer([error(403, "csrf_invalid"), { status: 200, body: { ok: true } }]);
    vi.stubGlobal("fetch", server.fetch);
    const { request, setCsrfToken } = await freshClient();
    setCsrfToken("stale");
    await expect(request("/api/users/1/unlock", { method: "POST", schema: ok })).resolves.toEqual({
      ok: true,
    });
    const sent = server.calls.filter((call) => call.url === "/api/users/1/unlock");
    expect(sent.map((call) => call.headers["X-CSRF-Token"])).toEqual(["stale", "token-1"]);
  });

  it("gives up after one retry", async () => {
    const server = fakeServer([error(403, "csrf_invalid"), error(403, "csrf_invalid")]);
    vi.stubGlobal("fetch", server.fetch);
    const { request, setCsrfToken } = await freshClient();
    setCsrfToken("stale");
    await expect(request("/api/users/1/unlock", { method: "POST", schema: ok })).rejects.toMatchObject({
      code: "csrf_invalid",
    });
    expect(server.calls.filter((call) => call.url === "/api/users/1/unlock")).toHaveLength(2);
  });

  it("turns the API's error shape into an ApiError with its fields", async () => {
    const server = fakeServer([
      error(400, "password_too_short", "Use at least 15 characters", [
        { path: "body.password", message: "short" },
      ]),
    ]);
    vi.stubGlobal("fetch", server.fetch);
    const { ApiError, request, setCsrfToken } = await freshClient();
    setCsrfToken("t");
    const failure = await request("/api/setup", { method: "POST", body: {}, schema: ok }).catch(
      (caught) => caught,
    );
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      code: "password_too_short",
      message: "Use at least 15 characters",
      fields: [{ path: "body.password", message: "short" }],
      requestId: "r-1",
    });
  });

  it("sends the user to sign in on a 401 of a protected call, but not from the sign-in steps", async () => {
    const server = fakeServer([error(401, "session_ended"), error(401, "invalid_code")]);
    vi.stubGlobal("fetch", server.fetch);
    const { onSignInRequired, request } = await freshClient();
    const handler = vi.fn();
    onSignInRequired(handler);
    await expect(request("/api/users", { schema: ok })).rejects.toMatchObject({ code: "session_ended" });
    expect(handler).toHaveBeenCalledWith("session_ended");
    await expect(
      request("/api/auth/mfa/verify", {
        method: "POST",
        body: { code: "000000" },
        schema: ok,
        redirectOnSignInRequired: false,
      }),
    ).rejects.toMatchObject({ code: "invalid_code" });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("reports an unreachable server and an answer that breaks the contract", async () => {
    const { request } = await freshClient();
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("fetch failed");
      }),
    );
    await expect(request("/api/users", { schema: ok })).rejects.toMatchObject({
      status: 0,
      code: "network_error",
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response(JSON.stringify({ ok: "yes" }), { status: 200 })),
    );
    await expect(request("/api/users", { schema: ok })).rejects.toMatchObject({ code: "invalid_response" });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 })),
    );
    await expect(request("/api/users", { schema: ok })).rejects.toMatchObject({
      status: 502,
      code: "http_error",
    });
  });
});

describe("the page to return to after sign-in", () => {
  it("accepts paths on this site only", () => {
    expect(safeNextPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    for (const bad of [
      null,
      "",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "javascript:alert(1)",
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });

  it("never returns to the sign-in pages themselves", () => {
    expect(safeNextPath("/login")).toBe("/");
    expect(safeNextPath("/login/mfa?next=%2F")).toBe("/");
    expect(withNext("/login", "/audit")).toBe("/login?next=%2Faudit");
    expect(withNext("/login", "/")).toBe("/login");
  });
});
