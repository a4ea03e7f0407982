import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCaseEvents } from "../../src/db/cases/cases.repository.js";
import { statisticRowsOf } from "../../src/domain/reports/statistic-rows.js";
import type { Actor } from "../../src/server/platform/operation.js";
import {
  SyntheticSeedRefused,
  type SyntheticSeedResult,
  seedSyntheticCases,
} from "../../src/server/reports/seed-synthetic-cases.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { databaseDigest } from "../support/database.js";

/**
 * `comity seed --synthetic` below the command line: the same seed gives the same cases
 * and the same statistics in two databases, whether the cases are prepared in a worker
 * thread or in the test's own, with the schema relaxed for a bulk load or not; the
 * statistic rows are those of each stored stream; the schema is whole again after a bulk
 * load; a second run writes nothing; a database with cases of its own is refused.
 */
const operator: Actor = { kind: "cli", osUser: "operator" };
const COUNT = 300;
const SEED = 11;
let first: TestApp;
let second: TestApp;
let firstResult: SyntheticSeedResult;
let secondResult: SyntheticSeedResult;
let schemaBefore: string[];

/** Indexes, constraints and triggers of the three tables, as definitions. */
async function schemaOf(t: TestApp): Promise<string[]> {
  const rows = await t.db.pool.query<{ definition: string }>(
    `SELECT indexdef AS definition FROM pg_indexes
      WHERE tablename IN ('cases', 'case_events', 'case_statistics')
     UNION ALL
     SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated::text
       FROM pg_constraint WHERE conrelid IN ('cases'::regclass, 'case_events'::regclass, 'case_statistics'::regclass)
     UNION ALL
     SELECT tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger
      WHERE NOT tgisinternal AND tgrelid IN ('cases'::regclass, 'case_events'::regclass, 'case_statistics'::regclass)
     ORDER BY 1`,
  );
  return rows.rows.map((row) => row.definition);
}

/**
 * Every case with its row and statistics, keyed by reference, with team and instrument
 * ids replaced by their names and codes: what must be equal in two databases.
 */
async function contentOf(t: TestApp) {
  const cases = await t.db.pool.query(
    `SELECT c.reference, c.kind, c.direction, c.status, c.opened_on::text, c.received_on::text, c.decided_on::text,
            c.closed_on::text, c.version, c.next_deadline_on::text, c.title, t.name AS team, i.code AS basis
       FROM cases c LEFT JOIN teams t ON t.id = c.team_id LEFT JOIN instruments i ON i.id = c.legal_basis_instrument_id
      ORDER BY c.reference`,
  );
  const statistics = await t.db.pool.query(
    `SELECT c.reference, s.measure, s."on"::text, s.until::text, s.value, s.kind, s.direction, s.partner, s.category,
            coalesce(i.code, s.basis) AS basis, t.name AS team, s.confidentiality, s.started_on::text, s.days,
            s.grounds, s.amount::text, s.currency, s.extent, s.asset_id
       FROM case_statistics s JOIN cases c ON c.id = s.case_id
       LEFT JOIN teams t ON t.id = s.team_id LEFT JOIN instruments i ON i.id::text = s.basis
      ORDER BY 1, 2, 3, 4, 5, 7, 9, 10`,
  );
  return { cases: cases.rows, statistics: statistics.rows };
}

beforeAll(async () => {
  first = await createTestApp();
  second = await createTestApp();
  schemaBefore = await schemaOf(second);
  firstResult = await seedSyntheticCases({
    services: first.services,
    actor: operator,
    count: COUNT,
    seed: SEED,
    workers: 1,
    chunkSize: 70,
  });
  secondResult = await seedSyntheticCases({
    services: second.services,
    actor: operator,
    count: COUNT,
    seed: SEED,
    workers: 0,
    bulk: true,
  });
}, 120_000);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe("comity seed --synthetic", () => {
  it("writes the cases, their events and statistic rows, with the six teams, and one audit entry", async () => {
    expect(firstResult).toMatchObject({ written: true, cases: COUNT, seed: SEED, bulk: false, workers: 1 });
    expect(firstResult.teamsCreated).toHaveLength(6);
    const counts = await first.db.pool.query(
      `SELECT (SELECT count(*) FROM cases WHERE reference LIKE 'SYN-%')::int AS cases,
              (SELECT count(*) FROM case_events)::int AS events,
              (SELECT count(*) FROM case_statistics)::int AS statistics`,
    );
    expect(counts.rows[0]).toEqual({
      cases: COUNT,
      events: firstResult.events,
      statistics: firstResult.statistics,
    });
    expect(firstResult.events).toBeGreaterThan(COUNT * 4);
    const audit = await first.db.pool.query(
      `SELECT actor_username, object_type, details FROM audit_log WHERE event_type = 'synthetic.cases_seeded'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_username).toBe("cli:operator");
    expect(audit.rows[0].details).toMatchObject({ count: COUNT, seed: SEED, events: firstResult.events });
  });

  it("gives the same cases and statistics for the same seed, with a worker thread or without, bulk or not", async () => {
    expect(secondResult).toMatchObject({ written: true, bulk: true, workers: 0, events: firstResult.events });
    const [left, right] = [await contentOf(first), await contentOf(second)];
    expect(left.cases).toHaveLength(COUNT);
    expect(right.cases).toEqual(left.cases);
    expect(right.statistics).toEqual(left.statistics);
  });

  it("stores the statistic rows of each stored stream (statisticRowsOf)", async () => {
    const sample = await first.db.pool.query<{ id: string; reference: string }>(
      "SELECT id, reference FROM cases ORDER BY reference LIMIT 40",
    );
    for (const { id } of sample.rows) {
      const events = await listCaseEvents(first.services.database, id);
      const expected = statisticRowsOf(events).map((row) => ({
        ...row,
        grounds: [...row.grounds],
        days: row.days,
      }));
      const stored = await first.db.pool.query(
        `SELECT measure, "on"::text AS on, until::text AS until, value, kind, direction, partner, category, basis,
                team_id AS "teamId", confidentiality, started_on::text AS "startedOn", days, grounds,
                trim_scale(amount)::text AS amount, currency, extent, asset_id AS "assetId"
           FROM case_statistics WHERE case_id = $1`,
        [id],
      );
      const normalise = (rows: Record<string, unknown>[]) =>
        rows
          .map((row) => ({
            ...row,
            amount: row.amount === null ? null : String(Number(row.amount)),
          }))
          .map((row) => JSON.stringify(row, Object.keys(row).sort()))
          .sort();
      expect(normalise(stored.rows)).toEqual(normalise(expected));
    }
  });

  it("leaves the indexes, foreign keys and triggers as they were after a bulk load", async () => {
    expect(await schemaOf(second)).toEqual(schemaBefore);
    // The stream trigger works again: an event that does not extend its stream is refused.
    const kase = await second.db.pool.query<{ id: string }>("SELECT id FROM cases LIMIT 1");
    await expect(
      second.db.pool.query(
        `INSERT INTO case_events (case_id, sequence, type, payload, recorded_at) VALUES ($1, 1, 'closed', '{}', now())`,
        [kase.rows[0]!.id],
      ),
    ).rejects.toThrow(/does not follow/);
  });

  it("writes nothing when synthetic cases are there already", async () => {
    const before = await databaseDigest(first.db.pool);
    const again = await seedSyntheticCases({
      services: first.services,
      actor: operator,
      count: 50,
      seed: 99,
      workers: 0,
    });
    expect(again).toMatchObject({ written: false, existing: COUNT, cases: 0 });
    expect(await databaseDigest(first.db.pool)).toBe(before);
  });

  it("refuses a database with cases of its own, and nonsense counts", async () => {
    const t = await createTestApp();
    try {
      await caseFixtures(t).freshCase();
      await expect(
        seedSyntheticCases({ services: t.services, actor: operator, count: 10, workers: 0 }),
      ).rejects.toThrow(SyntheticSeedRefused);
      await expect(seedSyntheticCases({ services: t.services, actor: operator, count: 0 })).rejects.toThrow(
        /whole number from 1/,
      );
      const cases = await t.db.pool.query("SELECT count(*)::int AS n FROM cases");
      expect(cases.rows[0].n).toBe(1);
    } finally {
      await t.close();
    }
  });
});
