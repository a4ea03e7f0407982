import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCaseImportJson } from "../../src/domain/cases/import-format.js";
import { ROLES } from "../../src/domain/platform/vocabulary.js";
import { importCases } from "../../src/server/cases/import-cases.js";
import { rebuildStatisticsIfMissing } from "../../src/server/reports/rebuild-statistics.js";
import { type Client, createTestApp, createUser, signIn, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { type OpenedCase, reportFixtures, reportQuery } from "../support/reports-fixtures.js";

/**
 * Statistics through the API, against figures computed by hand from cases opened and
 * worked through the API (docs/statistics.md explains each rule tested here). The office
 * is in Moscow, so that 23:30 UTC on 31 December is already 1 January there: legal dates
 * are the office's calendar days, recorded as such, and never read from an instant.
 *
 * Cases (incoming MLA unless said; the partner is the requesting state; team B unless said):
 *   cybercrime (0903): BY received 2025-02-10, 2025-03-15, 2025-08-31 and 2024-02-10;
 *     AM 2025-01-01, 2025-06-30 and 2024-09-15; KR 2025-09-01; FR 2024-12-31;
 *     KR budapest:8 2025-05-05 (cybercrime group, not category 0903); BY fraud (0701) 2025-04-01.
 *   refused, reopened, granted: AM 0701, received 2025-02-01, refused 2025-03-10, closed
 *     2025-03-15, reopened 2025-04-01, granted 2025-05-20 (108 days).
 *   withdrawn: KZ, received 2025-06-01, registered 2025-06-02, withdrawn 2025-06-20.
 *   refusals: PL (team A) received 2025-06-01, refused 2025-07-01 on political_offence and
 *     own_national (30 days); TR received 2025-05-16, refused 2025-07-15 on own_national (60).
 *   decisions: DE received 2025-01-10, granted 2025-01-20 (10 days), executed 2025-02-19 (30);
 *     IT received 2025-03-01, partially granted 2025-04-30 (60), executed 2025-06-19 (50).
 *   moved: UZ fraud (0701) received 2025-01-15, moved to 0903 on 2 March 2026, granted that day.
 *   extradition: CN received 2025-11-01, granted on 31 December 2025, recorded at 23:30 UTC.
 *   assets: two CH asset-recovery cases with amounts in RUB and EUR.
 */

let t: TestApp;
let supervisor: Client;
let officer: Client;
let analyst: Client;
const fx = () => reportFixtures(t);
let teamA: string;
let teamB: string;
const refusedOnPoliticalGrounds: Record<string, OpenedCase> = {};
let reopened: OpenedCase;
let byMarch: OpenedCase;

const stats = async (client: Client, parameters: Record<string, string | number | undefined>) => {
  const response = await client.get(`/api/reports/stats?${reportQuery(parameters)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
const rowsOf = (result: { rows: { key: string; value: number | null }[] }) =>
  Object.fromEntries(result.rows.map((row) => [row.key, row.value]));

beforeAll(async () => {
  t = await createTestApp({ env: { COMITY_TIME_ZONE: "Europe/Moscow" } });
  const cases = caseFixtures(t);
  teamA = (await cases.team("MLA desk")).id;
  teamB = (await cases.team("Extradition desk")).id;
  const f = fx();

  // 23:30 UTC on 31 December 2025: in Moscow, already 1 January 2026.
  t.clock.set("2025-12-31T23:30:00.000Z");
  const lateSupervisor = (await signInAs(t, "supervisor")).client;
  const extradition = await f.walk(
    lateSupervisor,
    { kind: "extradition", requestingState: "CN", teamId: teamB, offenceCategory: "0701" },
    [...f.examined("2025-11-01", "2025-11-02", "2025-11-03")],
  );
  await f.record(lateSupervisor, extradition, "decided:granted@2025-12-31");

  t.clock.set("2026-03-02T09:00:00.000Z");
  supervisor = (await signInAs(t, "supervisor")).client;
  const officerUser = await createUser(t, { role: "case_officer" });
  await cases.member(teamA, officerUser.row.id);
  officer = await signIn(t, officerUser);
  analyst = (await signInAs(t, "analyst")).client;

  const received = (partner: string, on: string, offenceCategory = "0903") =>
    f.walk(supervisor, { requestingState: partner, offenceCategory, teamId: teamB }, [`received@${on}`]);
  await received("BY", "2025-02-10");
  byMarch = await received("BY", "2025-03-15");
  await received("BY", "2025-08-31");
  await received("BY", "2024-02-10");
  await received("AM", "2025-01-01");
  await received("AM", "2025-06-30");
  await received("AM", "2024-09-15");
  await received("KR", "2025-09-01");
  await received("FR", "2024-12-31");
  await received("KR", "2025-05-05", "budapest:8");
  await received("BY", "2025-04-01", "0701");

  reopened = await f.walk(
    supervisor,
    { requestingState: "AM", offenceCategory: "0701", teamId: teamB },
    [
      ...f.examined("2025-02-01", "2025-02-02", "2025-02-03"),
      "decided:refused@2025-03-10",
      "closed@2025-03-15",
      "reopened@2025-04-01",
      "decided:granted@2025-05-20",
    ],
    ["political_offence"],
  );

  await f.walk(supervisor, { requestingState: "KZ", offenceCategory: "0701", teamId: teamB }, [
    "received@2025-06-01",
    "registered@2025-06-02",
    "withdrawn@2025-06-20",
  ]);

  refusedOnPoliticalGrounds.PL = await f.walk(
    supervisor,
    { requestingState: "PL", offenceCategory: "0501", teamId: teamA },
    [...f.examined("2025-06-01", "2025-06-02", "2025-06-02"), "decided:refused@2025-07-01"],
    ["political_offence", "own_national"],
  );
  refusedOnPoliticalGrounds.TR = await f.walk(
    supervisor,
    { requestingState: "TR", offenceCategory: "0501", teamId: teamB },
    [...f.examined("2025-05-16", "2025-05-17", "2025-05-17"), "decided:refused@2025-07-15"],
    ["own_national"],
  );

  await f.walk(supervisor, { requestingState: "DE", offenceCategory: "0101", teamId: teamB }, [
    ...f.examined("2025-01-10", "2025-01-11", "2025-01-11"),
    "decided:granted@2025-01-20",
    "measure_status_changed:executed@2025-02-19",
  ]);
  await f.walk(supervisor, { requestingState: "IT", offenceCategory: "0101", teamId: teamB }, [
    ...f.examined("2025-03-01", "2025-03-02", "2025-03-02"),
    "decided:partially_granted@2025-04-30",
    "measure_status_changed:executed@2025-06-19",
  ]);

  // Moved from fraud to cybercrime today (2 March 2026), then granted.
  const moved = await f.walk(supervisor, { requestingState: "UZ", offenceCategory: "0701", teamId: teamB }, [
    ...f.examined("2025-01-15", "2025-01-16", "2025-01-17"),
  ]);
  await f.record(supervisor, moved, {
    type: "header_amended",
    payload: { header: { offenceCategory: "0903" } },
  });
  await f.record(supervisor, moved, "decided:granted@2026-03-02");

  // Asset recovery: amounts in roubles and euros, never converted.
  const assets = {
    assets: [
      { id: "a1", type: "bank_account", description: "Account in Moscow" },
      { id: "a2", type: "vehicle", description: "Car" },
    ],
  };
  const recovery = await f.open(
    supervisor,
    { kind: "asset_recovery", requestingState: "CH", offenceCategory: "0704", teamId: teamB },
    { receivedOn: "2025-02-01", facts: assets },
  );
  const stage = (
    on: string,
    assetId: string,
    stageName: string,
    amount?: [string, string],
    extent?: string,
  ) => ({
    type: "asset_stage_changed",
    payload: {
      on,
      assetId,
      stage: stageName,
      ...(amount ? { amount: { amount: amount[0], currency: amount[1] } } : {}),
      ...(extent ? { extent } : {}),
    },
  });
  await f.record(supervisor, recovery, stage("2025-02-01", "a2", "traced"));
  await f.record(supervisor, recovery, stage("2025-03-01", "a1", "frozen", ["1200000.50", "RUB"], "whole"));
  await f.record(supervisor, recovery, stage("2025-03-02", "a2", "frozen", ["1000", "EUR"]));
  await f.record(supervisor, recovery, "registered@2025-03-03");
  await f.record(supervisor, recovery, "assigned@2025-03-04");
  await f.record(supervisor, recovery, stage("2025-06-01", "a1", "confiscated", ["1000000", "RUB"]));
  await f.record(supervisor, recovery, stage("2025-09-01", "a2", "returned", ["500", "EUR"], "partial"));
  const second = await f.open(
    supervisor,
    { kind: "asset_recovery", requestingState: "CH", offenceCategory: "0704", teamId: teamB },
    { receivedOn: "2025-03-20", facts: assets },
  );
  await f.record(supervisor, second, stage("2025-04-01", "a1", "frozen", ["250.25", "EUR"]));
}, 180_000);

afterAll(async () => {
  await t.close();
});

describe("requests over a period, year over year", () => {
  it("compares the first eight months with the same months and the whole of last year", async () => {
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-08-31",
      category: "0903",
      by: "partner",
      compare: "previous_year",
    });
    expect(result.periods).toEqual({
      current: { from: "2025-01-01", to: "2025-08-31" },
      samePeriodLastYear: { from: "2024-01-01", to: "2024-08-31" },
      wholeLastYear: { from: "2024-01-01", to: "2024-12-31" },
    });
    // More in eight months (5) than in the whole of last year (3).
    expect(result.total).toEqual({ value: 5, samePeriodLastYear: 1, wholeLastYear: 3 });
    expect(result.rows).toEqual([
      {
        key: "BY",
        label: { en: "Belarus", ru: expect.stringContaining("Беларусь") },
        value: 3,
        samePeriodLastYear: 1,
        wholeLastYear: 1,
        cells: [],
      },
      {
        key: "AM",
        label: { en: "Armenia", ru: "Армения" },
        value: 2,
        samePeriodLastYear: 0,
        wholeLastYear: 1,
        cells: [],
      },
    ]);
    expect(result.unit).toBe("cases");
  });

  it("compares every row and cell of a two-way table, in one pass over both years", async () => {
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-08-31",
      by: "kind",
      split: "direction",
      compare: "previous_year",
    });
    expect(result.total).toEqual({ value: 16, samePeriodLastYear: 1, wholeLastYear: 3 });
    expect(result.columns.map((column: { key: string }) => column.key)).toEqual(["incoming"]);
    expect(result.rows).toEqual([
      expect.objectContaining({
        key: "mla",
        value: 14,
        samePeriodLastYear: 1,
        wholeLastYear: 3,
        cells: [{ key: "incoming", value: 14, samePeriodLastYear: 1, wholeLastYear: 3 }],
      }),
      expect.objectContaining({
        key: "asset_recovery",
        value: 2,
        samePeriodLastYear: 0,
        wholeLastYear: 0,
        cells: [{ key: "incoming", value: 2, samePeriodLastYear: 0, wholeLastYear: 0 }],
      }),
    ]);
    const grounds = await stats(supervisor, {
      measure: "refusals",
      from: "2025-01-01",
      to: "2025-12-31",
      by: "ground",
      compare: "previous_year",
    });
    expect(grounds.total).toEqual({ value: 2, samePeriodLastYear: 0, wholeLastYear: 0 });
    expect(
      grounds.rows.map((row: { key: string; value: number; wholeLastYear: number }) => [
        row.key,
        row.value,
        row.wholeLastYear,
      ]),
    ).toEqual([
      ["own_national", 2, 0],
      ["political_offence", 1, 0],
    ]);
  });

  it("counts a group by its category prefixes: Budapest Convention articles are cybercrime too", async () => {
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-08-31",
      group: "cybercrime",
      by: "partner",
    });
    expect(result.total.value).toBe(6);
    expect(rowsOf(result)).toEqual({ BY: 3, AM: 2, KR: 1 });
  });

  it("breaks requests down by region and legal basis, with their labels", async () => {
    const byRegion = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-08-31",
      category: "0903",
      by: "region",
    });
    expect(
      byRegion.rows.map((row: { key: string; value: number; label: { en: string } }) => [
        row.key,
        row.value,
        row.label.en,
      ]),
    ).toEqual([
      ["Europe", 3, "Europe"],
      ["Asia", 2, "Asia"],
    ]);
    expect(
      (
        await stats(supervisor, {
          measure: "requests",
          from: "2025-01-01",
          to: "2025-08-31",
          region: "Asia",
          category: "0903",
        })
      ).total.value,
    ).toBe(2);
    const byBasis = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-12-31",
      by: "basis",
    });
    expect(byBasis.rows).toEqual([
      expect.objectContaining({
        key: "none",
        value: 18,
        label: { en: "No legal basis recorded", ru: "Правовое основание не указано" },
      }),
    ]);
  });

  it("draws the period's boundary at midnight: a request of 31 August is in, one of 1 September out", async () => {
    const august = await stats(supervisor, {
      measure: "requests",
      from: "2025-08-31",
      to: "2025-08-31",
      category: "0903",
    });
    const september = await stats(supervisor, {
      measure: "requests",
      from: "2025-09-01",
      to: "2025-12-31",
      category: "0903",
    });
    expect([august.total.value, september.total.value]).toEqual([1, 1]);
    expect(
      (await stats(supervisor, { measure: "requests", from: "2025-09-01", to: "2025-09-01", by: "partner" }))
        .rows,
    ).toMatchObject([{ key: "KR", value: 1 }]);
  });

  it("counts a decision recorded at 23:30 UTC on 31 December with legal date 31 December in that year", async () => {
    const year2025 = await stats(supervisor, {
      measure: "decisions",
      from: "2025-01-01",
      to: "2025-12-31",
      kind: "extradition",
    });
    const year2026 = await stats(supervisor, {
      measure: "decisions",
      from: "2026-01-01",
      to: "2026-12-31",
      kind: "extradition",
    });
    expect([year2025.total.value, year2026.total.value]).toEqual([1, 0]);
    // Opened on 1 January 2026 (Moscow), received on 1 November 2025: a request of 2025.
    const requests = await stats(supervisor, {
      measure: "requests",
      from: "2025-11-01",
      to: "2025-11-30",
      kind: "extradition",
    });
    expect(requests.total.value).toBe(1);
  });

  it("takes 29 February to 28 February a year earlier", async () => {
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2024-01-01",
      to: "2024-02-29",
      compare: "previous_year",
    });
    expect(result.periods.samePeriodLastYear).toEqual({ from: "2023-01-01", to: "2023-02-28" });
    expect(result.periods.wholeLastYear).toEqual({ from: "2023-01-01", to: "2023-12-31" });
    expect(result.total).toEqual({ value: 1, samePeriodLastYear: 0, wholeLastYear: 0 });
  });

  it("lists every month of the period in order, empty ones as 0, with their labels", async () => {
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-12-31",
      partner: "BY",
      by: "month",
    });
    expect(result.rows.map((row: { key: string }) => row.key)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, "0")}`),
    );
    expect(rowsOf(result)).toMatchObject({
      "2025-01": 0,
      "2025-02": 1,
      "2025-03": 1,
      "2025-04": 1,
      "2025-08": 1,
      "2025-12": 0,
    });
    expect(result.rows[2].label).toEqual({ en: "March 2025", ru: "Март 2025" });
  });

  it("keeps the largest rows with top and sums the rest in 'other'", async () => {
    const all = await stats(supervisor, { measure: "requests", from: "2025-01-01", to: "2025-12-31" });
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2025-01-01",
      to: "2025-12-31",
      by: "partner",
      top: 2,
    });
    expect(all.total.value).toBe(18);
    expect(result.rows.map((row: { key: string; value: number }) => [row.key, row.value])).toEqual([
      ["BY", 4],
      ["AM", 3],
      ["other", 11],
    ]);
    expect(result.rows[2].label).toEqual({ en: "Other", ru: "Прочие" });
  });
});

describe("decisions as their events say on the period's dates", () => {
  it("counts a case refused and then reopened and granted as a refusal of its quarter and a grant of its year", async () => {
    const quarter = { from: "2025-01-01", to: "2025-03-31", partner: "AM" };
    const year = { from: "2025-01-01", to: "2025-12-31", partner: "AM" };
    expect((await stats(supervisor, { measure: "refusals", ...quarter })).total.value).toBe(1);
    expect((await stats(supervisor, { measure: "refusals", ...year })).total.value).toBe(0);
    expect((await stats(supervisor, { measure: "granted", ...year })).total.value).toBe(1);
    expect((await stats(supervisor, { measure: "decisions", ...year })).total.value).toBe(1);
    expect((await stats(supervisor, { measure: "closures", ...year })).total.value).toBe(1);
    expect((await stats(supervisor, { measure: "reopenings", ...year })).total.value).toBe(1);
    // By quarter: the refusal in the first, the grant in the second.
    const byQuarter = await stats(supervisor, {
      measure: "decisions",
      ...year,
      by: "quarter",
      split: "outcome",
    });
    expect(
      byQuarter.rows.map((row: { key: string; cells: { key: string; value: number }[] }) => [
        row.key,
        Object.fromEntries(row.cells.map((cell) => [cell.key, cell.value])),
      ]),
    ).toEqual([
      ["2025-Q1", { refused: 1, granted: 0 }],
      ["2025-Q2", { refused: 0, granted: 1 }],
      ["2025-Q3", { refused: 0, granted: 0 }],
      ["2025-Q4", { refused: 0, granted: 0 }],
    ]);
    expect(await fx().rows(reopened.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          measure: "decision",
          on: "2025-03-10",
          until: "2025-05-20",
          value: "refused",
        }),
        expect.objectContaining({ measure: "decision", on: "2025-05-20", until: null, value: "granted" }),
      ]),
    );
  });

  it("counts a withdrawn case as a withdrawal, pending until the day it was withdrawn", async () => {
    expect(
      (await stats(supervisor, { measure: "withdrawals", from: "2025-01-01", to: "2025-12-31" })).total.value,
    ).toBe(1);
    expect(
      (await stats(supervisor, { measure: "pending", from: "2025-06-01", to: "2025-06-10", partner: "KZ" }))
        .total.value,
    ).toBe(1);
    expect(
      (await stats(supervisor, { measure: "pending", from: "2025-06-01", to: "2025-06-30", partner: "KZ" }))
        .total.value,
    ).toBe(0);
  });

  it("breaks refusals down by ground: a refusal on two grounds is under both and counted once in the total", async () => {
    const result = await stats(supervisor, {
      measure: "refusals",
      from: "2025-01-01",
      to: "2025-12-31",
      by: "ground",
      split: "partner",
    });
    expect(result.total.value).toBe(2);
    expect(result.rows.map((row: { key: string; value: number }) => [row.key, row.value])).toEqual([
      ["own_national", 2],
      ["political_offence", 1],
    ]);
    expect(result.rows[0].label).toEqual({ en: "Own national", ru: "Собственный гражданин" });
    expect(result.columns.map((column: { key: string }) => column.key).sort()).toEqual(["PL", "TR"]);
    const filtered = await stats(supervisor, {
      measure: "refusals",
      from: "2025-01-01",
      to: "2025-12-31",
      ground: "political_offence",
    });
    expect(filtered.total.value).toBe(1);
  });

  it("counts a case moved between categories under each category for what happened while it was there", async () => {
    const requests = { measure: "requests", from: "2025-01-01", to: "2025-12-31", partner: "UZ" };
    expect((await stats(supervisor, { ...requests, category: "0701" })).total.value).toBe(1);
    expect((await stats(supervisor, { ...requests, category: "0903" })).total.value).toBe(0);
    const decisions = { measure: "decisions", from: "2026-01-01", to: "2026-12-31", partner: "UZ" };
    expect((await stats(supervisor, { ...decisions, category: "0903" })).total.value).toBe(1);
    expect((await stats(supervisor, { ...decisions, category: "0701" })).total.value).toBe(0);
  });

  it("gives the median and 90th percentile of days to decision and to execution", async () => {
    const year = { from: "2025-01-01", to: "2025-12-31", kind: "mla" };
    // Days to decision: 10, 30, 60, 60, 108.
    const median = await stats(supervisor, { measure: "decision_days_median", ...year });
    expect(median.total.value).toBe(60);
    expect(median.unit).toBe("days");
    expect((await stats(supervisor, { measure: "decision_days_p90", ...year })).total.value).toBe(88.8);
    // From decision to execution: 30 and 50.
    expect((await stats(supervisor, { measure: "completion_days_median", ...year })).total.value).toBe(40);
    expect((await stats(supervisor, { measure: "completion_days_p90", ...year })).total.value).toBe(48);
    const byOutcome = await stats(supervisor, { measure: "decision_days_median", ...year, by: "outcome" });
    expect(rowsOf(byOutcome)).toEqual({ granted: 59, partially_granted: 60, refused: 45 });
    // No decision in the period: no figure, not zero.
    expect(
      (await stats(supervisor, { measure: "decision_days_median", from: "2020-01-01", to: "2020-12-31" }))
        .total.value,
    ).toBeNull();
  });

  it("counts pending cases by age band on the period's last day, and at the end of each month", async () => {
    const result = await stats(supervisor, {
      measure: "pending",
      from: "2025-01-01",
      to: "2025-12-31",
      partner: "BY",
      by: "age_band",
    });
    expect(result.total.value).toBe(5);
    expect(result.rows.map((row: { key: string; value: number }) => [row.key, row.value])).toEqual([
      ["under_30", 0],
      ["30_89", 0],
      ["90_179", 1],
      ["180_364", 3],
      ["365_plus", 1],
    ]);
    const monthly = await stats(supervisor, {
      measure: "pending",
      from: "2025-01-01",
      to: "2025-04-30",
      partner: "BY",
      by: "month",
    });
    expect(rowsOf(monthly)).toEqual({ "2025-01": 1, "2025-02": 2, "2025-03": 3, "2025-04": 4 });
    const byStatus = await stats(supervisor, {
      measure: "pending",
      from: "2025-12-31",
      to: "2025-12-31",
      partner: "AM",
      by: "status",
    });
    expect(rowsOf(byStatus)).toEqual({ received: 3, granted: 1 });
  });
});

describe("who sees what", () => {
  it("gives every reader of reports the same figures, over every case", async () => {
    const query = { measure: "refusals", from: "2025-01-01", to: "2025-12-31" };
    for (const client of [supervisor, officer, analyst])
      expect((await stats(client, query)).total.value).toBe(2);
  });

  it("lists the cases behind a figure under need-to-know, counting the others as hidden", async () => {
    const url = `/api/reports/cases?${reportQuery({ measure: "refusals", from: "2025-01-01", to: "2025-12-31", by: "ground", row: "own_national" })}`;
    const bySupervisor = await supervisor.get(url);
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body).toMatchObject({ total: 2, hidden: 0, limit: 50, offset: 0 });
    expect(bySupervisor.body.items.map((item: { reference: string }) => item.reference).sort()).toEqual(
      [refusedOnPoliticalGrounds.PL!.reference, refusedOnPoliticalGrounds.TR!.reference].sort(),
    );
    // The case officer is in team A: the Polish case is theirs, the Turkish one is not.
    const byOfficer = await officer.get(url);
    expect(byOfficer.body).toMatchObject({ total: 2, hidden: 1 });
    expect(byOfficer.body.items).toEqual([
      expect.objectContaining({
        reference: refusedOnPoliticalGrounds.PL!.reference,
        status: "refused",
        teamName: "MLA desk",
      }),
    ]);
    // An analyst reads every figure and no case.
    const byAnalyst = await analyst.get(url);
    expect(byAnalyst.body).toMatchObject({ total: 2, hidden: 2, items: [] });

    const month = await supervisor.get(
      `/api/reports/cases?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", partner: "BY", by: "month", row: "2025-03" })}`,
    );
    expect(month.body.items.map((item: { reference: string }) => item.reference)).toEqual([
      byMarch.reference,
    ]);
    const quarter = await supervisor.get(
      `/api/reports/cases?${reportQuery({ measure: "pending", from: "2025-01-01", to: "2025-12-31", partner: "BY", by: "quarter", row: "2025-Q1" })}`,
    );
    // Pending at the end of March 2025: the requests of 10 February 2024, 10 February and 15 March 2025.
    expect(quarter.body.total).toBe(3);
    const other = await supervisor.get(
      `/api/reports/cases?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", by: "partner", top: 2, row: "other", limit: 200 })}`,
    );
    expect(other.body.total).toBe(11);
  });

  it("writes each read to the audit trail with the query, never a reference", async () => {
    await analyst.get(
      `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", partner: "PL" })}`,
    );
    await officer.get(
      `/api/reports/cases?${reportQuery({ measure: "refusals", from: "2025-01-01", to: "2025-12-31", by: "ground", row: "own_national" })}`,
    );
    const entries = (
      await t.db.pool.query(
        "SELECT event_type, details FROM audit_log WHERE event_type LIKE 'reports.%' ORDER BY seq DESC LIMIT 2",
      )
    ).rows;
    expect(entries.map((entry: { event_type: string }) => entry.event_type)).toEqual([
      "reports.cases_listed",
      "reports.report_read",
    ]);
    expect(entries[1].details.query).toMatchObject({ measure: "requests", partner: "PL" });
    expect(entries[0].details).toMatchObject({
      total: 2,
      hidden: 1,
      ids: [refusedOnPoliticalGrounds.PL!.id],
    });
    const text = JSON.stringify(entries);
    for (const kase of Object.values(refusedOnPoliticalGrounds)) expect(text).not.toContain(kase.reference);
  });

  it("opens the statistics routes to analysts, case officers and supervisors only", async () => {
    const urls = [
      `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31" })}`,
      `/api/reports/cases?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31" })}`,
      `/api/reports/map?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31" })}`,
      `/api/reports/assets?${reportQuery({ from: "2025-01-01", to: "2025-12-31" })}`,
    ];
    const outcome: Record<string, number[]> = {};
    for (const role of ROLES) {
      const client = (await signInAs(t, role)).client;
      outcome[role] = [];
      for (const url of urls) outcome[role].push((await client.get(url)).status);
    }
    expect(outcome).toEqual({
      administrator: [403, 403, 403, 403],
      registrar: [403, 403, 403, 403],
      case_officer: [200, 200, 200, 200],
      supervisor: [200, 200, 200, 200],
      analyst: [200, 200, 200, 200],
      auditor: [403, 403, 403, 403],
    });
  });
});

describe("the map and the asset recovery ledger", () => {
  it("gives the figure per partner for the map", async () => {
    const response = await analyst.get(
      `/api/reports/map?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-08-31", category: "0903" })}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.states).toEqual([
      { partner: "BY", value: 3 },
      { partner: "AM", value: 2 },
    ]);
  });

  it("sums the amounts of each stage by currency, never converting, and counts changes without an amount", async () => {
    const response = await analyst.get(
      `/api/reports/assets?${reportQuery({ from: "2025-01-01", to: "2025-12-31" })}`,
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const zero = { traced: "0.00", frozen: "0.00", confiscated: "0.00", returned: "0.00", shared: "0.00" };
    expect(response.body.rows).toEqual([
      {
        key: "CH",
        label: { en: "Switzerland", ru: "Швейцария" },
        currency: "EUR",
        amounts: { ...zero, frozen: "1250.25", returned: "500.00" },
        withoutAmount: 0,
        cases: 2,
      },
      {
        key: "CH",
        label: { en: "Switzerland", ru: "Швейцария" },
        currency: "RUB",
        amounts: { ...zero, frozen: "1200000.50", confiscated: "1000000.00" },
        withoutAmount: 0,
        cases: 1,
      },
      {
        key: "CH",
        label: { en: "Switzerland", ru: "Швейцария" },
        currency: "XXX",
        amounts: zero,
        withoutAmount: 1,
        cases: 1,
      },
    ]);
    expect(response.body.totals).toEqual([
      { currency: "EUR", amounts: { ...zero, frozen: "1250.25", returned: "500.00" } },
      { currency: "RUB", amounts: { ...zero, frozen: "1200000.50", confiscated: "1000000.00" } },
    ]);
    const byYear = await analyst.get(
      `/api/reports/assets?${reportQuery({ from: "2025-07-01", to: "2025-12-31", by: "year" })}`,
    );
    expect(byYear.body.rows).toEqual([
      expect.objectContaining({
        key: "2025",
        currency: "EUR",
        amounts: { ...zero, returned: "500.00" },
        cases: 1,
      }),
    ]);
  });
});

describe("bad input", () => {
  it("answers 400 naming the field", async () => {
    const bad: [string, string][] = [
      [
        `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", by: "ground" })}`,
        "querystring.by",
      ],
      [
        `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-02-01", to: "2025-01-01" })}`,
        "querystring.to",
      ],
      [
        `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", outcome: "granted" })}`,
        "querystring.outcome",
      ],
      [
        `/api/reports/stats?${reportQuery({ measure: "pending", from: "2025-01-01", to: "2025-12-31", split: "status" })}`,
        "querystring.split",
      ],
      [
        `/api/reports/stats?${reportQuery({ measure: "nonsense", from: "2025-01-01", to: "2025-12-31" })}`,
        "querystring.measure",
      ],
      [
        `/api/reports/stats?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", category: "09%" })}`,
        "querystring.category",
      ],
      [
        `/api/reports/cases?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", row: "BY" })}`,
        "querystring.row",
      ],
      [
        `/api/reports/assets?${reportQuery({ from: "2025-01-01", to: "2025-12-31", by: "ground" })}`,
        "querystring.by",
      ],
    ];
    for (const [url, field] of bad) {
      const response = await analyst.get(url);
      expect(response.status, url).toBe(400);
      expect(response.body.error.code).toBe("invalid_input");
      expect(
        response.body.error.fields.map((problem: { path: string }) => problem.path),
        url,
      ).toContain(field);
    }
  });
});

describe("cases without an offence category", () => {
  it("are counted, under 'not recorded' when broken down by category", async () => {
    await fx().walk(supervisor, { requestingState: "NO", teamId: teamB }, ["received@2018-05-05"]);
    const result = await stats(supervisor, {
      measure: "requests",
      from: "2018-01-01",
      to: "2018-12-31",
      by: "category",
    });
    expect(result.total.value).toBe(1);
    expect(result.rows).toEqual([
      expect.objectContaining({ key: "none", value: 1, label: { en: "Not recorded", ru: "Не указано" } }),
    ]);
    expect(
      (await stats(supervisor, { measure: "requests", from: "2018-01-01", to: "2018-12-31", group: "fraud" }))
        .total.value,
    ).toBe(0);
  });
});

describe("imported cases", () => {
  it("are counted as their imported events say, from the import's own transaction", async () => {
    const parsed = parseCaseImportJson(
      JSON.stringify({
        cases: [
          {
            header: {
              reference: "IMPORTED-2019-0001",
              kind: "mla",
              direction: "incoming",
              requestingState: "MN",
              requestedState: "RU",
              offenceCategory: "0701",
              title: "Request imported from the old register",
            },
            facts: {},
            events: [
              { type: "received", payload: { on: "2019-03-04" } },
              { type: "registered", payload: { on: "2019-03-05" } },
              { type: "header_amended", payload: { header: { offenceCategory: "0903" } } },
              { type: "assigned", payload: { on: "2019-04-01" } },
              {
                type: "decided",
                payload: { on: "2019-05-06", outcome: "refused", grounds: [{ code: "lapse_of_time" }] },
              },
            ],
          },
        ],
      }),
    );
    const operator = { kind: "cli", osUser: "operator" } as const;
    expect((await importCases({ services: t.services, actor: operator, parsed })).imported).toBe(1);
    const year = { from: "2019-01-01", to: "2019-12-31", partner: "MN" };
    expect((await stats(supervisor, { measure: "requests", ...year, category: "0701" })).total.value).toBe(1);
    expect((await stats(supervisor, { measure: "refusals", ...year, category: "0903" })).total.value).toBe(1);
    expect(
      (await stats(supervisor, { measure: "pending", from: "2019-03-31", to: "2019-03-31", partner: "MN" }))
        .total.value,
    ).toBe(1);
    expect(
      (await stats(supervisor, { measure: "pending", from: "2019-12-31", to: "2019-12-31", partner: "MN" }))
        .total.value,
    ).toBe(0);
  });
});

describe("the statistic rows are derived data", () => {
  it("rebuilds them from the events after an upgrade, the same figures again", async () => {
    const query = { measure: "refusals", from: "2025-01-01", to: "2025-12-31", by: "ground" };
    const before = await stats(supervisor, query);
    const rowsBefore = (await t.db.pool.query("SELECT count(*)::int AS n FROM case_statistics")).rows[0].n;
    await t.db.pool.query("DELETE FROM case_statistics");
    expect((await stats(supervisor, query)).total.value).toBe(0);
    const messages: string[] = [];
    const result = await rebuildStatisticsIfMissing(t.services, (message) => messages.push(message));
    expect(result).toMatchObject({ cases: 23, rows: rowsBefore, failed: [] });
    expect(messages.at(-1)).toContain(`${rowsBefore} row(s) for 23 case(s)`);
    expect(await stats(supervisor, query)).toEqual({ ...before, computedAt: expect.any(String) });
    // Once only: with rows present there is nothing to do.
    expect(await rebuildStatisticsIfMissing(t.services, () => undefined)).toBeNull();
  });
});
