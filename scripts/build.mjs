#!/usr/bin/env node
// Builds what is out of date: the server (TypeScript -> dist/node) and the web app
// (Vite -> dist/web). A build is out of date when the hash of its inputs differs from
// the stamp written by the last build, so `npm start` only builds after a change.
//   node scripts/build.mjs           build what is stale (server and web)
//   node scripts/build.mjs --force   rebuild both
//   node scripts/build.mjs --server  only the server
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function files(dir, filter) {
  const out = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (filter(full)) out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

function fingerprint(inputs) {
  const hash = createHash("sha256");
  for (const file of inputs) {
    hash.update(path.relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest("hex");
}

const isSource = (file) => /\.(ts|tsx|css|json|html|svg)$/.test(file) && !/\.test\.tsx?$/.test(file);
const common = ["package-lock.json", "tsconfig.json"].map((file) => path.join(root, file)).filter(existsSync);

const targets = {
  server: {
    stamp: path.join(root, "dist", "node", ".build-stamp"),
    inputs: () => [
      ...files(
        path.join(root, "src"),
        (file) => isSource(file) && !file.includes(`${path.sep}web${path.sep}`),
      ),
      path.join(root, "tsconfig.build.json"),
      ...common,
    ],
    build() {
      const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
      // Type errors are caught by `npm run typecheck` and the tests; the build only emits.
      const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], {
        cwd: root,
        stdio: "inherit",
      });
      if (result.status !== 0) throw new Error("Building the server failed");
    },
  },
  web: {
    stamp: path.join(root, "dist", "web", ".build-stamp"),
    inputs: () => [
      ...files(path.join(root, "src", "web"), isSource),
      ...files(path.join(root, "src", "domain"), isSource),
      ...files(path.join(root, "data", "world-atlas"), isSource),
      path.join(root, "vite.config.ts"),
      ...common,
    ],
    async build() {
      const { build } = await import("vite");
      await build({ configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
    },
  },
};

export async function ensureBuilt({
  web = true,
  force = false,
  log = (message) => process.stderr.write(`comity: ${message}\n`),
} = {}) {
  for (const name of web ? ["server", "web"] : ["server"]) {
    const target = targets[name];
    const print = fingerprint(target.inputs());
    const current = existsSync(target.stamp) ? readFileSync(target.stamp, "utf8").trim() : "";
    if (!force && current === print) continue;
    const started = Date.now();
    log(`Building the ${name === "web" ? "web app" : "server"}${current ? " (sources changed)" : ""}...`);
    await target.build();
    writeFileSync(target.stamp, `${print}\n`);
    log(
      `Built the ${name === "web" ? "web app" : "server"} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
  }
}

if (
  process.argv[1] &&
  statSync(process.argv[1]).isFile() &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const args = process.argv.slice(2);
  await ensureBuilt({ web: !args.includes("--server"), force: args.includes("--force") });
}
