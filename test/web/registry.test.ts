import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import {
  createInstrumentSchema,
  type ResolverCaveat,
  type ResolverReason,
  resolverCaveatSchema,
  resolverReasonSchema,
  updateInstrumentSchema,
} from "../../src/domain/registry/schemas.js";
import { MAP_RELATIONS } from "../../src/domain/registry/vocabulary.js";
import { ApiError } from "../../src/web/api/client.js";
import { changedFields } from "../../src/web/forms/form-helpers.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";
import { csvProblems } from "../../src/web/registry/csv-problems.js";
import {
  EMPTY_INSTRUMENT,
  instrumentFields,
  newInstrumentBody,
  valuesFromDetail,
} from "../../src/web/registry/instrument-form-values.js";
import { inSentence } from "../../src/web/registry/labels.js";
import { RELATION_FILLS, SELECTED_FILL } from "../../src/web/registry/map/map-colors.js";
import { isStale, partyListAge } from "../../src/web/registry/party-list-age.js";
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

/** One sample of every reason and caveat of the contract: a new code fails to compile here. */
const REASON_SAMPLES = {
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
  superseded_by: {
    code: "superseded_by",
    instrumentId: "0f7c3a5e-8a43-4f8e-9a4b-5c7f2d1e9b10",
    instrumentCode: "CHISINAU2002",
  },
  non_binding: { code: "non_binding" },
  reciprocity: { code: "reciprocity" },
} satisfies { [C in ResolverReason["code"]]: Extract<z.input<typeof resolverReasonSchema>, { code: C }> };

const CAVEAT_SAMPLES = {
  offence_scope: { code: "offence_scope", subjects: ["corruption"] },
  own_nationals_may_be_refused: { code: "own_nationals_may_be_refused", state: "KH" },
  derived_entry_into_force: { code: "derived_entry_into_force", state: "RU" },
  party_list_as_of: { code: "party_list_as_of", asOf: "2014-07-10" },
  unverified_facts: { code: "unverified_facts" },
  undated_action: { code: "undated_action", state: "RU", action: "ratification" },
  demo_data: { code: "demo_data" },
} satisfies { [C in ResolverCaveat["code"]]: Extract<z.input<typeof resolverCaveatSchema>, { code: C }> };

/** The samples as the web app receives them: read with the contract's schemas. */
const REASONS = Object.fromEntries(
  Object.entries(REASON_SAMPLES).map(([code, sample]) => [code, resolverReasonSchema.parse(sample)]),
) as Record<ResolverReason["code"], ResolverReason>;
const CAVEATS = Object.fromEntries(
  Object.entries(CAVEAT_SAMPLES).map(([code, sample]) => [code, resolverCaveatSchema.parse(sample)]),
) as Record<ResolverCaveat["code"], ResolverCaveat>;

describe("resolver reasons and caveats in the interface languages", () => {
  it("every reason and caveat code of the contract has a sentence in English and Russian", () => {
    const reasonCodes = resolverReasonSchema.options.map((option) => option.shape.code.value);
    const caveatCodes = resolverCaveatSchema.options.map((option) => option.shape.code.value);
    expect(Object.keys(REASONS).sort()).toEqual([...reasonCodes].sort());
    expect(Object.keys(CAVEATS).sort()).toEqual([...caveatCodes].sort());
    for (const locale of ["en", "ru"] as const) {
      for (const code of reasonCodes) {
        const text = reasonText(REASONS[code], context(locale));
        expect(text, `${locale} reason ${code}`).toBeTruthy();
        expect(text).not.toMatch(/\{\{|registry\./);
      }
      for (const code of caveatCodes) {
        const text = caveatText(CAVEATS[code], context(locale));
        expect(text, `${locale} caveat ${code}`).toBeTruthy();
        expect(text).not.toMatch(/\{\{|registry\./);
      }
    }
  });

  it("puts the parameters into the sentence: states by name, dates, subjects, stages", () => {
    expect(reasonText(REASONS.not_a_party, context("en"))).toBe("Cambodia is not a party");
    expect(reasonText(REASONS.not_a_party, context("ru"))).toBe("Камбоджа не является участником");
    expect(reasonText(REASONS.in_force_for_both, context("en"))).toBe(
      "In force for both states since 2019-02-12",
    );
    expect(reasonText({ code: "in_force_for_both", since: null }, context("en"))).toBe(
      "In force for both states",
    );
    expect(reasonText(REASONS.excluded_by_reservation, context("ru"))).toContain(
      "собственные граждане не выдаются",
    );
    expect(reasonText(REASONS.wrong_subject, context("en"))).toBe(
      "Does not cover this kind of request (it covers: legal training and mutual legal assistance)",
    );
    expect(reasonText(REASONS.under_negotiation, context("ru"))).toBe(
      "Ведутся переговоры (последний этап: проект согласован, 2023-11-30)",
    );
    expect(reasonText(REASONS.superseded_by, context("en"))).toContain("CHISINAU2002");
    expect(caveatText(CAVEATS.party_list_as_of, context("ru"))).toBe(
      "Сведения об участниках по состоянию на 2014-07-10",
    );
    expect(caveatText(CAVEATS.undated_action, context("en"))).toBe(
      "Russia: “Ratification” is recorded without a date",
    );
  });
});

describe("party list age", () => {
  const today = parseIsoDate("2026-11-23");
  it("counts whole years to the office's today, also from partial dates", () => {
    expect(partyListAge("2014-07-10", today)).toBe(12);
    expect(partyListAge("2014-12-10", today)).toBe(11);
    expect(partyListAge("2006", today)).toBe(20);
    expect(partyListAge("2025-12", today)).toBe(0);
    expect(partyListAge("2027-01-01", today)).toBe(0);
    expect(partyListAge("not a date", today)).toBeNull();
    expect(partyListAge("2025-02-30", today)).toBeNull();
  });

  it("flags lists a year old or more", () => {
    expect(isStale("2025-11-22", today)).toBe(true);
    expect(isStale("2025-11-23", today)).toBe(true);
    expect(isStale("2025-11-24", today)).toBe(false);
    expect(isStale("2026-01-01", today)).toBe(false);
    expect(isStale(null, today)).toBe(false);
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
      sources: [{ kind: "press_release" as const, title: "Press release" }],
      intendedParties: [
        {
          type: "state" as const,
          code: "RU",
          agencyId: null,
          state: parseStateCode("RU"),
          nameEn: "Russia",
          nameRu: "Россия",
        },
      ],
      kind: "cooperation_programme" as const,
      subjects: ["general_cooperation" as const],
      level: "interagency" as const,
      scope: "bilateral" as const,
      termStart: parseIsoDate("2023-03-01"),
      termEnd: parseIsoDate("2025-02-28"),
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
