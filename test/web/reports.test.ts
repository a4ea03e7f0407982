import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { type CaseEventInput, caseEventPayloads } from "../../src/domain/cases/model.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import { reportQuerySchema } from "../../src/domain/reports/schemas.js";
import { REPORT_MEASURES } from "../../src/domain/reports/vocabulary.js";
import { fileNameOf } from "../../src/web/api/download.js";
import { checkEvent, initialEventValues, moneyOf, payloadOf } from "../../src/web/cases/event-forms.js";
import { type EventTextContext, eventLines } from "../../src/web/cases/event-text.js";
import { formatMoney } from "../../src/web/format.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";
import { changeText, figureText, periodName, reportTitle } from "../../src/web/reports/labels.js";
import { fillOfValue, MAP_CLASS_FILLS, MAP_NONE_FILL, mapClasses } from "../../src/web/reports/map-scale.js";
import {
  choiceOf,
  defaultChoice,
  isCompleteChoice,
  PERIOD_KINDS,
  type PeriodChoice,
  periodOf,
  yearOptions,
} from "../../src/web/reports/periods.js";
import { formValuesOf, queryOfForm } from "../../src/web/reports/report-form-values.js";
import {
  apiParams,
  changeOf,
  defaultQuery,
  dimensionsFor,
  filterCount,
  ledgerQueryFromParams,
  paramsOfQuery,
  queryFromParams,
  sameQuery,
  sanitised,
} from "../../src/web/reports/report-query.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tEn = i18n.getFixedT("en") as TFunction;
const tRu = i18n.getFixedT("ru") as TFunction;

const TODAY = parseIsoDate("2026-05-17");
const date = (value: string) => parseIsoDate(value);

describe("report periods", () => {
  const choice = (changes: Partial<PeriodChoice>): PeriodChoice => ({ ...defaultChoice(TODAY), ...changes });

  it("give the dates a press office means by each name", () => {
    expect(periodOf(choice({ kind: "this_year" }), TODAY)).toEqual({ from: "2026-01-01", to: "2026-05-17" });
    expect(periodOf(choice({ kind: "last_year" }), TODAY)).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(periodOf(choice({ kind: "year", year: 2021 }), TODAY)).toEqual({
      from: "2021-01-01",
      to: "2021-12-31",
    });
    // "Over the first eight months of 2022".
    expect(periodOf(choice({ kind: "first_months", year: 2022, months: 8 }), TODAY)).toEqual({
      from: "2022-01-01",
      to: "2022-08-31",
    });
    // A leap year's February.
    expect(periodOf(choice({ kind: "first_months", year: 2024, months: 2 }), TODAY)).toEqual({
      from: "2024-01-01",
      to: "2024-02-29",
    });
    expect(periodOf(choice({ kind: "quarter", year: 2025, quarter: 3 }), TODAY)).toEqual({
      from: "2025-07-01",
      to: "2025-09-30",
    });
    expect(periodOf(choice({ kind: "month", year: 2025, month: 2 }), TODAY)).toEqual({
      from: "2025-02-01",
      to: "2025-02-28",
    });
    expect(periodOf(choice({ kind: "last_12_months" }), TODAY)).toEqual({
      from: "2025-05-18",
      to: "2026-05-17",
    });
    expect(
      periodOf(choice({ kind: "custom", from: date("2020-03-04"), to: date("2020-04-05") }), TODAY),
    ).toEqual({ from: "2020-03-04", to: "2020-04-05" });
  });

  it("clamp parts out of range instead of producing impossible dates", () => {
    expect(periodOf(choice({ kind: "first_months", year: 2022, months: 40 }), TODAY).to).toBe("2022-11-30");
    expect(periodOf(choice({ kind: "quarter", year: 2022, quarter: 0 }), TODAY).from).toBe("2022-01-01");
  });

  it("are recognised again from their dates, the hinted kind first", () => {
    // Custom dates are recognised below; these are the named periods.
    for (const kind of PERIOD_KINDS.filter((kind) => kind !== "custom")) {
      const original = choice({ kind, year: 2022, months: 8, quarter: 2, month: 7 });
      const period = periodOf(original, TODAY);
      const again = choiceOf(period, TODAY, kind);
      expect(again.kind, kind).toBe(kind);
      expect(periodOf(again, TODAY)).toEqual(period);
    }
    // Without a hint, the most specific name: January to March is the first quarter.
    expect(choiceOf({ from: date("2022-01-01"), to: date("2022-03-31") }, TODAY).kind).toBe("quarter");
    // With the hint, the first three months stay the first three months.
    const hinted = choiceOf({ from: date("2022-01-01"), to: date("2022-03-31") }, TODAY, "first_months");
    expect([hinted.kind, hinted.months]).toEqual(["first_months", 3]);
    // A hint that does not give these dates is ignored.
    expect(choiceOf({ from: date("2022-01-01"), to: date("2022-08-31") }, TODAY, "quarter").kind).toBe(
      "first_months",
    );
    expect(choiceOf({ from: date("2022-01-05"), to: date("2022-08-31") }, TODAY, "year")).toMatchObject({
      kind: "custom",
      from: "2022-01-05",
      to: "2022-08-31",
    });
  });

  it("know a custom period that is not one", () => {
    expect(
      isCompleteChoice(choice({ kind: "custom", from: date("2022-02-01"), to: date("2022-01-01") }), TODAY),
    ).toBe(false);
    expect(
      isCompleteChoice(choice({ kind: "custom", from: "" as never, to: date("2022-01-01") }), TODAY),
    ).toBe(false);
    expect(isCompleteChoice(choice({ kind: "quarter" }), TODAY)).toBe(true);
  });

  it("offer the years from 2000 to next year, latest first", () => {
    const years = yearOptions(TODAY);
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2000);
  });

  it("are named in both languages with the plural forms", () => {
    expect(periodName(choice({ kind: "first_months", year: 2022, months: 8 }), tEn)).toBe(
      "The first 8 months of 2022",
    );
    expect(periodName(choice({ kind: "first_months", year: 2022, months: 1 }), tEn)).toBe(
      "The first month of 2022",
    );
    expect(periodName(choice({ kind: "first_months", year: 2022, months: 8 }), tRu)).toBe(
      "Первые 8 месяцев 2022 г.",
    );
    expect(periodName(choice({ kind: "first_months", year: 2022, months: 3 }), tRu)).toBe(
      "Первые 3 месяца 2022 г.",
    );
    expect(periodName(choice({ kind: "first_months", year: 2022, months: 1 }), tRu)).toBe(
      "Первый месяц 2022 г.",
    );
    expect(periodName(choice({ kind: "quarter", year: 2025, quarter: 3 }), tRu)).toBe("3-й квартал 2025 г.");
    expect(periodName(choice({ kind: "month", year: 2025, month: 3 }), tRu)).toBe("Март 2025 г.");
    expect(periodName(choice({ kind: "month", year: 2025, month: 3 }), tEn)).toBe("March 2025");
    expect(periodName(choice({ kind: "last_12_months" }), tRu)).toBe("Последние 12 месяцев");
  });
});

describe("the report query in the address", () => {
  const query = reportQuerySchema.parse({
    measure: "refusals",
    from: "2022-01-01",
    to: "2022-08-31",
    by: "ground",
    split: "partner",
    compare: "previous_year",
    top: "6",
    group: "cybercrime",
    region: "Europe",
    ground: "political_offence",
  });

  it("round-trips through the search parameters, with the API's own names", () => {
    const params = paramsOfQuery(query, "first_months");
    expect(params.toString()).toBe(
      "measure=refusals&from=2022-01-01&to=2022-08-31&by=ground&split=partner&compare=previous_year&top=6&group=cybercrime&region=Europe&ground=political_offence&period=first_months",
    );
    const back = queryFromParams(params, TODAY);
    expect(back.fromAddress).toBe(true);
    expect(back.query).toEqual(query);
    expect(sameQuery(back.query, query)).toBe(true);
  });

  it("sends the API exactly the query, never the form's period hint, and leaves out no comparison", () => {
    expect(apiParams(query)).toEqual({
      measure: "refusals",
      from: "2022-01-01",
      to: "2022-08-31",
      by: "ground",
      split: "partner",
      compare: "previous_year",
      top: 6,
      group: "cybercrime",
      region: "Europe",
      ground: "political_offence",
    });
    const plain = reportQuerySchema.parse({ measure: "requests", from: "2022-01-01", to: "2022-12-31" });
    expect(apiParams(plain)).toEqual({ measure: "requests", from: "2022-01-01", to: "2022-12-31" });
    expect(paramsOfQuery(plain).has("compare")).toBe(false);
  });

  it("is the default (requests this year by partner, beside last year) when the address has none", () => {
    const { query: shown, fromAddress } = queryFromParams(new URLSearchParams(), TODAY);
    expect(fromAddress).toBe(false);
    expect(shown).toEqual(defaultQuery(TODAY));
    expect(shown).toMatchObject({ measure: "requests", from: "2026-01-01", to: "2026-05-17", by: "partner" });
  });

  it("leaves out a bad field without losing the rest", () => {
    const { query: shown } = queryFromParams(
      new URLSearchParams(
        "measure=requests&from=2022-01-01&to=2022-12-31&by=partner&kind=not_a_kind&partner=xx&top=9999&direction=incoming",
      ),
      TODAY,
    );
    expect(shown).toEqual({
      measure: "requests",
      from: "2022-01-01",
      to: "2022-12-31",
      by: "partner",
      compare: "none",
      direction: "incoming",
    });
  });

  it("falls back to this year for a period that ends before it begins, and drops a second breakdown without a first", () => {
    const { query: shown } = queryFromParams(
      new URLSearchParams("measure=decisions&from=2023-05-01&to=2023-01-01&split=partner"),
      TODAY,
    );
    expect(shown).toEqual({ measure: "decisions", from: "2026-01-01", to: "2026-05-17", compare: "none" });
  });

  it("drops what the measure cannot have", () => {
    expect(dimensionsFor("requests")).not.toContain("ground");
    expect(dimensionsFor("refusals")).toContain("ground");
    expect(dimensionsFor("pending")).toEqual(expect.arrayContaining(["status", "age_band"]));
    for (const measure of REPORT_MEASURES) expect(dimensionsFor(measure)).toContain("partner");
    expect(
      sanitised({ ...query, measure: "requests", outcome: "refused" } as typeof query),
    ).not.toHaveProperty("ground");
    expect(sanitised({ ...query, measure: "requests" })).not.toHaveProperty("by");
    expect(sanitised({ ...query, measure: "requests", outcome: "refused" })).not.toHaveProperty("outcome");
    expect(sanitised({ ...query, measure: "decisions", outcome: "refused" })).toHaveProperty(
      "outcome",
      "refused",
    );
    expect(filterCount(query)).toBe(3);
  });

  it("reads the asset ledger's query, this year by partner by default", () => {
    expect(ledgerQueryFromParams(new URLSearchParams(), TODAY)).toEqual({
      from: "2026-01-01",
      to: "2026-05-17",
      by: "partner",
    });
    expect(
      ledgerQueryFromParams(
        new URLSearchParams("from=2020-01-01&to=2020-12-31&by=year&partner=AM&direction=x"),
        TODAY,
      ),
    ).toEqual({ from: "2020-01-01", to: "2020-12-31", by: "year", partner: "AM" });
    expect(ledgerQueryFromParams(new URLSearchParams("from=2020-12-01&to=2020-01-01"), TODAY)).toMatchObject({
      from: "2026-01-01",
      to: "2026-05-17",
    });
  });
});

describe("the report form", () => {
  const message = (issue: { message: string }) => issue.message;

  it("asks for the query it was filled from", () => {
    const query = reportQuerySchema.parse({
      measure: "requests",
      from: "2022-01-01",
      to: "2022-08-31",
      by: "partner",
      compare: "previous_year",
      top: 6,
      group: "cybercrime",
      partner: "BY",
    });
    const values = formValuesOf(query, TODAY, "first_months");
    expect(values.period).toMatchObject({ kind: "first_months", year: 2022, months: 8 });
    expect(values.compare).toBe(true);
    const check = queryOfForm(values, TODAY, message);
    expect(check).toEqual({ ok: true, query, periodHint: "first_months" });
  });

  it("names the fields the contract refuses", () => {
    const values = formValuesOf(defaultQuery(TODAY), TODAY);
    const reversed = queryOfForm(
      {
        ...values,
        period: { ...values.period, kind: "custom", from: date("2022-05-01"), to: date("2022-01-01") },
      },
      TODAY,
      message,
    );
    expect(reversed).toEqual({ ok: false, errors: { "period.to": "the period ends before it begins" } });
    const badCategory = queryOfForm(
      { ...values, filters: { ...values.filters, category: "cyber" } },
      TODAY,
      message,
    );
    expect(badCategory.ok).toBe(false);
    expect(Object.keys((badCategory as { errors: object }).errors)).toEqual(["filters.category"]);
    // A second breakdown without a first is dropped, not refused.
    const split = queryOfForm({ ...values, by: null, split: "kind" }, TODAY, message);
    expect(split.ok).toBe(true);
    expect(split.ok ? split.query.split : "refused").toBeUndefined();
  });
});

describe("report labels", () => {
  it("title a report by its measure and breakdowns, in the case Russian needs", () => {
    expect(reportTitle({ measure: "refusals", by: "ground", split: "partner" }, tEn)).toBe(
      "Refusals by refusal ground and partner state",
    );
    expect(reportTitle({ measure: "requests", by: "partner" }, tRu)).toBe(
      "Запросы в разбивке по государствам-партнёрам",
    );
    expect(reportTitle({ measure: "requests" }, tRu)).toBe("Запросы");
  });

  it("say figures, days and changes", () => {
    const number = (value: number) => new Intl.NumberFormat("ru").format(value);
    expect(figureText(3012, "cases", number, tRu)).toBe("3\u00a0012");
    expect(figureText(null, "cases", number, tRu)).toBe("—");
    expect(figureText(1, "days", number, tRu)).toBe("1 день");
    expect(figureText(3, "days", number, tRu)).toBe("3 дня");
    expect(figureText(25, "days", number, tRu)).toBe("25 дней");
    expect(figureText(12.5, "days", number, tRu)).toBe("12,5 дня");
    expect(figureText(12, "days", String, tEn)).toBe("12 days");
    expect(changeOf(3012, 2870)).toBeCloseTo(0.0495, 3);
    expect(changeOf(5, 0)).toBeNull();
    expect(changeText(3012, 2870, "en")).toBe("+5%");
    expect(changeText(50, 100, "en")).toBe("\u221250%");
    expect(changeText(74, 100, "ru")).toMatch(/^\u221226\s%$/);
    expect(changeText(10, null, "en")).toBe("—");
  });
});

describe("the map's classes", () => {
  it("step by round sizes up to the largest figure", () => {
    const classes = mapClasses([0, 3, 40, 120]);
    expect(classes.map((item) => [item.from, item.to])).toEqual([
      [1, 25],
      [26, 50],
      [51, 75],
      [76, 100],
      [101, 125],
    ]);
    expect(fillOfValue(120, classes)).toBe(classes[4]?.fill);
    expect(fillOfValue(25, classes)).toBe(classes[0]?.fill);
    expect(fillOfValue(0, classes)).toBe(MAP_NONE_FILL);
    expect(fillOfValue(undefined, classes)).toBe(MAP_NONE_FILL);
  });

  it("give a handful of cases one class each, and nothing none", () => {
    expect(mapClasses([1, 3]).map((item) => item.from)).toEqual([1, 2, 3]);
    // A single case is drawn in the darkest colour, not the faintest.
    expect(mapClasses([1])[0]?.fill).toBe(MAP_CLASS_FILLS[MAP_CLASS_FILLS.length - 1]);
    expect(mapClasses([])).toEqual([]);
    expect(mapClasses([0, 0])).toEqual([]);
  });
});

describe("downloads", () => {
  it("take the file's name from Content-Disposition, the UTF-8 form first, never a path", () => {
    expect(fileNameOf('attachment; filename="report.csv"', "x")).toBe("report.csv");
    expect(fileNameOf("attachment; filename=report.xlsx", "x")).toBe("report.xlsx");
    expect(
      fileNameOf(
        `attachment; filename="otchet.pdf"; filename*=UTF-8''${encodeURIComponent("отчёт.pdf")}`,
        "x",
      ),
    ).toBe("отчёт.pdf");
    expect(fileNameOf('attachment; filename="../../etc/passwd"', "x")).toBe("passwd");
    expect(fileNameOf(null, "cases.csv")).toBe("cases.csv");
  });
});

describe("an asset's stage with its amount", () => {
  it("sends the amount as the API takes it, or none", () => {
    expect(moneyOf({ amount: "1 200 000,50", currency: "rub" })).toEqual({
      amount: "1200000.50",
      currency: "RUB",
    });
    expect(moneyOf({ amount: " ", currency: "" })).toBeNull();
    const values = initialEventValues("asset_stage_changed", {
      today: TODAY,
      personId: null,
      partnerState: null,
    });
    expect(values.amount).toEqual({ amount: "", currency: "" });
    const empty = payloadOf("asset_stage_changed", { ...values, assetId: "a1", stage: "frozen" });
    expect(empty).toMatchObject({ amount: null, extent: null });
    const check = checkEvent(
      "asset_stage_changed",
      {
        ...values,
        assetId: "a1",
        stage: "frozen",
        amount: { amount: "1200000", currency: "RUB" },
        extent: "partial",
      },
      tEn,
    );
    expect(check).toEqual({
      ok: true,
      event: {
        type: "asset_stage_changed",
        payload: {
          on: "2026-05-17",
          assetId: "a1",
          stage: "frozen",
          orderReference: null,
          amount: { amount: "1200000", currency: "RUB" },
          extent: "partial",
        },
      },
    });
    // An amount without its currency is named at the currency.
    const missing = checkEvent(
      "asset_stage_changed",
      { ...values, assetId: "a1", stage: "frozen", amount: { amount: "100", currency: "" } },
      tEn,
    );
    expect(missing.ok).toBe(false);
    expect(Object.keys((missing as { errors: object }).errors)).toEqual(["amount.currency"]);
  });

  it("shows the amount in the timeline in both languages", () => {
    const context = (t: TFunction, locale: string): EventTextContext => ({
      t,
      date: (iso) => iso,
      stateName: (code) => code,
      personName: (id) => id,
      measureName: (id) => id,
      assetName: (id) => id,
      teamName: (id) => id,
      money: (amount, currency) => formatMoney(amount, currency, locale),
    });
    const event = {
      type: "asset_stage_changed",
      payload: caseEventPayloads.asset_stage_changed.parse({
        on: "2026-03-01",
        assetId: "a1",
        stage: "shared",
        amount: { amount: "1200000.5", currency: "EUR" },
        extent: "partial",
      }),
    } as CaseEventInput;
    const [stage, amount] = eventLines(event, context(tEn, "en"));
    expect(stage).toBe("Asset a1: Shared");
    expect(amount).toMatch(/^Amount: EUR\s1,200,000\.50 \(part of the asset\)$/);
    expect(eventLines(event, context(tRu, "ru"))[1]).toMatch(
      /^Сумма: 1\s200\s000,50\sEUR \(часть имущества\)$/,
    );
    expect(formatMoney("12.5", "EURO", "en")).toBe("12.5 EURO");
  });
});
