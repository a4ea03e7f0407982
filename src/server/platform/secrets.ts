import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Keys that must not live in the database, all derived (HKDF-SHA-256) from one master
 * secret: COMITY_SECRET, or a random key generated on first run in the data folder
 * (secret.key). Back it up with the database: without it the audit chain cannot be
 * verified and enrolled authenticators cannot be read (docs/operations.md).
 */
export type Secrets = {
  /** HMAC key of the audit chain. */
  auditChainKey: Uint8Array;
  /** AES-256-GCM key for TOTP secrets. */
  fieldKey: Uint8Array;
  /** HMAC key binding CSRF tokens to sessions. */
  csrfKey: Buffer;
  /** Ed25519 key that signs audit checkpoints. */
  checkpointPrivateKey: KeyObject;
  checkpointPublicKey: KeyObject;
  /** Identifies the master secret (first bytes of a derived value), for checkpoints. */
  keyId: string;
  source: "environment" | "file";
};

const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function derive(master: Buffer, label: string, length = 32): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `comity/${label}/v1`, length));
}

export function deriveSecrets(master: Buffer, source: Secrets["source"]): Secrets {
  if (master.length < 32) throw new Error("The master secret must be at least 32 bytes");
  const seed = derive(master, "audit-checkpoint-ed25519");
  const checkpointPrivateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  return {
    auditChainKey: new Uint8Array(derive(master, "audit-chain")),
    fieldKey: new Uint8Array(derive(master, "field-encryption")),
    csrfKey: derive(master, "csrf"),
    checkpointPrivateKey,
    checkpointPublicKey: createPublicKey(checkpointPrivateKey),
    keyId: derive(master, "key-id", 6).toString("hex"),
    source,
  };
}

function decodeSecret(value: string): Buffer {
  return Buffer.from(value.replaceAll("-", "+").replaceAll("_", "/"), "base64");
}

export async function loadSecrets(options: {
  secret: string | undefined;
  dataDir: string;
}): Promise<Secrets> {
  if (options.secret) return deriveSecrets(decodeSecret(options.secret), "environment");
  const file = path.join(options.dataDir, "secret.key");
  try {
    return deriveSecrets(decodeSecret((await readFile(file, "utf8")).trim()), "file");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(options.dataDir, { recursive: true });
  const master = randomBytes(32);
  await writeFile(file, `${master.toString("base64url")}\n`, { mode: 0o600, flag: "wx" }).catch(
    async (error) => {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    },
  );
  return deriveSecrets(decodeSecret((await readFile(file, "utf8")).trim()), "file");
}

/** AES-256-GCM: base64url(iv ‖ tag ‖ ciphertext). A changed bit fails decryption. */
export function encryptField(key: Uint8Array, plaintext: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

export function decryptField(key: Uint8Array, sealed: string, associatedData: string): string {
  const data = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, 12));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(data.subarray(12, 28));
  return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString("utf8");
}
