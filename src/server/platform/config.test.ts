import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("has working defaults: 127.0.0.1:3000, embedded database in .comity on a port other than 5432", () => {
    const config = loadConfig({}, "/srv/comity");
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve("/srv/comity/.comity"),
      embeddedPgPort: 55432,
      sessionIdleMs: 30 * 60_000,
      sessionAbsoluteMs: 12 * 3_600_000,
      publicUrl: "http://127.0.0.1:3000",
      trustProxy: false,
    });
    expect(config.auditCheckpointFile).toBe(path.resolve("/srv/comity/.comity/audit-checkpoints.jsonl"));
  });

  it("names every bad variable in one error", () => {
    try {
      loadConfig({
        PORT: "eighty",
        COMITY_EMBEDDED_PG_PORT: "5432",
        DATABASE_URL: "mysql://x",
        COMITY_SESSION_IDLE_MINUTES: "0",
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.map((problem) => problem.variable).sort();
      expect(problems).toEqual([
        "COMITY_EMBEDDED_PG_PORT",
        "COMITY_SESSION_IDLE_MINUTES",
        "DATABASE_URL",
        "PORT",
      ]);
      expect((error as Error).message).toContain("COMITY_EMBEDDED_PG_PORT: must not be 5432");
    }
  });

  it("refuses a short secret and accepts 32 random bytes in base64", () => {
    expect(() => loadConfig({ COMITY_SECRET: "too-short" })).toThrow(/COMITY_SECRET/);
    expect(loadConfig({ COMITY_SECRET: Buffer.alloc(32, 7).toString("base64") }).secret).toBeDefined();
  });

  it("reads session limits, proxy trust and the public URL", () => {
    const config = loadConfig({
      COMITY_SESSION_IDLE_MINUTES: "15",
      COMITY_SESSION_ABSOLUTE_HOURS: "8",
      COMITY_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1",
      COMITY_PUBLIC_URL: "https://comity.example.org/",
    });
    expect(config.sessionIdleMs).toBe(15 * 60_000);
    expect(config.sessionAbsoluteMs).toBe(8 * 3_600_000);
    expect(config.trustProxy).toEqual(["10.0.0.0/8", "127.0.0.1"]);
    expect(config.publicUrl).toBe("https://comity.example.org");
    const hops = loadConfig({ COMITY_TRUST_PROXY: "1" }).trustProxy as (
      address: string,
      hop: number,
    ) => boolean;
    expect([hops("x", 0), hops("x", 1)]).toEqual([true, false]);
  });

  it("limits uploads to 20 MiB unless told otherwise, and refuses a limit out of range", () => {
    expect(loadConfig({}).maxUploadBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ COMITY_MAX_UPLOAD_BYTES: "5000000" }).maxUploadBytes).toBe(5_000_000);
    expect(() => loadConfig({ COMITY_MAX_UPLOAD_BYTES: "10" })).toThrow(/COMITY_MAX_UPLOAD_BYTES/);
    expect(() => loadConfig({ COMITY_MAX_UPLOAD_BYTES: "1e12" })).toThrow(/COMITY_MAX_UPLOAD_BYTES/);
  });

  it("runs the deadline reminders hourly unless given another cron expression or off", () => {
    expect(loadConfig({}).reminderCron).toBe("0 * * * *");
    expect(loadConfig({ COMITY_REMINDER_CRON: " */15  7-19 * * 1-5 " }).reminderCron).toBe(
      "*/15 7-19 * * 1-5",
    );
    expect(loadConfig({ COMITY_REMINDER_CRON: "off" }).reminderCron).toBeNull();
    expect(() => loadConfig({ COMITY_REMINDER_CRON: "hourly" })).toThrow(/COMITY_REMINDER_CRON/);
    expect(() => loadConfig({ COMITY_REMINDER_CRON: "0 * * *" })).toThrow(/COMITY_REMINDER_CRON/);
  });

  it("reads the office's time zone, by default the server's, and refuses a zone the runtime does not know", () => {
    expect(loadConfig({ COMITY_TIME_ZONE: "Europe/Moscow" }).timeZone).toBe("Europe/Moscow");
    expect(loadConfig({}).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(() => loadConfig({ COMITY_TIME_ZONE: "Mars/Olympus_Mons" })).toThrow(/COMITY_TIME_ZONE/);
  });

  it("reads the office's own state, RU unless told otherwise, and refuses what is not a two-letter code", () => {
    expect(loadConfig({}).officeState).toBe("RU");
    expect(loadConfig({ COMITY_OFFICE_STATE: "kh" }).officeState).toBe("KH");
    expect(() => loadConfig({ COMITY_OFFICE_STATE: "RUS" })).toThrow(/COMITY_OFFICE_STATE/);
  });
});
