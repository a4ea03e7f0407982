/** An owner as one value: "user:<id>" or "team:<id>". */
export function ownerValue(owner: { type: "user" | "team"; id: string }): string {
  return `${owner.type}:${owner.id}`;
}

/** The value as the API's fields: a user's id or a team's id. */
export function ownerFields(value: string | null): {
  ownerUserId: string | null;
  ownerTeamId: string | null;
} {
  const [type, id = ""] = (value ?? "").split(":");
  if (type === "user" && id) return { ownerUserId: id, ownerTeamId: null };
  if (type === "team" && id) return { ownerUserId: null, ownerTeamId: id };
  return { ownerUserId: null, ownerTeamId: null };
}
