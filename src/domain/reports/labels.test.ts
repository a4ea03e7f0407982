import { describe, expect, it } from "vitest";
import { CASE_KINDS, CASE_STATUSES, DIRECTIONS } from "../cases/vocabulary.js";
import { REFUSAL_GROUNDS } from "../rules/vocabulary.js";
import {
  AGE_BAND_LABELS,
  budapestLabel,
  DIMENSION_LABELS,
  fixedLabel,
  GROUND_LABELS,
  GROUP_LABELS,
  KIND_LABELS,
  MEASURE_LABELS,
  OUTCOME_LABELS,
  REGION_LABELS,
  STATUS_LABELS,
  timeLabel,
} from "./labels.js";
import { REGIONS } from "./schemas.js";
import {
  AGE_BANDS,
  DECISION_OUTCOMES,
  OFFENCE_GROUP_CODES,
  REPORT_DIMENSIONS,
  REPORT_MEASURES,
} from "./vocabulary.js";

const filled = (label: { en: string; ru: string } | null | undefined) =>
  label !== null && label !== undefined && label.en.trim() !== "" && /[а-яё]/i.test(label.ru);

describe("report labels", () => {
  it("names every code of every vocabulary in English and Russian", () => {
    const vocabularies: [string, readonly string[], Record<string, { en: string; ru: string }>][] = [
      ["measures", REPORT_MEASURES, MEASURE_LABELS],
      ["dimensions", REPORT_DIMENSIONS, DIMENSION_LABELS],
      ["kinds", CASE_KINDS, KIND_LABELS],
      ["statuses", CASE_STATUSES, STATUS_LABELS],
      ["outcomes", DECISION_OUTCOMES, OUTCOME_LABELS],
      ["grounds", REFUSAL_GROUNDS.filter((code) => code !== "ne_bis_in_idem"), GROUND_LABELS],
      ["age bands", AGE_BANDS.map((band) => band.code), AGE_BAND_LABELS],
      ["regions", REGIONS, REGION_LABELS],
      ["groups", OFFENCE_GROUP_CODES, GROUP_LABELS],
    ];
    const missing = vocabularies.flatMap(([name, codes, labels]) =>
      codes.filter((code) => !filled(labels[code])).map((code) => `${name}: ${code}`),
    );
    expect(missing).toEqual([]);
    for (const direction of DIRECTIONS) expect(filled(fixedLabel("direction", direction))).toBe(true);
  });

  it("names months, quarters and years as a table heading does", () => {
    expect(timeLabel("month", "2026-03")).toEqual({ en: "March 2026", ru: "Март 2026" });
    expect(timeLabel("quarter", "2025-Q4")).toEqual({ en: "Q4 2025", ru: "4-й квартал 2025 г." });
    expect(timeLabel("year", "2021")).toEqual({ en: "2021", ru: "2021" });
    expect(fixedLabel("month", "2026-13")).toEqual({ en: "2026-13", ru: "2026-13" });
  });

  it("names Budapest Convention articles, and a ground it does not know as written", () => {
    expect(budapestLabel("budapest:8")).toEqual({
      en: "Budapest Convention, art. 8: computer-related fraud",
      ru: "Будапештская конвенция, ст. 8: мошенничество с использованием компьютерных технологий",
    });
    expect(fixedLabel("ground", "made_up_ground")).toEqual({ en: "made_up_ground", ru: "made_up_ground" });
    expect(fixedLabel("ground", "none")?.en).toBe("No ground recorded");
    expect(fixedLabel("partner", "KZ")).toBeNull();
  });
});
