import type { FastifyReply, FastifyRequest } from "fastify";
import {
  endSession,
  findSessionByTokenHash,
  type SessionRow,
  touchSession,
} from "../../db/platform/sessions.repository.js";
import type { UserRow } from "../../db/platform/users.repository.js";
import {
  type SessionVerdict,
  sessionVerdict,
  shouldRefreshLastSeen,
} from "../../domain/platform/session-policy.js";
import { hashToken } from "./credentials.js";
import type { Services } from "./operation.js";

export const SESSION_COOKIE = "comity_session";
export const CSRF_COOKIE = "comity_csrf";
/** A session that has passed the password but not yet the second factor lives this long. */
export const PENDING_MFA_LIFETIME_MS = 10 * 60_000;

export type Authenticated = {
  session: SessionRow;
  user: UserRow;
  /** Password and second factor both passed. */
  mfaComplete: boolean;
};

export type SessionLookup =
  | { status: "active"; auth: Authenticated }
  | { status: "none" }
  | { status: Exclude<SessionVerdict, "active"> | "unknown" | "account_disabled" | "account_locked" };

/**
 * Finds the session behind the cookie and decides whether it is still valid. An
 * expired session is ended in the database at once, so it can never come back.
 * Changes to the account (disabled, locked, new role) apply on the very next request:
 * nothing about the user is cached (ASVS 8.3.2).
 */
export async function lookupSession(services: Services, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: "none" };
  const found = await findSessionByTokenHash(services.database, hashToken(token));
  if (!found) return { status: "unknown" };
  const { session, user } = found;
  const now = services.clock();
  const mfaComplete = session.mfaVerifiedAt !== null;
  const verdict = sessionVerdict(session, now, {
    idleTimeoutMs: services.config.sessionIdleMs,
    absoluteTimeoutMs: mfaComplete ? services.config.sessionAbsoluteMs : PENDING_MFA_LIFETIME_MS,
  });
  if (verdict === "ended") return { status: "ended" };
  const status =
    verdict !== "active"
      ? verdict
      : user.disabledAt
        ? "account_disabled"
        : user.lockedAt
          ? "account_locked"
          : "active";
  if (status !== "active") {
    await endSession(services.database, session.id, status, now);
    return { status };
  }
  if (shouldRefreshLastSeen(session.lastSeenAt, now)) {
    await touchSession(services.database, session.id, now);
    session.lastSeenAt = now;
  }
  return { status: "active", auth: { session, user, mfaComplete } };
}

export function sessionExpiresAt(services: Services, session: SessionRow): Date {
  const absolute =
    session.createdAt.getTime() +
    (session.mfaVerifiedAt ? services.config.sessionAbsoluteMs : PENDING_MFA_LIFETIME_MS);
  const idle = session.lastSeenAt.getTime() + services.config.sessionIdleMs;
  return new Date(Math.min(absolute, idle));
}

/** HttpOnly, SameSite=Strict, Secure whenever the request came over TLS (ASVS 3.3.1, 3.3.4). */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: "auto",
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "strict", secure: "auto" });
}

/**
 * A CSRF token bound to the session (or to "anonymous" before sign-in), so a token
 * taken from one session is useless in another.
 */
export function csrfTokenFor(reply: FastifyReply, sessionId: string | null): string {
  return reply.generateCsrf({ userInfo: sessionId ?? "anonymous" });
}

export function sessionIdOf(request: FastifyRequest): string | null {
  return request.auth?.session.id ?? null;
}
