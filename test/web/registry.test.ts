import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { createInstrumentSchema, updateInstrumentSchema } from "../../src/domain/registry/schemas.js";
import { MAP_RELATIONS } from "../../src/domain/registry/vocabulary.js";
import { ApiError } from "../../src/web/api/client.js";
import { changedFields } from "../../src/web/forms/form-helpers.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";
import { csvProblems } from "../../src/web/registry/csv-problems.js";
import { ageInYears, isStale, todayIso } from "../../src/web/registry/dates.js";
import {
  EMPTY_INSTRUMENT,
  instrumentFields,
  newInstrumentBody,
  valuesFromDetail,
} from "../../src/web/registry/instrument-form-values.js";
import { inSentence } from "../../src/web/registry/labels.js";
import { RELATION_FILLS, SELECTED_FILL } from "../../src/web/registry/map/map-colors.js";
import { payloadText } from "../../src/web/registry/payload-text.js";
import { caveatText, type ReasonContext, reasonText } from "../../src/web/registry/reason-text.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});

const NAMES: Record<string, Record<string, string>> = {
  en: { RU: "Russia", KH: "Cambodia" },
  ru: { RU: "Россия", KH: "Камбоджа" },
};

function context(locale: "en" | "ru"): ReasonContext {
  return {
    t: i18n.getFixedT(locale) as TFunction,
    locale,
    stateName: (code) => NAMES[locale]?.[code] ?? code,
    date: (iso) => iso,
  };
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The codes the resolver can produce, read from its types, so that a new code fails here. */
function codesOf(typeName: "Reason" | "Caveat"): string[] {
  const source = readFileSync(path.join(root, "src/domain/registry/resolver.ts"), "utf8");
  const start = source.indexOf(`export type ${typeName} =`);
  const end = source.indexOf(";\n", start);
  return [...source.slice(start, end).matchAll(/code: "([a-z_]+)"/g)].map((match) => match[1] ?? "");
}

const REASONS: Record<string, Record<string, unknown>> = {
  in_force_for_both: { code: "in_force_for_both", since: "2019-02-12" },
  not_a_party: { code: "not_a_party", state: "KH" },
  signed_only: { code: "signed_only", state: "KH", on: "2017-03-23" },
  not_yet_in_force: { code: "not_yet_in_force", state: "KH", from: "2027-01-01" },
  withdrawn: { code: "withdrawn", state: "RU", on: "2022-03-16" },
  expired: { code: "expired", on: "2025-12-31" },
  suspended: { code: "suspended", state: "RU" },
  excluded_by_reservation: { code: "excluded_by_reservation", state: "KH", reservation: "own_nationals" },
  wrong_subject: { code: "wrong_subject", subjects: ["legal_training", "mla"] },
  under_negotiation: { code: "under_negotiation", stage: "draft_agreed", on: "2023-11-30" },
  superseded_by: { code: "superseded_by", instrumentId: "x", instrumentCode: "CHISINAU2002" },
  non_binding: { code: "non_binding" },
  reciprocity: { code: "reciprocity" },
};

const CAVEATS: Record<string, Record<string, unknown>> = {
  offence_scope: { code: "offence_scope", subjects: ["corruption"] },
  own_nationals_may_be_refused: { code: "own_nationals_may_be_refused", state: "KH" },
  derived_entry_into_force: { code: "derived_entry_into_force", state: "RU" },
  party_list_as_of: { code: "party_list_as_of", asOf: "2014-07-10" },
  unverified_facts: { code: "unverified_facts" },
  undated_action: { code: "undated_action", state: "RU", action: "ratification" },
  demo_data: { code: "demo_data" },
};

describe("resolver reasons and caveats in the interface languages", () => {
  it("every reason and caveat code of the resolver has a sentence in English and Russian", () => {
    const reasonCodes = codesOf("Reason");
    const caveatCodes = codesOf("Caveat");
    expect(reasonCodes.length).toBeGreaterThan(10);
    expect(caveatCodes.length).toBeGreaterThan(5);
    for (const locale of ["en", "ru"] as const) {
      for (const code of reasonCodes) {
        const text = reasonText(REASONS[code] ?? { code }, context(locale));
        expect(text, `${locale} reason ${code}`).toBeTruthy();
        expect(text).not.toMatch(/\{\{|registry\./);
      }
      for (const code of caveatCodes) {
        const text = caveatText(CAVEATS[code] ?? { code }, context(locale));
        expect(text, `${locale} caveat ${code}`).toBeTruthy();
        expect(text).not.toMatch(/\{\{|registry\./);
      }
    }
  });

  it("puts the parameters into the sentence: states by name, dates, subjects, stages", () => {
    expect(reasonText(REASONS.not_a_party!, context("en"))).toBe("Cambodia is not a party");
    expect(reasonText(REASONS.not_a_party!, context("ru"))).toBe("Камбоджа не является участником");
    expect(reasonText(REASONS.in_force_for_both!, context("en"))).toBe(
      "In force for both states since 2019-02-12",
    );
    expect(reasonText({ code: "in_force_for_both", since: null }, context("en"))).toBe(
      "In force for both states",
    );
    expect(reasonText(REASONS.excluded_by_reservation!, context("ru"))).toContain(
      "собственные граждане не выдаются",
    );
    expect(reasonText(REASONS.wrong_subject!, context("en"))).toBe(
      "Does not cover this kind of request (it covers: legal training and mutual legal assistance)",
    );
    expect(reasonText(REASONS.under_negotiation!, context("ru"))).toBe(
      "Ведутся переговоры (последний этап: проект согласован, 2023-11-30)",
    );
    expect(reasonText(REASONS.superseded_by!, context("en"))).toContain("CHISINAU2002");
    expect(caveatText(CAVEATS.party_list_as_of!, context("ru"))).toBe(
      "Сведения об участниках по состоянию на 2014-07-10",
    );
    expect(caveatText(CAVEATS.undated_action!, context("en"))).toBe(
      "Russia: “Ratification” is recorded without a date",
    );
  });

  it("returns null for a code it does not know, so that the English explanation is shown", () => {
    expect(reasonText({ code: "something_new" }, context("en"))).toBeNull();
    expect(caveatText({ code: "something_new" }, context("ru"))).toBeNull();
  });
});

describe("party list age", () => {
  it("counts whole years, also from partial dates", () => {
    expect(ageInYears("2014-07-10", "2026-11-23")).toBe(12);
    expect(ageInYears("2014-12-10", "2026-11-23")).toBe(11);
    expect(ageInYears("2006", "2026-11-23")).toBe(20);
    expect(ageInYears("not a date", "2026-11-23")).toBeNull();
  });

  it("flags lists a year old or more", () => {
    expect(isStale("2025-11-22", "2026-11-23")).toBe(true);
    expect(isStale("2026-01-01", "2026-11-23")).toBe(false);
    expect(isStale(null, "2026-11-23")).toBe(false);
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});

describe("reservation payloads", () => {
  const t = i18n.getFixedT("en") as TFunction;
  it("renders each structured payload readably", () => {
    expect(payloadText({ kind: "own_nationals", subjects: ["extradition"] }, t, "en")).toBe(
      "Does not extradite its own nationals (extradition)",
    );
    expect(payloadText({ kind: "central_authority", authority: "Ministry of Justice" }, t, "en")).toBe(
      "Central authority: Ministry of Justice",
    );
    expect(payloadText({ kind: "languages", languages: ["en", "ru"] }, t, "en")).toBe(
      "Accepted languages: English and Russian",
    );
    expect(payloadText({ kind: "channels", channels: ["diplomatic", "interpol"] }, t, "en")).toBe(
      "Channels of communication: Diplomatic channels and INTERPOL",
    );
    expect(payloadText(null, t, "en")).toBeNull();
  });

  it("keeps acronyms when a label is used inside a sentence", () => {
    expect(inSentence("Mutual legal assistance")).toBe("mutual legal assistance");
    expect(inSentence("INTERPOL")).toBe("INTERPOL");
  });
});

describe("CSV import problems", () => {
  it("lists the server's problems by line, in line order", () => {
    const error = new ApiError(400, "invalid_csv", "2 row(s) have problems", [
      { path: "line 12: date", message: '"1999-13-10" is not a date' },
      { path: "line 3: state", message: '"XX" is not a state' },
      { path: "body.csv", message: "empty" },
    ]);
    expect(csvProblems(error)).toEqual([
      { line: null, field: "csv", message: "empty" },
      { line: 3, field: "state", message: '"XX" is not a state' },
      { line: 12, field: "date", message: '"1999-13-10" is not a date' },
    ]);
  });
});

describe("the instrument form", () => {
  const filled = {
    ...EMPTY_INSTRUMENT,
    code: " ru-th-prog-2023 ",
    kind: "cooperation_programme",
    titleEn: "Programme of Cooperation",
    subjects: ["general_cooperation"],
    binding: false,
    level: "interagency",
    termStart: "2023-03-01",
    termEnd: "2025-02-28",
    durationMonths: "24",
    intendedStates: ["RU", "TH"],
    sources: [{ key: "s", kind: "press_release", title: "Press release", url: "", date: "", note: "" }],
  };

  it("builds a body the shared schema accepts (blanks left out, code in capitals)", () => {
    const body = newInstrumentBody(filled);
    const parsed = createInstrumentSchema.safeParse(body);
    expect(parsed.success).toBe(true);
    expect(body.code).toBe("RU-TH-PROG-2023");
    expect(body.titleRu).toBeNull();
    expect(body.durationMonths).toBe(24);
    expect(body.intendedParties).toEqual([
      { type: "state", code: "RU" },
      { type: "state", code: "TH" },
    ]);
  });

  it("refuses a create without a source, and a term that ends before it starts", () => {
    const parsed = createInstrumentSchema.safeParse(
      newInstrumentBody({ ...filled, sources: [], termEnd: "2022-01-01" }),
    );
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")) ?? [];
    expect(paths).toContain("sources");
  });

  it("sends only what changed when editing", () => {
    const detail = {
      ...newInstrumentBody(filled),
      titleRu: null,
      titleOriginal: null,
      originalLanguage: null,
      shortTitle: null,
      identifiers: [],
      organisation: null,
      openedForSignature: null,
      place: null,
      entryIntoForce: null,
      entryIntoForceDelayDays: null,
      depositaryUrl: null,
      texts: [],
      notes: null,
      sources: [{ kind: "press_release", title: "Press release" }],
      intendedParties: [
        {
          type: "state" as const,
          code: "RU",
          agencyId: null,
          state: "RU",
          nameEn: "Russia",
          nameRu: "Россия",
        },
      ],
      kind: "cooperation_programme" as const,
      subjects: ["general_cooperation" as const],
      level: "interagency" as const,
      scope: "bilateral" as const,
      termStart: "2023-03-01",
      termEnd: "2025-02-28",
      durationMonths: 24,
    };
    const values = valuesFromDetail(detail);
    const before = instrumentFields(values);
    expect(changedFields(instrumentFields(values), before)).toEqual({});
    const changes = changedFields(instrumentFields({ ...values, place: "Bangkok" }), before);
    expect(changes).toEqual({ place: "Bangkok" });
    expect(updateInstrumentSchema.safeParse(changes).success).toBe(true);
  });
});

describe("the map's colours", () => {
  it("gives every relation its own colour, different from the chosen state's", () => {
    const fills = MAP_RELATIONS.map((relation) => RELATION_FILLS[relation].toLowerCase());
    expect(new Set([...fills, SELECTED_FILL.toLowerCase()]).size).toBe(MAP_RELATIONS.length + 1);
  });
});
