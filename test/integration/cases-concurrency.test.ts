import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, createTestApp, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";

/**
 * Lost updates (ASVS 2.3.4, SECURITY.md §6 row 10): parallel appends to one case, on
 * real PostgreSQL. The case row is locked for each append and its version checked
 * against If-Match, so of writers that read the same version exactly one wins, and
 * writers that retry with the fresh ETag all land, in a gapless stream.
 */

let t: TestApp;
let writers: Client[];
beforeAll(async () => {
  t = await createTestApp();
  // Separate sessions, as separate people at their desks would have.
  writers = [];
  for (let index = 0; index < 20; index++) writers.push((await signInAs(t, "supervisor")).client);
});
afterAll(async () => {
  await t.close();
});

const letter = (summary: string) => ({
  type: "correspondence_logged",
  payload: { on: "2026-03-01", direction: "in", channel: "email", summary },
});

async function stream(caseId: string) {
  return (
    await t.db.pool.query<{ sequence: number; type: string; summary: string | null }>(
      "SELECT sequence, type, payload->>'summary' AS summary FROM case_events WHERE case_id = $1 ORDER BY sequence",
      [caseId],
    )
  ).rows;
}

describe("parallel appends to one case", () => {
  it("lets exactly one of 20 writers holding the same ETag through; the 19 others get 412 and the current ETag", async () => {
    const kase = await caseFixtures(t).freshCase();
    const url = `/api/cases/${kase.reference}/events`;
    const responses = await Promise.all(
      writers.map((client, index) => client.post(url, letter(`writer ${index}`), { "if-match": '"v1"' })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 412)).toHaveLength(19);
    for (const response of responses.filter((candidate) => candidate.status === 412)) {
      expect(response.body.error.code).toBe("stale_version");
      expect(response.headers.etag).toBe('"v2"');
    }
    const events = await stream(kase.id);
    expect(events.map((event) => event.sequence)).toEqual([1, 2]);
    const winner = responses.findIndex((response) => response.status === 200);
    expect(events[1]!.summary).toBe(`writer ${winner}`);
    const row = (await t.db.pool.query("SELECT version FROM cases WHERE id = $1", [kase.id])).rows[0];
    expect(row.version).toBe(2);
  });

  it("lands all 20 writers that retry with the fresh ETag: sequence 1 to 21, no gap, no event lost or doubled", async () => {
    const kase = await caseFixtures(t).freshCase();
    const url = `/api/cases/${kase.reference}/events`;
    let conflicts = 0;
    const write = async (client: Client, index: number) => {
      let etag = '"v1"';
      for (let attempt = 1; attempt <= 100; attempt++) {
        const response = await client.post(url, letter(`writer ${index}`), { "if-match": etag });
        if (response.status === 200) return attempt;
        expect(response.status).toBe(412);
        conflicts += 1;
        etag = response.headers.etag as string;
      }
      throw new Error(`writer ${index} never landed`);
    };
    const attempts = await Promise.all(writers.map(write));
    expect(attempts).toHaveLength(20);
    // Contention really happened: the test would prove nothing if the writers had taken turns.
    expect(conflicts).toBeGreaterThan(0);

    const events = await stream(kase.id);
    expect(events.map((event) => event.sequence)).toEqual(
      Array.from({ length: 21 }, (_, index) => index + 1),
    );
    expect(
      events
        .slice(1)
        .map((event) => event.summary)
        .sort(),
    ).toEqual(writers.map((_, index) => `writer ${index}`).sort());
    const row = (await t.db.pool.query("SELECT version, projection FROM cases WHERE id = $1", [kase.id]))
      .rows[0];
    expect(row.version).toBe(21);
    expect(row.projection.version).toBe(21);
    expect(row.projection.correspondence).toHaveLength(20);
    const audited = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE event_type = 'case.event_recorded' AND outcome = 'success' AND object_id = $1",
      [kase.id],
    );
    expect(audited.rows[0].n).toBe(20);
  });
});
