import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import {
  CASE_EVENT_TYPES,
  type CaseEventInput,
  type CaseEventType,
  caseEventPayloads,
  caseFactsSchema,
} from "../../src/domain/cases/model.js";
import { CLIENT_EVENT_TYPES, createCaseBodySchema } from "../../src/domain/cases/schemas.js";
import * as vocabulary from "../../src/domain/cases/vocabulary.js";
import { DEADLINE_STATES } from "../../src/domain/clocks/schemas.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import { FACT_QUESTIONS, REFUSAL_GROUNDS, RULE_KINDS } from "../../src/domain/rules/vocabulary.js";
import { ApiError } from "../../src/web/api/client.js";
import { actionsFor } from "../../src/web/cases/actions.js";
import { inLanguage } from "../../src/web/cases/bilingual.js";
import {
  checkEvent,
  EVENT_FORMS,
  type FieldSpec,
  FORM_EVENT_TYPES,
  initialEventValues,
  OPTION_VALUES,
  payloadOf,
} from "../../src/web/cases/event-forms.js";
import { type EventTextContext, eventLines } from "../../src/web/cases/event-text.js";
import {
  EMPTY_FACTS,
  factsFormPath,
  factsOf,
  factsValuesFrom,
  newOffence,
  newPerson,
  nextId,
} from "../../src/web/cases/facts-values.js";
import { headerAmendment, headerValues } from "../../src/web/cases/header-amendment.js";
import { NOTICE_TYPES } from "../../src/web/cases/labels.js";
import { filtersFrom } from "../../src/web/cases/list-filters.js";
import {
  parseViews,
  sameFilters,
  savableFilters,
  withoutView,
  withView,
} from "../../src/web/cases/saved-views.js";
import { serverErrorsByField } from "../../src/web/cases/server-errors.js";
import {
  checkBody,
  initialWizardValues,
  missingItems,
  newCaseBody,
  RECIPROCITY,
  randomKey,
  stepOfField,
  type WizardValues,
  wizardPath,
} from "../../src/web/cases/wizard-values.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: "en",
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tEn = i18n.getFixedT("en") as TFunction;
const tRu = i18n.getFixedT("ru") as TFunction;

type Tree = { readonly [key: string]: string | Tree };
const bundles = { en: en as unknown as Tree, ru: ru as unknown as Tree };

function leaf(tree: Tree, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);
}

/** Keys of both bundles that lack a text. */
function missingLabels(prefix: string, values: readonly string[]): string[] {
  return (["en", "ru"] as const).flatMap((language) =>
    values
      .filter((value) => {
        const text = leaf(bundles[language], `${prefix}.${value}`);
        return typeof text !== "string" || text.trim() === "";
      })
      .map((value) => `${language}: ${prefix}.${value}`),
  );
}

/** Each word list of src/domain/cases/vocabulary.ts and where its labels live. */
const VOCABULARY_LABELS: Record<string, string> = {
  CASE_KINDS: "cases.vocab.kinds",
  DIRECTIONS: "cases.vocab.directions",
  PRIORITIES: "cases.vocab.priorities",
  CONFIDENTIALITY_LEVELS: "cases.vocab.confidentiality",
  PERSON_ROLES: "cases.vocab.personRoles",
  EXTRADITION_PURPOSES: "cases.vocab.purposes",
  MEASURE_KINDS: "cases.vocab.measureKinds",
  MEASURE_STATUSES: "cases.vocab.measureStatuses",
  ASSET_TYPES: "cases.vocab.assetTypes",
  ASSET_STAGES: "cases.vocab.assetStages",
  ASSET_EXTENTS: "cases.vocab.assetExtents",
  ASSURANCE_KINDS: "cases.vocab.assuranceKinds",
  WARRANT_KINDS: "cases.vocab.warrantKinds",
  CORRESPONDENCE_CHANNELS: "cases.vocab.channels",
  CASE_STATUSES: "cases.vocab.statuses",
};

/**
 * Lists that are subsets of another (labelled there), not vocabularies of their own, and
 * file extensions, which are shown as written.
 */
const SUBSETS = new Set(["COERCIVE_MEASURES", "FILTER_STATUSES", "ACCEPTED_EXTENSIONS"]);

describe("case vocabulary labels", () => {
  const lists = (Object.entries(vocabulary) as [string, unknown][]).filter(
    (entry): entry is [string, readonly string[]] =>
      Array.isArray(entry[1]) && entry[1].every((value) => typeof value === "string"),
  );

  it("every word list of the case vocabulary has a place for its labels", () => {
    const unmapped = lists
      .map(([name]) => name)
      .filter((name) => !(name in VOCABULARY_LABELS) && !SUBSETS.has(name));
    expect(unmapped).toEqual([]);
    expect(lists.length).toBeGreaterThanOrEqual(Object.keys(VOCABULARY_LABELS).length);
  });

  it("every vocabulary value has an English and a Russian label", () => {
    const missing = lists
      .filter(([name]) => name in VOCABULARY_LABELS)
      .flatMap(([name, values]) => missingLabels(VOCABULARY_LABELS[name] ?? "", values));
    expect(missing).toEqual([]);
  });

  it("every event type has a label, and every event a client records has an action button and a hint", () => {
    expect(missingLabels("cases.vocab.eventTypes", CASE_EVENT_TYPES)).toEqual([]);
    expect(missingLabels("cases.actions", CLIENT_EVENT_TYPES)).toEqual([]);
    expect(missingLabels("cases.events.hints", CLIENT_EVENT_TYPES)).toEqual([]);
  });

  it("the rules' words, the decision outcomes, notices and deadline states have labels", () => {
    expect(missingLabels("cases.vocab.refusalGrounds", REFUSAL_GROUNDS)).toEqual([]);
    expect(missingLabels("cases.vocab.factQuestions", FACT_QUESTIONS)).toEqual([]);
    expect(missingLabels("cases.vocab.ruleKinds", RULE_KINDS)).toEqual([]);
    expect(missingLabels("cases.vocab.outcomes", caseEventPayloads.decided.shape.outcome.options)).toEqual(
      [],
    );
    expect(missingLabels("cases.vocab.noticeTypes", NOTICE_TYPES)).toEqual([]);
    expect(missingLabels("cases.vocab.deadlineStates", DEADLINE_STATES)).toEqual([]);
    expect(
      missingLabels("cases.vocab.followUpTasks", caseEventPayloads.follow_up_opened.shape.task.options),
    ).toEqual([]);
    expect(missingLabels("cases.vocab.correspondenceDirections", ["in", "out"])).toEqual([]);
  });

  it("the notice types are those of data/cases/notices.csv", async () => {
    const { readFile } = await import("node:fs/promises");
    const csv = await readFile(new URL("../../data/cases/notices.csv", import.meta.url), "utf8");
    const codes = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect([...NOTICE_TYPES].sort()).toEqual(codes.sort());
  });
});

describe("event forms", () => {
  const defaults = { today: parseIsoDate("2025-03-10"), personId: "p1", partnerState: "AM" };

  it("cover every event a client records, besides the two amendments", () => {
    const covered = new Set<string>([...FORM_EVENT_TYPES, "header_amended", "facts_amended"]);
    expect(CLIENT_EVENT_TYPES.filter((type) => !covered.has(type))).toEqual([]);
    expect(
      FORM_EVENT_TYPES.filter((type) => !(CLIENT_EVENT_TYPES as readonly string[]).includes(type)),
    ).toEqual([]);
  });

  it("name only fields of the payload, each labelled, with every date hinted", () => {
    for (const type of FORM_EVENT_TYPES) {
      const schemaFields = Object.keys(caseEventPayloads[type].shape);
      const fields = EVENT_FORMS[type] as readonly FieldSpec[];
      expect(fields.map((field) => field.name).sort(), type).toEqual([...schemaFields].sort());
      expect(
        missingLabels(
          "cases.events.fields",
          fields.map((field) => field.name),
        ),
      ).toEqual([]);
      for (const field of fields) {
        if (field.kind === "select") {
          const prefix = {
            channels: "cases.vocab.channels",
            assuranceKinds: "cases.vocab.assuranceKinds",
            outcomes: "cases.vocab.outcomes",
            measureStatuses: "cases.vocab.measureStatuses",
            assetStages: "cases.vocab.assetStages",
            assetExtents: "cases.vocab.assetExtents",
            correspondenceDirections: "cases.vocab.correspondenceDirections",
          }[field.options];
          expect(missingLabels(prefix, OPTION_VALUES[field.options])).toEqual([]);
        }
      }
    }
    expect(missingLabels("cases.events.onHint", FORM_EVENT_TYPES)).toEqual([]);
  });

  it("start from today, the person sought and the partner state, and give a valid payload", () => {
    const values = initialEventValues("provisional_arrest", defaults);
    expect(values).toEqual({ on: "2025-03-10", personId: "p1", place: "" });
    const check = checkEvent("provisional_arrest", { ...values, place: "  Yerevan " }, tEn);
    expect(check).toEqual({
      ok: true,
      event: { type: "provisional_arrest", payload: { on: "2025-03-10", personId: "p1", place: "Yerevan" } },
    });
    expect(initialEventValues("consultation_held", defaults).withState).toBe("AM");
  });

  it("name the field in error, in the interface language", () => {
    const check = checkEvent(
      "information_requested",
      initialEventValues("information_requested", defaults),
      tRu,
    );
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual(["items"]);
    const consultation = checkEvent(
      "consultation_held",
      { on: "2025-03-10", withState: "AM", summary: " " },
      tEn,
    );
    expect(consultation.ok).toBe(false);
    if (!consultation.ok) expect(Object.keys(consultation.errors)).toEqual(["summary"]);
  });

  it("send the grounds of a refusal, and none with a grant", () => {
    const grounds = [{ key: "g", ruleId: "E24-3.1", code: "political_offence", note: "" }];
    const refused = payloadOf("decided", { on: "2025-04-01", outcome: "refused", grounds, decidedBy: "" });
    expect(refused).toEqual({
      on: "2025-04-01",
      outcome: "refused",
      grounds: [{ ruleId: "E24-3.1", code: "political_offence", note: null }],
      decidedBy: null,
    });
    expect(
      checkEvent("decided", { on: "2025-04-01", outcome: "refused", grounds, decidedBy: "" }, tEn).ok,
    ).toBe(true);
    const granted = payloadOf("decided", { on: "2025-04-01", outcome: "granted", grounds, decidedBy: "" });
    expect(granted.grounds).toEqual([]);
    const uncoded = checkEvent(
      "decided",
      {
        on: "2025-04-01",
        outcome: "refused",
        grounds: [{ key: "g", ruleId: "", code: null, note: "" }],
        decidedBy: "",
      },
      tEn,
    );
    expect(uncoded.ok ? [] : Object.keys(uncoded.errors)).toEqual(["grounds.0.code"]);
  });

  it("map the server's field problems onto the form", () => {
    const error = new ApiError(400, "invalid_input", "bad", [
      { path: "body.payload.on", message: "a date" },
      { path: "body.payload.items.1", message: "too long" },
    ]);
    const errors = serverErrorsByField(error, (path) =>
      path.replace(/^payload\./, "").replace(/^items\.\d+$/, "items"),
    );
    expect(errors).toEqual({ on: "a date", items: "too long" });
    expect(serverErrorsByField(new Error("x"), (path) => path)).toEqual({});
  });
});

function wizard(changes: Partial<WizardValues> = {}): WizardValues {
  return { ...initialWizardValues(parseIsoDate("2025-01-14")), ...changes };
}

describe("the new-case wizard", () => {
  it("builds a body the API accepts, with the received date for an incoming request only", () => {
    const values = wizard({
      kind: "extradition",
      requestingState: "AM",
      requestedState: "RU",
      reference: "EXT-IN-2025-0001",
      title: "Extradition to Armenia",
      basis: "0f7c3a5e-8a43-4f8e-9a4b-5c7f2d1e9b10",
      basisArticles: " art. 56-62 ",
      purpose: "prosecution",
      facts: {
        ...EMPTY_FACTS,
        offences: [
          {
            ...newOffence([]),
            article: "Criminal Code of Armenia, art. 190",
            description: "Fraud",
            maximumPenaltyMonths: 120,
          },
        ],
        persons: [{ ...newPerson([], "sought"), fullName: "A. Petrosyan", nationalities: ["AM"] }],
      },
    });
    const check = checkBody(values);
    expect(check.ok).toBe(true);
    const body = newCaseBody(values);
    expect(createCaseBodySchema.safeParse(body).success).toBe(true);
    expect(body.receivedOn).toBe("2025-01-14");
    expect(body.header.legalBasis).toEqual({
      type: "instrument",
      instrumentId: "0f7c3a5e-8a43-4f8e-9a4b-5c7f2d1e9b10",
      articles: "art. 56-62",
    });
    expect(body.facts?.offences?.[0]).toMatchObject({ id: "o1", maximumPenaltyMonths: 120, political: null });
    expect(newCaseBody({ ...values, direction: "outgoing" }).receivedOn).toBeUndefined();
    expect(newCaseBody({ ...values, basis: RECIPROCITY }).header.legalBasis).toEqual({
      type: "reciprocity",
      note: null,
    });
  });

  it("lists what a complete request still lacks, by kind", () => {
    expect(missingItems(wizard({ kind: "extradition" }))).toEqual([
      "title",
      "legalBasis",
      "offence",
      "personSought",
    ]);
    expect(missingItems(wizard({ kind: "mla", title: "Bank records", basis: RECIPROCITY }))).toEqual([
      "measure",
    ]);
    expect(missingItems(wizard({ kind: "asset_recovery", title: "Assets", basis: RECIPROCITY }))).toEqual([
      "asset",
    ]);
  });

  it("sends the user to the step of a field in error", () => {
    expect(wizardPath("body.header.title")).toBe("title");
    expect(wizardPath("header.legalBasis.instrumentId")).toBe("basis");
    expect(wizardPath("facts.assets.0.value.amount")).toBe("facts.assets.0.amount");
    expect(wizardPath("facts.offences.1.political")).toBe("facts.offences.1.answers.political");
    expect(wizardPath("receivedOn")).toBe("receivedOn");
    expect(stepOfField("facts.persons.0.fullName")).toBe("facts");
    expect(stepOfField("basis")).toBe("basis");
    expect(stepOfField("reference")).toBe("request");
  });

  it("reports a bad reference and a bad amount on their fields", () => {
    const check = checkBody(
      wizard({
        requestingState: "AM",
        requestedState: "RU",
        reference: "a b",
        title: "T",
        facts: {
          ...EMPTY_FACTS,
          assets: [
            {
              key: "k",
              id: "a1",
              type: "cash",
              description: "Cash",
              amount: "12,5x",
              currency: "eur",
              valuedOn: "",
              holder: "",
              location: "",
              locationState: null,
              original: {},
            },
          ],
        },
      }),
    );
    expect(check.ok).toBe(false);
    if (!check.ok) {
      const paths = check.issues.map((issue) => wizardPath(issue.path.map(String).join(".")));
      expect(paths).toContain("reference");
      expect(paths).toContain("facts.assets.0.amount");
    }
  });

  it("makes a fresh UUID per submission", () => {
    const key = randomKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomKey()).not.toBe(key);
  });
});

describe("facts as the form edits them", () => {
  it("round-trip, keeping notices, warrants, statuses and stages", () => {
    const facts = caseFactsSchema.parse({
      offences: [{ id: "o1", article: "Art. 1", description: "D", political: false, sentenceMonths: null }],
      persons: [
        { id: "p1", role: "sought" as const, fullName: "X", otherNames: ["Икс"], nationalities: ["KH"] },
      ],
      measures: [{ id: "m1", kind: "freezing" as const, description: "F", status: "executed" as const }],
      assets: [
        {
          id: "a1",
          type: "bank_account" as const,
          description: "Account",
          value: { amount: "100.5", currency: "EUR" },
          stage: "frozen" as const,
        },
      ],
      notices: [{ id: "n1", type: "red", number: "A-1/1-2025" }],
      warrants: [],
      personConsented: true,
    });
    const back = caseFactsSchema.parse(factsOf(factsValuesFrom(facts)));
    expect(back.notices).toEqual(facts.notices);
    expect(back.measures[0]?.status).toBe("executed");
    expect(back.assets[0]).toMatchObject({ stage: "frozen", value: { amount: "100.5", currency: "EUR" } });
    expect(back.offences[0]?.political).toBe(false);
    expect(back.offences[0]?.military).toBeNull();
    expect(back.persons[0]?.otherNames).toEqual(["Икс"]);
    expect(back.personConsented).toBe(true);
  });

  it("give new rows the next free id", () => {
    expect(nextId("o", ["o1", "o3"])).toBe("o2");
    expect(nextId("p", [])).toBe("p1");
    expect(factsFormPath("persons.0.nationalities.2")).toBe("facts.persons.0.nationalities");
  });
});

describe("saved views", () => {
  it("keep the structured filters, never the search text", () => {
    expect(savableFilters({ q: "Petrosyan", status: "refused", kind: "extradition" })).toEqual({
      status: "refused",
      kind: "extradition",
    });
    const views = withView([], { name: " Refusals ", filters: { q: "x", status: "refused" } });
    expect(views).toEqual([{ name: "Refusals", filters: { status: "refused" } }]);
    expect(JSON.stringify(views)).not.toContain('x"');
  });

  it("replace a view of the same name, delete by name and survive bad storage", () => {
    let views = withView([], { name: "Urgent", filters: { priority: "urgent" } });
    views = withView(views, { name: "urgent", filters: { priority: "high" } });
    expect(views).toEqual([{ name: "urgent", filters: { priority: "high" } }]);
    expect(withoutView(views, "urgent")).toEqual([]);
    expect(parseViews("not json")).toEqual([]);
    expect(
      parseViews(
        JSON.stringify([{ name: "", filters: {} }, { name: "A", filters: { q: "secret", kind: "mla" } }, 3]),
      ),
    ).toEqual([{ name: "A", filters: { kind: "mla" } }]);
  });

  it("recognise the filters shown", () => {
    expect(sameFilters({ status: "refused", q: "a" }, { status: "refused" })).toBe(true);
    expect(sameFilters({ status: "refused" }, { status: "granted" })).toBe(false);
  });
});

describe("list filters from the address", () => {
  it("keep only what the API accepts", () => {
    const params = new URLSearchParams(
      "status=refused&kind=bogus&state=AM&teamId=nope&overdue=true&dueWithinDays=7&sort=-openedOn&q=fraud&priority=urgent",
    );
    expect(filtersFrom(params)).toEqual({
      status: "refused",
      state: "AM",
      overdue: "true",
      dueWithinDays: "7",
      sort: "-openedOn",
      q: "fraud",
      priority: "urgent",
    });
  });
});

describe("actions and amendments", () => {
  it("offer only the events allowed, and measure or asset changes only when there is one", () => {
    const facts = caseFactsSchema.parse(factsOf(EMPTY_FACTS));
    const actions = actionsFor({
      allowedEventTypes: [
        "decided",
        "consultation_held",
        "measure_status_changed",
        "correspondence_logged",
        "facts_amended",
      ],
      facts,
    });
    expect(actions).toEqual({
      lifecycle: ["consultation_held", "decided"],
      filing: ["correspondence_logged", "facts_amended"],
    });
  });

  it("send only the header fields that changed", () => {
    const view = {
      header: {
        kind: "mla",
        direction: "incoming",
        reference: "MLA-1",
        requestingState: "AM",
        requestedState: "RU",
        title: "Old",
        priority: "normal",
        confidentiality: "secret",
        summary: "S",
      },
    } as unknown as Parameters<typeof headerValues>[0];
    const before = headerValues(view);
    expect(headerAmendment(before, before)).toEqual({});
    expect(headerAmendment(before, { ...before, title: " New ", summary: "" })).toEqual({
      title: "New",
      summary: null,
    });
    expect(headerAmendment(before, { ...before, priority: "urgent" })).toEqual({ priority: "urgent" });
  });
});

describe("timeline sentences", () => {
  const context = (t: TFunction): EventTextContext => ({
    t,
    date: (iso) => iso,
    stateName: (code) =>
      ({ AM: t("cases.vocab.directions.incoming") === "Входящий" ? "Армения" : "Armenia" })[code] ?? code,
    personName: (id) => (id === "p1" ? "A. Petrosyan" : id),
    measureName: (id) => id,
    assetName: (id) => id,
    teamName: (id) => id,
  });

  /** An event as the API sends it: its payload read with the contract's schema. */
  const event = (type: CaseEventType, payload: unknown) =>
    ({ type, payload: caseEventPayloads[type].parse(payload) }) as CaseEventInput;

  it("say what a refusal, an arrest and a consultation were, in both languages", () => {
    const decided = event("decided", {
      on: "2025-04-01",
      outcome: "refused",
      grounds: [{ code: "political_offence", ruleId: "E24-3.1" }],
    });
    expect(eventLines(decided, context(tEn))).toEqual(["Refused", "• Political offence (E24-3.1)"]);
    expect(eventLines(decided, context(tRu))).toEqual(["Отказано", "• Политическое преступление (E24-3.1)"]);
    expect(
      eventLines(
        event("provisional_arrest", { on: "2025-01-14", personId: "p1", place: "Moscow" }),
        context(tEn),
      ),
    ).toEqual(["Person: A. Petrosyan", "Place: Moscow"]);
    expect(
      eventLines(
        event("consultation_held", { on: "2025-02-01", withState: "AM", summary: "Call" }),
        context(tRu),
      ),
    ).toEqual(["С государством: Армения", "Call"]);
    expect(
      eventLines(
        event("header_amended", {
          header: { title: "x", teamId: "0f7c3a5e-8a43-4f8e-9a4b-5c7f2d1e9b10", requestingAgencyId: null },
        }),
        context(tEn),
      ),
    ).toEqual(["Changed: Requesting authority, Team, Title"]);
  });

  it("word every type of event without failing", () => {
    const samples: Partial<Record<CaseEventType, unknown>> = {
      received: { on: "2025-01-10", channel: "diplomatic" },
      follow_up_opened: { on: "2025-04-02", task: "domestic_prosecution", ruleId: "E24-6.2" },
      correspondence_logged: { on: "2025-01-11", direction: "out", channel: "email", summary: "Sent" },
      closed: { on: "2025-05-01" },
    };
    expect(eventLines(event("received", samples.received), context(tEn))).toEqual([
      "Channel: Diplomatic channels",
    ]);
    expect(eventLines(event("follow_up_opened", samples.follow_up_opened), context(tRu))).toHaveLength(2);
    expect(
      eventLines(event("correspondence_logged", samples.correspondence_logged), context(tEn)),
    ).toHaveLength(3);
    expect(eventLines(event("closed", samples.closed), context(tEn))).toEqual([]);
  });
});

describe("texts the server sends in both languages", () => {
  it("are read in the interface language, the other standing in for an empty one", () => {
    expect(inLanguage({ en: "40 days", ru: "40 дней" }, "ru")).toBe("40 дней");
    expect(inLanguage({ en: "40 days", ru: "" }, "ru")).toBe("40 days");
    expect(inLanguage({ en: "", ru: "40 дней" }, "en")).toBe("40 дней");
  });
});
