import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  embeddedLayout,
  embeddedStatus,
  openEmbeddedDatabase,
  stopEmbeddedServer,
} from "../../src/db/embedded.js";
import { projectRoot } from "../../src/db/project-paths.js";

/**
 * The embedded PostgreSQL shared by several processes on one data folder: a running
 * server is reused, never started twice; a server left by a killed process is adopted
 * and stopped later; a stale postmaster.pid after a crash does not block the start.
 */
let dataDir: string;
// Below Linux's ephemeral range (32768-60999): a port there may be held by any client connection.
const port = 21000 + Math.floor(Math.random() * 1000);

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "comity-embedded-"));
});
afterAll(async () => {
  await stopEmbeddedServer(dataDir);
  await rm(dataDir, { recursive: true, force: true });
});

function startChild(
  role: "server" | "command",
): Promise<{ child: ChildProcess; info: { url: string; startedHere: boolean } }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(projectRoot, "test", "support", "embedded-child.ts"),
      dataDir,
      String(port),
      role,
    ],
    {
      cwd: projectRoot,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("\n")) resolve({ child, info: JSON.parse(output.split("\n")[0]!) });
    });
    child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
  });
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL shared by processes", () => {
  it("refuses port 5432", async () => {
    await expect(openEmbeddedDatabase({ dataDir, port: 5432, role: "command" })).rejects.toThrow(/5432/);
  });

  it("reuses the server another process runs, and leaves it running on release", async () => {
    const { child, info } = await startChild("server");
    expect(info.startedHere).toBe(true);
    const shared = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    expect(shared.startedHere).toBe(false);
    await query(
      shared.url,
      "CREATE TABLE IF NOT EXISTS durable (value text); INSERT INTO durable VALUES ('kept')",
    );
    await shared.release();
    expect((await embeddedStatus(dataDir)).running).not.toBeNull();
    expect(await query(info.url, "SELECT count(*)::int AS n FROM durable")).toEqual([{ n: 1 }]);

    // The owner is killed without any cleanup: PostgreSQL outlives it, orphaned.
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const orphan = await embeddedStatus(dataDir);
    expect(orphan.running).not.toBeNull();

    // The next process adopts it, uses it, and stops it on release.
    const adopted = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    expect(adopted.startedHere).toBe(true);
    expect(await query(adopted.url, "SELECT value FROM durable")).toEqual([{ value: "kept" }]);
    await adopted.release();
    expect((await embeddedStatus(dataDir)).running).toBeNull();
  });

  it("starts after PostgreSQL itself was killed (stale postmaster.pid), with committed data intact", async () => {
    const first = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    await query(first.url, "INSERT INTO durable VALUES ('before crash')");
    const pid = Number(
      (await readFile(path.join(embeddedLayout(dataDir).pgData, "postmaster.pid"), "utf8")).split("\n")[0],
    );
    process.kill(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Children of a killed postmaster exit on their own; the pid file stays behind.
    const second = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    expect(second.startedHere).toBe(true);
    expect(await query(second.url, "SELECT value FROM durable ORDER BY value")).toEqual([
      { value: "before crash" },
      { value: "kept" },
    ]);
    await second.release();
    await first.release();
  });

  it("ignores a postmaster.pid naming a process that is not PostgreSQL (pid reused after a reboot)", async () => {
    await writeFile(
      path.join(embeddedLayout(dataDir).pgData, "postmaster.pid"),
      `${process.pid}\n${dataDir}\n0\n${port}\n\n127.0.0.1\n0\nready\n`,
    );
    const database = await openEmbeddedDatabase({ dataDir, port, role: "command" });
    expect(database.startedHere).toBe(true);
    expect(await query(database.url, "SELECT count(*)::int AS n FROM durable")).toEqual([{ n: 2 }]);
    await database.release();
  });

  it("hands ownership to a server that joins a command's database", async () => {
    const { child, info } = await startChild("command");
    expect(info.startedHere).toBe(true);
    const server = await openEmbeddedDatabase({ dataDir, port, role: "server" });
    expect(server.startedHere).toBe(true); // took ownership
    child.stdin!.write("release\n");
    await new Promise((resolve) => child.once("exit", resolve));
    // The command did not stop the database under the server's feet.
    expect(await query(server.url, "SELECT 1 AS ok")).toEqual([{ ok: 1 }]);
    await server.release();
    expect((await embeddedStatus(dataDir)).running).toBeNull();
  });
});
