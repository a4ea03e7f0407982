import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./vocabulary.js";

/**
 * Password rules (SECURITY.md §1, ASVS 5.0 V6.2; CJIS IA-5(1)(a)):
 * - at least 15 characters, at most 128, counted in Unicode code points;
 * - no composition rules (any printable or Unicode character is welcome);
 * - not one of the ~49,000 common passwords shipped with zxcvbn-ts (the banned list),
 *   compared case- and space-insensitively;
 * - not built on the user's own name or the product's name;
 * - not guessable by pattern (repetition, sequence, keyboard walk, dictionary word
 *   with substitutions): zxcvbn score of at least 3.
 * Passwords are compared exactly as typed after Unicode NFKC normalisation
 * (NIST SP 800-63B §5.1.1.2), never truncated or case-folded.
 */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblem =
  | "too_short"
  | "too_long"
  | "banned"
  | "contains_personal_data"
  | "too_guessable";

export type PasswordContext = { username?: string; displayName?: string };

const bannedList: readonly string[] = common.dictionary["passwords-common"] as string[];
let bannedSet: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

function banned(): Set<string> {
  bannedSet ??= new Set(bannedList.map(comparable));
  return bannedSet;
}

function strength(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return estimator;
}

export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

function comparable(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

export function isBannedPassword(password: string): boolean {
  const key = comparable(password);
  if (banned().has(key)) return true;
  // "password1234567" and "dragon!!!!!!!!!" are a banned word padded to length.
  const stripped = key.replace(/[\d\p{P}\p{S}]+$/u, "");
  return stripped.length > 0 && stripped !== key && banned().has(stripped);
}

export function checkPassword(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return ["too_short"];
  if (length > PASSWORD_MAX_LENGTH) return ["too_long"];
  const problems: PasswordProblem[] = [];
  if (isBannedPassword(password)) problems.push("banned");
  const key = comparable(password);
  const personal = [context.username, ...(context.displayName?.split(/\s+/) ?? []), "comity"]
    .map((word) => (word ? comparable(word) : ""))
    .filter((word) => word.length >= 4);
  if (personal.some((word) => key.includes(word))) problems.push("contains_personal_data");
  if (problems.length === 0) {
    const userInputs = personal.length > 0 ? personal : [];
    const result = strength().check(normalizePassword(password), userInputs);
    if (result.score < PASSWORD_MIN_SCORE) problems.push("too_guessable");
  }
  return problems;
}
