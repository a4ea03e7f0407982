import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCaseImportCsv, parseCaseImportJson } from "../../src/domain/cases/import-format.js";
import { CASE_KINDS } from "../../src/domain/cases/vocabulary.js";
import type { Deadline } from "../../src/domain/clocks/schemas.js";
import { getCase } from "../../src/server/cases/get-case.js";
import { CaseImportRejected, importCases } from "../../src/server/cases/import-cases.js";
import { findCases } from "../../src/server/cases/list-cases.js";
import { seedDemoCases } from "../../src/server/cases/seed-demo-cases.js";
import type { Actor } from "../../src/server/platform/operation.js";
import { seedDemo } from "../../src/server/registry/seed-demo.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { databaseDigest } from "../support/database.js";

/**
 * `comity cases import` and `seed --demo` below the command line: every record checked
 * (schema, registry codes, team names, the state machine), all or nothing, idempotent on
 * the reference, rows with their deadlines, one audit entry; and the operator at the
 * command line reading every case through the API's services.
 */
let t: TestApp;
const operator: Actor = { kind: "cli", osUser: "operator" };
const ORIGIN = { requestId: null, sourceIp: null, userAgent: "comity-cli" };

beforeAll(async () => {
  t = await createTestApp();
  // The demo registry carries the KH-RU treaty of the seed scenario.
  await seedDemo({ services: t.services, actor: operator });
  await caseFixtures(t).team("Import desk");
});
afterAll(async () => {
  await t.close();
});

const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.db.pool.query(sql, values)).rows[0].n);
const casesLike = (prefix: string) =>
  count("SELECT count(*) AS n FROM cases WHERE reference LIKE $1", [`${prefix}%`]);

function good(prefix: string) {
  return {
    cases: [
      {
        header: {
          reference: `${prefix}-MLA-1`,
          kind: "mla",
          direction: "incoming",
          requestingState: "AM",
          requestedState: "RU",
          legalBasis: { type: "instrument", instrumentCode: "minsk1993" },
          team: "import desk",
          title: "Bank records of a suspected fraudster",
        },
        events: [
          { type: "received", payload: { on: "2025-11-03", channel: "diplomatic" } },
          { type: "registered", payload: { on: "2025-11-04" } },
        ],
      },
      {
        header: {
          reference: `${prefix}-EXT-2`,
          kind: "extradition",
          direction: "incoming",
          requestingState: "KH",
          requestedState: "RU",
          legalBasis: { type: "instrument", instrumentCode: "KH-RU-EXT-2017" },
          purpose: "prosecution",
          confidentiality: "restricted",
          team: "Import desk",
          title: "Provisional arrest on a Red Notice",
        },
        facts: {
          persons: [{ id: "p1", role: "sought", fullName: "Test Person", nationalities: ["KH"] }],
          notices: [{ id: "n1", type: "red", number: "A-1/2026", personId: "p1" }],
        },
        events: [{ type: "provisional_arrest", payload: { on: "2026-02-20", personId: "p1" } }],
      },
      {
        header: {
          reference: `${prefix}-OUT-3`,
          kind: "mla",
          direction: "outgoing",
          requestingState: "RU",
          requestedState: "TH",
          legalBasis: { type: "reciprocity" },
          title: "Witness hearing in Bangkok",
        },
        events: [{ type: "sent", payload: { on: "2026-01-15" } }],
      },
    ],
  };
}

describe("importing cases", () => {
  it("imports every good record with its stream, deadlines and one audit entry; a second import skips them all", async () => {
    const progress: [number, number][] = [];
    const parsed = parseCaseImportJson(JSON.stringify(good("IMP")));
    const result = await importCases({
      services: t.services,
      actor: operator,
      parsed,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toMatchObject({ dryRun: false, records: 3, imported: 3, events: 7, skipped: 0 });
    expect(progress.at(-1)).toEqual([3, 3]);
    expect(await casesLike("IMP-")).toBe(3);

    const rows = await t.db.pool.query(
      "SELECT reference, status, team_id, legal_basis_instrument_id, next_deadline_on::text AS next, deadlines, version FROM cases WHERE reference LIKE 'IMP-%' ORDER BY reference",
    );
    const byReference = Object.fromEntries(rows.rows.map((row) => [row.reference, row]));
    expect(byReference["IMP-MLA-1"]).toMatchObject({ status: "registered", version: 3 });
    expect(byReference["IMP-MLA-1"].team_id).not.toBeNull();
    expect(byReference["IMP-MLA-1"].legal_basis_instrument_id).not.toBeNull();
    expect(byReference["IMP-OUT-3"]).toMatchObject({ status: "sent", team_id: null, version: 2 });
    const extradition = byReference["IMP-EXT-2"];
    expect(extradition.status).toBe("received");
    const arrest = (extradition.deadlines as Deadline[]).filter(
      (deadline) => deadline.startedBy.eventType === "provisional_arrest",
    );
    expect(arrest.length).toBeGreaterThan(0);
    expect(extradition.next).toBe(
      arrest
        .filter((deadline) => deadline.state === "running")
        .map((deadline) => deadline.dueOn)
        .sort()[0],
    );
    const events = await t.db.pool.query(
      "SELECT e.sequence, e.type, e.occurred_on::text AS on, e.actor_id FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = 'IMP-MLA-1' ORDER BY e.sequence",
    );
    expect(events.rows).toEqual([
      { sequence: 1, type: "opened", on: null, actor_id: null },
      { sequence: 2, type: "received", on: "2025-11-03", actor_id: null },
      { sequence: 3, type: "registered", on: "2025-11-04", actor_id: null },
    ]);
    const audit = await t.db.pool.query(
      "SELECT actor_username, details FROM audit_log WHERE event_type = 'case.imported' ORDER BY seq DESC LIMIT 1",
    );
    expect(audit.rows[0]).toMatchObject({
      actor_username: "cli:operator",
      details: { records: 3, imported: 3, events: 7, skipped: 0 },
    });

    const digest = await databaseDigest(t.db.pool);
    const again = await importCases({ services: t.services, actor: operator, parsed, dryRun: true });
    expect(again).toMatchObject({ dryRun: true, imported: 0, skipped: 3 });
    const second = await importCases({ services: t.services, actor: operator, parsed });
    expect(second).toMatchObject({ imported: 0, skipped: 3, skippedReferences: expect.any(Array) });
    expect(await casesLike("IMP-")).toBe(3);
    // Only the second import's audit entry was added.
    expect(await databaseDigest(t.db.pool)).not.toBe(digest);
    expect(await count("SELECT count(*) AS n FROM audit_log WHERE event_type = 'case.imported'")).toBe(2);
  });

  it("writes nothing when one record is bad, and names each bad record, reference and field", async () => {
    const file = good("BAD");
    const records = file.cases as Record<string, unknown>[];
    records.push(
      { header: { ...file.cases[0]!.header, reference: "BAD-KIND-4", kind: "letter" } },
      {
        header: {
          ...file.cases[0]!.header,
          reference: "BAD-CODE-5",
          legalBasis: { type: "instrument", instrumentCode: "NO-SUCH-TREATY" },
          team: "Nobody's desk",
        },
      },
      {
        header: { ...file.cases[0]!.header, reference: "BAD-STREAM-6" },
        events: [
          { type: "received", payload: { on: "2026-01-10" } },
          { type: "decided", payload: { on: "2026-01-12", outcome: "granted" } },
        ],
      },
    );
    const digest = await databaseDigest(t.db.pool);
    const parsed = parseCaseImportJson(JSON.stringify(file));
    const problems = await importCases({ services: t.services, actor: operator, parsed }).then(
      () => expect.unreachable("the import should be refused"),
      (error: unknown) => {
        expect(error).toBeInstanceOf(CaseImportRejected);
        return (error as CaseImportRejected).problems;
      },
    );
    expect(problems.map(({ record, reference, field }) => ({ record, reference, field }))).toEqual([
      { record: 4, reference: "BAD-KIND-4", field: "header.kind" },
      { record: 5, reference: "BAD-CODE-5", field: "header.team" },
      { record: 5, reference: "BAD-CODE-5", field: "header.legalBasis.instrumentCode" },
      { record: 6, reference: "BAD-STREAM-6", field: "events.1.type" },
    ]);
    expect(problems[1]!.message).toContain("Import desk");
    expect(problems[2]!.message).toContain("NO-SUCH-TREATY");
    expect(problems[3]!.message).toMatch(/event 2 of 2 \("decided"\): .*cannot be "decided"/);
    expect(await databaseDigest(t.db.pool)).toBe(digest);
    await expect(
      importCases({ services: t.services, actor: operator, parsed, dryRun: true }),
    ).rejects.toBeInstanceOf(CaseImportRejected);
  });

  it("imports the CSV layout, and names the CSV line and column of a problem", async () => {
    const header =
      "reference,kind,direction,requesting_state,requested_state,legal_basis,title,team,person_name,provisional_arrest_on,received_on,registered_on";
    const csv = [
      header,
      "CSV-1,extradition,incoming,AM,RU,MINSK1993,Arrest at Armenia's request,Import desk,Aram Test,2026-02-25,,",
      "CSV-2,mla,incoming,KZ,RU,reciprocity,Witness in Almaty,,,,2026-02-01,2026-02-02",
    ].join("\n");
    const result = await importCases({
      services: t.services,
      actor: operator,
      parsed: parseCaseImportCsv(csv),
      format: "csv",
    });
    expect(result).toMatchObject({ imported: 2, skipped: 0 });
    const row = await t.db.pool.query(
      "SELECT status, next_deadline_on::text AS next FROM cases WHERE reference = 'CSV-1'",
    );
    expect(row.rows[0]).toMatchObject({
      status: "received",
      next: expect.stringMatching(/^2026-0[34]-\d\d$/),
    });

    const bad = [
      header,
      "CSV-3,mla,incoming,KZ,RU,reciprocity,Fine,,,,2026-02-01,",
      "CSV-4,mla,incoming,KZ,RU,CETS999,Unknown treaty,Ghost desk,,,2026-02-01,",
    ].join("\n");
    const problems = await importCases({
      services: t.services,
      actor: operator,
      parsed: parseCaseImportCsv(bad),
      format: "csv",
    }).then(
      () => expect.unreachable("the import should be refused"),
      (error: CaseImportRejected) => error.problems,
    );
    expect(problems.map(({ record, field }) => ({ record, field }))).toEqual([
      { record: 3, field: "team" },
      { record: 3, field: "legal_basis" },
    ]);
    expect(await casesLike("CSV-3")).toBe(0);
  });
});

describe("the demo cases", () => {
  it("seed --demo makes the teams and imports every demo case: each kind, both directions, the seed scenario", async () => {
    const first = await seedDemoCases({ services: t.services, actor: operator });
    expect(first).toEqual({ teams: 3, cases: { imported: 14, skipped: 0 } });
    const rows = (
      await t.db.pool.query(
        "SELECT reference, kind, direction, status, deadlines FROM cases WHERE reference LIKE 'DEMO-%'",
      )
    ).rows;
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(CASE_KINDS));
    expect(new Set(rows.map((row) => row.direction))).toEqual(new Set(["incoming", "outgoing"]));
    expect(new Set(rows.map((row) => row.status)).size).toBeGreaterThanOrEqual(8);
    const scenario = rows.find((row) => row.reference === "DEMO-EXT-IN-2025-0001")!;
    expect(scenario.status).toBe("closed");
    expect(
      (scenario.deadlines as Deadline[]).some(
        (deadline) => deadline.startedBy.eventType === "provisional_arrest",
      ),
    ).toBe(true);

    const second = await seedDemoCases({ services: t.services, actor: operator });
    expect(second).toEqual({ teams: 0, cases: { imported: 0, skipped: 14 } });
  });

  it("lets the operator at the command line list and read every case through the API's services", async () => {
    const listed = await findCases({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      query: { kind: "extradition", direction: "incoming", limit: 200, offset: 0 },
    });
    const references = listed.items.map((item) => item.reference);
    // A restricted case, and cases of teams the operator is in no way a member of.
    expect(references).toEqual(expect.arrayContaining(["IMP-EXT-2", "DEMO-EXT-IN-2025-0001"]));
    const view = await getCase({
      services: t.services,
      actor: operator,
      origin: ORIGIN,
      reference: "DEMO-EXT-IN-2025-0001",
    });
    expect(view).toMatchObject({ status: "closed", team: { name: "Extradition unit" } });
    expect((view.deadlines as Deadline[])[0]?.derivation.en).toEqual(expect.any(String));
    expect((view as unknown as { checker: { legalBasisCodes: string[] } }).checker.legalBasisCodes).toContain(
      "KH-RU-EXT-2017",
    );
    const audit = await t.db.pool.query(
      "SELECT event_type, outcome, actor_username FROM audit_log ORDER BY seq DESC LIMIT 2",
    );
    expect(audit.rows).toEqual([
      { event_type: "case.read", outcome: "success", actor_username: "cli:operator" },
      { event_type: "case.listed", outcome: "success", actor_username: "cli:operator" },
    ]);
    await expect(
      getCase({
        services: t.services,
        actor: { kind: "anonymous" },
        origin: ORIGIN,
        reference: "DEMO-EXT-IN-2025-0001",
      }),
    ).rejects.toMatchObject({ statusCode: 401 });
  });
});
