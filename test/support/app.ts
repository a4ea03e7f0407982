import type { LightMyRequestResponse } from "fastify";
import { generate } from "otplib";
import { insertUser, type UserRow } from "../../src/db/platform/users.repository.js";
import type { Role } from "../../src/domain/platform/vocabulary.js";
import { type App, buildApp } from "../../src/server/app.js";
import type { Config } from "../../src/server/platform/config.js";
import { hashPassword, newTotpSecret, sealTotpSecret } from "../../src/server/platform/credentials.js";
import type { Services } from "../../src/server/platform/operation.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { multipartBody } from "./documents.js";
import { TestClock, testConfig, testServices } from "./services.js";

export type TestApp = {
  app: App;
  services: Services;
  db: TestDatabase;
  clock: TestClock;
  close(): Promise<void>;
};

/** The real application (no listen) on a fresh database, with a hand-moved clock. */
export async function createTestApp(
  options: { config?: Config; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = new TestClock();
  const services = testServices(db.database, { clock, config: options.config ?? testConfig(options.env) });
  const app = await buildApp(services, { logger: false, webDir: null });
  await app.ready();
  return {
    app,
    services,
    db,
    clock,
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

export type Response = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read responses loosely and assert the shape they rely on
  body: any;
  headers: LightMyRequestResponse["headers"];
  raw: LightMyRequestResponse;
};

/**
 * A browser-like client over app.inject: keeps cookies, sends the CSRF token on
 * state-changing requests (fetching it from /api/auth/session when it has none).
 */
export class Client {
  readonly cookies = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    readonly testApp: TestApp,
    readonly ip = "203.0.113.10",
  ) {}

  async request(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS" | "HEAD",
    url: string,
    options: {
      body?: unknown;
      headers?: Record<string, string>;
      csrf?: boolean;
      rawBody?: string | Buffer;
    } = {},
  ): Promise<Response> {
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(method);
    if (unsafe && options.csrf !== false && !this.csrfToken) await this.refreshSession();
    const headers: Record<string, string> = { "user-agent": "comity-test", ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    if (unsafe && options.csrf !== false && this.csrfToken) headers["x-csrf-token"] = this.csrfToken;
    let payload: string | Buffer | undefined;
    if (options.rawBody !== undefined) payload = options.rawBody;
    else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers["content-type"] ??= "application/json";
    }
    const raw = await this.testApp.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const cookie of raw.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        cookie.maxAge === 0 ||
        (cookie.expires !== undefined && cookie.expires.getTime() < Date.now()) ||
        cookie.value === "";
      if (expired) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    let body: unknown = raw.body;
    if (String(raw.headers["content-type"] ?? "").includes("json") && raw.body) body = JSON.parse(raw.body);
    if (body && typeof body === "object" && "csrfToken" in body && typeof body.csrfToken === "string") {
      this.csrfToken = body.csrfToken;
    }
    return { status: raw.statusCode, body, headers: raw.headers, raw };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request("GET", url, { ...(headers ? { headers } : {}) });
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("POST", url, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }
  put(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PUT", url, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }
  patch(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request("PATCH", url, { body: body ?? {}, ...(headers ? { headers } : {}) });
  }

  /** Sends one file as multipart/form-data, the way the web app's upload does. */
  upload(url: string, file: { name: string; content: Buffer | string }, headers?: Record<string, string>) {
    const { payload, contentType } = multipartBody([
      { name: "file", filename: file.name, contentType: "application/octet-stream", content: file.content },
    ]);
    return this.request("POST", url, {
      rawBody: payload,
      headers: { ...headers, "content-type": contentType },
    });
  }

  async refreshSession(): Promise<Response> {
    return this.get("/api/auth/session");
  }
}

export type TestUser = { row: UserRow; username: string; password: string; totpSecret: string | null };

let counter = 0;
/** Creates an account directly (a fixture, not the API under test): password set, authenticator enrolled. */
export async function createUser(
  testApp: TestApp,
  options: { role?: Role; username?: string; enrolled?: boolean; password?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `user${counter}-${Math.random().toString(36).slice(2, 7)}`;
  const password = options.password ?? `quiet lantern ${counter} harbour violet`;
  const now = testApp.clock.now();
  const enrolled = options.enrolled ?? true;
  const totpSecret = enrolled ? newTotpSecret() : null;
  const row = await insertUser(testApp.services.database, {
    username,
    displayName: `Test ${username}`,
    role: options.role ?? "administrator",
    passwordHash: await hashPassword(password),
    passwordChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  if (totpSecret) {
    const { setUserAuthState } = await import("../../src/db/platform/users.repository.js");
    const updated = await setUserAuthState(testApp.services.database, row.id, {
      totpSecret: sealTotpSecret(testApp.services.secrets.fieldKey, row.id, totpSecret),
      totpEnabledAt: now,
    });
    return { row: updated, username, password, totpSecret };
  }
  return { row, username, password, totpSecret };
}

/** The current code of an authenticator, at the test clock's time. */
export function totpCode(testApp: TestApp, secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(testApp.clock.now().getTime() / 1000) + offsetSeconds });
}

/**
 * Signs in with password and second factor. The clock moves on by one TOTP step first,
 * so that signing the same user in twice never replays a code.
 */
export async function signIn(
  testApp: TestApp,
  user: TestUser,
  client = new Client(testApp),
): Promise<Client> {
  testApp.clock.advance(30_000);
  const login = await client.post("/api/auth/login", { username: user.username, password: user.password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  if (!user.totpSecret) throw new Error("user has no authenticator");
  const verify = await client.post("/api/auth/mfa/verify", {
    code: await totpCode(testApp, user.totpSecret),
  });
  if (verify.status !== 200) throw new Error(`mfa failed: ${verify.status} ${JSON.stringify(verify.body)}`);
  return client;
}

export async function signInAs(testApp: TestApp, role: Role): Promise<{ client: Client; user: TestUser }> {
  const user = await createUser(testApp, { role });
  return { client: await signIn(testApp, user), user };
}
