import { describe, expect, it } from "vitest";
import { eventInput, exampleFacts, exampleHeader } from "../../../test/support/cases-fixtures.js";
import type { CaseEvent, CaseEventInput, CaseHeaderAmendment } from "../cases/model.js";
import type { CaseKind, Direction } from "../cases/vocabulary.js";
import { type IsoDate, instantOf } from "../platform/dates.js";
import { type StatisticRow, statisticRowsOf } from "./statistic-rows.js";
import type { StatisticRowMeasure } from "./vocabulary.js";

/**
 * Streams built by hand, and the rows they give. `counted` applies the counting rule of
 * docs/statistics.md to the rows, as the SQL does: a period [from, to] counts a row when
 * `on` is in it and `until` is null or after `to`.
 */

type Timed = { input: CaseEventInput; at?: string };

/** Envelopes: sequence from 1; recorded at `at`, or a day after the previous one at 09:00 UTC. */
function stream(items: readonly (CaseEventInput | Timed)[], start = "2025-01-10T09:00:00.000Z"): CaseEvent[] {
  let clock = Date.parse(start);
  return items.map((item, index) => {
    const { input, at } = "input" in item ? item : { input: item, at: undefined };
    clock = at ? Date.parse(at) : index === 0 ? clock : clock + 86_400_000;
    return {
      ...input,
      sequence: index + 1,
      recordedAt: instantOf(new Date(clock)),
      actorId: null,
    } as CaseEvent;
  });
}

const ONE_MEASURE = exampleFacts({
  measures: [{ id: "m1", kind: "bank_information", description: "Statements of account" }],
});

function opened(
  kind: CaseKind = "mla",
  direction: Direction = "incoming",
  overrides: Record<string, unknown> = {},
  on = "2025-01-10",
): CaseEventInput {
  return {
    type: "opened",
    payload: {
      header: exampleHeader(kind, direction, { offenceCategory: "0701", ...overrides }),
      facts: ONE_MEASURE,
      on: on as IsoDate,
    },
  };
}

const on = (type: "received" | "registered" | "sent", date: string) => eventInput(type, { on: date });
const assigned = (date: string) => eventInput("assigned", { on: date, officer: "A. Smirnova" });
const decided = (
  date: string,
  outcome: "granted" | "partially_granted" | "refused",
  grounds: string[] = [],
) => eventInput("decided", { on: date, outcome, grounds: grounds.map((code) => ({ code })) });
const amended = (header: Partial<CaseHeaderAmendment>) =>
  eventInput("header_amended", { header } as { header: CaseHeaderAmendment });

function only(rows: readonly StatisticRow[], measure: StatisticRowMeasure) {
  return rows
    .filter((row) => row.measure === measure)
    .map(({ on, until, value, days, grounds, category, partner }) => ({
      on,
      until,
      value,
      days,
      grounds,
      category,
      partner,
    }));
}

function counted(rows: readonly StatisticRow[], measure: StatisticRowMeasure, from: string, to: string) {
  return rows.filter(
    (row) =>
      row.measure === measure && row.on >= from && row.on <= to && (row.until === null || row.until > to),
  );
}

/** Statuses as intervals: [status, from, until]. */
function statuses(rows: readonly StatisticRow[]) {
  return rows.filter((row) => row.measure === "status").map((row) => [row.value, row.on, row.until]);
}

describe("statistic rows of a case's stream", () => {
  it("counts a request refused, closed, reopened and granted: one decision per period, the last", () => {
    const rows = statisticRowsOf(
      stream([
        opened(),
        on("received", "2025-01-10"),
        on("registered", "2025-01-13"),
        assigned("2025-01-14"),
        // A ground cited under two rules is one ground of the decision.
        decided("2025-03-10", "refused", ["political_offence", "own_national", "political_offence"]),
        eventInput("closed", { on: "2025-03-20" }),
        eventInput("reopened", { on: "2025-04-02", reason: "New evidence from the requesting state" }),
        decided("2025-05-05", "granted"),
        eventInput("measure_status_changed", { on: "2025-06-04", measureId: "m1", status: "executed" }),
      ]),
    );
    expect(only(rows, "request")).toEqual([
      {
        on: "2025-01-10",
        until: null,
        value: null,
        days: null,
        grounds: [],
        category: "0701",
        partner: "KH",
      },
    ]);
    expect(only(rows, "decision")).toEqual([
      {
        on: "2025-03-10",
        until: "2025-05-05",
        value: "refused",
        days: 59,
        grounds: ["political_offence", "own_national"],
        category: "0701",
        partner: "KH",
      },
      {
        on: "2025-05-05",
        until: null,
        value: "granted",
        days: 115,
        grounds: [],
        category: "0701",
        partner: "KH",
      },
    ]);
    expect(only(rows, "closure").map((row) => [row.on, row.until])).toEqual([["2025-03-20", null]]);
    expect(only(rows, "reopening").map((row) => [row.on, row.until])).toEqual([["2025-04-02", null]]);
    // Executed 30 days after the (last) decision.
    expect(only(rows, "execution").map((row) => [row.on, row.days])).toEqual([["2025-06-04", 30]]);

    // The first quarter saw the refusal; the year sees the grant only.
    expect(counted(rows, "decision", "2025-01-01", "2025-03-31").map((row) => row.value)).toEqual([
      "refused",
    ]);
    expect(counted(rows, "decision", "2025-01-01", "2025-12-31").map((row) => row.value)).toEqual([
      "granted",
    ]);
    expect(counted(rows, "decision", "2025-04-01", "2025-04-30")).toEqual([]);

    expect(statuses(rows)).toEqual([
      ["received", "2025-01-10", "2025-01-13"],
      ["registered", "2025-01-13", "2025-01-14"],
      ["under_examination", "2025-01-14", "2025-03-10"],
      ["refused", "2025-03-10", "2025-03-20"],
      ["closed", "2025-03-20", "2025-04-02"],
      ["under_examination", "2025-04-02", "2025-05-05"],
      ["granted", "2025-05-05", "2025-06-04"],
      ["executed", "2025-06-04", null],
    ]);
    // Every row carries the started day (receipt), from which pending ages are counted.
    expect(new Set(rows.map((row) => row.startedOn))).toEqual(new Set(["2025-01-10"]));
  });

  it("counts a withdrawn case once, and ends its pending intervals on the day of withdrawal", () => {
    const rows = statisticRowsOf(
      stream([
        opened("mla", "incoming", {}, "2025-02-03"),
        on("received", "2025-02-03"),
        on("registered", "2025-02-04"),
        eventInput("withdrawn", { on: "2025-02-20", reason: "Withdrawn by the requesting state" }),
      ]),
    );
    expect(only(rows, "withdrawal").map((row) => [row.on, row.until])).toEqual([["2025-02-20", null]]);
    expect(only(rows, "decision")).toEqual([]);
    expect(statuses(rows)).toEqual([
      ["received", "2025-02-03", "2025-02-04"],
      ["registered", "2025-02-04", "2025-02-20"],
      ["withdrawn", "2025-02-20", null],
    ]);
  });

  it("moves a case between categories from the day the amendment was recorded", () => {
    const rows = statisticRowsOf(
      stream([
        { input: opened(), at: "2025-01-10T09:00:00.000Z" },
        { input: on("received", "2025-01-10"), at: "2025-01-10T09:01:00.000Z" },
        { input: on("registered", "2025-01-12"), at: "2025-01-12T10:00:00.000Z" },
        // Recorded on 3 March (UTC): fraud until 2 March, cybercrime from 3 March.
        { input: amended({ offenceCategory: "0903" }), at: "2025-03-03T23:30:00.000Z" },
        { input: assigned("2025-03-05"), at: "2025-03-05T08:00:00.000Z" },
        { input: decided("2025-04-01", "granted"), at: "2025-04-01T08:00:00.000Z" },
      ]),
    );
    expect(only(rows, "request").map((row) => row.category)).toEqual(["0701"]);
    expect(only(rows, "decision").map((row) => row.category)).toEqual(["0903"]);
    expect(
      rows
        .filter((row) => row.measure === "status")
        .map((row) => [row.value, row.on, row.until, row.category]),
    ).toEqual([
      ["received", "2025-01-10", "2025-01-12", "0701"],
      ["registered", "2025-01-12", "2025-03-03", "0701"],
      ["registered", "2025-03-03", "2025-03-05", "0903"],
      ["under_examination", "2025-03-05", "2025-04-01", "0903"],
      ["granted", "2025-04-01", null, "0903"],
    ]);
  });

  it("counts an outgoing request from the day it was sent, and a draft never sent not at all", () => {
    const draft = statisticRowsOf(stream([opened("mla", "outgoing")]));
    expect(only(draft, "request")).toEqual([]);
    expect(statuses(draft)).toEqual([["draft", "2025-01-10", null]]);

    const rows = statisticRowsOf(
      stream([
        opened("mla", "outgoing"),
        on("sent", "2025-01-15"),
        decided("2025-02-14", "partially_granted", ["bank_secrecy"]),
      ]),
    );
    // The partner of an outgoing request is the requested state.
    expect(only(rows, "request")).toEqual([
      {
        on: "2025-01-15",
        until: null,
        value: null,
        days: null,
        grounds: [],
        category: "0701",
        partner: "KH",
      },
    ]);
    expect(only(rows, "decision").map((row) => [row.value, row.days, row.grounds])).toEqual([
      ["partially_granted", 30, ["bank_secrecy"]],
    ]);
    expect(statuses(rows)).toEqual([
      ["draft", "2025-01-10", "2025-01-15"],
      ["sent", "2025-01-15", "2025-02-14"],
      ["partially_granted", "2025-02-14", null],
    ]);
  });

  it("counts a surrender, days from the decision", () => {
    const rows = statisticRowsOf(
      stream([
        opened("extradition", "incoming", { offenceCategory: "eaw:21" }),
        on("received", "2025-01-10"),
        on("registered", "2025-01-11"),
        assigned("2025-01-12"),
        decided("2025-02-10", "granted"),
        eventInput("surrender_date_set", { on: "2025-02-12", surrenderOn: "2025-02-25" }),
        eventInput("surrendered", { on: "2025-02-25" }),
      ]),
    );
    expect(only(rows, "surrender").map((row) => [row.on, row.days, row.category])).toEqual([
      ["2025-02-25", 15, "eaw:21"],
    ]);
    expect(only(rows, "execution")).toEqual([]);
    expect(statuses(rows).at(-1)).toEqual(["surrendered", "2025-02-25", null]);
  });

  it("records asset stages with their amounts, leaving out identification and release", () => {
    const rows = statisticRowsOf(
      stream([
        opened("asset_recovery", "incoming"),
        on("received", "2025-01-10"),
        eventInput("asset_stage_changed", { on: "2025-01-20", assetId: "a1", stage: "identified" }),
        eventInput("asset_stage_changed", {
          on: "2025-02-01",
          assetId: "a1",
          stage: "frozen",
          amount: { amount: "1200000.50", currency: "RUB" },
          extent: "partial",
        }),
        eventInput("asset_stage_changed", { on: "2025-03-01", assetId: "a2", stage: "traced" }),
        eventInput("asset_stage_changed", { on: "2025-04-01", assetId: "a1", stage: "released" }),
      ]),
    );
    expect(
      rows
        .filter((row) => row.measure === "asset")
        .map((row) => [row.on, row.until, row.value, row.assetId, row.amount, row.currency, row.extent]),
    ).toEqual([
      ["2025-02-01", null, "frozen", "a1", "1200000.50", "RUB", "partial"],
      ["2025-03-01", null, "traced", "a2", null, null, null],
    ]);
  });

  it("dates an imported history by its events, not by the day of import", () => {
    // An import records every event at one instant; the opening carries no day of its own.
    const at = "2026-06-01T12:00:00.000Z";
    const header = exampleHeader("mla", "incoming", { offenceCategory: "0701" });
    const rows = statisticRowsOf(
      stream([
        { input: { type: "opened", payload: { header, facts: ONE_MEASURE } }, at },
        { input: on("received", "2019-03-04"), at },
        { input: on("registered", "2019-03-05"), at },
        { input: amended({ offenceCategory: "0903" }), at },
        { input: assigned("2019-04-01"), at },
        { input: decided("2019-05-06", "refused", ["lapse_of_time"]), at },
      ]),
    );
    expect(statuses(rows)).toEqual([
      ["received", "2019-03-04", "2019-03-05"],
      ["registered", "2019-03-05", "2019-04-01"],
      ["under_examination", "2019-04-01", "2019-05-06"],
      ["refused", "2019-05-06", null],
    ]);
    // The amendment takes the day of the next dated event: the case is cybercrime from 1 April 2019.
    expect(only(rows, "request").map((row) => row.category)).toEqual(["0701"]);
    expect(only(rows, "decision").map((row) => [row.category, row.days])).toEqual([["0903", 63]]);
  });

  it("keeps status dates from going back when an event is recorded late", () => {
    const rows = statisticRowsOf(
      stream([
        opened(),
        on("received", "2025-01-10"),
        on("registered", "2025-01-20"),
        // Recorded after the registration, dated before it: the status moves on the 20th.
        assigned("2025-01-15"),
      ]),
    );
    expect(statuses(rows)).toEqual([
      ["received", "2025-01-10", "2025-01-20"],
      ["under_examination", "2025-01-20", null],
    ]);
  });

  it("counts at most one decision per case and period, whatever order decisions were recorded in", () => {
    const rows = statisticRowsOf(
      stream([
        opened(),
        on("received", "2025-01-02"),
        on("registered", "2025-01-03"),
        assigned("2025-01-04"),
        decided("2025-03-01", "refused", ["other"]),
        eventInput("closed", { on: "2025-03-02" }),
        eventInput("reopened", { on: "2025-03-03", reason: "Reconsidered" }),
        decided("2025-03-20", "refused", ["own_national"]),
        eventInput("closed", { on: "2025-03-21" }),
        eventInput("reopened", { on: "2025-03-22", reason: "Reconsidered again" }),
        // Recorded last, dated before the second decision.
        decided("2025-03-05", "granted"),
      ]),
    );
    const decisions = rows.filter((row) => row.measure === "decision");
    expect(decisions.map((row) => [row.on, row.until])).toEqual([
      ["2025-03-01", "2025-03-05"],
      ["2025-03-20", "2025-03-20"],
      ["2025-03-05", null],
    ]);
    const days = Array.from(
      { length: 40 },
      (_, index) => `2025-03-${String(index + 1).padStart(2, "0")}`,
    ).filter((day) => day <= "2025-03-31");
    for (const from of days)
      for (const to of days.filter((day) => day >= from))
        expect(counted(rows, "decision", from, to).length).toBeLessThanOrEqual(1);
  });

  it("gives nothing for an empty stream", () => {
    expect(statisticRowsOf([])).toEqual([]);
  });
});
