import { createHash, randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import QRCode from "qrcode";
import { normalizePassword } from "../../domain/platform/password-policy.js";
import { decryptField, encryptField } from "./secrets.js";

// --- random tokens (sessions, setup links, invitations) ------------------------------------

/** 256 bits from the CSPRNG, base64url: 43 characters (ASVS 7.2.3). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this digest is stored, so a copy of the database holds no usable token. */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

// --- passwords ------------------------------------------------------------------------------

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration
 * (m = 19 MiB, t = 2, p = 1), random 16-byte salt; no length cap (ASVS 6.2.8, 11.4.2).
 */
export const ARGON2_OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, normalizePassword(password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * When the account does not exist or cannot sign in, a password is still verified
 * against a throw-away hash so that the response takes as long as a real check
 * (no user enumeration by timing, ASVS 6.3.8).
 */
export async function spendPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  await verifyPassword(await dummyHash, password);
}

// --- TOTP (RFC 6238: SHA-1, 6 digits, 30 s) --------------------------------------------

export const TOTP_ISSUER = "Comity";

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

export async function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/**
 * A code is accepted only in its own 30-second step (lifetime ≤ 30 s, ASVS 6.5.5) and
 * only once: a step at or before the last accepted one is a replay (ASVS 6.5.1).
 * Returns the accepted time step, or null.
 */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastAcceptedStep: number | null,
): Promise<number | null> {
  const result = await verifyTotp({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: 0,
    ...(lastAcceptedStep !== null ? { afterTimeStep: lastAcceptedStep } : {}),
  });
  // TOTP verification results carry the matched time step (HOTP ones do not).
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

export function sealTotpSecret(fieldKey: Uint8Array, userId: string, secret: string): string {
  return encryptField(fieldKey, secret, `totp:${userId}`);
}

export function openTotpSecret(fieldKey: Uint8Array, userId: string, sealed: string): string {
  return decryptField(fieldKey, sealed, `totp:${userId}`);
}
