import { describe, expect, it } from "vitest";
import { decideSavedReportAction, maySeeSavedReport } from "./saved-report.policy.js";

const OWNER = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";

describe("saved report policy", () => {
  it("lets the owner read and change their report, shared or not", () => {
    for (const shared of [false, true]) {
      expect(decideSavedReportAction(OWNER, "read", { ownerId: OWNER, shared })).toEqual({ allowed: true });
      expect(decideSavedReportAction(OWNER, "write", { ownerId: OWNER, shared })).toEqual({ allowed: true });
    }
  });

  it("shows a shared report to another reader, read-only", () => {
    expect(maySeeSavedReport(OTHER, { ownerId: OWNER, shared: true })).toBe(true);
    expect(decideSavedReportAction(OTHER, "read", { ownerId: OWNER, shared: true })).toEqual({
      allowed: true,
    });
    expect(decideSavedReportAction(OTHER, "write", { ownerId: OWNER, shared: true })).toMatchObject({
      allowed: false,
      conceal: false,
      code: "forbidden",
    });
  });

  it("hides another user's unshared report as if it did not exist", () => {
    expect(maySeeSavedReport(OTHER, { ownerId: OWNER, shared: false })).toBe(false);
    for (const action of ["read", "write"] as const)
      expect(decideSavedReportAction(OTHER, action, { ownerId: OWNER, shared: false })).toEqual({
        allowed: false,
        conceal: true,
      });
  });
});
