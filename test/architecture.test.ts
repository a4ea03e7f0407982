import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/db/project-paths.js";

/**
 * The layers of ARCHITECTURE.md §3, checked on every import in src/:
 * - domain is pure: it imports only domain files and a few pure packages (its tests
 *   may read files);
 * - db imports domain and db; server imports domain, db and server;
 * - web imports web and domain only (never server, db, cli or node:*);
 * - cli may import everything.
 */
const LAYERS = ["domain", "db", "server", "web", "cli"] as const;
type Layer = (typeof LAYERS)[number];

const ALLOWED_LAYERS: Record<Layer, Layer[]> = {
  domain: ["domain"],
  db: ["domain", "db"],
  server: ["domain", "db", "server"],
  web: ["web", "domain"],
  cli: ["domain", "db", "server", "cli"],
};
/** Packages the pure domain may use: validation, hashing, password strength. */
const DOMAIN_PACKAGES = [
  "zod",
  "node:crypto",
  "@zxcvbn-ts/core",
  "@zxcvbn-ts/language-common",
  "fast-check",
  "vitest",
  "date-holidays",
];

type SourceFile = { file: string; text: string };

function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name))
        out.push({ file: path.relative(projectRoot, full), text: readFileSync(full, "utf8") });
    }
  };
  walk(path.join(projectRoot, "src"));
  return out;
}

function imports(text: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']/g;
  for (const match of text.matchAll(pattern)) found.push((match[1] ?? match[2] ?? match[3])!);
  return found;
}

function layerOf(file: string): Layer | null {
  const [top, layer] = file.split(path.sep);
  return top === "src" && LAYERS.includes(layer as Layer) ? (layer as Layer) : null;
}

/** Returns one line per forbidden import. */
function layerViolations(files: SourceFile[]): string[] {
  const byPath = new Map(files.map((source) => [source.file, source]));
  const violations: string[] = [];
  for (const { file, text } of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const specifier of imports(text)) {
      if (specifier.startsWith(".")) {
        const target = path.normalize(path.join(path.dirname(file), specifier)).replace(/\.js$/, "");
        const resolved =
          [".ts", ".tsx"].map((ext) => target + ext).find((candidate) => byPath.has(candidate)) ?? target;
        const to = layerOf(resolved);
        if (to && !ALLOWED_LAYERS[from].includes(to))
          violations.push(`${file} -> ${specifier} (${from} may not import ${to})`);
        if (from === "web" && to === "domain") {
          const imported = byPath.get(resolved);
          if (
            imported &&
            imports(imported.text).some((inner) => inner.startsWith("node:") || inner.startsWith("@zxcvbn"))
          ) {
            violations.push(`${file} -> ${specifier} (web may import only browser-safe domain files)`);
          }
        }
      } else if (
        from === "domain" &&
        !/\.test\.ts$/.test(file) &&
        !DOMAIN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      ) {
        violations.push(`${file} -> ${specifier} (domain is pure: no ${specifier})`);
      } else if (from === "web" && specifier.startsWith("node:")) {
        violations.push(`${file} -> ${specifier} (web runs in the browser)`);
      }
    }
  }
  return violations;
}

describe("architecture", () => {
  it("every import respects the layers", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    expect(layerViolations(files)).toEqual([]);
  });

  it("the check catches a domain file importing the database, and web importing the server", () => {
    const files: SourceFile[] = [
      {
        file: "src/domain/cases/bad.ts",
        text: 'import { users } from "../../db/platform/users.table.js";\nimport pg from "pg";',
      },
      {
        file: "src/web/cases/bad.tsx",
        text: 'import { buildApp } from "../../server/app.js";\nimport fs from "node:fs";',
      },
      { file: "src/db/platform/users.table.ts", text: "" },
      { file: "src/server/app.ts", text: "" },
      { file: "src/server/ok.ts", text: 'import { users } from "../db/platform/users.table.js";' },
    ];
    expect(layerViolations(files)).toEqual([
      "src/domain/cases/bad.ts -> ../../db/platform/users.table.js (domain may not import db)",
      "src/domain/cases/bad.ts -> pg (domain is pure: no pg)",
      "src/web/cases/bad.tsx -> ../../server/app.js (web may not import server)",
      "src/web/cases/bad.tsx -> node:fs (web runs in the browser)",
    ]);
  });

  it("feature folders are named alike in every layer", () => {
    for (const layer of ["domain", "db", "server", "web"]) {
      const folders = readdirSync(path.join(projectRoot, "src", layer), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name);
      expect(folders, layer).toEqual(expect.arrayContaining(["platform", "directory"]));
    }
  });
});
