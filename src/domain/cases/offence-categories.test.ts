import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { noticeSchema } from "./model.js";
import { parseNoticeTypes, parseOffenceCategories, VocabularyFileError } from "./offence-categories.js";

const read = (name: string) => readFileSync(new URL(`../../../data/cases/${name}`, import.meta.url), "utf8");
const iccsCsv = read("iccs_level1_level2.csv");
const eawCsv = read("eaw_art2_2_offences.csv");
const noticesCsv = read("notices.csv");

const CYRILLIC = /[А-Яа-яЁё]/;

describe("offence categories shipped in data/cases", () => {
  const categories = parseOffenceCategories(iccsCsv, eawCsv);
  const byCode = new Map(categories.map((category) => [category.code, category]));
  const iccs = categories.filter((category) => category.scheme === "iccs");
  const eaw = categories.filter((category) => category.scheme === "eaw");

  it("holds the 11 ICCS sections, their divisions and the 32 EAW list offences, each code once", () => {
    expect(iccs.filter((category) => category.level === 1).map((category) => category.code)).toEqual([
      "01",
      "02",
      "03",
      "04",
      "05",
      "06",
      "07",
      "08",
      "09",
      "10",
      "11",
    ]);
    expect(iccs).toHaveLength(74); // 11 sections and 63 divisions
    expect(eaw.map((category) => category.code)).toEqual(
      Array.from({ length: 32 }, (_, index) => `eaw:${index + 1}`),
    );
    expect(byCode.size).toBe(categories.length);
  });

  it("links each division to its section", () => {
    expect(byCode.get("0101")).toEqual({
      code: "0101",
      scheme: "iccs",
      labelEn: "Intentional homicide",
      labelRu: "Умышленное убийство",
      level: 2,
      parent: "01",
      verified: true,
    });
    for (const division of iccs.filter((category) => category.level === 2)) {
      expect(byCode.get(division.parent!)?.level).toBe(1);
    }
  });

  it("marks what the sources did not confirm as unverified", () => {
    expect(byCode.get("0903")?.verified).toBe(true);
    expect(byCode.get("0203")?.verified).toBe(false);
    expect(byCode.get("0109")?.verified).toBe(false); // check-code
    expect(byCode.get("0907")?.verified).toBe(false); // check-label
    expect(eaw.filter((category) => category.verified).map((category) => category.code)).toEqual(
      Array.from({ length: 19 }, (_, index) => `eaw:${index + 1}`),
    );
  });

  it("has a Russian label for every category", () => {
    for (const category of categories) {
      expect(category.labelRu, category.code).toMatch(CYRILLIC);
      expect(category.labelRu).not.toBe(category.labelEn);
    }
    expect(byCode.get("eaw:21")).toMatchObject({
      labelEn: "racketeering and extortion",
      labelRu: "рэкет и вымогательство",
    });
  });

  it("falls back to English where a row has no translation, as in the shared files", () => {
    const shared = parseOffenceCategories(
      "code,level,parent,label_en,confirmed_in_source\n01,1,,Acts leading to death or intending to cause death,yes\n",
      "no,offence_en\n1,participation in a criminal organisation\n",
    );
    expect(shared.map(({ code, labelRu, verified }) => ({ code, labelRu, verified }))).toEqual([
      { code: "01", labelRu: "Acts leading to death or intending to cause death", verified: true },
      { code: "eaw:1", labelRu: "participation in a criminal organisation", verified: false },
    ]);
  });

  it("rejects a broken file with its name and line", () => {
    const header = "code,level,parent,label_en,confirmed_in_source\n";
    const attempt =
      (iccs: string, list = "no,offence_en\n") =>
      () =>
        parseOffenceCategories(iccs, list);
    expect(attempt(`${header}01,1,,Death,yes\n0201,2,02,Assaults,yes\n`)).toThrow(
      "iccs_level1_level2.csv, line 3: section 02 is not listed before 0201",
    );
    expect(attempt(`${header}01,1,,Death,yes\n0101,2,01,Homicide,maybe\n`)).toThrow(
      'line 3: unknown confirmed_in_source "maybe"',
    );
    expect(attempt(`${header}01,1,,Death,yes\n01,1,,Death,yes\n`)).toThrow("code 01 appears twice");
    expect(attempt("code,level\n01,1\n")).toThrow(VocabularyFileError);
    expect(attempt(header, "no,offence_en\n2,terrorism\n")).toThrow(
      'eaw_art2_2_offences.csv, line 2: expected item 1, found "2"',
    );
  });
});

describe("INTERPOL notice types shipped in data/cases", () => {
  const notices = parseNoticeTypes(noticesCsv);

  it("lists the notices, the UN special notice and the diffusion", () => {
    expect(notices.map((notice) => notice.code)).toEqual([
      "red",
      "yellow",
      "blue",
      "black",
      "green",
      "orange",
      "purple",
      "silver",
      "un_special",
      "diffusion",
    ]);
    expect(notices[0]).toMatchObject({
      code: "red",
      nameEn: "Red Notice",
      nameRu: "Красное уведомление",
      kind: "notice",
      colourHint: "#D0021B",
      publicExtractPossible: true,
    });
    expect(notices.find((notice) => notice.code === "diffusion")).toMatchObject({
      kind: "diffusion",
      colourHint: null,
      publicExtractPossible: false,
    });
    expect(notices.find((notice) => notice.code === "un_special")?.kind).toBe("special_notice");
  });

  it("gives codes a case can record", () => {
    for (const notice of notices) {
      expect(noticeSchema.safeParse({ id: "n1", type: notice.code, number: "A-1/2025" }).success).toBe(true);
      expect(notice.nameRu).toMatch(CYRILLIC);
    }
  });

  it("rejects an unknown kind", () => {
    const csv =
      "code,name_en,colour_hex_hint,kind,purpose_en,public_extract_possible,notes\nred,Red Notice,,warrant,To arrest,yes,\n";
    expect(() => parseNoticeTypes(csv)).toThrow(
      'notices.csv, line 2: kind must be one of notice, special_notice, diffusion, not "warrant"',
    );
  });
});
