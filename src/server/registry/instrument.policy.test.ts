import { describe, expect, it } from "vitest";
import { ROLES } from "../../domain/platform/vocabulary.js";
import { decideRegistryAction, type RegistryAction } from "./instrument.policy.js";

const ACTIONS: RegistryAction[] = ["create", "update", "add_fact", "remove_fact", "import"];

describe("registry policy", () => {
  it("lets only registrars (and the server's shell) change the registry", () => {
    for (const role of ROLES) {
      for (const action of ACTIONS) {
        expect(decideRegistryAction({ role }, action).allowed, `${role} ${action}`).toBe(
          role === "registrar",
        );
      }
    }
    for (const action of ACTIONS) expect(decideRegistryAction({ cli: true }, action).allowed).toBe(true);
  });

  it("keeps facts shipped in the catalogue, removes facts recorded by registrars", () => {
    expect(decideRegistryAction({ role: "registrar" }, "remove_fact", { origin: "catalogue" })).toMatchObject(
      { allowed: false, code: "shipped_fact" },
    );
    expect(decideRegistryAction({ role: "registrar" }, "remove_fact", { origin: "manual" }).allowed).toBe(
      true,
    );
    expect(decideRegistryAction({ role: "registrar" }, "remove_fact", { origin: "import" }).allowed).toBe(
      true,
    );
  });
});
