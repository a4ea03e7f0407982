import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project root, found by walking up from this file to Comity's package.json, so
 * the same code works from src/ (tests, tsx) and from dist/node/ (the built server).
 */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string };
      if (name === "comity") return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Cannot find Comity's package.json above this file");
    dir = parent;
  }
}

export const projectRoot = findRoot();
export const migrationsDir = path.join(projectRoot, "migrations");
export const dataDir = path.join(projectRoot, "data");
export const webDistDir = path.join(projectRoot, "dist", "web");
