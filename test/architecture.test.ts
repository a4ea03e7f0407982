import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/db/project-paths.js";

/**
 * The shape of ARCHITECTURE.md §3, checked on every file of src/:
 * - layers: domain is pure; db imports domain; server imports domain and db; web imports
 *   only the domain's contracts; cli may import everything;
 * - feature folders: the same features in domain, db, server and web, and nothing else but
 *   a layer's own support folders;
 * - feature dependencies: platform is the base and imports no feature; notifications
 *   know no feature; directory builds on platform, registry on directory, cases on all;
 * - contracts: the web app imports from the domain only contract files (schemas.ts,
 *   vocabulary.ts, model.ts, and the date and state-code modules), and a contract file
 *   imports nothing but zod and other contracts;
 * - no import cycle between files, type imports included.
 * Each check is a function of the files, so the tests below also feed it files that break
 * the rule and expect it to say so.
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
/** Packages the pure domain may use: validation, hashing, password strength, holidays. */
const DOMAIN_PACKAGES = [
  "zod",
  "node:crypto",
  "@zxcvbn-ts/core",
  "@zxcvbn-ts/language-common",
  "fast-check",
  "vitest",
  "date-holidays",
];

/** The features, each a folder in domain, db, server and web; and whom each may import. */
const FEATURE_DEPENDENCIES: Record<string, readonly string[]> = {
  platform: [],
  notifications: ["platform"],
  directory: ["platform"],
  registry: ["platform", "notifications", "directory"],
  cases: ["platform", "notifications", "directory", "registry", "rules", "clocks"],
  engagements: ["platform", "notifications", "directory", "registry", "cases"],
  reports: ["platform", "notifications", "directory", "registry", "cases", "engagements"],
};
const FEATURES = Object.keys(FEATURE_DEPENDENCIES);
/** Folders a layer has besides its features: the domain's legal knowledge, the web app's plumbing. */
const LAYER_FOLDERS: Partial<Record<Layer, Record<string, readonly string[]>>> = {
  domain: {
    /** The rules and their evaluators (admissibility checker, legal basis) read cases and the registry. */
    rules: ["platform", "directory", "registry", "cases"],
    /** The clock engine reads cases' events and the rules' clock specs. */
    clocks: ["platform", "directory", "cases", "rules"],
  },
  web: { api: ["platform"], forms: ["platform"], i18n: ["platform"] },
};

/** Domain files the web app may import: the contracts, and the kernel modules every layer shares. */
const CONTRACT_NAMES = new Set(["schemas.ts", "vocabulary.ts", "model.ts"]);
const KERNEL_FILES = new Set(["src/domain/platform/dates.ts", "src/domain/directory/state-codes.ts"]);

type SourceFile = { file: string; text: string };

function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name))
        out.push({
          file: path.relative(projectRoot, full).split(path.sep).join("/"),
          text: readFileSync(full, "utf8"),
        });
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
  const [top, layer] = file.split("/");
  return top === "src" && LAYERS.includes(layer as Layer) ? (layer as Layer) : null;
}

/** The feature (or layer folder) a file belongs to: src/<layer>/<folder>/...; null for a layer's root files. */
function folderOf(file: string): string | null {
  const parts = file.split("/");
  return parts.length > 3 && parts[0] === "src" ? (parts[2] ?? null) : null;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

/** Each file's relative imports, resolved to files of the set. */
function resolvedImports(files: readonly SourceFile[]): Map<string, string[]> {
  const known = new Set(files.map((source) => source.file));
  const graph = new Map<string, string[]>();
  for (const { file, text } of files) {
    const targets: string[] = [];
    for (const specifier of imports(text)) {
      if (!specifier.startsWith(".")) continue;
      const target = path.posix
        .normalize(path.posix.join(path.posix.dirname(file), specifier))
        .replace(/\.js$/, "");
      const resolved = [".ts", ".tsx"].map((extension) => target + extension).find((name) => known.has(name));
      targets.push(resolved ?? target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** One line per import that crosses the layers the wrong way. */
function layerViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  const graph = resolvedImports(files);
  for (const { file, text } of files) {
    const from = layerOf(file);
    if (!from) continue;
    for (const target of graph.get(file) ?? []) {
      const to = layerOf(target);
      if (to && !ALLOWED_LAYERS[from].includes(to))
        violations.push(`${file} -> ${target} (${from} may not import ${to})`);
    }
    for (const specifier of imports(text)) {
      if (specifier.startsWith(".")) continue;
      if (
        from === "domain" &&
        !isTest(file) &&
        !DOMAIN_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`))
      )
        violations.push(`${file} -> ${specifier} (domain is pure: no ${specifier})`);
      if (from === "web" && specifier.startsWith("node:"))
        violations.push(`${file} -> ${specifier} (web runs in the browser)`);
    }
  }
  return violations;
}

/** Folders of a layer that are neither a feature nor one of the layer's own, and features missing from a layer. */
function folderViolations(foldersByLayer: Record<Layer, readonly string[]>): string[] {
  const violations: string[] = [];
  for (const layer of LAYERS) {
    const allowed = new Set([
      ...(layer === "cli" ? [] : FEATURES),
      ...Object.keys(LAYER_FOLDERS[layer] ?? {}),
    ]);
    for (const folder of foldersByLayer[layer])
      if (!allowed.has(folder))
        violations.push(`src/${layer}/${folder} is not a feature (${FEATURES.join(", ")})`);
  }
  for (const feature of FEATURES) {
    for (const layer of ["domain", "db", "server", "web"] as const)
      if (!foldersByLayer[layer].includes(feature))
        violations.push(`feature ${feature} has no folder src/${layer}/${feature}`);
  }
  return violations;
}

/** Imports from one feature into another that the feature may not depend on. */
function featureViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  const graph = resolvedImports(files);
  for (const { file } of files) {
    const layer = layerOf(file);
    const from = folderOf(file);
    if (!layer || layer === "cli" || !from || isTest(file)) continue;
    const dependencies = FEATURE_DEPENDENCIES[from] ?? LAYER_FOLDERS[layer]?.[from];
    if (!dependencies) continue;
    for (const target of graph.get(file) ?? []) {
      const to = folderOf(target);
      if (!to || to === from || layerOf(target) === null) continue;
      // The web app's plumbing (api client, forms, i18n) serves every feature of the web app.
      if (layerOf(target) === "web" && to in (LAYER_FOLDERS.web ?? {})) continue;
      if (!dependencies.includes(to))
        violations.push(`${file} -> ${target} (${from} may not depend on ${to})`);
    }
  }
  return violations;
}

function isContract(file: string): boolean {
  return (
    KERNEL_FILES.has(file) ||
    (file.startsWith("src/domain/") && CONTRACT_NAMES.has(path.posix.basename(file)))
  );
}

/** Domain imports of the web app that are not contracts, and contracts that import more than contracts. */
function contractViolations(files: readonly SourceFile[]): string[] {
  const violations: string[] = [];
  const graph = resolvedImports(files);
  for (const { file, text } of files) {
    if (isTest(file)) continue;
    const layer = layerOf(file);
    for (const target of graph.get(file) ?? []) {
      if (layer === "web" && layerOf(target) === "domain" && !isContract(target))
        violations.push(`${file} -> ${target} (the web app imports only contracts from the domain)`);
      if (isContract(file) && layerOf(target) === "domain" && !isContract(target))
        violations.push(`${file} -> ${target} (a contract imports only contracts)`);
    }
    if (isContract(file))
      for (const specifier of imports(text))
        if (!specifier.startsWith(".") && specifier !== "zod")
          violations.push(`${file} -> ${specifier} (a contract imports only zod)`);
  }
  return violations;
}

/** Files that import each other, directly or through others: each cycle once, as a sorted list. */
function importCycles(files: readonly SourceFile[]): string[][] {
  const graph = resolvedImports(files.filter((source) => !isTest(source.file)));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return cycles;
}

function foldersOf(layer: Layer): string[] {
  return readdirSync(path.join(projectRoot, "src", layer), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

const source = (file: string, text = ""): SourceFile => ({ file, text });

describe("architecture", () => {
  const files = sourceFiles();

  it("every import respects the layers", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(layerViolations(files)).toEqual([]);
  });

  it("the layer check catches a domain file importing the database, and web importing the server", () => {
    const broken = [
      source(
        "src/domain/cases/bad.ts",
        'import { users } from "../../db/platform/users.table.js";\nimport pg from "pg";',
      ),
      source(
        "src/web/cases/bad.tsx",
        'import { buildApp } from "../../server/app.js";\nimport fs from "node:fs";',
      ),
      source("src/db/platform/users.table.ts"),
      source("src/server/app.ts"),
      source("src/server/ok.ts", 'import { users } from "../db/platform/users.table.js";'),
    ];
    expect(layerViolations(broken)).toEqual([
      "src/domain/cases/bad.ts -> src/db/platform/users.table.ts (domain may not import db)",
      "src/domain/cases/bad.ts -> pg (domain is pure: no pg)",
      "src/web/cases/bad.tsx -> src/server/app.ts (web may not import server)",
      "src/web/cases/bad.tsx -> node:fs (web runs in the browser)",
    ]);
  });

  it("every layer has a folder for each feature, and no folder that is not one", () => {
    const folders = Object.fromEntries(LAYERS.map((layer) => [layer, foldersOf(layer)])) as Record<
      Layer,
      string[]
    >;
    expect(folderViolations(folders)).toEqual([]);
  });

  it("the folder check catches a misplaced feature folder and a feature missing from a layer", () => {
    const folders = Object.fromEntries(LAYERS.map((layer) => [layer, foldersOf(layer)])) as Record<
      Layer,
      string[]
    >;
    // A feature folder created under a misspelt name, and one written in a single layer only.
    const misplaced = {
      ...folders,
      server: [...folders.server, "case"],
      web: folders.web.filter((name) => name !== "registry"),
    };
    expect(folderViolations(misplaced)).toEqual([
      "src/server/case is not a feature (platform, notifications, directory, registry, cases, engagements, reports)",
      "feature registry has no folder src/web/registry",
    ]);
    expect(folderViolations({ ...folders, cli: ["cases"] })).toEqual([
      "src/cli/cases is not a feature (platform, notifications, directory, registry, cases, engagements, reports)",
    ]);
  });

  it("features depend only on the features below them: platform and notifications on none", () => {
    expect(featureViolations(files)).toEqual([]);
  });

  it("the dependency check catches platform importing cases, and notifications importing any feature", () => {
    const broken = [
      source(
        "src/server/platform/notify.ts",
        'import { caseVisibility } from "../cases/case.policy.js";\nimport { x } from "../../db/registry/y.js";',
      ),
      source("src/server/cases/case.policy.ts"),
      source("src/db/registry/y.ts"),
      source(
        "src/db/notifications/notifications.table.ts",
        'import { cases } from "../cases/cases.table.js";',
      ),
      source("src/db/cases/cases.table.ts", 'import { users } from "../platform/users.table.js";'),
      source("src/db/platform/users.table.ts"),
    ];
    expect(featureViolations(broken)).toEqual([
      "src/server/platform/notify.ts -> src/server/cases/case.policy.ts (platform may not depend on cases)",
      "src/server/platform/notify.ts -> src/db/registry/y.ts (platform may not depend on registry)",
      "src/db/notifications/notifications.table.ts -> src/db/cases/cases.table.ts (notifications may not depend on cases)",
    ]);
  });

  it("the web app imports only contracts from the domain, and contracts import only contracts", () => {
    expect(contractViolations(files)).toEqual([]);
  });

  it("the contract check catches the web app importing an evaluator, and a contract importing one", () => {
    const broken = [
      source("src/web/cases/panel.tsx", 'import type { Deadline } from "../../domain/clocks/compute.js";'),
      source("src/web/cases/ok.tsx", 'import type { Deadline } from "../../domain/clocks/schemas.js";'),
      source("src/domain/clocks/compute.ts"),
      source(
        "src/domain/clocks/schemas.ts",
        'import { z } from "zod";\nimport { x } from "./compute.js";\nimport y from "date-holidays";',
      ),
    ];
    expect(contractViolations(broken)).toEqual([
      "src/web/cases/panel.tsx -> src/domain/clocks/compute.ts (the web app imports only contracts from the domain)",
      "src/domain/clocks/schemas.ts -> src/domain/clocks/compute.ts (a contract imports only contracts)",
      "src/domain/clocks/schemas.ts -> date-holidays (a contract imports only zod)",
    ]);
  });

  it("no file imports itself through others (type imports included)", () => {
    expect(importCycles(files)).toEqual([]);
  });

  it("the cycle check finds a cycle of type imports", () => {
    const broken = [
      source("src/domain/cases/projection.ts", 'import type { Move } from "./state-machine.js";'),
      source("src/domain/cases/state-machine.ts", 'import type { CaseProjection } from "./projection.js";'),
      source("src/domain/cases/model.ts"),
    ];
    expect(importCycles(broken)).toEqual([
      ["src/domain/cases/projection.ts", "src/domain/cases/state-machine.ts"],
    ]);
  });
});
