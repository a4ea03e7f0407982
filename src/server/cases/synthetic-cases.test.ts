import { describe, expect, it } from "vitest";
import { caseEventInputSchema, caseEventPayloads } from "../../domain/cases/model.js";
import { parseStateCode, STATE_CODES } from "../../domain/directory/state-codes.js";
import { daysBetween, type IsoDate, parseIsoDate } from "../../domain/platform/dates.js";
import { REFUSAL_GROUNDS } from "../../domain/rules/vocabulary.js";
import { prepareChunk } from "../reports/synthetic-chunk.js";
import { caseRules } from "./evaluate-case.js";
import {
  cybercrimeShare,
  type GeneratorContext,
  partnersFrom,
  SYNTHETIC_REFERENCE_PREFIX,
  type SyntheticCase,
  syntheticCase,
  TEAM_NAMES,
  type TeamName,
} from "./synthetic-cases.js";

/**
 * The synthetic cases of `comity seed --synthetic` and the benchmarks: what the API's
 * schemas accept as they are (the load does not parse them again), streams the state
 * machines accept, the same cases for the same seed, and the shape of an office's
 * figures (cybercrime growing, refusals with grounds of the vocabulary, European states
 * refusing extradition on political grounds, asset amounts, plausible delays).
 */
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const context: GeneratorContext = {
  today: parseIsoDate("2026-12-01"),
  partners: partnersFrom(
    STATE_CODES.map((code) => ({
      code: parseStateCode(code),
      nameEn: `State ${code}`,
      nameRu: `Государство ${code}`,
      independent: true,
    })),
  ),
  teamIds: Object.fromEntries(TEAM_NAMES.map((name, at) => [name, uuid(at + 1)])) as Record<TeamName, string>,
  instruments: new Map(
    ["CETS024", "CETS030", "CETS185", "UNCC2024", "MINSK1993", "CHISINAU2002", "UNCAC", "UNTOC"].map(
      (code, at) => [code, uuid(100 + at)],
    ),
  ),
};
const SEED = 7;
const EUROPE = new Set(
  "AD AL AT BA BE BG CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LI LT LU LV MC ME MK MT NL NO PL PT RO RS SE SI SK SM TR UA".split(
    " ",
  ),
);
const cases: SyntheticCase[] = Array.from({ length: 30_000 }, (_, index) =>
  syntheticCase(context, SEED, index),
);
const partnerOf = (kase: SyntheticCase) =>
  kase.header.direction === "incoming" ? kase.header.requestingState : kase.header.requestedState;
const yearOf = (kase: SyntheticCase) => Number(kase.openedOn.slice(0, 4));
const onOf = (event: SyntheticCase["events"][number]) => (event.payload as { on: IsoDate }).on;

describe("synthetic cases", () => {
  it("are what the API's schemas make of them, defaults included", () => {
    for (const kase of cases.slice(0, 3000)) {
      const opened = { header: kase.header, facts: kase.facts, on: kase.openedOn };
      expect(caseEventPayloads.opened.parse(opened)).toEqual(opened);
      for (const event of kase.events) expect(caseEventInputSchema.parse(event)).toEqual(event);
    }
  });

  it("are the same for the same seed and index, whatever was drawn before, and differ for another seed", () => {
    expect(syntheticCase(context, SEED, 12_345)).toEqual(cases[12_345]);
    expect(syntheticCase(context, SEED, 3)).toEqual(cases[3]);
    expect(syntheticCase(context, SEED + 1, 3)).not.toEqual(cases[3]);
    expect(new Set(cases.map((kase) => kase.header.reference)).size).toBe(cases.length);
    expect(cases.every((kase) => kase.header.reference.startsWith(SYNTHETIC_REFERENCE_PREFIX))).toBe(true);
  });

  it("replay through the state machines into rows, events and statistic rows (prepareChunk)", async () => {
    const inputs = {
      ...(await caseRules()),
      snapshot: {
        instruments: new Map(),
        actions: new Map(),
        stages: new Map(),
        relations: [],
        instrumentsByState: new Map(),
        agencyStates: new Map(),
        standingCache: new Map(),
      },
    };
    const chunk = prepareChunk({ context, seed: SEED, inputs }, 0, 1000);
    const lines = (bytes: Uint8Array) => new TextDecoder().decode(bytes).split("\n").filter(Boolean);
    expect(lines(chunk.cases)).toHaveLength(1000);
    expect(lines(chunk.events)).toHaveLength(chunk.eventCount);
    expect(lines(chunk.statistics)).toHaveLength(chunk.statisticCount);
    expect(chunk.eventCount).toBe(
      cases.slice(0, 1000).reduce((sum, kase) => sum + 1 + kase.events.length, 0),
    );
    // Every line has its table's number of columns.
    expect(new Set(lines(chunk.cases).map((line) => line.split("\t").length))).toEqual(new Set([23]));
    expect(new Set(lines(chunk.events).map((line) => line.split("\t").length))).toEqual(new Set([7]));
    expect(new Set(lines(chunk.statistics).map((line) => line.split("\t").length))).toEqual(new Set([19]));
  });

  it("are opened from 2015 to the office's yesterday, more each year, with no event after it", () => {
    const years = new Map<number, number>();
    for (const kase of cases) years.set(yearOf(kase), (years.get(yearOf(kase)) ?? 0) + 1);
    expect(Math.min(...years.keys())).toBe(2015);
    expect(Math.max(...years.keys())).toBe(2026);
    expect(years.get(2025)!).toBeGreaterThan(years.get(2016)!);
    const late = cases.filter(
      (kase) => kase.openedOn >= context.today || kase.events.some((event) => onOf(event) >= context.today),
    );
    expect(late.map((kase) => kase.header.reference)).toEqual([]);
  });

  it("show cybercrime growing from about 3 % to about 20 % of legal assistance and preservation", () => {
    const share = (year: number) => {
      const ofYear = cases.filter(
        (kase) =>
          yearOf(kase) === year &&
          (kase.header.kind === "mla" || kase.header.kind === "preservation_of_data"),
      );
      return ofYear.filter((kase) => kase.header.offenceCategory === "0903").length / ofYear.length;
    };
    expect(cybercrimeShare(2015)).toBeCloseTo(0.03);
    expect(cybercrimeShare(2026)).toBeCloseTo(0.2);
    expect(share(2015)).toBeGreaterThan(0.005);
    expect(share(2015)).toBeLessThan(0.07);
    expect(share(2026)).toBeGreaterThan(0.15);
    expect(share(2026)).toBeLessThan(0.25);
    expect(share(2020)).toBeGreaterThan(share(2015));
  });

  it("give the usual partners far more cases than the tail", () => {
    const byPartner = new Map<string, number>();
    for (const kase of cases) byPartner.set(partnerOf(kase), (byPartner.get(partnerOf(kase)) ?? 0) + 1);
    const counts = [...byPartner.values()].sort((left, right) => right - left);
    expect(byPartner.get("KZ")!).toBeGreaterThan(byPartner.get(context.partners[80]!.code) ?? 0);
    expect(counts.slice(0, 10).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(cases.length * 0.25);
    expect(byPartner.size).toBeGreaterThan(60);
  });

  it("refuse with grounds of the vocabulary; political refusals of extradition come mostly from Europe", () => {
    const decisions = cases.flatMap((kase) =>
      kase.events
        .filter((event) => event.type === "decided")
        .map((event) => ({
          kase,
          payload: event.payload as { outcome: string; grounds: { code: string }[] },
        })),
    );
    const refusals = decisions.filter(({ payload }) => payload.outcome === "refused");
    expect(refusals.length).toBeGreaterThan(decisions.length * 0.08);
    for (const { payload } of decisions) {
      if (payload.outcome === "granted") expect(payload.grounds).toEqual([]);
      else expect(payload.grounds.length).toBeGreaterThan(0);
      for (const ground of payload.grounds) expect(REFUSAL_GROUNDS).toContain(ground.code);
    }
    // Refusals by partners (of our outgoing requests) to extradite, on political grounds.
    const political = refusals.filter(
      ({ kase, payload }) =>
        kase.header.kind === "extradition" &&
        kase.header.direction === "outgoing" &&
        payload.grounds.some((ground) => ground.code === "political_offence"),
    );
    const european = political.filter(({ kase }) => EUROPE.has(partnerOf(kase)));
    expect(political.length).toBeGreaterThan(20);
    expect(european.length / political.length).toBeGreaterThan(0.7);
    // An own national is refused, on that ground.
    const ownNationals = refusals.filter(({ payload }) =>
      payload.grounds.some((ground) => ground.code === "own_national"),
    );
    expect(ownNationals.length).toBeGreaterThan(50);
    for (const { kase } of ownNationals)
      expect(kase.facts.persons[0]!.nationalities[0]).toBe(kase.header.requestedState);
  });

  it("decide weeks to months after receipt, extradition later than legal assistance; some stay pending", () => {
    const median = (values: number[]) =>
      [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
    const delays = (kind: string) =>
      cases
        .filter((kase) => kase.header.kind === kind && kase.header.direction === "incoming")
        .flatMap((kase) => {
          const received = kase.events.find((event) => event.type === "received");
          const decided = kase.events.find((event) => event.type === "decided");
          return received && decided ? [daysBetween(onOf(received), onOf(decided))] : [];
        });
    const mla = median(delays("mla"));
    const extradition = median(delays("extradition"));
    expect(mla).toBeGreaterThan(14);
    expect(mla).toBeLessThan(120);
    expect(extradition).toBeGreaterThan(mla);
    const oldAndOpen = cases.filter(
      (kase) => yearOf(kase) < 2020 && !kase.events.some((event) => event.type === "closed"),
    );
    expect(oldAndOpen.length).toBeGreaterThan(100);
  });

  it("trace, freeze, confiscate and return or share assets with amounts in their currencies", () => {
    const stages = cases
      .filter((kase) => kase.header.kind === "asset_recovery")
      .flatMap((kase) => kase.events.filter((event) => event.type === "asset_stage_changed"))
      .map(
        (event) =>
          event.payload as {
            stage: string;
            amount?: { amount: string; currency: string };
            extent?: string;
          },
      );
    for (const stage of ["traced", "frozen", "confiscated", "returned", "shared"])
      expect(stages.filter((payload) => payload.stage === stage).length).toBeGreaterThan(20);
    for (const payload of stages.filter((payload) => payload.stage !== "released")) {
      expect(payload.amount?.amount).toMatch(/^\d+\.00$/);
      expect(payload.extent).toMatch(/^(whole|partial)$/);
    }
    const currencies = new Set(
      stages.flatMap((payload) => (payload.amount ? [payload.amount.currency] : [])),
    );
    expect(currencies).toContain("RUB");
    expect(currencies).toContain("USD");
    expect(currencies).toContain("EUR");
  });
});
