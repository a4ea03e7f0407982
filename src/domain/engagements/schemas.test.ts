import { describe, expect, it } from "vitest";
import { updateAgencySchema } from "../directory/schemas.js";
import { updateInstrumentSchema } from "../registry/schemas.js";
import { updateEngagementSchema } from "./schemas.js";

describe("a change names only what it changes", () => {
  it("leaves an instrument's lists alone when a PATCH names only its notes", () => {
    expect(updateInstrumentSchema.parse({ notes: "Renewed in 2025." })).toEqual({
      notes: "Renewed in 2025.",
    });
  });
  it("leaves an engagement's participants, states and sources alone when a PATCH names only its summary", () => {
    expect(updateEngagementSchema.parse({ summary: "Held as planned." })).toEqual({
      summary: "Held as planned.",
    });
  });
  it("still refuses an empty change", () => {
    expect(updateInstrumentSchema.safeParse({}).success).toBe(false);
    expect(updateAgencySchema.safeParse({}).success).toBe(false);
  });
  it("still applies the field's own rules", () => {
    expect(updateInstrumentSchema.safeParse({ identifiers: "CETS 024" }).success).toBe(false);
  });
});
