import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { parseInstant } from "../../src/domain/platform/dates.js";
import type { Team, User } from "../../src/domain/platform/schemas.js";
import { ApiError } from "../../src/web/api/client.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";
import { memberCandidates, sortedMembers } from "../../src/web/platform/teams/member-candidates.js";
import {
  newTeamBody,
  teamChanges,
  teamErrorMessage,
  teamFieldErrors,
} from "../../src/web/platform/teams/team-form.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tEn = i18n.getFixedT("en") as TFunction;
const tRu = i18n.getFixedT("ru") as TFunction;

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function user(n: number, displayName: string, status: User["status"] = "active"): User {
  return {
    id: id(n),
    username: `user${n}`,
    displayName,
    role: "case_officer",
    clearance: "standard",
    status,
    locale: "en",
    mfaEnrolled: true,
    lockedAt: null,
    disabledAt: null,
    lastLoginAt: null,
    createdAt: parseInstant("2026-01-01T00:00:00.000Z"),
    version: 1,
  };
}

const team: Team = {
  id: id(100),
  name: "Extradition desk",
  description: null,
  members: [
    { userId: id(2), username: "user2", displayName: "Zoe" },
    { userId: id(1), username: "user1", displayName: "Anna" },
  ],
  createdAt: parseInstant("2026-01-01T00:00:00.000Z"),
  version: 3,
};

describe("team members", () => {
  it("offers the accounts not in the team and not disabled, by name", () => {
    const users = [user(1, "Anna"), user(3, "Boris"), user(4, "Alla", "disabled"), user(5, "Ada", "invited")];
    expect(memberCandidates(users, team, "en")).toEqual([
      { value: id(5), label: "Ada (user5)" },
      { value: id(3), label: "Boris (user3)" },
    ]);
  });

  it("lists members by name", () => {
    expect(sortedMembers(team, "en").map((member) => member.displayName)).toEqual(["Anna", "Zoe"]);
  });
});

describe("team form", () => {
  it("sends a trimmed name and no empty description", () => {
    expect(newTeamBody({ name: "  MLA desk ", description: "   " })).toEqual({
      name: "MLA desk",
      description: null,
    });
  });

  it("sends only what changed, and clears a description with null", () => {
    expect(teamChanges(team, { name: "Extradition desk", description: "" })).toEqual({});
    expect(teamChanges(team, { name: " Extradition ", description: "Europe" })).toEqual({
      name: "Extradition",
      description: "Europe",
    });
    expect(teamChanges({ ...team, description: "Europe" }, { name: team.name, description: " " })).toEqual({
      description: null,
    });
  });

  it("says a taken name in the reader's language, on the name field", () => {
    const taken = new ApiError(409, "team_name_taken", "A team named X exists.", [
      { path: "body.name", message: "taken" },
    ]);
    expect(teamErrorMessage(taken, tRu)).toBe(ru.teams.errors.nameTaken);
    expect(teamFieldErrors(taken, tEn)).toEqual({ name: en.teams.errors.nameTaken });
    expect(teamErrorMessage(new ApiError(404, "not_found", "no"), tEn)).toBe(en.errors.codes.not_found);
  });
});
