import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../domain/platform/vocabulary.js";
import { OPERATOR } from "../cases/case.policy.js";
import { decideReportRead, drillDownVisibility, mayReadReports } from "./report.policy.js";

const TEAM = "00000000-0000-4000-8000-000000000001";
const subject = (role: Role) => ({ role, clearance: "restricted" as const, teamIds: new Set([TEAM]) });

describe("report policy", () => {
  it("lets analysts, case officers and supervisors read figures, and nobody else", () => {
    const readers = ROLES.filter((role) => mayReadReports(subject(role)));
    expect(readers.sort()).toEqual(["analyst", "case_officer", "supervisor"]);
    expect(decideReportRead(subject("registrar"))).toMatchObject({
      allowed: false,
      code: "permission_denied",
    });
    expect(decideReportRead(subject("administrator")).allowed).toBe(false);
    expect(decideReportRead(subject("auditor")).allowed).toBe(false);
    expect(decideReportRead(OPERATOR)).toEqual({ allowed: true });
  });

  it("lists the cases behind a figure as the case policy lets the reader see cases", () => {
    // An analyst reads figures over every case but sees none of the cases behind them.
    expect(drillDownVisibility(subject("analyst"))).toEqual({ levels: [], allTeams: false, teamIds: [] });
    // A case officer: their teams' cases, up to their clearance.
    expect(drillDownVisibility(subject("case_officer"))).toEqual({
      levels: ["standard", "restricted"],
      allTeams: false,
      teamIds: [TEAM],
    });
    // A supervisor: every team's, up to their clearance.
    expect(drillDownVisibility(subject("supervisor"))).toMatchObject({
      levels: ["standard", "restricted"],
      allTeams: true,
    });
    expect(drillDownVisibility(OPERATOR)).toMatchObject({
      levels: ["standard", "restricted", "secret"],
      allTeams: true,
    });
  });
});
