import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONFIDENTIALITY_LEVELS, type ConfidentialityLevel } from "../../domain/cases/vocabulary.js";
import { hasPermission } from "../../domain/platform/roles.js";
import { ROLES, type Role } from "../../domain/platform/vocabulary.js";
import {
  decideActionItemUpdate,
  decideEngagementPlacement,
  decideEngagementRead,
  decideEngagementWrite,
  decideOutcomeKind,
  ENGAGEMENT_OPERATOR,
  type EngagementSubject,
  engagementVisibility,
  mayOwnActionItems,
  mayReadEngagement,
  mayReadLinkedCase,
} from "./engagement.policy.js";

const OWN_TEAM = "00000000-0000-4000-8000-000000000001";
const OTHER_TEAM = "00000000-0000-4000-8000-000000000002";
const ME = "00000000-0000-4000-8000-00000000000a";
const SOMEONE_ELSE = "00000000-0000-4000-8000-00000000000b";

const subject = (
  role: Role,
  clearance: ConfidentialityLevel = "standard",
  teams: string[] = [OWN_TEAM],
): EngagementSubject => ({ userId: ME, username: "me", role, clearance, teamIds: new Set(teams) });
const at = (confidentiality: ConfidentialityLevel = "standard") => ({ confidentiality });

describe("engagement policy: reading", () => {
  it("lets every role with engagements.read read up to its clearance, and conceals the rest", () => {
    const analyst = subject("analyst");
    expect(decideEngagementRead(analyst, at()).allowed).toBe(true);
    expect(decideEngagementRead(analyst, at("restricted"))).toMatchObject({
      allowed: false,
      code: "need_to_know",
      conceal: true,
    });
    expect(mayReadEngagement(subject("analyst", "secret"), at("restricted"))).toBe(true);
  });

  it("conceals every engagement from administrators and auditors", () => {
    for (const role of ["administrator", "auditor"] as const) {
      expect(mayReadEngagement(subject(role, "secret"), at())).toBe(false);
      expect(engagementVisibility(subject(role, "secret")).levels).toEqual([]);
    }
  });

  it("lets the operator read everything", () => {
    expect(mayReadEngagement(ENGAGEMENT_OPERATOR, at("secret"))).toBe(true);
    expect(engagementVisibility(ENGAGEMENT_OPERATOR).levels).toEqual([...CONFIDENTIALITY_LEVELS]);
  });

  it("lists exactly what it lets read (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        fc.constantFrom(...CONFIDENTIALITY_LEVELS),
        (role, clearance, level) => {
          const who = subject(role, clearance);
          expect(engagementVisibility(who).levels.includes(level)).toBe(mayReadEngagement(who, at(level)));
        },
      ),
    );
  });
});

describe("engagement policy: writing", () => {
  it("lets writers record within their clearance", () => {
    expect(decideEngagementPlacement(subject("case_officer"), "standard").allowed).toBe(true);
    expect(decideEngagementPlacement(subject("case_officer"), "restricted")).toMatchObject({
      allowed: false,
      code: "clearance_exceeded",
    });
    expect(decideEngagementPlacement(subject("analyst"), "standard")).toMatchObject({
      allowed: false,
      code: "permission_denied",
    });
  });

  it("conceals an engagement above the writer's clearance rather than refusing it", () => {
    expect(decideEngagementWrite(subject("registrar"), at("secret"))).toMatchObject({ conceal: true });
    expect(decideEngagementWrite(subject("analyst"), at())).toMatchObject({
      allowed: false,
      code: "permission_denied",
      conceal: false,
    });
  });

  it("needs registry.write for outcomes that sign in the registry", () => {
    for (const kind of ["instrument_signed", "programme_adopted"] as const) {
      expect(decideOutcomeKind(subject("registrar"), kind).allowed).toBe(true);
      expect(decideOutcomeKind(subject("case_officer"), kind)).toMatchObject({
        allowed: false,
        code: "permission_denied",
      });
      expect(decideOutcomeKind(ENGAGEMENT_OPERATOR, kind).allowed).toBe(true);
    }
    expect(decideOutcomeKind(subject("case_officer"), "commitment").allowed).toBe(true);
  });
});

describe("engagement policy: linked cases", () => {
  it("shows a linked case only to those who may read the case", () => {
    const kase = { teamId: OWN_TEAM, confidentiality: "standard" as const };
    expect(mayReadLinkedCase(subject("case_officer"), kase)).toBe(true);
    expect(mayReadLinkedCase(subject("case_officer", "standard", [OTHER_TEAM]), kase)).toBe(false);
    expect(mayReadLinkedCase(subject("registrar"), kase)).toBe(false);
    expect(mayReadLinkedCase(subject("supervisor", "standard", []), kase)).toBe(true);
    expect(mayReadLinkedCase(ENGAGEMENT_OPERATOR, kase)).toBe(true);
  });
});

describe("engagement policy: action items", () => {
  const mine = { ownerUserId: ME, ownerTeamId: null };
  const myTeams = { ownerUserId: null, ownerTeamId: OWN_TEAM };
  const theirs = { ownerUserId: SOMEONE_ELSE, ownerTeamId: null };
  const progress = { reassigns: false };

  it("lets writers work any item", () => {
    expect(decideActionItemUpdate(subject("case_officer"), at(), theirs, { reassigns: true }).allowed).toBe(
      true,
    );
  });

  it("lets an owner with engagements.read move their own item on, but not hand it over", () => {
    const analyst = subject("analyst");
    expect(decideActionItemUpdate(analyst, at(), mine, progress).allowed).toBe(true);
    expect(decideActionItemUpdate(analyst, at(), myTeams, progress).allowed).toBe(true);
    expect(decideActionItemUpdate(analyst, at(), mine, { reassigns: true })).toMatchObject({
      allowed: false,
      code: "permission_denied",
    });
    expect(decideActionItemUpdate(analyst, at(), theirs, progress)).toMatchObject({
      allowed: false,
      code: "forbidden",
      conceal: false,
    });
  });

  it("conceals items of engagements the reader may not see", () => {
    expect(decideActionItemUpdate(subject("analyst"), at("secret"), mine, progress)).toMatchObject({
      conceal: true,
    });
  });

  it("lets only readers of engagements own items", () => {
    for (const role of ROLES) expect(mayOwnActionItems(role)).toBe(hasPermission(role, "engagements.read"));
  });
});
