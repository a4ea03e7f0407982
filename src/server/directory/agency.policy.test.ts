import { describe, expect, it } from "vitest";
import { ROLES } from "../../domain/platform/vocabulary.js";
import { decideAgencyParent, decideDirectoryWrite } from "./agency.policy.js";

describe("directory policy", () => {
  it("lets only registrars write", () => {
    for (const role of ROLES) expect(decideDirectoryWrite(role).allowed).toBe(role === "registrar");
  });

  it("keeps the agency tree within a state and without cycles", () => {
    const agency = { id: "a", stateCode: "RU" };
    expect(decideAgencyParent(agency, { id: "b", stateCode: "RU" }, false).allowed).toBe(true);
    expect(decideAgencyParent(agency, { id: "b", stateCode: "KH" }, false)).toMatchObject({
      code: "agency_parent_state",
    });
    expect(decideAgencyParent(agency, { id: "a", stateCode: "RU" }, false)).toMatchObject({
      code: "agency_cycle",
    });
    expect(decideAgencyParent(agency, { id: "c", stateCode: "RU" }, true)).toMatchObject({
      code: "agency_cycle",
    });
    expect(
      decideAgencyParent({ id: null, stateCode: "RU" }, { id: "b", stateCode: "RU" }, false).allowed,
    ).toBe(true);
  });
});
