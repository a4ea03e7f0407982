import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EngagementImportRejected,
  importEngagements,
} from "../../src/server/engagements/import-engagements.js";
import { listActionItems } from "../../src/server/engagements/list-action-items.js";
import { seedDemoEngagements } from "../../src/server/engagements/seed-demo-engagements.js";
import type { Actor } from "../../src/server/platform/operation.js";
import { seedDemo } from "../../src/server/registry/seed-demo.js";
import { createTestApp, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { databaseDigest } from "../support/database.js";
import { registryFixtures } from "../support/registry.js";

/**
 * POST /api/engagements/import and `comity engagements import`, and the demo seed that
 * goes through it: every record checked (schema, then every reference through the API's
 * own writes), all or nothing, idempotent on the source key, one audit entry of counts.
 */
let t: TestApp;
const operator: Actor = { kind: "cli", osUser: "operator" };
const ORIGIN = { requestId: null, sourceIp: null, userAgent: "comity-cli" };
const RU_GPO = "Prosecutor General's Office of the Russian Federation";
const KZ_GPO = "Prosecutor General's Office of the Republic of Kazakhstan";

beforeAll(async () => {
  t = await createTestApp();
  // The demo registry: the agencies of the seed scenario and its instruments.
  await seedDemo({ services: t.services, actor: operator });
  await caseFixtures(t).team("Follow-up desk");
});
afterAll(async () => {
  await t.close();
});

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.db.pool.query(sql, values)).rows[0].n);
const engagementsWithKey = (prefix: string) =>
  count("SELECT count(*) AS n FROM engagements WHERE source_key LIKE $1", [`${prefix}%`]);

let serial = 0;
/** A well-formed record: a bilateral meeting in Moscow with Kazakhstan, and `outcomes`. */
function meeting(key: string, outcomes: unknown[] = [], extra: Record<string, unknown> = {}) {
  serial += 1;
  return {
    sourceKey: key,
    kind: "bilateral_meeting",
    titleEn: `Consultations on legal assistance ${serial}`,
    titleRu: `Консультации по вопросам правовой помощи ${serial}`,
    status: "held",
    startOn: "2024-03-14",
    city: "Moscow",
    placeState: "RU",
    hostState: "RU",
    hostAgencyName: RU_GPO,
    states: ["RU", "KZ"],
    participants: [
      { side: "RU", role: "host", agencyName: RU_GPO },
      { side: "KZ", role: "head_of_delegation", agencyName: KZ_GPO, note: "Deputy Prosecutor General" },
    ],
    agenda: ["Extradition requests pending", "Exchange of electronic evidence"],
    sources: [{ url: "https://example.org/press/1", title: "Press release", publishedOn: "2024-03-15" }],
    outcomes,
    ...extra,
  };
}
const proposal = (owner: Record<string, string>, dueOn = "2024-04-30") => ({
  kind: "commitment",
  commitmentKind: "proposal",
  textEn: "Hold expert consultations on electronic evidence",
  action: { title: "Propose dates for expert consultations", dueOn, ...owner },
});
const statement = { kind: "statement", titleEn: "Joint press release", url: "https://example.org/press/2" };

describe("engagements import", () => {
  it("imports a good file through the API: engagements, outcomes and action items, one audit entry of counts", async () => {
    const { client } = await signInAs(t, "registrar");
    const response = await client.post("/api/engagements/import", {
      records: [
        meeting("good-1", [
          proposal({ ownerTeam: "follow-up DESK" }),
          {
            kind: "invitation",
            direction: "extended",
            counterpart: "Prosecutor General of Kazakhstan",
            counterpartState: "KZ",
            eventEn: "St Petersburg International Legal Forum",
            expectedOn: "2024-05",
          },
        ]),
        meeting("good-2", [statement]),
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ records: 2, created: 2, skipped: 0, outcomes: 3 });
    expect(await engagementsWithKey("good-")).toBe(2);
    const items = await t.db.pool.query(
      `SELECT a.title, a.status, a.due_on::text, t.name AS team FROM action_items a
         JOIN engagements e ON e.id = a.engagement_id JOIN teams t ON t.id = a.owner_team_id
        WHERE e.source_key = 'good-1'`,
    );
    expect(items.rows).toEqual([
      {
        title: "Propose dates for expert consultations",
        status: "open",
        due_on: "2024-04-30",
        team: "Follow-up desk",
      },
    ]);
    const audit = await t.db.pool.query(
      "SELECT details FROM audit_log WHERE event_type = 'engagements.imported' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0].details).toEqual({ records: 2, created: 2, skipped: 0, outcomes: 3 });
  });

  it("refuses a file with a bad record in the middle: 422 by record and field, and nothing written, not even a signature", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const { client } = await signInAs(t, "registrar");
    const before = await databaseDigest(t.db.pool);
    const response = await client.post("/api/engagements/import", {
      records: [
        meeting("middle-1", [
          {
            kind: "instrument_signed",
            instrumentCode: instrument.code,
            parties: [
              { type: "state", code: "RU" },
              { type: "state", code: "KZ" },
            ],
          },
        ]),
        meeting("middle-2", [], {
          participants: [{ side: "KZ", role: "member", agencyName: "Ministry of Magic" }],
        }),
        meeting("middle-3", [], { kind: "visit" }),
        meeting("middle-4", [statement]),
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("invalid_import");
    expect(response.body.error.message).toBe("2 record(s) have problems; nothing was imported.");
    expect(response.body.error.fields).toEqual([
      {
        path: "records.1.participants.0.agencyName",
        message: 'KZ has no agency called "Ministry of Magic".',
      },
      { path: "records.2.kind", message: expect.stringContaining("Invalid option") },
    ]);
    expect(await databaseDigest(t.db.pool)).toBe(before);
    expect(
      await count("SELECT count(*) AS n FROM party_actions WHERE instrument_id = $1", [instrument.id]),
    ).toBe(0);
    expect(await engagementsWithKey("middle-")).toBe(0);
  });

  it("refuses the whole file (403, audited as denied) when one outcome needs a permission the importer lacks", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const { client } = await signInAs(t, "case_officer");
    const response = await client.post("/api/engagements/import", {
      records: [
        meeting("refused-1", [statement]),
        meeting("refused-2", [
          {
            kind: "instrument_signed",
            instrumentId: instrument.id,
            parties: [{ type: "state", code: "RU" }],
          },
        ]),
      ],
    });
    expect(response.status).toBe(403);
    expect(await engagementsWithKey("refused-")).toBe(0);
    const audit = await t.db.pool.query(
      "SELECT outcome FROM audit_log WHERE event_type = 'engagements.imported' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0].outcome).toBe("denied");
  });

  it("is idempotent on the source key: the same file a second time creates nothing", async () => {
    const caller = { services: t.services, actor: operator, origin: ORIGIN };
    const file = { engagements: [meeting("twice-1", [statement]), meeting("twice-2")] };
    const first = await importEngagements({ ...caller, records: file });
    expect(first).toEqual({ records: 2, created: 2, skipped: 0, outcomes: 1 });
    const outcomesBefore = await count("SELECT count(*) AS n FROM engagement_outcomes");
    const second = await importEngagements({ ...caller, records: file });
    expect(second).toEqual({ records: 2, created: 0, skipped: 2, outcomes: 0 });
    expect(await engagementsWithKey("twice-")).toBe(2);
    expect(await count("SELECT count(*) AS n FROM engagement_outcomes")).toBe(outcomesBefore);
  });

  it("records the signatures of an instrument named by its code, on the outcome's day, linked to the outcome", async () => {
    const instrument = await registryFixtures(t).freshInstrument();
    const caller = { services: t.services, actor: operator, origin: ORIGIN };
    const result = await importEngagements({
      ...caller,
      records: [
        meeting("signed-1", [
          {
            kind: "instrument_signed",
            date: "2024-03-15",
            instrumentCode: instrument.code.toLowerCase(),
            parties: [
              { type: "agency", name: "gpo rf", state: "RU" },
              { type: "state", code: "KZ" },
            ],
          },
        ]),
      ],
    });
    expect(result).toMatchObject({ created: 1, outcomes: 1 });
    const signatures = await t.db.pool.query(
      `SELECT p.party_type, p.party_state, p.action, p.date, p.origin FROM party_actions p
         JOIN outcome_party_actions l ON l.party_action_id = p.id
        WHERE p.instrument_id = $1 ORDER BY p.party_state`,
      [instrument.id],
    );
    expect(signatures.rows).toEqual([
      {
        party_type: "state",
        party_state: "KZ",
        action: "signature",
        date: "2024-03-15",
        origin: "engagement",
      },
      {
        party_type: "agency",
        party_state: "RU",
        action: "signature",
        date: "2024-03-15",
        origin: "engagement",
      },
    ]);
  });

  it("fails the whole import when a case discussed names an unknown case", async () => {
    const before = await databaseDigest(t.db.pool);
    const rejected = await importEngagements({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      records: [
        meeting("case-1", [statement]),
        meeting("case-2", [{ kind: "case_discussed", caseReference: "NO-SUCH-CASE-1" }]),
      ],
    }).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(EngagementImportRejected);
    expect((rejected as EngagementImportRejected).problems).toEqual([
      {
        record: 2,
        sourceKey: "case-2",
        field: "outcomes.0.caseReference",
        message: "There is no such case, or none you may see.",
      },
    ]);
    expect(await databaseDigest(t.db.pool)).toBe(before);
  });

  it("takes owners and agency parties by name, and names each unknown one with its field", async () => {
    const rejected = await importEngagements({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      records: [
        meeting("names-1", [
          proposal({ ownerTeam: "Ghost desk" }),
          proposal({ ownerUser: "nobody-here" }),
          {
            kind: "instrument_signed",
            instrumentCode: "RU-KH-MOU-2016",
            parties: [{ type: "agency", name: "Ministry of Magic" }],
          },
        ]),
        meeting("names-1"),
        { sourceKey: "names-3" },
        "not a record",
      ],
    }).catch((error: unknown) => error);
    expect(rejected).toBeInstanceOf(EngagementImportRejected);
    const problems = (rejected as EngagementImportRejected).problems.map(
      ({ record, field, message }) => `${record} ${field}: ${message}`,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^1 outcomes\.0\.action\.ownerTeam: no team named "Ghost desk"; the teams are: .*Follow-up desk/,
        ),
        '1 outcomes.1.action.ownerUser: no user named "nobody-here"',
        '1 outcomes.2.parties.0.name: no agency named "Ministry of Magic"',
        "2 sourceKey: the same source key as record 1",
        expect.stringMatching(/^3 kind: /),
        "4 : a record is an object (an engagement with its outcomes)",
      ]),
    );
    const notAFile = await importEngagements({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      records: { cases: [] },
    }).catch((error: unknown) => error);
    expect((notAFile as EngagementImportRejected).fields).toEqual([
      {
        path: "records",
        message: 'the file must be a list of engagements, or an object {"engagements": [...]}',
      },
    ]);
  });

  it("seeds the demo engagements once, marked as demo: signatures in the registry, overdue action items", async () => {
    const first = await seedDemoEngagements({ services: t.services, actor: operator });
    expect(first).toEqual({ teams: 1, created: 5, skipped: 0, outcomes: 11 });
    const second = await seedDemoEngagements({ services: t.services, actor: operator });
    expect(second).toEqual({ teams: 0, created: 0, skipped: 5, outcomes: 0 });
    expect(
      await count("SELECT count(*) AS n FROM engagements WHERE source_key LIKE 'demo:%' AND NOT is_demo"),
    ).toBe(0);
    const training = await t.db.pool.query(
      `SELECT p.date, e.title_en FROM party_actions p
         JOIN instruments i ON i.id = p.instrument_id
         JOIN outcome_party_actions l ON l.party_action_id = p.id
         JOIN engagement_outcomes o ON o.id = l.outcome_id
         JOIN engagements e ON e.id = o.engagement_id
        WHERE i.code = 'RU-KH-TRAINING-2025'`,
    );
    expect(training.rows).toHaveLength(2);
    expect(training.rows[0]).toMatchObject({
      date: "2025-05-27",
      title_en: expect.stringContaining("Cambodia"),
    });
    expect(
      await count(
        "SELECT count(*) AS n FROM instruments WHERE code IN ('AZ-RU-PROG-2021', 'AM-RU-PROG-2021') AND is_demo",
      ),
    ).toBe(2);
    const overdue = await listActionItems({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      query: { overdue: "true", limit: 100, offset: 0 },
    });
    const demoTitles = overdue.items.filter((item) => item.engagement.isDemo).map((item) => item.title);
    expect(demoTitles).toEqual(
      expect.arrayContaining([
        "Issue an outcome statement on the visit to Cambodia of 26-27 May 2025",
        "Relay the Senate President's proposal on direct flights to the leadership",
      ]),
    );
  });
});
