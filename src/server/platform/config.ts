import path from "node:path";
import { z } from "zod";
import { isTimeZone } from "../../domain/platform/dates.js";

/**
 * Every setting Comity reads from the environment, validated at start-up. A bad value
 * stops the process with a message that names the variable (docs/configuration.md).
 */
const boolean = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((value) => ["true", "1", "yes", "on"].includes(value));
const port = z.coerce.number().int().min(1).max(65535);

export const configSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/,
      "must be a PostgreSQL URL such as postgres://user:password@host:5432/comity",
    )
    .optional(),
  COMITY_DATA_DIR: z.string().min(1).default(".comity"),
  COMITY_EMBEDDED_PG_PORT: port
    .refine((value) => value !== 5432, "must not be 5432, the port of a system PostgreSQL")
    .default(55432),
  COMITY_SECRET: z
    .string()
    .regex(
      /^[A-Za-z0-9+/_=-]{43,}$/,
      "must be at least 32 random bytes in base64 or base64url (openssl rand -base64 32)",
    )
    .optional(),
  COMITY_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  COMITY_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  COMITY_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
  COMITY_TRUST_PROXY: z.string().default("false"),
  COMITY_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  COMITY_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  COMITY_API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(6000),
  COMITY_API_DOCS: boolean.default(true),
  COMITY_DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  COMITY_MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  COMITY_AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  COMITY_AUDIT_CHECKPOINT_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(5),
  /**
   * The office's time zone: what "today" is for every default date, "due" and "overdue",
   * on the server and in the web app. Default: the server's own zone.
   */
  COMITY_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Europe/Moscow, Asia/Phnom_Penh or UTC")
    .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"),
  COMITY_REMINDER_CRON: z
    .string()
    .trim()
    .regex(
      /^(off|(\S+\s+){4}\S+)$/,
      "must be a cron expression of five fields (minute hour day month weekday), such as 0 * * * *, or off",
    )
    .default("0 * * * *"),
  /**
   * The office's own state (ISO 3166-1 alpha-2): "our side" of an engagement, the state
   * a briefing pack reads as "ours" against the counterpart's.
   */
  COMITY_OFFICE_STATE: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "must be a state's two-letter ISO code, such as RU")
    .default("RU"),
});

export type RawConfig = z.infer<typeof configSchema>;

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPgPort: number;
  secret: string | undefined;
  publicUrl: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  /** Fastify's trustProxy: false, true, a hop count, or addresses/CIDRs separated by commas. */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  logLevel: RawConfig["COMITY_LOG_LEVEL"];
  loginRateLimit: number;
  apiRateLimit: number;
  apiDocs: boolean;
  dbPoolSize: number;
  /** The largest document a case accepts, in bytes (a larger upload gets 413). */
  maxUploadBytes: number;
  /** Signed audit checkpoints are appended here, outside the database. */
  auditCheckpointFile: string;
  /** How often the server checkpoints the audit head; 0 turns it off. */
  auditCheckpointMs: number;
  /** When the deadline reminder job runs (cron, UTC); null: never on a schedule. */
  reminderCron: string | null;
  /** The office's IANA time zone: "today" for every default date, deadline and reminder. */
  timeZone: string;
  /** The office's own state, two upper-case letters (ISO 3166-1 alpha-2). */
  officeState: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((problem) => `  ${problem.variable}: ${problem.message}`).join("\n")}\n` +
        "See docs/configuration.md for every variable.",
    );
  }
}

function trustProxy(value: string): Config["trustProxy"] {
  if (value === "true") return true;
  if (value === "false" || value === "") return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value.split(",").map((part) => part.trim());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === "" ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })),
    );
  }
  const raw = parsed.data;
  const publicHost = raw.HOST === "0.0.0.0" || raw.HOST === "::" ? "localhost" : raw.HOST;
  return {
    port: raw.PORT,
    host: raw.HOST,
    databaseUrl: raw.DATABASE_URL,
    dataDir: path.resolve(cwd, raw.COMITY_DATA_DIR),
    embeddedPgPort: raw.COMITY_EMBEDDED_PG_PORT,
    secret: raw.COMITY_SECRET,
    publicUrl: (
      raw.COMITY_PUBLIC_URL ??
      `http://${publicHost.includes(":") ? `[${publicHost}]` : publicHost}:${raw.PORT}`
    ).replace(/\/$/, ""),
    sessionIdleMs: raw.COMITY_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: raw.COMITY_SESSION_ABSOLUTE_HOURS * 3_600_000,
    trustProxy: trustProxy(raw.COMITY_TRUST_PROXY),
    logLevel: raw.COMITY_LOG_LEVEL,
    loginRateLimit: raw.COMITY_LOGIN_RATE_LIMIT,
    apiRateLimit: raw.COMITY_API_RATE_LIMIT,
    apiDocs: raw.COMITY_API_DOCS,
    dbPoolSize: raw.COMITY_DB_POOL_SIZE,
    maxUploadBytes: raw.COMITY_MAX_UPLOAD_BYTES,
    auditCheckpointFile: path.resolve(
      cwd,
      raw.COMITY_AUDIT_CHECKPOINT_FILE ?? path.join(raw.COMITY_DATA_DIR, "audit-checkpoints.jsonl"),
    ),
    auditCheckpointMs: raw.COMITY_AUDIT_CHECKPOINT_MINUTES * 60_000,
    reminderCron: raw.COMITY_REMINDER_CRON === "off" ? null : raw.COMITY_REMINDER_CRON.replace(/\s+/g, " "),
    timeZone: raw.COMITY_TIME_ZONE,
    officeState: raw.COMITY_OFFICE_STATE,
  };
}
