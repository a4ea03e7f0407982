import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RuleSourceFile } from "../../domain/rules/load.js";
import { dataDir } from "../project-paths.js";

/**
 * Where the shipped rules live: one JSON file per instrument, and clocks.json (docs/rules.md).
 * This is the one place that reads them: the server (once per process), the CLI and the
 * tests all go through it, so no part of Comity can check a case against other rules than
 * the ones shipped.
 */
export const RULES_DIR = path.join(dataDir, "rules");

/** The rule files as text, in name order, for parseRuleFiles (src/domain/rules/load.ts). */
export function readRuleFiles(dir = RULES_DIR): RuleSourceFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), "utf8") }));
}
