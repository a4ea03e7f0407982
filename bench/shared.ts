/**
 * What the benchmarks share: the spawned `comity serve`, signing in over HTTP, a small
 * deterministic generator, and autocannon with the figures every table shows.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "otplib";
import { projectRoot } from "../src/db/project-paths.js";
import { type IsoDate, parseIsoDate } from "../src/domain/platform/dates.js";

export const DURATION = Number(process.env.BENCH_SECONDS ?? 15);
export const CONNECTIONS = 10;
export const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

/** A small deterministic generator, so that every run builds the same data. */
export function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

export function day(rand: () => number, from: number, to: number): IsoDate {
  const year = from + Math.floor(rand() * (to - from));
  const month = 1 + Math.floor(rand() * 12);
  const dayOfMonth = 1 + Math.floor(rand() * 28);
  return parseIsoDate(`${year}-${String(month).padStart(2, "0")}-${String(dayOfMonth).padStart(2, "0")}`);
}

export async function startServer(
  dataDir: string,
  port: number,
  pgPort: number,
): Promise<{ child: ChildProcess; setupToken: string }> {
  const profile = process.env.BENCH_PROFILE_DIR
    ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
    : [];
  const child = spawn(process.execPath, [...profile, path.join(projectRoot, "bin", "comity.js"), "serve"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: "",
      COMITY_DATA_DIR: dataDir,
      PORT: String(port),
      COMITY_EMBEDDED_PG_PORT: String(pgPort),
      COMITY_LOG_LEVEL: "warn",
      COMITY_API_RATE_LIMIT: "1000000",
      COMITY_LOGIN_RATE_LIMIT: "1000",
      COMITY_DB_POOL_SIZE: "20",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 180_000;
  while (!stderr.includes("Comity is running")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`comity serve did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const token = /\/setup#([A-Za-z0-9_-]{43})/.exec(stderr)?.[1];
  if (!token) throw new Error("no setup link printed");
  return { child, setupToken: token };
}

/** One browser-like session over HTTP: its cookies and its CSRF token. */
export class ApiSession {
  readonly jar = new Map<string, string>();
  csrf = "";

  constructor(readonly base: string) {}

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** The headers a state-changing request needs besides its body's. */
  get headers(): Record<string, string> {
    return { cookie: this.cookie, "x-csrf-token": this.csrf };
  }

  async call<T = Record<string, string>>(method: string, url: string, body?: unknown): Promise<T> {
    if (!this.csrf && method !== "GET") await this.refresh();
    const response = await fetch(`${this.base}${url}`, {
      method,
      headers: {
        ...(body ? { "content-type": "application/json" } : {}),
        ...(method !== "GET" ? { "x-csrf-token": this.csrf } : {}),
        cookie: this.cookie,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, value] = pair!.split("=");
      this.jar.set(name!, value!);
    }
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
    const result = (await response.json()) as T;
    const token = (result as { csrfToken?: unknown }).csrfToken;
    if (typeof token === "string") this.csrf = token;
    return result;
  }

  /** Reads the session again, for the CSRF token of its current state. */
  async refresh(): Promise<void> {
    await this.call("GET", "/api/auth/session");
  }

  /** Password, then a new authenticator enrolled with its first code. */
  async signInAndEnrol(username: string, password: string): Promise<void> {
    await this.call("POST", "/api/auth/login", { username, password });
    const { secret } = await this.call("POST", "/api/auth/mfa/enrolment", {});
    await this.call("POST", "/api/auth/mfa/enrolment/confirm", { code: await generate({ secret: secret! }) });
    await this.refresh();
  }
}

const PASSWORD = "quiet harbour lanterns glow at dusk";

/** Creates the first administrator over HTTP, signs in and enrols TOTP. */
export async function signInAdministrator(base: string, setupToken: string): Promise<ApiSession> {
  const session = new ApiSession(base);
  await session.call("POST", "/api/setup", {
    token: setupToken,
    username: "bench",
    displayName: "Benchmark",
    password: PASSWORD,
  });
  await session.signInAndEnrol("bench", PASSWORD);
  return session;
}

/** An account the administrator invites, signed in through its invitation link. */
export async function inviteAndSignIn(
  administrator: ApiSession,
  account: { username: string; displayName: string; role: string; clearance: string },
): Promise<{ session: ApiSession; userId: string }> {
  const { user, invitation } = await administrator.call<{
    user: { id: string };
    invitation: { token: string };
  }>("POST", "/api/users", account);
  const session = new ApiSession(administrator.base);
  await session.call("POST", "/api/invitations/accept", { token: invitation.token, password: PASSWORD });
  await session.signInAndEnrol(account.username, PASSWORD);
  return { session, userId: user.id };
}

export type HttpFigures = {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  /** From every response's time (autocannon's histogram has no 95th percentile). */
  p95: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The first response that was not 2xx, to say why. */
  firstFailure?: string;
};

export type BenchRequest = {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
};

/** autocannon with CONNECTIONS connections for DURATION seconds; `next` makes each request. */
export function measure(base: string, headers: Record<string, string>, next: () => BenchRequest) {
  let firstFailure: string | undefined;
  const times: number[] = [];
  return new Promise<HttpFigures>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: DURATION,
        headers,
        requests: [
          {
            setupRequest: (request) => {
              const made = next();
              return {
                ...request,
                method: made.method ?? "GET",
                path: made.path,
                headers: { ...request.headers, ...made.headers },
                ...(made.body !== undefined ? { body: made.body } : {}),
              };
            },
            onResponse: (status, body) => {
              if ((status < 200 || status > 299) && firstFailure === undefined)
                firstFailure = `${status} ${body.slice(0, 600)}`;
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: Math.round(result.requests.average),
          p50: result.latency.p50,
          p90: result.latency.p90,
          p95: percentile(times, 0.95),
          p97_5: result.latency.p97_5,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          ...(firstFailure !== undefined ? { firstFailure } : {}),
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
    });
    instance.on("error", reject);
  });
}

/** The `fraction` percentile of `values` (nearest rank), rounded to the millisecond. */
function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = values.sort((left, right) => left - right);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!);
}

/** GETs of `paths` in turn, one after the other. */
export function measurePaths(base: string, cookie: string, paths: readonly string[]): Promise<HttpFigures> {
  let index = 0;
  return measure(base, { cookie }, () => {
    index = (index + 1) % paths.length;
    return { path: paths[index]! };
  });
}
