import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stopEmbeddedServer } from "../../src/db/embedded.js";
import { projectRoot } from "../../src/db/project-paths.js";

/**
 * The `comity` command, compiled, as a user runs it: each command against the embedded
 * database whether or not the server runs, `--json` output, progress on stderr, errors
 * that name the problem, and `serve` from first start to a clean stop.
 */
const RUNNER = path.join(projectRoot, "test", "support", "run-cli.mjs");
let dataDir: string;
let serveDataDir: string;
// Below Linux's ephemeral range (32768-60999): a port there may be held by any client connection.
const pgPort = 20000 + Math.floor(Math.random() * 400);
const servePgPort = pgPort + 500;

type Result = { code: number | null; stdout: string; stderr: string };

function run(
  args: string[],
  options: { env?: Record<string, string>; input?: string; dir?: string; port?: number } = {},
): Promise<Result> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMITY_DATA_DIR: options.dir ?? dataDir,
    COMITY_EMBEDDED_PG_PORT: String(options.port ?? pgPort),
    COMITY_LOG_LEVEL: "warn",
    ...options.env,
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [RUNNER, ...args], {
    env,
    cwd: projectRoot,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(options.input ?? "");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  const { ensureBuilt } = await import(path.join(projectRoot, "scripts", "build.mjs"));
  await ensureBuilt({ web: false, log: () => undefined });
  dataDir = await mkdtemp(path.join(tmpdir(), "comity-cli-"));
  serveDataDir = await mkdtemp(path.join(tmpdir(), "comity-serve-"));
}, 120_000);

afterAll(async () => {
  await stopEmbeddedServer(dataDir);
  await stopEmbeddedServer(serveDataDir);
  await rm(dataDir, { recursive: true, force: true });
  await rm(serveDataDir, { recursive: true, force: true });
});

describe("comity CLI without a running server", () => {
  it("migrate --json reports the schema current, and leaves no database running", async () => {
    const result = await run(["migrate", "--json"]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status.current).toBe(true);
    expect(status.applied).toBe(status.expected);
    expect(result.stderr).toContain("Creating the embedded PostgreSQL cluster");
    const after = JSON.parse((await run(["db", "status", "--json"])).stdout);
    expect(after.running).toBeNull();
  });

  it("seed --json loads the states, organisations and registry catalogue, and a second seed skips them", async () => {
    const first = JSON.parse((await run(["seed", "--json"])).stdout);
    expect(first).toEqual({
      states: { loaded: true, rows: 250 },
      organisations: { loaded: true, organisations: 25, memberships: expect.any(Number) },
      catalogue: { loaded: true, instruments: 19, actions: expect.any(Number), relations: 9 },
    });
    expect(first.organisations.memberships).toBeGreaterThan(1000);
    expect(first.catalogue.actions).toBeGreaterThan(800);
    const second = JSON.parse((await run(["seed", "--json"])).stdout);
    expect(second.states.loaded).toBe(false);
    expect(second.organisations.loaded).toBe(false);
    expect(second.catalogue).toEqual({ loaded: false, instruments: 0, actions: 0, relations: 0 });
  });

  it("seed --demo adds the demo cases; cases import checks every record, then list and show read them", async () => {
    const seeded = await run(["seed", "--demo", "--json"]);
    expect(seeded.code).toBe(0);
    expect(JSON.parse(seeded.stdout).demo).toMatchObject({ teams: 3, cases: { imported: 14, skipped: 0 } });

    const columns =
      "reference,kind,direction,requesting_state,requested_state,legal_basis,title,team,received_on";
    const bad = path.join(dataDir, "cases-bad.csv");
    await writeFile(
      bad,
      `${columns}\nCLI-1,mla,incoming,KZ,RU,reciprocity,Fine,,2026-02-01\nCLI-2,mla,incoming,KZ,RU,CETS030,Bad team,Ghost desk,2026-02-01\n`,
    );
    const refused = await run(["cases", "import", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("nothing was imported");
    expect(refused.stderr).toContain('line 3 (CLI-2): team: no team named "Ghost desk"');
    const good = path.join(dataDir, "cases-good.csv");
    await writeFile(
      good,
      `${columns}\nCLI-1,mla,incoming,KZ,RU,reciprocity,Fine,Legal assistance unit,2026-02-01\n`,
    );
    const imported = await run(["cases", "import", good]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain("Importing cases: 1/1 (100 %)");
    expect(imported.stderr).toContain("Imported 1 case(s) with 2 event(s); 0 already there");

    const list = await run(["cases", "list", "--kind", "extradition", "--json"]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout);
    expect(listed.total).toBe(4);
    expect(listed.items.map((item: { reference: string }) => item.reference)).toContain(
      "DEMO-EXT-IN-2025-0001",
    );
    const show = await run(["cases", "show", "DEMO-EXT-IN-2025-0001", "--json"]);
    expect(show.code).toBe(0);
    const view = JSON.parse(show.stdout);
    expect(view).toMatchObject({ status: "closed", team: { name: "Extradition unit" } });
    expect(view.checker.legalBasisCodes).toContain("KH-RU-EXT-2017");
    expect(view.deadlines).toContainEqual(
      expect.objectContaining({
        startedBy: expect.objectContaining({ eventType: "provisional_arrest", on: "2025-01-29" }),
        derivation: expect.objectContaining({ en: expect.stringContaining("2025-01-29") }),
      }),
    );
  });

  it("engagements import checks every record; engagements list and show, actions list read what seed --demo added", async () => {
    const record = (key: string, agencyName: string) => ({
      sourceKey: key,
      kind: "call",
      titleEn: `Videoconference ${key}`,
      titleRu: `Видеоконференция ${key}`,
      status: "held",
      startOn: "2026-02-10",
      participants: [{ side: "KH", role: "head_of_delegation", agencyName }],
      outcomes: [{ kind: "statement", titleEn: "Joint press release" }],
    });
    const bad = path.join(dataDir, "engagements-bad.json");
    await writeFile(
      bad,
      JSON.stringify({
        engagements: [
          record("cli-1", "Ministry of Justice of the Kingdom of Cambodia"),
          record("cli-2", "Ghost ministry"),
        ],
      }),
    );
    const refused = await run(["engagements", "import", bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("1 record(s) have problems; nothing was imported.");
    expect(refused.stderr).toContain(
      'record 2 (cli-2): participants.0.agencyName: KH has no agency called "Ghost ministry".',
    );
    const good = path.join(dataDir, "engagements-good.json");
    await writeFile(
      good,
      JSON.stringify([record("cli-1", "Ministry of Justice of the Kingdom of Cambodia")]),
    );
    const imported = await run(["engagements", "import", good]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain(
      "Imported 1 engagement(s) with 1 outcome(s); 0 already there (skipped).",
    );

    const list = await run(["engagements", "list", "--state", "KH", "--json"]);
    expect(list.code).toBe(0);
    const listed = JSON.parse(list.stdout);
    expect(listed.total).toBe(3);
    expect(listed.engagements.map((engagement: { titleEn: string }) => engagement.titleEn)).toContain(
      "Working visit of the Prosecutor General of the Russian Federation to the Kingdom of Cambodia",
    );
    const show = await run(["engagements", "show", "demo:2025-05-26:kh-working-visit"]);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("dates:           2025-05-26/2025-05-27");
    expect(show.stdout).toContain("instrument signed: RU-KH-TRAINING-2025");
    expect(show.stdout).toMatch(/2025-06-06 {2}overdue {3}open/);

    const overdue = await run(["actions", "list", "--overdue", "--json"]);
    expect(overdue.code).toBe(0);
    expect(JSON.parse(overdue.stdout).items.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining([
        "Issue an outcome statement on the visit to Cambodia of 26-27 May 2025",
        "Relay the Senate President's proposal on direct flights to the leadership",
      ]),
    );
    const mine = await run(["actions", "list", "--mine"]);
    expect(mine.code).toBe(1);
    expect(mine.stderr).toContain("--mine: the command line acts as the server's operator");
  });

  it("users create-admin takes a password on stdin, applies the policy, or prints an invitation", async () => {
    const weak = await run(["users", "create-admin", "--username", "weakling", "--password-stdin"], {
      input: "password123\n",
    });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 15 characters/);
    const created = await run(
      [
        "users",
        "create-admin",
        "--username",
        "Chief",
        "--display-name",
        "Главный администратор",
        "--password-stdin",
        "--json",
      ],
      {
        input: "lilac ferries cross the northern bay\n",
      },
    );
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).user).toMatchObject({
      username: "chief",
      role: "administrator",
      status: "active",
    });
    const invited = await run(["users", "create-admin", "--username", "deputy"]);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toMatch(/http:\/\/127\.0\.0\.1:3000\/invite#[A-Za-z0-9_-]{43}/);
    const taken = await run(["users", "create-admin", "--username", "chief", "--password-stdin"], {
      input: "another fine long passphrase\n",
    });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain("taken");
  });

  it("users list, disable and unlock, in text and --json", async () => {
    const list = JSON.parse((await run(["users", "list", "--json"])).stdout);
    expect(list.users.map((user: { username: string }) => user.username)).toEqual(["chief", "deputy"]);
    const text = await run(["users", "list"]);
    expect(text.stdout).toMatch(/username\s+name\s+role\s+status/);
    const disabled = await run(["users", "disable", "deputy", "--json"]);
    expect(JSON.parse(disabled.stdout).status).toBe("disabled");
    const unlocked = await run(["users", "unlock", "chief"]);
    expect(unlocked.code).toBe(0);
    expect(unlocked.stderr).toContain("chief: unlocked");
    const missing = await run(["users", "unlock", "nobody"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No account "nobody"');
  });

  it("audit checkpoint signs the head, audit verify checks the chain (exit 0) and records itself", async () => {
    const checkpoint = JSON.parse((await run(["audit", "checkpoint", "--json"])).stdout);
    expect(checkpoint).toMatchObject({
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      signature: expect.any(String),
    });
    const verify = await run(["audit", "verify", "--json"]);
    expect(verify.code).toBe(0);
    const report = JSON.parse(verify.stdout);
    expect(report).toMatchObject({ ok: true, firstBad: null });
    expect(report.checkpointsChecked).toBeGreaterThanOrEqual(1);
    expect(report.entriesChecked).toBeGreaterThanOrEqual(checkpoint.seq);
    expect((await run(["audit", "verify"])).stderr).toMatch(/Audit chain OK: \d+ entries/);
  });

  it("seed --synthetic writes cases with the compiled worker thread once, and refuses a database with cases of its own", async () => {
    // The shared folder holds the cases imported above: synthetic ones would mix with them.
    const refused = await run(["seed", "--synthetic", "10"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("neither synthetic nor demo cases");
    const dir = await mkdtemp(path.join(tmpdir(), "comity-synthetic-"));
    const port = pgPort + 900;
    try {
      const first = await run(["seed", "--synthetic", "150", "--seed", "5", "--workers", "1", "--json"], {
        dir,
        port,
      });
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout).synthetic).toMatchObject({
        written: true,
        cases: 150,
        seed: 5,
        workers: 1,
      });
      expect(first.stderr).toContain("synthetic cases");
      const again = await run(["seed", "--synthetic", "150", "--json"], { dir, port });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).synthetic).toMatchObject({ written: false, existing: 150, cases: 0 });
      expect(again.stderr).toContain("150 synthetic cases are already there: nothing was written.");
      expect((await run(["seed", "--synthetic", "many"], { dir, port })).code).not.toBe(0);
    } finally {
      await stopEmbeddedServer(dir);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad configuration with a message naming the variable", async () => {
    const result = await run(["users", "list"], { env: { COMITY_EMBEDDED_PG_PORT: "5432", PORT: "-1" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("COMITY_EMBEDDED_PG_PORT: must not be 5432");
    expect(result.stderr).toContain("PORT:");
  });
});

describe("comity serve", () => {
  let server: ChildProcess | null = null;
  let stderr = "";
  const httpPort = 26000 + Math.floor(Math.random() * 1000);
  const base = `http://127.0.0.1:${httpPort}`;

  afterAll(() => {
    server?.kill("SIGKILL");
  });

  it("starts on a fresh data folder, prints the setup link once, and serves the API", async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      COMITY_DATA_DIR: serveDataDir,
      COMITY_EMBEDDED_PG_PORT: String(servePgPort),
      PORT: String(httpPort),
      COMITY_LOG_LEVEL: "warn",
    };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, [RUNNER, "serve"], {
      env,
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stderr!.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!stderr.includes("Comity is running") || !stderr.includes("/setup#")) {
      if (Date.now() > deadline) throw new Error(`serve did not start:\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stderr).toContain(`Comity is running at http://127.0.0.1:${httpPort}`);
    const token = /\/setup#([A-Za-z0-9_-]{43})/.exec(stderr)![1]!;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: "ok" });

    // Create the first administrator over real HTTP, as the setup page does.
    const session = await fetch(`${base}/api/auth/session`);
    const cookies = session.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0])
      .join("; ");
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    const created = await fetch(`${base}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies, "x-csrf-token": csrfToken },
      body: JSON.stringify({
        token,
        username: "first",
        displayName: "First Administrator",
        password: "orchards bloom under april rain",
      }),
    });
    expect(created.status).toBe(201);
  }, 120_000);

  it("lets CLI commands use the running server's database without stopping it", async () => {
    const list = await run(["users", "list", "--json"], { dir: serveDataDir, port: servePgPort });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).users.map((user: { username: string }) => user.username)).toEqual([
      "first",
    ]);
    expect(list.stderr).not.toContain("Starting the embedded PostgreSQL");
    const status = JSON.parse(
      (await run(["db", "status", "--json"], { dir: serveDataDir, port: servePgPort })).stdout,
    );
    expect(status.owner.pid).toBe(server!.pid);
    expect((await fetch(`${base}/api/ready`)).status).toBe(200);
  });

  it("stops cleanly on SIGTERM and stops its embedded database", async () => {
    const exited = new Promise<number | null>((resolve) => server!.once("exit", resolve));
    server!.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);
    server = null;
    expect(stderr).toContain("Stopped.");
    const status = JSON.parse(
      (await run(["db", "status", "--json"], { dir: serveDataDir, port: servePgPort })).stdout,
    );
    expect(status.running).toBeNull();
  });
});
