import type { z } from "zod";
import {
  errorBodySchema,
  type SessionResponse,
  sessionResponseSchema,
} from "../../domain/platform/schemas.js";

export type FieldProblem = { path: string; message: string };

/** An answer of the API other than 2xx, in the API's one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** 401 codes that mean "this browser is not (or no longer) signed in". */
const SIGN_IN_CODES = new Set(["unauthenticated", "session_ended", "mfa_required"]);
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// The CSRF token lives in memory only: it is renewed with every session probe and
// sign-in step, and the browser's storage may hold nothing but the language.
let csrfToken: string | null = null;
let signInRequired: ((code: string) => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called once by the app: what to do when a protected call finds no valid session. */
export function onSignInRequired(handler: (code: string) => void): void {
  signInRequired = handler;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Query = Record<string, string | number | undefined>;

export type RequestOptions<T> = {
  method?: Method;
  body?: unknown;
  query?: Query;
  headers?: Record<string, string>;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Sign-in steps answer 401 for a wrong password or code and handle their own
   * 401s; every other call sends the user to the sign-in page.
   */
  redirectOnSignInRequired?: boolean;
};

function urlFor(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function send(method: Method, url: string, options: RequestOptions<unknown>): Promise<Response> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  const mutating = MUTATING.has(method);
  // The API takes JSON on every state-changing call; an action without input sends {}.
  const body = mutating ? JSON.stringify(options.body ?? {}) : null;
  if (body !== null) headers["Content-Type"] = "application/json";
  if (mutating && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body,
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The server cannot be reached.");
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = errorBodySchema.safeParse(await readJson(response));
  if (!parsed.success) {
    return new ApiError(response.status, "http_error", response.statusText || `HTTP ${response.status}`);
  }
  const { code, message, fields, requestId } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? [], requestId ?? null);
}

/**
 * One JSON call to the API: sends the CSRF token with state-changing requests (and
 * retries once with a fresh token if the server refused it), validates the answer
 * with the shared schema and turns errors into ApiError.
 */
export async function request<T>(path: string, options: RequestOptions<T>): Promise<T> {
  const method = options.method ?? "GET";
  const url = urlFor(path, options.query);
  if (MUTATING.has(method) && !csrfToken) await loadSession();
  let response = await send(method, url, options);
  if (!response.ok) {
    let error = await toApiError(response);
    if (error.code === "csrf_invalid" && MUTATING.has(method)) {
      await loadSession();
      response = await send(method, url, options);
      error = response.ok ? error : await toApiError(response);
    }
    if (!response.ok) {
      if (
        error.status === 401 &&
        SIGN_IN_CODES.has(error.code) &&
        options.redirectOnSignInRequired !== false &&
        signInRequired
      ) {
        signInRequired(error.code);
      }
      throw error;
    }
  }
  const parsed = options.schema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "invalid_response",
      "The server sent an answer this page does not understand.",
    );
  }
  return parsed.data;
}

/** The session probe; every answer carries a fresh CSRF token (also for anonymous visitors). */
export async function loadSession(): Promise<SessionResponse> {
  const response = await send("GET", "/api/auth/session", { schema: sessionResponseSchema });
  if (!response.ok) throw await toApiError(response);
  const parsed = sessionResponseSchema.safeParse(await readJson(response));
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      "invalid_response",
      "The server sent an answer this page does not understand.",
    );
  }
  setCsrfToken(parsed.data.csrfToken);
  return parsed.data;
}
