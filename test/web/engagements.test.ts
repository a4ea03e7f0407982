import i18next, { type TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseStateCode } from "../../src/domain/directory/state-codes.js";
import {
  answerInvitationSchema,
  createEngagementSchema,
  DUE_STATES,
  type EngagementDetail,
  outcomeInputSchema,
  updateActionItemSchema,
  updateEngagementSchema,
} from "../../src/domain/engagements/schemas.js";
import * as vocabulary from "../../src/domain/engagements/vocabulary.js";
import { parseInstant, parseIsoDate, parsePartialIsoDate } from "../../src/domain/platform/dates.js";
import { ApiError } from "../../src/web/api/client.js";
import { actionFiltersFrom, actionItemQuery, dueOrder } from "../../src/web/engagements/action-filters.js";
import { actionItemChanges, actionItemValues } from "../../src/web/engagements/action-item-values.js";
import {
  byMonth,
  monthFrom,
  monthWeeks,
  onDay,
  partOfRange,
  shiftMonth,
  vagueIn,
} from "../../src/web/engagements/calendar.js";
import {
  type EngagementFormValues,
  emptyEngagementValues,
  engagementBody,
  engagementChanges,
  engagementFormPath,
  newAgendaItem,
  newParticipant,
  newSourceRow,
  remapEngagementErrors,
  valuesFromDetail,
} from "../../src/web/engagements/engagement-form-values.js";
import {
  fileProblemText,
  IMPORT_MAX_RECORDS,
  importProblemRows,
  parseImportFile,
  recordsWithProblems,
} from "../../src/web/engagements/import-values.js";
import { acceptBody, acceptValues, type Invitation } from "../../src/web/engagements/invitation-values.js";
import {
  capitalised,
  formatEngagementDates,
  formatMonth,
  formatPartialDate,
  MONTH_KEYS,
  otherTitle,
  titleIn,
  WEEKDAY_KEYS,
} from "../../src/web/engagements/labels.js";
import { engagementFiltersFrom, searchOf } from "../../src/web/engagements/list-filters.js";
import {
  initialOutcomeValues,
  outcomeBody,
  remapOutcomeErrors,
} from "../../src/web/engagements/outcome-values.js";
import { ownerFields, ownerValue } from "../../src/web/engagements/owners.js";
import {
  mayRemoveOutcome,
  removalBlock,
  removalEffect,
  removalRefusalKey,
} from "../../src/web/engagements/remove-outcome-values.js";
import { zodFieldErrors } from "../../src/web/forms/form-errors.js";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";
import { subjectLabel, subjectPath } from "../../src/web/notifications/subject-paths.js";

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

/** Each word list of src/domain/engagements/vocabulary.ts and where its labels live. */
const VOCABULARY_LABELS: Record<string, string> = {
  ENGAGEMENT_KINDS: "engagements.vocab.kinds",
  ENGAGEMENT_STATUSES: "engagements.vocab.statuses",
  DATE_PRECISIONS: "engagements.form.dateModes",
  PARTICIPANT_ROLES: "engagements.vocab.roles",
  OUTCOME_KINDS: "engagements.vocab.outcomeKinds",
  COMMITMENT_KINDS: "engagements.vocab.commitmentKinds",
  INVITATION_DIRECTIONS: "engagements.vocab.invitationDirections",
  INVITATION_STATUSES: "engagements.vocab.invitationStatuses",
  ACTION_STATUSES: "engagements.vocab.actionStatuses",
};
/** Subsets of a labelled list, and numbers (days), which are not words. */
const NOT_WORDS = new Set(["CLOSED_ACTION_STATUSES", "ACTION_REMINDER_DAYS"]);

const day = parseIsoDate;

/** The field problems of a failed parse, as the forms show them. */
function problems(result: { success: boolean; error?: z.ZodError }, t: TFunction): Record<string, string> {
  if (result.success || !result.error) throw new Error("expected the values to be refused");
  return zodFieldErrors(result.error, t);
}
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

describe("engagement vocabulary labels", () => {
  const lists = (Object.entries(vocabulary) as [string, unknown][]).filter(
    (entry): entry is [string, readonly string[]] => Array.isArray(entry[1]),
  );

  it("every word list has a place for its labels", () => {
    expect(
      lists.map(([name]) => name).filter((name) => !(name in VOCABULARY_LABELS) && !NOT_WORDS.has(name)),
    ).toEqual([]);
  });

  it("every word has an English and a Russian label", () => {
    const missing = lists
      .filter(([name]) => name in VOCABULARY_LABELS)
      .flatMap(([name, values]) => missingLabels(VOCABULARY_LABELS[name] ?? "", values));
    expect(missing).toEqual([]);
    expect(missingLabels("engagements.vocab.dueStates", DUE_STATES)).toEqual([]);
    expect(missingLabels("engagements.form.dateModes", ["day", "range", "month", "year"])).toEqual([]);
    expect(missingLabels("engagements.form.participantModes", ["directory", "new", "delegation"])).toEqual(
      [],
    );
    expect(missingLabels("engagements.dates.months", MONTH_KEYS)).toEqual([]);
    expect(missingLabels("engagements.dates.inDate", MONTH_KEYS)).toEqual([]);
    expect(missingLabels("engagements.calendar.weekdays", WEEKDAY_KEYS)).toEqual([]);
    expect(missingLabels("engagements.calendar.weekdaysShort", WEEKDAY_KEYS)).toEqual([]);
    expect(
      missingLabels("engagements.errors", [
        "unknown_person",
        "unknown_team",
        "unknown_case",
        "invitation_answered",
        "action_item_closed",
        "outcome_in_use",
        "stale_version",
      ]),
    ).toEqual([]);
  });

  it("counted nouns have the three Russian forms and the English two", () => {
    const counted = [
      "engagements.list.count",
      "engagements.actions.count",
      "engagements.actions.changes",
      "engagements.actions.openCount",
      "engagements.actions.overdueCount",
      "engagements.home.overdue",
      "engagements.home.dueSoon",
      "engagements.home.more",
    ];
    for (const key of counted) {
      expect(
        missingLabels(
          key.slice(0, key.lastIndexOf(".")),
          ["one", "few", "many", "other"].map((form) => `${key.slice(key.lastIndexOf(".") + 1)}_${form}`),
        ),
      ).toEqual([]);
    }
  });

  it("Russian numbers agree with their nouns: 1 поручение, 3 поручения, 5 поручений, 21 поручение", () => {
    const items = (count: number, t: TFunction) =>
      t("engagements.actions.count", { count, total: String(count) });
    expect([1, 3, 5, 11, 21, 24].map((count) => items(count, tRu))).toEqual([
      "1 поручение",
      "3 поручения",
      "5 поручений",
      "11 поручений",
      "21 поручение",
      "24 поручения",
    ]);
    expect([1, 2].map((count) => items(count, tEn))).toEqual(["1 action item", "2 action items"]);
    expect(tRu("engagements.list.count", { count: 2, total: "2" })).toBe("Найдено 2 мероприятия");
    expect(tRu("engagements.list.count", { count: 25, total: "25" })).toBe("Найдено 25 мероприятий");
    expect(tRu("engagements.actions.overdueCount", { count: 1 })).toBe("1 просроченное");
    expect(tRu("engagements.actions.overdueCount", { count: 4 })).toBe("4 просроченных");
    expect(tRu("engagements.actions.changes", { count: 2 })).toBe("2 записи");
    expect(tEn("engagements.actions.changes", { count: 1 })).toBe("1 entry");
  });
});

describe("engagement dates in words", () => {
  const dates = (startOn: string, endOn: string | null, precision: "day" | "month" | "year", t: TFunction) =>
    formatEngagementDates({ startOn, endOn, precision }, t);

  it("a day, and a range within a month", () => {
    expect(dates("2025-05-26", "2025-05-26", "day", tEn)).toBe("26 May 2025");
    expect(dates("2025-05-26", "2025-05-26", "day", tRu)).toBe("26 мая 2025 г.");
    expect(dates("2025-05-26", "2025-05-27", "day", tEn)).toBe("26–27 May 2025");
    expect(dates("2025-05-26", "2025-05-27", "day", tRu)).toBe("26–27 мая 2025 г.");
    expect(dates("2025-05-26", null, "day", tEn)).toBe("26 May 2025");
  });

  it("a range across months and across years; Russian months in the genitive", () => {
    expect(dates("2025-05-30", "2025-06-02", "day", tEn)).toBe("30 May – 2 June 2025");
    expect(dates("2025-05-30", "2025-06-02", "day", tRu)).toBe("30 мая – 2 июня 2025 г.");
    expect(dates("2024-12-30", "2025-01-02", "day", tEn)).toBe("30 December 2024 – 2 January 2025");
    expect(dates("2024-12-30", "2025-01-02", "day", tRu)).toBe("30 декабря 2024 г. — 2 января 2025 г.");
    expect(dates("2025-03-08", "2025-03-08", "day", tRu)).toBe("8 марта 2025 г.");
  });

  it("a month or a year when the sources say no more, the month in the nominative", () => {
    expect(dates("2021-01-01", "2021-01-31", "month", tEn)).toBe("January 2021");
    expect(dates("2021-01-01", "2021-01-31", "month", tRu)).toBe("январь 2021 г.");
    expect(dates("2021-01-01", "2021-12-31", "year", tEn)).toBe("2021");
    expect(dates("2021-01-01", "2021-12-31", "year", tRu)).toBe("2021 г.");
    expect(capitalised(formatMonth(2025, 5, tRu))).toBe("Май 2025 г.");
  });

  it("an invitation's partial date as a year, a month or a day", () => {
    expect(formatPartialDate("2025", tRu)).toBe("2025 г.");
    expect(formatPartialDate("2025-09", tRu)).toBe("сентябрь 2025 г.");
    expect(formatPartialDate("2025-09-14", tRu)).toBe("14 сентября 2025 г.");
    expect(formatPartialDate("2025-09", tEn)).toBe("September 2025");
  });

  it("titles in the interface language, the other one beneath", () => {
    const titled = { titleEn: "Working visit to Cambodia", titleRu: "Рабочий визит в Камбоджу" };
    expect(titleIn(titled, "ru")).toBe("Рабочий визит в Камбоджу");
    expect(titleIn(titled, "en")).toBe("Working visit to Cambodia");
    expect(otherTitle(titled, "ru")).toEqual({ text: "Working visit to Cambodia", lang: "en" });
    expect(titleIn({ titleEn: "UNTOC", titleRu: null }, "ru")).toBe("UNTOC");
  });
});

/** A visit with two participants: one of the directory, one added on the spot. */
function visitValues(): EngagementFormValues {
  const values = emptyEngagementValues("2025-05-01");
  const head = newParticipant("RU", "head_of_delegation");
  head.personId = ID(1);
  const guest = newParticipant("KH", "host");
  guest.mode = "new";
  guest.newPerson = {
    nameEn: "Chea Leang",
    nameRu: "Чеа Леанг",
    titleEn: "Prosecutor General",
    titleRu: "Генеральный прокурор",
    agencyId: ID(2),
  };
  return {
    ...values,
    kind: "outgoing_visit",
    titleEn: "Working visit to Cambodia",
    titleRu: "Рабочий визит в Королевство Камбоджа",
    status: "held",
    dateMode: "range",
    startOn: "2025-05-26",
    endOn: "2025-05-27",
    city: " Phnom Penh ",
    placeState: "KH",
    hostState: "KH",
    hostAgencyId: ID(2),
    states: ["RU", "KH"],
    participants: [head, guest],
    agenda: [
      { ...newAgendaItem(), text: "Legal training" },
      newAgendaItem(),
      { ...newAgendaItem(), text: "Direct flights" },
    ],
    sources: [
      newSourceRow(),
      { ...newSourceRow(), title: "Press release", url: "https://example.org/visit" },
    ],
  };
}

describe("the engagement form", () => {
  it("turns a visit with a directory person and a new person into a valid request", () => {
    const body = engagementBody(visitValues());
    const parsed = createEngagementSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body).toMatchObject({
      startOn: "2025-05-26",
      endOn: "2025-05-27",
      precision: "day",
      city: "Phnom Penh",
      agenda: ["Legal training", "Direct flights"],
      sources: [{ title: "Press release", url: "https://example.org/visit", publishedOn: null }],
    });
    expect(body.participants?.[0]).toEqual({
      side: "RU",
      role: "head_of_delegation",
      note: null,
      personId: ID(1),
      newPerson: null,
      agencyId: null,
    });
    expect(body.participants?.[1]?.newPerson).toEqual({
      nameEn: "Chea Leang",
      nameRu: "Чеа Леанг",
      titleEn: "Prosecutor General",
      titleRu: "Генеральный прокурор",
      agencyId: ID(2),
    });
    expect(body.participants?.[1]?.personId).toBeNull();
  });

  it("dates a month or a year by its first day, with the precision", () => {
    const month = engagementBody({ ...visitValues(), dateMode: "month", month: "2021-01" });
    expect(month).toMatchObject({ startOn: "2021-01-01", endOn: null, precision: "month" });
    const year = engagementBody({ ...visitValues(), dateMode: "year", year: "2021" });
    expect(year).toMatchObject({ startOn: "2021-01-01", endOn: null, precision: "year" });
    const single = engagementBody({ ...visitValues(), dateMode: "day" });
    expect(single).toMatchObject({ startOn: "2025-05-26", endOn: null, precision: "day" });
  });

  it("shows the schema's and the server's problems on the form's own fields", () => {
    const values = visitValues();
    values.participants[0] = { ...values.participants[0]!, personId: null };
    values.endOn = "2025-05-20";
    const body = engagementBody(values);
    const parsed = createEngagementSchema.safeParse(body);
    expect(parsed.success).toBe(false);
    const errors = remapEngagementErrors(problems(parsed, tEn), values);
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(["participants.0.personId", "endOn"]));
    // The server's paths: a blank agenda row that was left out is counted back in.
    expect(engagementFormPath("agenda.1", values)).toBe("agenda.2.text");
    expect(engagementFormPath("sources.0.url", values)).toBe("sources.1.url");
    expect(engagementFormPath("participants.1.personId", values)).toBe("participants.1.newPerson.nameEn");
    expect(engagementFormPath("participants.1.newPerson.agencyId", values)).toBe(
      "participants.1.newPerson.agencyId",
    );
    expect(engagementFormPath("startOn", { ...values, dateMode: "month" })).toBe("month");
    expect(engagementFormPath("startOn", { ...values, dateMode: "year" })).toBe("year");
  });

  it("edits send only what changed, and the dates together", () => {
    const detail = engagementDetail();
    const initial = valuesFromDetail(detail, "en");
    expect(initial.dateMode).toBe("range");
    expect(initial.participants[0]).toMatchObject({
      mode: "directory",
      personId: ID(1),
      personLabel: "Vladimir Ivanov",
    });
    const before = engagementBody(initial);
    expect(engagementChanges(engagementBody(initial), before)).toEqual({});
    const retitled = engagementChanges(
      engagementBody({ ...initial, titleEn: "Working visit to the Kingdom of Cambodia" }),
      before,
    );
    expect(retitled).toEqual({ titleEn: "Working visit to the Kingdom of Cambodia" });
    const shortened = engagementChanges(engagementBody({ ...initial, dateMode: "day" }), before);
    expect(shortened).toEqual({ startOn: "2025-05-26", endOn: null, precision: "day" });
    expect(updateEngagementSchema.safeParse(shortened).success).toBe(true);
  });
});

function engagementDetail(): EngagementDetail {
  const at = parseInstant("2025-05-28T09:00:00.000Z");
  return {
    id: ID(10),
    kind: "outgoing_visit",
    titleEn: "Working visit to Cambodia",
    titleRu: "Рабочий визит в Королевство Камбоджа",
    status: "held",
    startOn: day("2025-05-26"),
    endOn: day("2025-05-27"),
    precision: "day",
    city: "Phnom Penh",
    placeState: parseStateCode("KH"),
    hostState: parseStateCode("KH"),
    states: [parseStateCode("RU"), parseStateCode("KH")],
    openActionItems: 0,
    overdueActionItems: 0,
    confidentiality: "standard",
    isDemo: false,
    hostAgency: null,
    participants: [
      {
        id: ID(11),
        side: parseStateCode("RU"),
        role: "head_of_delegation",
        person: { id: ID(1), nameEn: "Vladimir Ivanov", nameRu: "Владимир Иванов" },
        agency: null,
        position: null,
        note: null,
      },
    ],
    agenda: ["Legal training"],
    summary: null,
    notes: null,
    sources: [{ url: "https://example.org/visit", title: "Press release", publishedOn: day("2025-05-28") }],
    outcomes: [],
    actionItems: [],
    invitedAt: null,
    sourceKey: null,
    version: 3,
    createdAt: at,
    updatedAt: at,
  };
}

describe("recording an outcome", () => {
  const engagement = engagementDetail();

  it("a new instrument signed: the parties default to the engagement's states, the source falls back to the engagement's", () => {
    const values = initialOutcomeValues(engagement, "instrument_signed");
    expect(values.parties).toEqual(["RU", "KH"]);
    expect(values.date).toBe("2025-05-26");
    values.newInstrument = {
      ...values.newInstrument,
      code: "ru-kh-mou-2025",
      titleEn: "Memorandum on legal training",
      titleRu: "Меморандум о подготовке кадров",
      subjects: ["legal_training"],
    };
    const body = outcomeBody(values, engagement);
    const parsed = outcomeInputSchema.safeParse(body);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(body).toMatchObject({
      kind: "instrument_signed",
      parties: [
        { type: "state", code: "RU" },
        { type: "state", code: "KH" },
      ],
      source: null,
      newInstrument: {
        kind: "memorandum",
        level: "interagency",
        scope: "bilateral",
        sources: [
          { kind: "url", title: "Press release", url: "https://example.org/visit", date: "2025-05-28" },
        ],
      },
    });
    // The outcome's own source wins.
    const sourced = outcomeBody(
      { ...values, source: { url: "", title: "Joint communiqué", publishedOn: "2025-05-27" } },
      engagement,
    );
    expect(sourced).toMatchObject({
      source: { title: "Joint communiqué", url: null, publishedOn: "2025-05-27" },
      newInstrument: { sources: [{ kind: "document", title: "Joint communiqué", date: "2025-05-27" }] },
    });
  });

  it("an existing instrument needs to be picked; the problem shows on the picker", () => {
    const values = {
      ...initialOutcomeValues(engagement, "programme_adopted"),
      instrumentMode: "existing" as const,
    };
    const parsed = outcomeInputSchema.safeParse(outcomeBody(values, engagement));
    expect(parsed.success).toBe(false);
    expect(Object.keys(remapOutcomeErrors(problems(parsed, tEn), values))).toContain("instrumentId");
    const empty = initialOutcomeValues(engagement, "instrument_signed");
    const withoutCode = outcomeInputSchema.safeParse(outcomeBody(empty, engagement));
    const errors = remapOutcomeErrors(problems(withoutCode, tEn), empty);
    expect(Object.keys(errors)).toEqual(
      expect.arrayContaining(["newInstrument.code", "newInstrument.titleEn", "newInstrument.subjects"]),
    );
  });

  it("a proposal becomes an action item owned by a user or a team", () => {
    const values = {
      ...initialOutcomeValues(engagement),
      textEn: "To relay the proposal on direct flights to the leadership",
      action: { title: "Relay the proposal on direct flights", owner: `user:${ID(5)}`, dueOn: "2025-06-30" },
    };
    const body = outcomeBody(values, engagement);
    expect(outcomeInputSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      kind: "commitment",
      commitmentKind: "proposal",
      textRu: null,
      action: { ownerUserId: ID(5), ownerTeamId: null, dueOn: "2025-06-30" },
    });
    const noOwner = outcomeInputSchema.safeParse(
      outcomeBody({ ...values, action: { ...values.action, owner: null } }, engagement),
    );
    expect(Object.keys(remapOutcomeErrors(problems(noOwner, tEn), values))).toContain("action.owner");
    expect(ownerFields(`team:${ID(6)}`)).toEqual({ ownerUserId: null, ownerTeamId: ID(6) });
    expect(ownerValue({ type: "team", id: ID(6) })).toBe(`team:${ID(6)}`);
  });

  it("an invitation, a statement and a case discussed", () => {
    const invitation = outcomeBody(
      {
        ...initialOutcomeValues(engagement, "invitation"),
        counterpart: "Prosecutor General of Cambodia",
        counterpartState: "KH",
        eventEn: "St Petersburg International Legal Forum",
        expectedOn: "2025-09",
      },
      engagement,
    );
    expect(outcomeInputSchema.safeParse(invitation).success).toBe(true);
    const statement = outcomeBody(
      { ...initialOutcomeValues(engagement, "statement"), titleEn: "Joint statement" },
      engagement,
    );
    expect(outcomeInputSchema.safeParse(statement).success).toBe(true);
    const discussed = outcomeBody(
      { ...initialOutcomeValues(engagement, "case_discussed"), caseReference: " EXT-IN-2026-0101 " },
      engagement,
    );
    expect(discussed).toMatchObject({ kind: "case_discussed", caseReference: "EXT-IN-2026-0101" });
  });

  it("accepting an invitation plans the engagement it invites to, dated as the invitation dates it", () => {
    const invitation: Invitation = {
      kind: "invitation",
      id: ID(20),
      date: day("2025-05-27"),
      source: null,
      note: null,
      createdAt: parseInstant("2025-05-28T09:00:00.000Z"),
      direction: "extended",
      counterpart: "Prosecutor General of Cambodia",
      counterpartState: parseStateCode("KH"),
      eventEn: "St Petersburg International Legal Forum",
      eventRu: "Петербургский международный юридический форум",
      expectedOn: parsePartialIsoDate("2025-09"),
      status: "pending",
      answeredOn: null,
      engagement: null,
    };
    const values = acceptValues(invitation, engagement);
    expect(values).toMatchObject({
      kind: "incoming_visit",
      precision: "month",
      on: "2025-09",
      states: ["KH", "RU"],
    });
    const body = acceptBody(values);
    expect(answerInvitationSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({
      answer: "accepted",
      engagement: { startOn: "2025-09-01", precision: "month", status: "planned" },
    });
  });
});

describe("action items", () => {
  const item = {
    id: ID(30),
    engagement: { id: ID(10), titleEn: "Visit", titleRu: "Визит", startOn: day("2025-05-26"), isDemo: false },
    outcomeId: ID(31),
    commitmentKind: "proposal" as const,
    title: "Relay the proposal",
    owner: { type: "user" as const, id: ID(5), name: "Rita Registrar" },
    dueOn: day("2025-06-30"),
    status: "open" as const,
    dueState: "later" as const,
    closingNote: null,
    closedOn: null,
    history: [],
    version: 1,
  };

  it("a change sends what changed; closing needs a note", () => {
    const before = actionItemValues(item);
    expect(actionItemChanges({ ...before, dueOn: "2025-07-15" }, before)).toEqual({ dueOn: "2025-07-15" });
    expect(actionItemChanges({ ...before, owner: `team:${ID(6)}` }, before)).toEqual({ ownerTeamId: ID(6) });
    const done = actionItemChanges({ ...before, status: "done" }, before);
    expect(updateActionItemSchema.safeParse(done).success).toBe(false);
    const noted = actionItemChanges({ ...before, status: "done", note: "Relayed on 3 June" }, before);
    expect(updateActionItemSchema.safeParse(noted).success).toBe(true);
  });

  it("the due list's filters and order", () => {
    expect(actionItemQuery(actionFiltersFrom(new URLSearchParams()))).toEqual({ mine: "true", open: "true" });
    expect(
      actionItemQuery(actionFiltersFrom(new URLSearchParams("whose=all&status=done&overdue=true"))),
    ).toEqual({
      status: "done",
      overdue: "true",
    });
    expect(actionItemQuery(actionFiltersFrom(new URLSearchParams("status=bogus")))).toEqual({
      mine: "true",
      open: "true",
    });
    const soon = { ...item, id: ID(32), dueState: "due_soon" as const, dueOn: day("2025-06-10") };
    const late = { ...item, id: ID(33), dueState: "overdue" as const, dueOn: day("2025-06-01") };
    expect(dueOrder([item, soon, late]).map((entry) => entry.id)).toEqual([ID(33), ID(32), ID(30)]);
  });
});

describe("the list and the calendar", () => {
  it("keeps in the address only filters the API accepts", () => {
    const filters = engagementFiltersFrom(
      new URLSearchParams(
        "state=KH&kind=visit&status=held&from=2025-01-01&to=2024-12-31&participant=nope&openActions=true&q=флот",
      ),
    );
    expect(filters).toEqual({
      state: "KH",
      status: "held",
      from: "2025-01-01",
      openActions: "true",
      q: "флот",
    });
    expect(searchOf(filters, 2).toString()).toContain("page=2");
  });

  it("lays a month out in weeks from Monday, with ranges on each of their days", () => {
    const may = monthFrom("2025-05", day("2026-01-01"));
    const weeks = monthWeeks(may);
    expect(weeks[0]?.[0]).toBe("2025-04-28");
    expect(weeks[weeks.length - 1]?.[6]).toBe("2025-06-01");
    expect(weeks).toHaveLength(5);
    const visit = { startOn: "2025-05-26", endOn: "2025-05-27", precision: "day" as const };
    const vague = { startOn: "2025-05-01", endOn: "2025-05-31", precision: "month" as const };
    expect(onDay([visit, vague], day("2025-05-27"))).toEqual([visit]);
    expect(onDay([visit], day("2025-05-28"))).toEqual([]);
    expect(vagueIn([visit, vague], may)).toEqual([vague]);
    expect(partOfRange(visit, day("2025-05-26"))).toBe("first");
    expect(partOfRange(visit, day("2025-05-27"))).toBe("last");
    expect(shiftMonth(may, 8)).toEqual({ year: 2026, month: 1 });
    expect(monthFrom("2025-13", day("2025-03-04"))).toEqual({ year: 2025, month: 3 });
    expect(
      byMonth([visit, { ...visit, startOn: "2025-06-02", endOn: "2025-06-02" }]).map((group) => group.month),
    ).toEqual([
      { year: 2025, month: 5 },
      { year: 2025, month: 6 },
    ]);
  });

  it("notifications about action items and instruments lead to their pages", () => {
    expect(subjectPath({ type: "action_item", key: ID(10), title: "Relay the proposal" })).toBe(
      `/engagements/${ID(10)}`,
    );
    expect(subjectPath({ type: "instrument", key: ID(11), title: "Memorandum" })).toBe(
      `/registry/instruments/${ID(11)}`,
    );
  });

  it("names them by their title in the bell, not by the id the link uses; a case by its reference", () => {
    expect(subjectLabel({ type: "action_item", key: ID(10), title: "Relay the proposal" })).toBe(
      "Relay the proposal",
    );
    expect(subjectLabel({ type: "instrument", key: ID(11), title: "Memorandum" })).toBe("Memorandum");
    expect(subjectLabel({ type: "case", key: "DEMO-2025-0001", title: "Extradition of A." })).toBe(
      "DEMO-2025-0001",
    );
  });
});

describe("importing engagements", () => {
  const visit = { sourceKey: "2025-05:kh", kind: "outgoing_visit", titleEn: "Visit", titleRu: "Визит" };
  const call = { sourceKey: " 2025-06:call ", kind: "call", titleEn: "Call", titleRu: "Звонок" };

  it("sends a list, an {engagements} file (its note left out) or the API's {records} as {records}", () => {
    const expected = { ok: true, body: { records: [visit, call] } };
    expect(parseImportFile(JSON.stringify([visit, call]))).toEqual(expected);
    expect(
      parseImportFile(JSON.stringify({ note: "from the old register", engagements: [visit, call] })),
    ).toEqual(expected);
    expect(parseImportFile(`  ${JSON.stringify({ records: [visit, call] }, null, 2)}\n`)).toEqual(expected);
  });

  it("refuses, before sending, what is not a file of records", () => {
    const problem = (text: string) => {
      const parsed = parseImportFile(text);
      if (parsed.ok) throw new Error(`expected ${text} to be refused`);
      return parsed.problem;
    };
    expect(problem("   ")).toEqual({ kind: "empty" });
    expect(problem('[{"sourceKey": "a",}]')).toMatchObject({ kind: "notJson" });
    expect(problem('{"sourceKey": "a"}')).toEqual({ kind: "notList" });
    expect(problem('"engagements"')).toEqual({ kind: "notList" });
    expect(problem('{"engagements": [], "author": "me"}')).toEqual({
      kind: "unknownProperty",
      property: "author",
    });
    expect(problem("[]")).toEqual({ kind: "noRecords" });
    expect(problem(JSON.stringify([visit, 3, null, [visit]]))).toEqual({
      kind: "notObjects",
      records: [2, 3, 4],
    });
    expect(problem(JSON.stringify(Array.from({ length: IMPORT_MAX_RECORDS + 1 }, () => ({}))))).toEqual({
      kind: "tooMany",
      count: IMPORT_MAX_RECORDS + 1,
    });
  });

  it("explains the file's problems in English and Russian, records agreeing with their number", () => {
    expect(fileProblemText({ kind: "notObjects", records: [2] }, tEn)).toBe(
      "Record 2 is not an object: each record is an engagement in braces {…}.",
    );
    expect(fileProblemText({ kind: "notObjects", records: [2, 3] }, tEn)).toBe(
      "Records 2, 3 are not objects: each record is an engagement in braces {…}.",
    );
    expect(fileProblemText({ kind: "notObjects", records: [2] }, tRu)).toBe(
      "Запись 2 не является объектом: каждая запись — мероприятие в фигурных скобках {…}.",
    );
    expect(fileProblemText({ kind: "tooMany", count: 5002 }, tRu)).toBe(
      "В файле 5002 записи; за один раз можно импортировать не более 5000.",
    );
    expect(fileProblemText({ kind: "tooMany", count: 5005 }, tRu)).toBe(
      "В файле 5005 записей; за один раз можно импортировать не более 5000.",
    );
    expect(fileProblemText({ kind: "unknownProperty", property: "author" }, tEn)).toBe(
      "Unknown property “author”: the file has “engagements” and may have a “note”.",
    );
    expect(fileProblemText({ kind: "notJson", detail: "Unexpected token" }, tRu)).toBe(
      "Файл не является корректным JSON.",
    );
    for (const t of [tEn, tRu])
      for (const kind of ["empty", "unreadable", "notList", "noRecords", "tooLarge"] as const)
        expect(fileProblemText({ kind }, t)).not.toMatch(/engagements\.import/);
  });

  it("turns the server's 422 fields into rows by record (from 1), with the record's source key and field", () => {
    const error = new ApiError(422, "invalid_import", "2 record(s) have problems; nothing was imported.", [
      { path: "records.1.placeState", message: "Unknown state code" },
      { path: "records.0.participants.1.personId", message: "There is no such person." },
      { path: "records.1", message: "a record is an object" },
      { path: "records", message: "the file must be a list of engagements" },
    ]);
    const rows = importProblemRows(error, [visit, call]);
    expect(rows).toEqual([
      { record: null, sourceKey: null, field: "", message: "the file must be a list of engagements" },
      {
        record: 1,
        sourceKey: "2025-05:kh",
        field: "participants.1.personId",
        message: "There is no such person.",
      },
      { record: 2, sourceKey: "2025-06:call", field: "placeState", message: "Unknown state code" },
      { record: 2, sourceKey: "2025-06:call", field: "", message: "a record is an object" },
    ]);
    expect(recordsWithProblems(rows)).toBe(2);
    expect(tEn("engagements.import.problems", { count: 2 })).toBe(
      "2 records have problems. Nothing was imported: correct the file and import it again.",
    );
    expect(tRu("engagements.import.problems", { count: 1 })).toBe(
      "Ошибки в 1 записи. Ничего не импортировано: исправьте файл и импортируйте его снова.",
    );
    expect(tRu("engagements.import.problems", { count: 2 })).toBe(
      "Ошибки в 2 записях. Ничего не импортировано: исправьте файл и импортируйте его снова.",
    );
  });

  it("reads the body schema's 400 fields the same way; other failures have no rows", () => {
    const invalid = new ApiError(400, "invalid_input", "Some fields are not valid.", [
      { path: "body.records.2.agenda.0", message: "Invalid input" },
    ]);
    expect(importProblemRows(invalid, [visit, call, {}])).toEqual([
      { record: 3, sourceKey: null, field: "agenda.0", message: "Invalid input" },
    ]);
    expect(importProblemRows(new ApiError(403, "permission_denied", "No."), [visit])).toEqual([]);
    expect(importProblemRows(new Error("offline"), [visit])).toEqual([]);
  });

  it("counts in words in both languages while it imports and when it is done", () => {
    expect(tEn("engagements.import.importing", { count: 2 })).toBe("Importing 2 records…");
    expect(tEn("engagements.import.importing", { count: 1 })).toBe("Importing 1 record…");
    expect(tRu("engagements.import.importing", { count: 1 })).toBe("Импортируется 1 запись…");
    expect(tRu("engagements.import.importing", { count: 3 })).toBe("Импортируются 3 записи…");
    expect(tRu("engagements.import.importing", { count: 11 })).toBe("Импортируется 11 записей…");
    expect(tEn("engagements.import.importedTitle", { count: 2 })).toBe("2 engagements imported");
    expect(tRu("engagements.import.importedTitle", { count: 21 })).toBe("Импортировано 21 мероприятие");
    expect(tRu("engagements.import.importedTitle", { count: 2 })).toBe("Импортировано 2 мероприятия");
    expect(tRu("engagements.import.ready", { count: 5 })).toBe("В файле 5 записей, их можно импортировать.");
  });
});

describe("removing an outcome", () => {
  const at = parseInstant("2025-05-28T09:00:00.000Z");
  const common = { date: day("2025-05-26"), source: null, note: null, createdAt: at };
  const item = {
    id: ID(40),
    engagement: { id: ID(10), titleEn: "Visit", titleRu: "Визит", startOn: day("2025-05-26"), isDemo: false },
    outcomeId: ID(41),
    commitmentKind: "agreement" as const,
    title: "Send the training programme",
    owner: { type: "user" as const, id: ID(5), name: "Rita Registrar" },
    dueOn: day("2025-06-30"),
    status: "open" as const,
    dueState: "later" as const,
    closingNote: null,
    closedOn: null,
    history: [],
    version: 1,
  };
  const commitment = {
    ...common,
    kind: "commitment" as const,
    id: ID(41),
    commitmentKind: "agreement" as const,
    textEn: "The sides agreed to exchange training programmes.",
    textRu: null,
    actionItemId: ID(40),
  };
  const signed = {
    ...common,
    kind: "instrument_signed" as const,
    id: ID(42),
    instrument: {
      id: ID(43),
      code: "RU-KH-MOU-1",
      kind: "memorandum" as const,
      titleEn: "Memorandum",
      titleRu: null,
      termEnd: null,
    },
    parties: [],
    partyActionIds: [ID(44), ID(45)],
  };
  const invitation = {
    ...common,
    kind: "invitation" as const,
    id: ID(46),
    direction: "extended" as const,
    counterpart: "Prosecutor General of Cambodia",
    counterpartState: null,
    eventEn: "Legal Forum",
    eventRu: null,
    expectedOn: null,
    status: "pending" as const,
    answeredOn: null,
    engagement: null,
  };

  it("says what else goes: the registry's signatures, or the action item", () => {
    expect(removalEffect(signed, [])).toEqual({ kind: "signatures", count: 2, code: "RU-KH-MOU-1" });
    expect(removalEffect(commitment, [item])).toEqual({ kind: "actionItem", title: item.title });
    expect(removalEffect(invitation, [])).toEqual({ kind: "none" });
  });

  it("tells in advance what the server refuses: a done item, an accepted invitation", () => {
    expect(removalBlock(commitment, [item])).toBeNull();
    expect(removalBlock(commitment, [{ ...item, status: "dropped" as const }])).toBeNull();
    expect(removalBlock(commitment, [{ ...item, status: "done" as const }])).toBe("itemDone");
    expect(removalBlock(invitation, [])).toBeNull();
    expect(removalBlock({ ...invitation, status: "declined" as const }, [])).toBeNull();
    expect(removalBlock({ ...invitation, status: "accepted" as const }, [])).toBe("invitationAccepted");
  });

  it("needs registry.write for the registry's kinds, and explains a 409 by the outcome's kind", () => {
    const writer = { engagementsWrite: true, registryWrite: false };
    expect(mayRemoveOutcome(signed, writer)).toBe(false);
    expect(mayRemoveOutcome(signed, { ...writer, registryWrite: true })).toBe(true);
    expect(mayRemoveOutcome(commitment, writer)).toBe(true);
    expect(mayRemoveOutcome(commitment, { engagementsWrite: false, registryWrite: true })).toBe(false);
    const inUse = new ApiError(409, "outcome_in_use", "in use");
    expect(removalRefusalKey(inUse, commitment)).toBe("engagements.removeOutcome.itemDone");
    expect(removalRefusalKey(inUse, invitation)).toBe("engagements.removeOutcome.invitationAccepted");
    expect(removalRefusalKey(inUse, signed)).toBe("engagements.errors.outcome_in_use");
    expect(removalRefusalKey(new ApiError(412, "stale_version", "stale"), commitment)).toBeNull();
  });
});
