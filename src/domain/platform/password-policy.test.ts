import * as common from "@zxcvbn-ts/language-common";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPassword, isBannedPassword, passwordLength } from "./password-policy.js";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./vocabulary.js";

const bannedList = common.dictionary["passwords-common"] as string[];

describe("password policy (ASVS 6.2)", () => {
  it("refuses 14 characters and accepts 15", () => {
    expect(checkPassword("pZ7#kQ2!vL9@wR4")).toEqual([]); // 15
    expect(checkPassword("pZ7#kQ2!vL9@wR")).toEqual(["too_short"]); // 14
    expect(PASSWORD_MIN_LENGTH).toBe(15);
  });

  it("counts Unicode code points, not UTF-16 units", () => {
    expect(passwordLength("😀".repeat(15))).toBe(15);
    expect(passwordLength("é")).toBe(1); // composed by NFKC
  });

  it("accepts 64 and 128 characters and refuses more than 128", () => {
    const words = "correct horse battery staple riverbank quietly ".repeat(4);
    expect(checkPassword(words.slice(0, 64))).toEqual([]);
    expect(checkPassword(`${words}${words}`.slice(0, 128))).toEqual([]);
    expect(checkPassword(`${words}${words}${words}`.slice(0, 129))).toEqual(["too_long"]);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
  });

  it("refuses 200 sampled entries of the banned list, in any case and spacing", () => {
    const sample = fc.sample(fc.constantFrom(...bannedList), { numRuns: 200, seed: 42 });
    for (const password of sample) {
      expect(isBannedPassword(password)).toBe(true);
      expect(isBannedPassword(password.toUpperCase())).toBe(true);
    }
    // Long banned passwords are refused by the policy itself.
    for (const password of bannedList.filter((entry) => entry.length >= PASSWORD_MIN_LENGTH)) {
      expect(checkPassword(password)).not.toEqual([]);
    }
    expect(checkPassword("passwordpassword")).toContain("banned");
    expect(checkPassword("password12345678")).toContain("banned");
  });

  it("refuses passwords built on the user's own name or the product's", () => {
    expect(checkPassword("ivan.petrov-2026-spring", { username: "ivan.petrov" })).toContain(
      "contains_personal_data",
    );
    expect(checkPassword("petrova walks along the river", { displayName: "Anna Petrova" })).toContain(
      "contains_personal_data",
    );
    expect(checkPassword("my comity secret phrase", {})).toContain("contains_personal_data");
  });

  it("refuses patterns: repetition, sequences, keyboard walks", () => {
    for (const password of [
      "aaaaaaaaaaaaaaaa",
      "123456789012345",
      "qwertyuiopasdfgh",
      "abcabcabcabcabcabc",
    ]) {
      expect(checkPassword(password)).not.toEqual([]);
    }
  });

  it("has no composition rules: any 15+ distinct random characters are accepted (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.integer({ min: 0x21, max: 0x2fff }).filter((code) => code < 0xd800 || code > 0xdfff),
          { minLength: 15, maxLength: 64 },
        ),
        (codes) => {
          const password = String.fromCodePoint(...codes);
          fc.pre(passwordLength(password) >= 15);
          expect(checkPassword(password)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
