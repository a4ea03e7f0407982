import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../domain/platform/vocabulary.js";
import { decideUserAction, type UserAction } from "./user.policy.js";

const ACTIONS: UserAction[] = [
  "update_profile",
  "change_role",
  "disable",
  "enable",
  "unlock",
  "reset_access",
];
const admin = (id: string) => ({ userId: id, role: "administrator" as Role });
const target = (id: string, role: Role = "analyst", disabled = false) => ({ id, role, disabled });

describe("user policy", () => {
  it("refuses every action to a role without users.manage", () => {
    for (const role of ROLES.filter((candidate) => candidate !== "administrator")) {
      for (const action of ACTIONS) {
        const decision = decideUserAction(action, {
          actor: { userId: "a", role },
          target: target("b"),
          activeAdministrators: 3,
        });
        expect(decision).toMatchObject({ allowed: false, code: "permission_denied" });
      }
    }
  });

  it("lets an administrator act on another account", () => {
    for (const action of ACTIONS) {
      expect(
        decideUserAction(action, {
          actor: admin("a"),
          target: target("b"),
          activeAdministrators: 1,
          newRole: "registrar",
        }).allowed,
      ).toBe(true);
    }
  });

  it("does not let administrators disable themselves, change their own role or reset their own access", () => {
    const input = { actor: admin("a"), target: target("a", "administrator"), activeAdministrators: 5 };
    expect(decideUserAction("disable", input)).toMatchObject({ code: "self_disable" });
    expect(decideUserAction("change_role", { ...input, newRole: "analyst" })).toMatchObject({
      code: "self_role_change",
    });
    expect(decideUserAction("reset_access", input)).toMatchObject({ code: "self_reset" });
    expect(decideUserAction("update_profile", input).allowed).toBe(true);
  });

  it("never removes the last active administrator, by disabling or demoting", () => {
    const last = { actor: admin("a"), target: target("b", "administrator"), activeAdministrators: 1 };
    expect(decideUserAction("disable", last)).toMatchObject({ code: "last_administrator" });
    expect(decideUserAction("change_role", { ...last, newRole: "auditor" })).toMatchObject({
      code: "last_administrator",
    });
    expect(decideUserAction("change_role", { ...last, newRole: "administrator" }).allowed).toBe(true);
    // A disabled administrator does not count and may be left as is.
    expect(decideUserAction("disable", { ...last, target: target("b", "administrator", true) }).allowed).toBe(
      true,
    );
  });

  it("property: after any allowed action at least one active administrator remains", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ACTIONS),
        fc.constantFrom(...ROLES),
        fc.constantFrom(...ROLES),
        fc.boolean(),
        fc.integer({ min: 1, max: 4 }),
        (action, targetRole, newRole, disabled, activeAdministrators) => {
          const input = {
            actor: admin("a"),
            target: target("b", targetRole, disabled),
            activeAdministrators,
            newRole,
          };
          const decision = decideUserAction(action, input);
          if (!decision.allowed) return;
          const targetCounts = targetRole === "administrator" && !disabled;
          const removes =
            targetCounts &&
            (action === "disable" || (action === "change_role" && newRole !== "administrator"));
          expect(activeAdministrators - (removes ? 1 : 0)).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });
});
