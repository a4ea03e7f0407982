import { readRuleFiles } from "../../src/db/cases/rule-files.js";
import { parseRuleFiles, type RuleSourceFile } from "../../src/domain/rules/load.js";
import type { Rule } from "../../src/domain/rules/model.js";

/**
 * The shipped rule files (data/rules), read the way the server reads them
 * (src/db/cases/rule-files.ts): the tests check the rules Comity runs, not a copy.
 */
export const shippedRuleFiles: readonly RuleSourceFile[] = readRuleFiles();

/** Every shipped rule, parsed and validated as at start-up. */
export const shippedRules: readonly Rule[] = parseRuleFiles([...shippedRuleFiles]);

/** One shipped file as text: `shippedRuleFile("cets024.json")`. */
export function shippedRuleFile(name: string): RuleSourceFile {
  const file = shippedRuleFiles.find((candidate) => candidate.name === name);
  if (!file) throw new Error(`no rule file ${name} in data/rules`);
  return file;
}
