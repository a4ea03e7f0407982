import { describe, expect, it } from "vitest";
import { type Briefing, briefingSchema } from "../../domain/engagements/schemas.js";
import type { DatePrecision } from "../../domain/engagements/vocabulary.js";
import { parseIsoDate } from "../../domain/platform/dates.js";
import {
  type BriefingLanguage,
  briefingDocument,
  formatDay,
  formatEngagementDates,
  renderBriefingPdf,
} from "./briefing-pdf.js";

const ENGAGEMENT = {
  id: "6b1c4f1e-8d2a-4c3b-9f7e-2a5d8c9b0e11",
  kind: "outgoing_visit",
  titleEn: "Working visit to the Kingdom of Cambodia",
  titleRu: "Рабочий визит в Королевство Камбоджа",
  status: "planned",
  startOn: "2025-05-26",
  endOn: "2025-05-27",
  precision: "day",
  city: "Phnom Penh",
  placeState: "KH",
  hostState: "KH",
  states: ["RU", "KH"],
  openActionItems: 0,
  overdueActionItems: 0,
  confidentiality: "restricted",
  isDemo: false,
};

function briefing(overrides: Record<string, unknown> = {}): Briefing {
  return briefingSchema.parse({
    engagement: ENGAGEMENT,
    partner: "KH",
    date: "2025-05-26",
    officials: [
      {
        personId: "0f9d3c2b-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
        nameEn: "Sok Dara",
        nameRu: "Сок Дара",
        titleEn: "General Prosecutor",
        titleRu: "Генеральный прокурор",
        agencyNameEn: "General Prosecutor's Office at the Supreme Court",
        agencyNameRu: "Генеральная прокуратура при Верховном суде",
        participant: true,
      },
    ],
    instruments: [
      {
        id: "1a2b3c4d-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
        code: "KH-RU-EXT-2017",
        kind: "treaty",
        titleEn: "Treaty between the Russian Federation and the Kingdom of Cambodia on Extradition",
        titleRu: "Договор между Российской Федерацией и Королевством Камбоджа о выдаче",
        binding: true,
        ours: "in_force",
        theirs: "in_force",
        termEnd: null,
      },
    ],
    negotiations: [
      {
        id: "2a2b3c4d-1a2b-4c3d-8e4f-5a6b7c8d9e0f",
        code: "KH-RU-TSP",
        titleEn: "Treaty on the Transfer of Sentenced Persons",
        titleRu: null,
        stage: "negotiation_round",
        stageOn: "2025-03-10",
      },
    ],
    previousEngagements: [],
    caseFigures: {
      total: 3,
      rows: [
        { kind: "extradition", direction: "incoming", status: "registered", count: 2 },
        { kind: "mla", direction: "outgoing", status: "sent", count: 1 },
      ],
    },
    generatedAt: "2025-05-19T08:00:00.000Z",
    ...overrides,
  });
}

function range(startOn: string, endOn: string, precision: DatePrecision) {
  return { startOn: parseIsoDate(startOn), endOn: parseIsoDate(endOn), precision };
}

const STATES = {
  ours: { en: "Russia", ru: "Россия" },
  partner: { en: "Cambodia", ru: "Камбоджа" },
};

function documentText(language: BriefingLanguage, value = briefing()): string {
  return JSON.stringify(
    briefingDocument({ briefing: value, language, states: STATES, generatedOn: "2025-05-19" }),
  );
}

describe("the briefing pack's dates", () => {
  it("prints an engagement's dates as precisely as the sources give them", () => {
    const days = range("2025-05-26", "2025-05-27", "day");
    expect(formatEngagementDates(days, "en")).toBe("26–27 May 2025");
    expect(formatEngagementDates(days, "ru")).toBe("26–27 мая 2025 г.");
    const across = range("2025-05-30", "2025-06-02", "day");
    expect(formatEngagementDates(across, "en")).toBe("30 May – 2 June 2025");
    expect(formatEngagementDates(across, "ru")).toBe("30 мая – 2 июня 2025 г.");
    const month = range("2021-01-01", "2021-01-31", "month");
    expect(formatEngagementDates(month, "en")).toBe("January 2021");
    expect(formatEngagementDates(month, "ru")).toBe("январь 2021 г.");
    const year = range("2021-01-01", "2021-12-31", "year");
    expect(formatEngagementDates(year, "ru")).toBe("2021 г.");
    const one = range("2025-05-26", "2025-05-26", "day");
    expect(formatEngagementDates(one, "en")).toBe("26 May 2025");
    expect(formatDay("2025-12-31", "en")).toBe("31 December 2025");
    expect(formatDay("2025-12-31", "ru")).toBe("31 декабря 2025 г.");
  });
});

describe("the briefing pack's document", () => {
  it("has every section, in English, from the data", () => {
    const text = documentText("en");
    for (const expected of [
      "BRIEFING PACK",
      "RESTRICTED",
      "Working visit to the Kingdom of Cambodia",
      "26–27 May 2025",
      "Phnom Penh",
      "1. Officials of Cambodia and their positions",
      "Sok Dara",
      "2. Instruments between the two states and their status on 26 May 2025",
      "KH-RU-EXT-2017",
      "In force",
      "3. Negotiations in progress",
      "Round of negotiations",
      "10 March 2025",
      "4. Previous engagements and open action items",
      "No earlier engagement with the counterpart is recorded.",
      "5. Cases between the two states",
      "Registered",
      "Total",
      "Counts only, by kind, direction and status; no case is named.",
    ])
      expect(text).toContain(expected);
  });

  it("has every section in Russian, the English title standing in for a missing Russian one", () => {
    const text = documentText("ru");
    for (const expected of [
      "СПРАВОЧНЫЕ МАТЕРИАЛЫ",
      "ОГРАНИЧЕННЫЙ ДОСТУП",
      "Рабочий визит в Королевство Камбоджа",
      "26–27 мая 2025 г.",
      "1. Должностные лица и их должности: Камбоджа",
      "Генеральный прокурор",
      "2. Документы между двумя государствами и их статус на 26 мая 2025 г.",
      "Действует",
      "3. Ведущиеся переговоры",
      "Раунд переговоров",
      "Treaty on the Transfer of Sentenced Persons",
      "4. Предыдущие мероприятия и невыполненные поручения",
      "5. Дела между двумя государствами",
      "Зарегистрирован",
      "Всего",
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain("Registered");
  });

  it("says so when a section has nothing", () => {
    const text = documentText(
      "en",
      briefing({ officials: [], instruments: [], negotiations: [], caseFigures: { total: 0, rows: [] } }),
    );
    expect(text).toContain(
      "The directory lists no official of the counterpart holding a position on this date.",
    );
    expect(text).toContain("The registry records no instrument on which both states have acted.");
    expect(text).toContain("The registry records no negotiations in progress between the two states.");
    expect(text).toContain("No case between the two states is recorded.");
  });

  it("renders a PDF in both languages, long lists over several pages", async () => {
    const many = briefing({
      instruments: Array.from({ length: 60 }, (_, index) => ({
        id: `1a2b3c4d-1a2b-4c3d-8e4f-${String(index).padStart(12, "0")}`,
        code: `TEST-${index}`,
        kind: "convention",
        titleEn: `Convention number ${index}`,
        titleRu: `Конвенция № ${index}`,
        binding: true,
        ours: "in_force",
        theirs: "signed",
        termEnd: "2030-01-01",
      })),
    });
    for (const language of ["en", "ru"] as const) {
      const pdf = await renderBriefingPdf({
        briefing: many,
        language,
        states: STATES,
        generatedOn: "2025-05-19",
        compress: false,
      });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
      expect((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    }
  });
});
