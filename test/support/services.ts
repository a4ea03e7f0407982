import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/client.js";
import { type Config, loadConfig } from "../../src/server/platform/config.js";
import type { Services } from "../../src/server/platform/operation.js";
import { deriveSecrets } from "../../src/server/platform/secrets.js";

/** A clock the test moves by hand (sessions, lockout windows, TOTP steps). */
export class TestClock {
  private current: number;
  constructor(start = Date.parse("2026-03-02T09:00:00.000Z")) {
    this.current = start;
  }
  now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current += ms;
  }
  set(date: Date | string): void {
    this.current = typeof date === "string" ? Date.parse(date) : date.getTime();
  }
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(path.join(tmpdir(), "comity-test-data-"));
  return loadConfig({
    COMITY_DATA_DIR: dataDir,
    COMITY_LOG_LEVEL: "silent",
    COMITY_LOGIN_RATE_LIMIT: "10000",
    COMITY_AUDIT_CHECKPOINT_MINUTES: "0",
    ...overrides,
  });
}

/**
 * Every test database starts as a copy of the template, whose first audit entries were
 * chained with this key; the same key must verify them.
 */
export const TEST_MASTER_SECRET = createHash("sha256").update("comity test master secret").digest();

export function testServices(
  database: Database,
  options: { clock?: TestClock; config?: Config; secret?: Buffer } = {},
): Services {
  return {
    database,
    secrets: deriveSecrets(options.secret ?? TEST_MASTER_SECRET, "environment"),
    config: options.config ?? testConfig(),
    clock: options.clock?.now ?? (() => new Date()),
    node: "test-node",
  };
}
