import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isStateCode, parseStateCode, STATE_CODES, stateCodeSchema } from "./state-codes.js";

describe("state codes", () => {
  it("are exactly the codes of the shipped list of states", () => {
    const csv = readFileSync(new URL("../../../data/states/states.csv", import.meta.url), "utf8");
    const shipped = csv
      .split("\n")
      .slice(1)
      .filter((line) => line.trim() !== "")
      .map((line) => line.slice(0, line.indexOf(",")));
    expect([...STATE_CODES].sort()).toEqual([...shipped].sort());
    expect(new Set(STATE_CODES).size).toBe(STATE_CODES.length);
  });

  it("accept a listed code and refuse anything else, naming the problem", () => {
    expect(stateCodeSchema.parse("RU")).toBe("RU");
    expect(isStateCode("KH")).toBe(true);
    expect(isStateCode("XK")).toBe(true);
    for (const value of ["ru", "RUS", "XX", "ZZ", "EU", "", 7])
      expect(isStateCode(value), String(value)).toBe(false);
    expect(stateCodeSchema.safeParse("rus").error?.issues[0]?.message).toMatch(/alpha-2/);
    expect(stateCodeSchema.safeParse("XX").error?.issues[0]?.message).toMatch(/not a state/);
    expect(() => parseStateCode("XX")).toThrow(/XX/);
  });
});
