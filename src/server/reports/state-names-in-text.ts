import { readFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "../../db/project-paths.js";
import { parseStateNamesInText, type StateNamesInText } from "../../domain/reports/state-names.js";

/**
 * The forms of state names that statements need (data/states/names_en_in_text.csv and
 * names_ru_instrumental.csv, SOURCE.md there), read once per process. A broken file is a
 * packaging error and fails the first statement loudly.
 */
let cached: StateNamesInText | undefined;

export function stateNamesInText(): StateNamesInText {
  cached ??= parseStateNamesInText(
    readFileSync(path.join(dataDir, "states", "names_en_in_text.csv"), "utf8"),
    readFileSync(path.join(dataDir, "states", "names_ru_instrumental.csv"), "utf8"),
  );
  return cached;
}
