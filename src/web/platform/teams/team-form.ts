import type { TFunction } from "i18next";
import { type Team, teamNameSchema } from "../../../domain/platform/schemas.js";
import { errorMessage, fieldErrors, hasCode } from "../../api/errors.js";
import type { NewTeam, TeamChanges } from "./teams-api.js";

/** What the new-team and edit-team forms hold; an empty description means none. */
export type TeamValues = { name: string; description: string };
export const TEAM_FIELDS = ["name", "description"] as const;
export const DESCRIPTION_MAX_LENGTH = 2000;

export function teamValues(team: Team | null): TeamValues {
  return { name: team?.name ?? "", description: team?.description ?? "" };
}

export function isValidTeamName(name: string): boolean {
  return teamNameSchema.safeParse(name).success;
}

export function isValidDescription(description: string): boolean {
  return description.trim().length <= DESCRIPTION_MAX_LENGTH;
}

export function newTeamBody(values: TeamValues): NewTeam {
  const description = values.description.trim();
  return { name: values.name.trim(), description: description === "" ? null : description };
}

/** Only what differs from the stored team is sent; an empty result means nothing to save. */
export function teamChanges(team: Team, values: TeamValues): TeamChanges {
  const changes: TeamChanges = {};
  const name = values.name.trim();
  if (name !== team.name) changes.name = name;
  const description = values.description.trim() === "" ? null : values.description.trim();
  if (description !== team.description) changes.description = description;
  return changes;
}

/**
 * The server words a taken name and an unknown account in English only; the page says them
 * in the user's language, and any other failure as every page does.
 */
export function teamErrorMessage(error: unknown, t: TFunction): string {
  if (hasCode(error, "team_name_taken")) return t("teams.errors.nameTaken");
  if (hasCode(error, "unknown_user")) return t("teams.errors.unknownUser");
  return errorMessage(error, t);
}

export function teamFieldErrors(error: unknown, t: TFunction): Partial<Record<keyof TeamValues, string>> {
  if (hasCode(error, "team_name_taken")) return { name: t("teams.errors.nameTaken") };
  return fieldErrors(error, TEAM_FIELDS, t);
}
