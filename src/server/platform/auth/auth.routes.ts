import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { countUsers } from "../../../db/platform/users.repository.js";
import { instantOf } from "../../../domain/platform/dates.js";
import { ROLE_PERMISSIONS } from "../../../domain/platform/roles.js";
import {
  changePasswordBodySchema,
  type Locale,
  loginBodySchema,
  loginResponseSchema,
  mfaCodeBodySchema,
  mfaConfirmResponseSchema,
  mfaEnrolmentSchema,
  okSchema,
  preferencesBodySchema,
  type SessionResponse,
  sessionResponseSchema,
} from "../../../domain/platform/schemas.js";
import type { ConfidentialityLevel, Role } from "../../../domain/platform/vocabulary.js";
import { callerOf, PENDING, PUBLIC, requireAuth, SIGNED_IN } from "../access.js";
import { AppError, errorResponses } from "../errors.js";
import type { Services } from "../operation.js";
import { clearSessionCookie, csrfTokenFor, sessionExpiresAt, setSessionCookie } from "../session.js";
import { officeToday } from "../today.js";
import { changePassword } from "./change-password.js";
import { completeSecondFactor } from "./complete-second-factor.js";
import { login } from "./login.js";
import { logout } from "./logout.js";
import { setPreferences } from "./set-preferences.js";
import { startEnrolment } from "./start-enrolment.js";

const SIGN_IN_FAILED =
  "Sign-in failed. Check the user name and password. After five failed attempts in 15 minutes the account " +
  "is locked until an administrator unlocks it.";

const tags = ["authentication"];
const errors = errorResponses(401, 409);

async function sessionView(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<SessionResponse> {
  const auth = request.auth;
  const csrfToken = csrfTokenFor(reply, auth?.session.id ?? null);
  const setupRequired = auth ? false : (await countUsers(services.database)) === 0;
  if (!auth) {
    return {
      authenticated: false,
      mfa: "none",
      user: null,
      permissions: [],
      csrfToken,
      setupRequired,
      expiresAt: null,
      office: office(services),
    };
  }
  const role = auth.user.role as Role;
  return {
    authenticated: auth.mfaComplete,
    mfa: auth.mfaComplete ? "done" : auth.user.totpEnabledAt ? "verify" : "enrol",
    user: {
      id: auth.user.id,
      username: auth.user.username,
      displayName: auth.user.displayName,
      role,
      clearance: auth.user.clearance as ConfidentialityLevel,
      locale: auth.user.locale as Locale,
    },
    permissions: auth.mfaComplete ? [...ROLE_PERMISSIONS[role]] : [],
    csrfToken,
    setupRequired,
    expiresAt: instantOf(sessionExpiresAt(services, auth.session)),
    office: office(services),
  };
}

/** The office's time zone and today in it: the web app reads "today" here, never from the browser's clock. */
function office(services: Services): SessionResponse["office"] {
  return { timeZone: services.config.timeZone, today: officeToday(services) };
}

export function registerAuthRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const loginRateLimit = { max: services.config.loginRateLimit, timeWindow: "1 minute" };

  api.get(
    "/api/auth/session",
    {
      config: { access: PUBLIC },
      schema: {
        operationId: "getSession",
        tags,
        summary:
          "The current session (or none), the permissions it grants and a CSRF token for state-changing requests",
        response: { 200: sessionResponseSchema },
      },
    },
    (request, reply) => sessionView(services, request, reply),
  );

  api.post(
    "/api/auth/login",
    {
      config: { access: PUBLIC, rateLimit: loginRateLimit },
      schema: {
        operationId: "logIn",
        tags,
        summary: "Sign in with user name and password; the second factor follows",
        body: loginBodySchema,
        response: { 200: loginResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const result = await login({
        services,
        origin: request.origin,
        ...request.body,
        previousSessionId: request.auth?.session.id ?? null,
      });
      if (!result.ok) throw new AppError(401, "invalid_credentials", SIGN_IN_FAILED);
      setSessionCookie(reply, result.token);
      return { mfa: result.mfa, csrfToken: csrfTokenFor(reply, result.session.id) };
    },
  );

  api.post(
    "/api/auth/logout",
    {
      config: { access: PENDING },
      schema: {
        operationId: "logOut",
        tags,
        summary: "Sign out: the session ends on the server",
        response: { 200: okSchema, ...errors },
      },
    },
    async (request, reply) => {
      await logout({ ...callerOf(services, request), sessionId: requireAuth(request).session.id });
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  api.post(
    "/api/auth/mfa/enrolment",
    {
      config: { access: PENDING, rateLimit: loginRateLimit },
      schema: {
        operationId: "startMfaEnrolment",
        tags,
        summary: "Start enrolling an authenticator app: returns its secret and QR code",
        response: { 200: mfaEnrolmentSchema, ...errors },
      },
    },
    (request) => startEnrolment({ ...callerOf(services, request), userId: requireAuth(request).user.id }),
  );

  for (const mode of ["enrol", "verify"] as const) {
    api.post(
      mode === "enrol" ? "/api/auth/mfa/enrolment/confirm" : "/api/auth/mfa/verify",
      {
        config: { access: PENDING, rateLimit: loginRateLimit },
        schema: {
          operationId: mode === "enrol" ? "confirmMfaEnrolment" : "verifyMfaCode",
          tags,
          summary:
            mode === "enrol"
              ? "Confirm the authenticator with its first code; completes sign-in"
              : "Second sign-in step: the code from the authenticator",
          body: mfaCodeBodySchema,
          response: { 200: mfaConfirmResponseSchema, ...errors },
        },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const result = await completeSecondFactor({
          ...callerOf(services, request),
          userId: auth.user.id,
          sessionId: auth.session.id,
          code: request.body.code,
          mode,
        });
        if (!result.ok) {
          if (result.locked) {
            clearSessionCookie(reply);
            throw new AppError(401, "session_ended", SIGN_IN_FAILED);
          }
          throw new AppError(
            401,
            "invalid_code",
            "The code is wrong, expired or already used. Enter the current code.",
            [{ path: "body.code", message: "wrong, expired or already used" }],
          );
        }
        setSessionCookie(reply, result.token);
        return { csrfToken: csrfTokenFor(reply, auth.session.id) };
      },
    );
  }

  api.post(
    "/api/auth/password",
    {
      config: { access: SIGNED_IN, rateLimit: loginRateLimit },
      schema: {
        operationId: "changePassword",
        tags,
        summary: "Change one's own password (needs the current one); other sessions end",
        body: changePasswordBodySchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const result = await changePassword({
        ...callerOf(services, request),
        user: auth.user,
        sessionId: auth.session.id,
        ...request.body,
      });
      if (!result.ok) {
        if (result.locked) {
          clearSessionCookie(reply);
          throw new AppError(401, "session_ended", SIGN_IN_FAILED);
        }
        throw new AppError(400, "wrong_password", "The current password is not right.", [
          { path: "body.currentPassword", message: "not right" },
        ]);
      }
      return { ok: true as const };
    },
  );

  api.put(
    "/api/auth/preferences",
    {
      config: { access: SIGNED_IN },
      schema: {
        operationId: "setPreferences",
        tags,
        summary: "Remember the interface language",
        body: preferencesBodySchema,
        response: { 200: okSchema, ...errors },
      },
    },
    async (request) => {
      await setPreferences({
        ...callerOf(services, request),
        userId: requireAuth(request).user.id,
        ...request.body,
      });
      return { ok: true as const };
    },
  );
}
