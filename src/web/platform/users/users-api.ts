import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import {
  type createUserBodySchema,
  type User,
  userListSchema,
  userSchema,
  userWithInvitationSchema,
} from "../../../domain/platform/schemas.js";
import type { ConfidentialityLevel, Role } from "../../../domain/platform/vocabulary.js";
import { request } from "../../api/client.js";

export const USERS_KEY = ["users"] as const;

export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => request("/api/users", { schema: userListSchema, signal }),
  });
}

export type NewUser = z.input<typeof createUserBodySchema>;
export type UserWithInvitation = z.infer<typeof userWithInvitationSchema>;
export type Invitation = UserWithInvitation["invitation"];

export function createUser(body: NewUser): Promise<UserWithInvitation> {
  return request("/api/users", { method: "POST", body, schema: userWithInvitationSchema });
}

/** Optimistic concurrency: the server refuses the change (412) if the account changed since it was read. */
export type UserChanges = { displayName?: string; role?: Role; clearance?: ConfidentialityLevel };

export function updateUser(user: User, changes: UserChanges): Promise<User> {
  return request(`/api/users/${encodeURIComponent(user.id)}`, {
    method: "PATCH",
    body: changes,
    headers: { "If-Match": `"v${user.version}"` },
    schema: userSchema,
  });
}

export type StatusAction = "disable" | "enable" | "unlock";

export function changeUserStatus(user: User, action: StatusAction): Promise<User> {
  return request(`/api/users/${encodeURIComponent(user.id)}/${action}`, {
    method: "POST",
    schema: userSchema,
  });
}

export function resetUserAccess(user: User): Promise<UserWithInvitation> {
  return request(`/api/users/${encodeURIComponent(user.id)}/reset-access`, {
    method: "POST",
    schema: userWithInvitationSchema,
  });
}
