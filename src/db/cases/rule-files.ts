import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { RuleSourceFile } from "../../domain/rules/load.js";
import { dataDir } from "../project-paths.js";

/** Where the shipped rules live: one JSON file per instrument, and clocks.json (docs/rules.md). */
export const RULES_DIR = path.join(dataDir, "rules");

/** The rule files as text, in name order, for parseRuleFiles (src/domain/rules/load.ts). */
export async function readRuleFiles(dir = RULES_DIR): Promise<RuleSourceFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), "utf8") })),
  );
}
