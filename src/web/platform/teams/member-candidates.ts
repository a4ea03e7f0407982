import type { Team, User } from "../../../domain/platform/schemas.js";

export type MemberOption = { value: string; label: string };

/**
 * The accounts that can be added to a team: not already in it, and not disabled (a
 * disabled account cannot sign in; enable it first). Sorted by name in the reader's
 * language, labelled with the user name, which is what tells two namesakes apart.
 */
export function memberCandidates(users: readonly User[], team: Team, locale: string): MemberOption[] {
  const members = new Set(team.members.map((member) => member.userId));
  return users
    .filter((user) => user.status !== "disabled" && !members.has(user.id))
    .sort(
      (a, b) => a.displayName.localeCompare(b.displayName, locale) || a.username.localeCompare(b.username),
    )
    .map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` }));
}

/** Members in the same order as the candidates, so a team reads the same everywhere. */
export function sortedMembers(team: Team, locale: string): Team["members"] {
  return [...team.members].sort(
    (a, b) => a.displayName.localeCompare(b.displayName, locale) || a.username.localeCompare(b.username),
  );
}
