import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CanonicalValue, canonicalJson } from "./canonical-json.js";

const value: fc.Arbitrary<CanonicalValue> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value") as fc.Arbitrary<CanonicalValue>, { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie("value") as fc.Arbitrary<CanonicalValue>, { maxKeys: 4 }),
  ),
})).value;

function shuffleKeys(input: CanonicalValue): CanonicalValue {
  if (Array.isArray(input)) return input.map(shuffleKeys);
  if (input && typeof input === "object") {
    const entries = Object.entries(input).reverse();
    return Object.fromEntries(entries.map(([key, item]) => [key, shuffleKeys(item as CanonicalValue)]));
  }
  return input;
}

describe("canonical JSON", () => {
  it("sorts keys and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1, y: 2 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":2,"z":1}}',
    );
  });

  it("omits undefined members and refuses non-integers", () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(() => canonicalJson({ a: 1.5 })).toThrow();
  });

  it("property: parses back to the same value, and key order does not matter", () => {
    fc.assert(
      fc.property(value, (input) => {
        const text = canonicalJson(input);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(input)));
        expect(canonicalJson(shuffleKeys(input))).toBe(text);
      }),
    );
  });
});
