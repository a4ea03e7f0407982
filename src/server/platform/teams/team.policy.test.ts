import { describe, expect, it } from "vitest";
import { hasPermission } from "../../../domain/platform/roles.js";
import { ROLES } from "../../../domain/platform/vocabulary.js";
import { decideTeamAction, type TeamAction } from "./team.policy.js";

const ACTIONS: TeamAction[] = ["create", "update", "add_member", "remove_member"];

describe("team policy", () => {
  it("lets administrators, and only them, change teams", () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        expect(decideTeamAction(role, action).allowed, `${role} ${action}`).toBe(role === "administrator");
      }
    }
  });

  it("keeps those who work cases from changing teams, since a team opens its cases", () => {
    for (const role of ROLES.filter((candidate) => hasPermission(candidate, "cases.read"))) {
      expect(decideTeamAction(role, "add_member")).toMatchObject({
        allowed: false,
        code: "permission_denied",
      });
    }
  });
});
