import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import { ROLES, type Role } from "../../domain/platform/vocabulary.js";
import {
  type CasePlacement,
  type CaseSubject,
  caseVisibility,
  decideCaseAction,
  decideCasePlacement,
  mayReadCase,
  OPERATOR,
} from "./case.policy.js";

const OWN_TEAM = "00000000-0000-4000-8000-000000000001";
const OTHER_TEAM = "00000000-0000-4000-8000-000000000002";

const subject = (
  role: Role,
  clearance: ConfidentialityLevel = "standard",
  teams = [OWN_TEAM],
): CaseSubject => ({
  role,
  clearance,
  teamIds: new Set(teams),
});
const kase = (teamId: string | null, confidentiality: ConfidentialityLevel = "standard"): CasePlacement => ({
  teamId,
  confidentiality,
});

describe("case policy: reading and writing", () => {
  it("lets a case officer read and write their own team's cases, up to their clearance", () => {
    const officer = subject("case_officer", "restricted");
    expect(decideCaseAction(officer, "read", kase(OWN_TEAM)).allowed).toBe(true);
    expect(decideCaseAction(officer, "write", kase(OWN_TEAM, "restricted")).allowed).toBe(true);
    expect(decideCaseAction(officer, "read", kase(OWN_TEAM, "secret"))).toMatchObject({
      allowed: false,
      code: "need_to_know",
      conceal: true,
    });
  });

  it("hides another team's cases and cases of no team from a case officer, as if they did not exist", () => {
    const officer = subject("case_officer", "secret");
    for (const placement of [kase(OTHER_TEAM), kase(null)]) {
      for (const action of ["read", "write"] as const) {
        expect(decideCaseAction(officer, action, placement)).toMatchObject({ allowed: false, conceal: true });
      }
    }
  });

  it("lets a supervisor read and write every team's cases, and cases of no team, within clearance", () => {
    const supervisor = subject("supervisor", "restricted", []);
    for (const teamId of [OWN_TEAM, OTHER_TEAM, null]) {
      expect(decideCaseAction(supervisor, "write", kase(teamId, "restricted")).allowed).toBe(true);
      expect(decideCaseAction(supervisor, "read", kase(teamId, "secret"))).toMatchObject({
        allowed: false,
        conceal: true,
      });
    }
  });

  it("gives administrators, registrars, analysts and auditors no case at all, even on the team with top clearance", () => {
    for (const role of ["administrator", "registrar", "analyst", "auditor"] as const) {
      const outsider = subject(role, "secret", [OWN_TEAM]);
      expect(decideCaseAction(outsider, "read", kase(OWN_TEAM)).allowed, role).toBe(false);
      expect(caseVisibility(outsider).levels, role).toEqual([]);
      expect(decideCasePlacement(outsider, kase(OWN_TEAM))).toMatchObject({
        allowed: false,
        code: "permission_denied",
      });
    }
  });

  it("writing never reaches further than reading, for any role, clearance, teams and case", () => {
    const arbitrary = fc.record({
      role: fc.constantFrom(...ROLES),
      clearance: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
      teams: fc.subarray([OWN_TEAM, OTHER_TEAM]),
      teamId: fc.constantFrom(OWN_TEAM, OTHER_TEAM, null),
      confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
    });
    fc.assert(
      fc.property(arbitrary, ({ role, clearance, teams, teamId, confidentiality }) => {
        const who = subject(role, clearance, teams);
        const what = kase(teamId, confidentiality);
        const write = decideCaseAction(who, "write", what).allowed;
        const read = decideCaseAction(who, "read", what).allowed;
        expect(read).toBe(mayReadCase(who, what));
        if (write) expect(read).toBe(true);
        // A case one may not read is always concealed, never refused openly.
        const refusal = decideCaseAction(who, "read", what);
        if (!refusal.allowed) expect(refusal.conceal).toBe(true);
      }),
    );
  });
});

describe("case policy: where a case may be placed", () => {
  it("lets a case officer open a case only in their own team and within their clearance", () => {
    const officer = subject("case_officer", "restricted");
    expect(decideCasePlacement(officer, kase(OWN_TEAM, "restricted")).allowed).toBe(true);
    expect(decideCasePlacement(officer, kase(OTHER_TEAM))).toMatchObject({ code: "not_team_member" });
    expect(decideCasePlacement(officer, kase(null))).toMatchObject({ code: "team_required" });
    expect(decideCasePlacement(officer, kase(OWN_TEAM, "secret"))).toMatchObject({
      code: "clearance_exceeded",
      conceal: false,
    });
  });

  it("lets a supervisor place a case in any team or none, but not above their clearance", () => {
    const supervisor = subject("supervisor", "standard", []);
    expect(decideCasePlacement(supervisor, kase(OTHER_TEAM)).allowed).toBe(true);
    expect(decideCasePlacement(supervisor, kase(null)).allowed).toBe(true);
    expect(decideCasePlacement(supervisor, kase(null, "restricted"))).toMatchObject({
      code: "clearance_exceeded",
    });
  });

  it("never places a case where its placer could not then read it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        fc.subarray([OWN_TEAM, OTHER_TEAM]),
        fc.constantFrom(OWN_TEAM, OTHER_TEAM, null),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        (role, clearance, teams, teamId, confidentiality) => {
          const who = subject(role, clearance, teams);
          if (decideCasePlacement(who, kase(teamId, confidentiality)).allowed)
            expect(mayReadCase(who, kase(teamId, confidentiality))).toBe(true);
        },
      ),
    );
  });
});

describe("case policy: the list filter", () => {
  it("describes exactly the cases mayReadCase admits", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        fc.subarray([OWN_TEAM, OTHER_TEAM]),
        fc.constantFrom(OWN_TEAM, OTHER_TEAM, null),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        (role, clearance, teams, teamId, confidentiality) => {
          const who = subject(role, clearance, teams);
          const visibility = caseVisibility(who);
          // The WHERE clause of src/db/cases/cases.repository.ts, evaluated by hand.
          const listed =
            visibility.levels.includes(confidentiality) &&
            (visibility.allTeams || (teamId !== null && visibility.teamIds.includes(teamId)));
          expect(listed).toBe(mayReadCase(who, kase(teamId, confidentiality)));
        },
      ),
    );
  });
});

describe("case policy: the server's operator", () => {
  it("lets the operator at the command line read, write, list and place every case at every level", () => {
    for (const teamId of [OWN_TEAM, OTHER_TEAM, null]) {
      for (const confidentiality of CONFIDENTIALITY_LEVELS) {
        const what = kase(teamId, confidentiality);
        expect(mayReadCase(OPERATOR, what)).toBe(true);
        expect(decideCaseAction(OPERATOR, "read", what).allowed).toBe(true);
        expect(decideCaseAction(OPERATOR, "write", what).allowed).toBe(true);
        expect(decideCasePlacement(OPERATOR, what).allowed).toBe(true);
      }
    }
    expect(caseVisibility(OPERATOR)).toEqual({
      levels: [...CONFIDENTIALITY_LEVELS],
      allTeams: true,
      teamIds: [],
    });
  });
});
