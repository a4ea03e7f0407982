import { parseCsvRecords } from "../platform/csv.js";

/**
 * The forms of state names that a sentence needs, kept as reviewed data in data/states
 * (SOURCE.md there): in English the name as it reads inside a sentence ("the Republic of
 * Korea", "the Netherlands"), in Russian the instrumental case after «с» («с Республикой
 * Беларусь», «с Францией») and whether the preposition is «с» or «со» («со Швецией»).
 */
export type StateNameForms = {
  /** "the Republic of Korea". */
  en: string;
  /** «Республикой Корея». */
  ruInstrumental: string;
  /** «с» or «со», as the instrumental form asks. */
  ruWith: "с" | "со";
};

export type StateNamesInText = ReadonlyMap<string, StateNameForms>;

/**
 * «со» before a word that begins with с, з, ш or ж and another consonant («со Швецией», «со
 * Словакией», «со Святым Престолом»), «с» otherwise («с Сербией», «с Сьерра-Леоне»).
 */
export function russianWithFor(word: string): "с" | "со" {
  return /^[СсЗзШшЖж][бвгджзйклмнпрстфхцчшщ]/.test(word) ? "со" : "с";
}

/**
 * Parses names_en_in_text.csv (code,in_text) and names_ru_instrumental.csv
 * (code,instrumental,with). A row that lacks a form, repeats a code or has a `with` other
 * than the rule's is a packaging error: it throws with the file and line.
 */
export function parseStateNamesInText(enCsv: string, ruCsv: string): Map<string, StateNameForms> {
  const english = new Map<string, string>();
  for (const { line, values } of parseCsvRecords(enCsv).records) {
    const code = values.code ?? "";
    const inText = (values.in_text ?? "").trim();
    if (!/^[A-Z]{2}$/.test(code) || inText === "")
      throw new Error(`names_en_in_text.csv, line ${line}: a code and a name are required`);
    if (english.has(code)) throw new Error(`names_en_in_text.csv, line ${line}: ${code} appears twice`);
    english.set(code, inText);
  }
  const forms = new Map<string, StateNameForms>();
  for (const { line, values } of parseCsvRecords(ruCsv).records) {
    const code = values.code ?? "";
    const instrumental = (values.instrumental ?? "").trim();
    const preposition = values.with ?? "";
    if (!/^[A-Z]{2}$/.test(code) || instrumental === "")
      throw new Error(`names_ru_instrumental.csv, line ${line}: a code and a form are required`);
    if (forms.has(code)) throw new Error(`names_ru_instrumental.csv, line ${line}: ${code} appears twice`);
    if (preposition !== russianWithFor(instrumental))
      throw new Error(
        `names_ru_instrumental.csv, line ${line}: "${preposition}" before «${instrumental}»; expected "${russianWithFor(instrumental)}"`,
      );
    const en = english.get(code);
    if (en === undefined) throw new Error(`names_en_in_text.csv: no row for ${code}`);
    forms.set(code, { en, ruInstrumental: instrumental, ruWith: preposition });
  }
  for (const code of english.keys())
    if (!forms.has(code)) throw new Error(`names_ru_instrumental.csv: no row for ${code}`);
  return forms;
}
