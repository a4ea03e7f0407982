import { describe, expect, it } from "vitest";
import {
  type CaseFacts,
  type CaseHeader,
  caseFactsSchema,
  caseHeaderSchema,
} from "../../../domain/cases/model.js";
import { CONTENT_ITEMS } from "../../../domain/rules/request-content.js";
import { AppError } from "../../platform/errors.js";
import { formatPenalty, formatTerm } from "./letter-wording.js";
import {
  type LetterInstrument,
  lettersMissingItems,
  type RequestLetterInput,
  type RequiredContent,
  renderRequestLetter,
} from "./request-letter.js";

// The seed scenario (data/demo/cases.json, DEMO-EXT-IN-2025-0001): Cambodia asks Russia to
// extradite a businessman charged under arts 372 and 374 of its Criminal Code (5 to 10
// years) under the 2017 bilateral treaty; an INTERPOL Red Notice was issued.

const STATES: Record<string, { en: string; ru: string }> = {
  KH: { en: "the Kingdom of Cambodia", ru: "Королевство Камбоджа" },
  RU: { en: "the Russian Federation", ru: "Российская Федерация" },
  AM: { en: "the Republic of Armenia", ru: "Республика Армения" },
};
const stateNames = (code: string) => STATES[code] ?? { en: code, ru: code };

const TREATY_2017: LetterInstrument = {
  code: "KH-RU-EXT-2017",
  titleEn: "Treaty between the Russian Federation and the Kingdom of Cambodia on Extradition",
  titleRu: "Договор между Российской Федерацией и Королевством Камбоджа о выдаче",
};
const CETS024: LetterInstrument = {
  code: "CETS024",
  titleEn: "European Convention on Extradition",
  titleRu: "Европейская конвенция о выдаче",
};
const CETS030: LetterInstrument = {
  code: "CETS030",
  titleEn: "European Convention on Mutual Assistance in Criminal Matters",
  titleRu: "Европейская конвенция о взаимной правовой помощи по уголовным делам",
};

function seedHeader(overrides: Partial<CaseHeader> = {}): CaseHeader {
  return caseHeaderSchema.parse({
    kind: "extradition",
    direction: "incoming",
    reference: "DEMO-EXT-IN-2025-0001",
    foreignReference: "KH-MOJ-EXT-2025-014",
    requestingState: "KH",
    requestedState: "RU",
    requestingAuthority: "Ministry of Justice of the Kingdom of Cambodia",
    requestedAuthority: "Prosecutor General's Office of the Russian Federation",
    legalBasis: { type: "instrument", instrumentId: "6b1c4f1e-8d2a-4c3b-9f7e-2a5d8c9b0e11" },
    purpose: "prosecution",
    priority: "urgent",
    urgencyReason: "The person is held on a provisional arrest: the treaty's time limits run.",
    title: "Extradition to Cambodia of a businessman charged with aggravated blackmail",
    summary:
      "Cambodia seeks the extradition of a Cambodian businessman charged with aggravated blackmail under a warrant of the Phnom Penh Municipal Court.",
    ...overrides,
  });
}

function seedFacts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return caseFactsSchema.parse({
    offences: [
      {
        id: "o1",
        article: "Criminal Code of the Kingdom of Cambodia, art. 372",
        description:
          "Blackmail: obtaining money from a company director by threatening to disclose damaging information, 2023-2024, Phnom Penh.",
        maximumPenaltyMonths: 120,
        minimumPenaltyMonths: 60,
        deathPenalty: false,
        committedOn: "2024-03-15",
      },
      {
        id: "o2",
        article: "Criminal Code of the Kingdom of Cambodia, art. 374",
        description:
          "Aggravating circumstances of blackmail: threats carried out repeatedly and with accomplices.",
        maximumPenaltyMonths: 120,
        minimumPenaltyMonths: 60,
        committedOn: "2024-03-15",
      },
    ],
    persons: [
      {
        id: "p1",
        role: "sought",
        fullName: "Sokha Vannak (demo)",
        otherNames: ["Сокха Ваннак"],
        birthDate: "1979-06-02",
        nationalities: ["KH"],
        location: "Moscow",
      },
    ],
    notices: [
      { id: "n1", type: "red", number: "A-0001/1-2025 (demo)", issuedOn: "2025-01-10", personId: "p1" },
    ],
    warrants: [
      {
        id: "w1",
        kind: "arrest_warrant",
        issuedBy: "Phnom Penh Municipal Court",
        issuedOn: "2024-12-20",
        reference: "PP-2024-5531 (demo)",
        personId: "p1",
        final: false,
      },
    ],
    ...overrides,
  });
}

/** The same case as an office keeps it for a letter in Russian: names and provisions in Russian. */
function seedHeaderRu(): CaseHeader {
  return seedHeader({
    requestingAuthority: "Министерство юстиции Королевства Камбоджа",
    requestedAuthority: "Генеральная прокуратура Российской Федерации",
    title: "Выдача Камбодже предпринимателя, обвиняемого в вымогательстве при отягчающих обстоятельствах",
    summary:
      "Королевство Камбоджа просит выдать гражданина Камбоджи, обвиняемого в вымогательстве при отягчающих обстоятельствах, на основании постановления муниципального суда Пномпеня.",
    urgencyReason: "Лицо задержано: текут сроки, установленные договором.",
  });
}

function seedFactsRu(): CaseFacts {
  const facts = seedFacts();
  return {
    ...facts,
    offences: facts.offences.map((offence) => ({
      ...offence,
      article: offence.article.replace(
        "Criminal Code of the Kingdom of Cambodia, art.",
        "Уголовный кодекс Королевства Камбоджа, ст.",
      ),
      description:
        offence.id === "o1"
          ? "Вымогательство, Пномпень, 2023-2024 гг."
          : "Вымогательство, совершённое неоднократно и группой лиц.",
    })),
    warrants: facts.warrants.map((warrant) => ({ ...warrant, issuedBy: "Муниципальный суд Пномпеня" })),
  };
}

/** What a rule of the legal basis requires, read against the facts by the real item definitions. */
function requiredContentOf(items: readonly string[], header: CaseHeader, facts: CaseFacts): RequiredContent {
  return {
    items: items.map((item) => {
      const definition = CONTENT_ITEMS[item];
      if (!definition) throw new Error(`unknown content item ${item}`);
      const finding = definition.find(header, facts);
      return {
        item,
        labelEn: definition.labelEn,
        labelRu: definition.labelRu,
        present: finding.present,
        hintEn: finding.present === true ? null : finding.hintEn,
        hintRu: finding.present === true ? null : finding.hintRu,
      };
    }),
  };
}

const E24_12 = ["arrest_warrant_or_conviction", "statement_of_offences", "text_of_law", "person_description"];
const M30_14 = [
  "requesting_authority",
  "object_and_reason",
  "identity_and_nationality",
  "service_address",
  "summary_of_facts",
];

function seedInput(overrides: Partial<RequestLetterInput> = {}): RequestLetterInput {
  const header = overrides.header ?? seedHeader();
  const facts = overrides.facts ?? seedFacts();
  return {
    header,
    facts,
    language: "en",
    instrument: TREATY_2017,
    stateNames,
    requiredContent: requiredContentOf(E24_12, header, facts),
    issuedOn: "2025-02-14",
    compress: false,
    ...overrides,
  };
}

describe("the extradition letter of the seed scenario", () => {
  it("is a PDF in English with the treaty, the warrant, the offences, the law and the person", async () => {
    const pdf = await renderRequestLetter(seedInput());
    const document = readPdf(pdf);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    expect(document.pageCount).toBeGreaterThanOrEqual(1);
    expect(document.info.Title).toBe("Request for extradition — DEMO-EXT-IN-2025-0001");
    expect(document.info.Creator).toBe("Comity");
    expect(document.info.Subject).toBe(seedHeader().title);

    const text = document.text;
    expect(text).toContain("Ministry of Justice of the Kingdom of Cambodia");
    expect(text).toContain("Our ref.: KH-MOJ-EXT-2025-014");
    expect(text).toContain("Date: 14 February 2025");
    expect(text).toContain("URGENT");
    expect(text).toContain("Prosecutor General's Office of the Russian Federation");
    expect(text).toContain(
      "This request is made under the Treaty between the Russian Federation and the Kingdom of Cambodia on Extradition.",
    );
    expect(text).toContain(
      "The Ministry of Justice of the Kingdom of Cambodia requests the extradition of Sokha Vannak (demo) to the Kingdom of Cambodia for the purpose of criminal prosecution",
    );
    expect(text).toContain("Warrant of arrest No. PP-2024-5531 (demo) of 20 December 2024");
    expect(text).toContain("Phnom Penh Municipal Court");
    expect(text).toContain("art. 372");
    expect(text).toContain("art. 374");
    expect(text).toContain("imprisonment from 5 to 10 years");
    expect(text).toContain("15 March 2024");
    expect(text).toContain("(Annex 2)");
    expect(text).toContain("Сокха Ваннак");
    expect(text).toContain("2 June 1979");
    expect(text).toContain("INTERPOL Red Notice No. A-0001/1-2025 (demo), 10 January 2025");
    expect(text).toContain("Please accept the assurances of our highest consideration.");
    expect(text).not.toContain("DRAFT");
    // The sections of the request, in the order of art. 12(2).
    expectInOrder(text, [
      "1. Warrant of arrest or judgment",
      "2. Statement of the offences",
      "3. Text of the applicable law",
      "4. Description of the person sought",
      "Annexes:",
    ]);
    // Blank lines to sign, no invented signatory.
    expect(text).toMatch(/Name:\s*_{10,}/);
    expect(text).toMatch(/Title:\s*_{10,}/);
    // The Cyrillic of the other name is drawn with glyphs that map back to U+04xx.
    expect(document.cyrillicGlyphs).toBeGreaterThan(0);
  });

  it("is a PDF in Russian with the Russian formulas", async () => {
    const header = seedHeaderRu();
    const facts = seedFactsRu();
    const pdf = await renderRequestLetter(
      seedInput({ header, facts, language: "ru", requiredContent: requiredContentOf(E24_12, header, facts) }),
    );
    const document = readPdf(pdf);
    expect(document.info.Title).toBe("Запрос о выдаче — DEMO-EXT-IN-2025-0001");
    const text = document.text;
    expect(text).toContain("Генеральная прокуратура Российской Федерации");
    expect(text).toContain("ст. 372");
    expect(text).toContain("Исх. №: KH-MOJ-EXT-2025-014");
    expect(text).toContain("Дата: 14 февраля 2025 г.");
    expect(text).toContain("СРОЧНО");
    expect(text).toContain(
      "Правовое основание запроса: Договор между Российской Федерацией и Королевством Камбоджа о выдаче.",
    );
    expect(text).toContain(
      "Министерство юстиции Королевства Камбоджа просит о выдаче запрашивающему государству для привлечения к уголовной ответственности",
    );
    expect(text).toContain("Постановление об аресте № PP-2024-5531 (demo) от 20 декабря 2024 г.");
    expect(text).toContain("лишение свободы на срок от 5 до 10 лет");
    expect(text).toContain("Красное уведомление Интерпола № A-0001/1-2025 (demo), 10 января 2025 г.");
    expect(text).toContain("Королевство Камбоджа");
    expect(text).toContain("(приложение 2)");
    expect(text).toContain("Пользуясь случаем, выражаем уверения в нашем высоком уважении.");
    expectInOrder(text, [
      "1. Постановление об аресте или приговор",
      "2. Изложение преступлений",
      "3. Текст применимого закона",
      "4. Описание разыскиваемого лица",
      "Приложения:",
    ]);
    expect(text).toMatch(/Ф\. И\. О\.:\s*_{10,}/);
    expect(text).toContain("М. П.");
  });

  it("writes its own formulas in Russian when the case is recorded in English", async () => {
    const text = readPdf(await renderRequestLetter(seedInput({ language: "ru" }))).text;
    expect(text).toContain("Правовое основание запроса: Договор между Российской Федерацией");
    expect(text).toContain("4. Описание разыскиваемого лица");
    expect(text).toContain("Гражданство");
    expect(text).toContain("Королевство Камбоджа");
    expect(text).toContain("2 июня 1979 г.");
    // Provisions stay as recorded.
    expect(text).toContain("art. 372");
  });

  it("cites CETS 024 art. 12 when the European Convention is the basis", async () => {
    const text = readPdf(await renderRequestLetter(seedInput({ instrument: CETS024 }))).text;
    expect(text).toContain(
      "This request is made under the European Convention on Extradition (CETS 024), art. 12.",
    );
    const russian = readPdf(
      await renderRequestLetter(seedInput({ instrument: CETS024, language: "ru" })),
    ).text;
    expect(russian).toContain(
      "Правовое основание запроса: Европейская конвенция о выдаче (СЕД № 024), ст. 12.",
    );
  });

  it("gives the undertaking when the request rests on reciprocity", async () => {
    const header = seedHeader({ legalBasis: { type: "reciprocity", note: null } });
    const text = readPdf(await renderRequestLetter(seedInput({ header, instrument: null }))).text;
    expect(text).toContain(
      "This request is made on the basis of reciprocity, no treaty applicable to it being in force between the Kingdom of Cambodia and the Russian Federation. The Kingdom of Cambodia undertakes to consider, in accordance with its law, requests of the Russian Federation for extradition in comparable cases.",
    );
    const russian = readPdf(
      await renderRequestLetter(seedInput({ header, instrument: null, language: "ru" })),
    ).text;
    expect(russian).toContain("на основе взаимности");
    expect(russian).toContain(
      "Королевство Камбоджа гарантирует рассмотрение в соответствии со своим законодательством аналогичных запросов запрашиваемого государства о выдаче.",
    );
  });

  it("compresses its streams unless told not to", async () => {
    const pdf = await renderRequestLetter(seedInput({ compress: undefined }));
    expect(pdf.toString("latin1")).toContain("/FlateDecode");
    expect(pdf.toString("latin1").startsWith("%PDF-")).toBe(true);
  });
});

describe("a request for mutual legal assistance under CETS 030", () => {
  const header = caseHeaderSchema.parse({
    kind: "mla",
    direction: "outgoing",
    reference: "MLA-OUT-2026-00031",
    foreignReference: "AM-PGO-2026-118",
    requestingState: "RU",
    requestedState: "AM",
    requestingAuthority: "Prosecutor General's Office of the Russian Federation",
    requestedAuthority: "Prosecutor General's Office of the Republic of Armenia",
    legalBasis: { type: "instrument", instrumentId: "0c7f5a8e-2b1d-4e6f-8a9b-3c4d5e6f7a8b" },
    confidentiality: "restricted",
    title: "Fraud against investors of a construction company",
    summary:
      "Between 2022 and 2023 the suspect collected advance payments from 40 investors for flats that were never built, and moved the money to an account in Yerevan.",
  });
  const facts = caseFactsSchema.parse({
    offences: [
      {
        id: "o1",
        article: "Criminal Code of the Russian Federation, art. 159(4)",
        description: "Fraud on an especially large scale.",
        maximumPenaltyMonths: 120,
        committedOn: "2023-05-10",
      },
    ],
    persons: [
      {
        id: "p1",
        role: "suspect",
        fullName: "Oleg Sidorov (demo)",
        nationalities: ["RU"],
        location: "Yerevan, 12 Abovyan Street",
      },
      {
        id: "p2",
        role: "witness",
        fullName: "Anna Grigoryan (demo)",
        nationalities: ["AM"],
        location: "Yerevan, 5 Tumanyan Street",
      },
    ],
    measures: [
      {
        id: "m1",
        kind: "bank_information",
        description: "Statements of account 2205 at Ameriabank, 2022-2024.",
      },
      {
        id: "m2",
        kind: "witness_hearing",
        description: "Hearing of Anna Grigoryan on the payments she received.",
      },
      { id: "m3", kind: "service_of_documents", description: "Service of the summons on Oleg Sidorov." },
    ],
    assets: [
      {
        id: "a1",
        type: "bank_account",
        description: "Account 2205 at Ameriabank",
        value: { amount: "310000.00", currency: "USD" },
        holder: "Oleg Sidorov (demo)",
        locationState: "AM",
      },
    ],
  });

  it("lists the requesting authority, the investigation, the facts, the measures, the persons and the purpose", async () => {
    const pdf = await renderRequestLetter({
      header,
      facts,
      language: "en",
      instrument: CETS030,
      stateNames,
      requiredContent: requiredContentOf(M30_14, header, facts),
      issuedOn: "2026-11-23",
      compress: false,
    });
    const document = readPdf(pdf);
    expect(document.info.Title).toBe(
      "Request for mutual legal assistance in criminal matters — MLA-OUT-2026-00031",
    );
    const text = document.text;
    expect(text).toContain("Our ref.: MLA-OUT-2026-00031");
    expect(text).toContain("Your ref.: AM-PGO-2026-118");
    expect(text).toContain("CONFIDENTIAL");
    expect(text).toContain(
      "This request is made under the European Convention on Mutual Assistance in Criminal Matters (CETS 030).",
    );
    expect(text).toContain("Banking information: Statements of account 2205 at Ameriabank, 2022-2024.");
    expect(text).toContain("Hearing of a witness: Hearing of Anna Grigoryan");
    expect(text).toContain("Service of documents: Service of the summons on Oleg Sidorov.");
    expect(text).toContain("Whereabouts or address for service");
    expect(text).toContain("Yerevan, 12 Abovyan Street");
    expect(text).toContain("imprisonment of up to 10 years");
    expect(text).toContain("310000.00 USD");
    expect(text).toContain(
      "The proceedings are conducted by the Prosecutor General's Office of the Russian Federation.",
    );
    expect(text).toContain("kept confidential");
    expectInOrder(text, [
      "1. Requesting authority",
      "2. Subject and nature of the investigation",
      "3. Summary of the facts",
      "4. Assistance requested",
      "5. Persons concerned",
      "6. Assets",
      "7. Purpose of the request",
    ]);
    expect(text).not.toContain("Annexes:");
  });

  it("reads in Russian", async () => {
    const text = readPdf(
      await renderRequestLetter({
        header,
        facts,
        language: "ru",
        instrument: CETS030,
        stateNames,
        requiredContent: requiredContentOf(M30_14, header, facts),
        issuedOn: "2026-11-23",
        compress: false,
      }),
    ).text;
    expect(text).toContain(
      "Правовое основание запроса: Европейская конвенция о взаимной правовой помощи по уголовным делам (СЕД № 030).",
    );
    expect(text).toContain("Получение банковских сведений:");
    expect(text).toContain("Допрос свидетеля:");
    expect(text).toContain("Вручение документов:");
    expect(text).toContain("Подозреваемый");
    expect(text).toContain("Республика Армения");
    expect(text).toContain("лишение свободы на срок до 10 лет");
    expect(text).toContain("КОНФИДЕНЦИАЛЬНО");
    expectInOrder(text, [
      "1. Запрашивающий орган",
      "2. Предмет и характер расследования",
      "3. Краткое изложение обстоятельств дела",
      "4. Запрашиваемая помощь",
      "5. Сведения о лицах",
      "6. Имущество",
      "7. Цель запроса",
    ]);
  });
});

describe("an incomplete request", () => {
  const header = seedHeader();
  const facts = seedFacts({ warrants: [] });
  const requiredContent = requiredContentOf(E24_12, header, facts);

  it("is refused with request_incomplete unless a draft is asked for", async () => {
    const refusal = await renderRequestLetter(seedInput({ facts, requiredContent })).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ statusCode: 422, code: "request_incomplete" });
    expect((refusal as AppError).fields).toEqual([
      { path: "content.arrest_warrant_or_conviction", message: expect.stringContaining("arrest warrant") },
    ]);
  });

  it("is printed as a draft with a banner naming what is missing", async () => {
    const pdf = await renderRequestLetter(seedInput({ facts, requiredContent, draft: true }));
    const text = readPdf(pdf).text;
    expect(text).toContain(
      "DRAFT — incomplete: The conviction and sentence, detention order or arrest warrant (original or authenticated copy)",
    );
    expect(text).toContain("must not be sent");
    expect(text).toContain("[No warrant of arrest or judgment is recorded.]");
    // No annex for a warrant that is not there: the law is annex 1.
    expect(text).toContain("(Annex 1)");
    expect(text).not.toContain("(Annex 2)");

    const russian = readPdf(
      await renderRequestLetter(seedInput({ facts, requiredContent, draft: true, language: "ru" })),
    ).text;
    expect(russian).toContain("ПРОЕКТ — запрос неполон: Приговор, постановление о заключении под стражу");
  });

  it("lists each missing item once, and not those only the officer can confirm", () => {
    const other: RequiredContent = {
      items: [
        {
          item: "arrest_warrant_or_conviction",
          labelEn: "Warrant",
          labelRu: "Постановление",
          present: false,
        },
        { item: "purpose", labelEn: "Purpose", labelRu: "Цель", present: null },
      ],
    };
    const missing = lettersMissingItems([requiredContent, other]);
    expect(missing.map((item) => item.item)).toEqual(["arrest_warrant_or_conviction"]);
    expect(missing[0]).toMatchObject({ hintEn: expect.stringContaining("arrest warrant") });
    expect(lettersMissingItems(requiredContentOf(E24_12, header, seedFacts()))).toEqual([]);
    expect(lettersMissingItems({ items: [] })).toEqual([]);
  });

  it("is still printed as a marked draft when nothing is missing", async () => {
    const text = readPdf(await renderRequestLetter(seedInput({ draft: true }))).text;
    expect(text).toContain("DRAFT");
    expect(text).not.toContain("incomplete:");
  });
});

describe("a request for expedited preservation under the Budapest Convention", () => {
  const header = caseHeaderSchema.parse({
    kind: "preservation_of_data",
    direction: "outgoing",
    reference: "PRES-OUT-2026-00004",
    requestingState: "RU",
    requestedState: "AM",
    requestingAuthority: "Prosecutor General's Office of the Russian Federation",
    legalBasis: { type: "instrument", instrumentId: "1d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f5a" },
    priority: "urgent",
    urgencyReason: "The provider keeps connection logs for 30 days only.",
    title: "Ransomware attack on a regional hospital",
    summary:
      "In October 2026 the hospital's servers were encrypted; the ransom note named an e-mail account hosted in Armenia.",
  });
  const facts = caseFactsSchema.parse({
    offences: [
      {
        id: "o1",
        article: "Criminal Code of the Russian Federation, art. 273",
        description: "Creation and use of malicious software.",
        maximumPenaltyMonths: 84,
        committedOn: "2026-10-02",
      },
    ],
    persons: [{ id: "p1", role: "other", fullName: "Example Mail LLC (demo)", location: "Yerevan" }],
    measures: [
      {
        id: "m1",
        kind: "expedited_preservation",
        description:
          "Subscriber data and connection logs of the account ransom@example.am, 1-10 October 2026.",
      },
    ],
  });

  it("states the data, the custodian, the necessity and the intent to ask for the data", async () => {
    const text = readPdf(
      await renderRequestLetter({
        header,
        facts,
        language: "en",
        instrument: {
          code: "CETS185",
          titleEn: "Convention on Cybercrime",
          titleRu: "Конвенция о компьютерных преступлениях",
        },
        stateNames,
        requiredContent: { items: [] },
        issuedOn: "2026-11-23",
        compress: false,
      }),
    ).text;
    expect(text).toContain("This request is made under the Convention on Cybercrime (CETS 185), art. 29.");
    expect(text).toContain(
      "Expedited preservation of stored computer data: Subscriber data and connection logs",
    );
    expect(text).toContain("Example Mail LLC (demo), Yerevan");
    expect(text).toContain("The provider keeps connection logs for 30 days only.");
    expect(text).toContain("intends to submit a request for mutual assistance");
    expectInOrder(text, [
      "1. Requesting authority",
      "2. Subject and nature of the investigation",
      "3. Summary of the facts",
      "4. Stored computer data to be preserved",
      "5. Custodian of the data or location of the computer system",
      "6. Necessity of the preservation",
      "7. Persons concerned",
      "8. Purpose of the request",
    ]);
  });
});

describe("terms and penalties", () => {
  it("writes terms of months in both languages", () => {
    expect(formatTerm(18, "en")).toBe("1 year and 6 months");
    expect(formatTerm(6, "en")).toBe("6 months");
    expect(formatTerm(12, "ru")).toBe("1 год");
    expect(formatTerm(36, "ru")).toBe("3 года");
    expect(formatTerm(132, "ru")).toBe("11 лет");
    expect(formatTerm(252, "ru", "genitive")).toBe("21 года");
    expect(formatTerm(18, "ru", "genitive")).toBe("1 года 6 месяцев");
  });

  it("writes penalties in both languages", () => {
    expect(formatPenalty({ minimumPenaltyMonths: 60, maximumPenaltyMonths: 120 }, "ru")).toBe(
      "лишение свободы на срок от 5 до 10 лет",
    );
    expect(formatPenalty({ minimumPenaltyMonths: 6, maximumPenaltyMonths: 24 }, "ru")).toBe(
      "лишение свободы на срок от 6 месяцев до 2 лет",
    );
    expect(formatPenalty({ maximumPenaltyMonths: 12 }, "ru")).toBe("лишение свободы на срок до 1 года");
    expect(formatPenalty({ maximumPenaltyMonths: 240, lifeImprisonment: true }, "en")).toBe(
      "imprisonment of up to 20 years or life imprisonment",
    );
    expect(formatPenalty({}, "en")).toBeNull();
  });
});

// Reading the PDF back. pdfkit draws text as hex glyph ids of a subset font (Identity-H);
// each font's ToUnicode CMap maps the ids back to Unicode. Streams must be uncompressed.

type ReadPdf = { text: string; pageCount: number; info: Record<string, string>; cyrillicGlyphs: number };

function readPdf(pdf: Buffer): ReadPdf {
  const source = pdf.toString("latin1");
  const objects = new Map<number, string>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*([\s\S]*?)\s*endobj/g))
    objects.set(Number(match[1]), match[2]!);
  const streamOf = (id: number) =>
    /stream\r?\n([\s\S]*?)\r?\nendstream/.exec(objects.get(id) ?? "")?.[1] ?? "";

  // Font resource name (F1) -> glyph id -> text.
  const fontObjects = new Map<string, number>();
  for (const dictionary of source.matchAll(/\/Font <<([\s\S]*?)>>/g))
    for (const entry of dictionary[1]!.matchAll(/\/(\w+) (\d+) 0 R/g))
      fontObjects.set(entry[1]!, Number(entry[2]));
  const cmaps = new Map<string, Map<number, string>>();
  let cyrillicGlyphs = 0;
  for (const [name, id] of fontObjects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(id) ?? "");
    if (!toUnicode) continue;
    const cmap = parseToUnicode(streamOf(Number(toUnicode[1])));
    cyrillicGlyphs += [...cmap.values()].filter((text) => /[\u0400-\u04ff]/.test(text)).length;
    cmaps.set(name, cmap);
  }

  // Pages in the order of the page tree.
  const catalog = /\/Pages (\d+) 0 R/.exec(source);
  const kids = /\/Kids \[([^\]]*)\]/.exec(objects.get(Number(catalog?.[1])) ?? "")?.[1] ?? "";
  const pages = [...kids.matchAll(/(\d+) 0 R/g)].map((match) => Number(match[1]));

  const pageTexts = pages.map((page) => {
    const contents = /\/Contents (\d+) 0 R/.exec(objects.get(page) ?? "");
    const stream = streamOf(Number(contents?.[1]));
    let font: Map<number, string> | undefined;
    let lineY: string | null = null;
    let text = "";
    const operators =
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[^\]])*)\] TJ|<([0-9a-fA-F]*)> Tj|[-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ [-\d.]+ ([-\d.]+) Tm/g;
    for (const match of stream.matchAll(operators)) {
      if (match[1] !== undefined) font = cmaps.get(match[1]);
      else if (match[4] !== undefined) {
        if (lineY !== null && match[4] !== lineY) text += "\n";
        lineY = match[4];
      } else {
        const hexStrings =
          match[2] !== undefined
            ? [...match[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]!)
            : [match[3]!];
        for (const hex of hexStrings)
          for (let index = 0; index + 4 <= hex.length; index += 4)
            text += font?.get(Number.parseInt(hex.slice(index, index + 4), 16)) ?? "\uFFFD";
      }
    }
    return text;
  });

  const info: Record<string, string> = {};
  const infoId = /\/Info (\d+) 0 R/.exec(source);
  const infoDictionary = objects.get(Number(infoId?.[1])) ?? "";
  for (const entry of infoDictionary.matchAll(/\/(\w+) (?:(\d+) 0 R|(\([\s\S]*?(?<!\\)\)))/g)) {
    const literal = entry[2] !== undefined ? (objects.get(Number(entry[2])) ?? "") : entry[3]!;
    info[entry[1]!] = decodePdfString(literal);
  }

  // Words are drawn one by one: normalise the spacing so that assertions read like prose.
  const text = pageTexts
    .join("\n")
    .replace(/[ \t]+/g, " ")
    .replace(/\s*\n\s*/g, " ");
  return { text, pageCount: pages.length, info, cyrillicGlyphs };
}

/** A ToUnicode CMap's bfrange and bfchar entries: glyph id -> text (UTF-16BE hex). */
function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => {
    const clean = hex.replace(/\s+/g, "");
    const units: number[] = [];
    for (let index = 0; index + 4 <= clean.length; index += 4)
      units.push(Number.parseInt(clean.slice(index, index + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1]!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g,
    )) {
      const start = Number.parseInt(entry[1]!, 16);
      const end = Number.parseInt(entry[2]!, 16);
      const target = entry[3]!;
      if (target.startsWith("[")) {
        const values = [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((value) => utf16(value[1]!));
        for (const [offset, value] of values.entries()) map.set(start + offset, value);
      } else {
        const first = utf16(target.slice(1, -1));
        for (let code = start; code <= end; code++)
          map.set(
            code,
            first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (code - start)),
          );
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const entry of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g))
      map.set(Number.parseInt(entry[1]!, 16), utf16(entry[2]!));
  return map;
}

/** A PDF literal string "(...)": escapes undone, UTF-16BE when it starts with a byte order mark. */
function decodePdfString(literal: string): string {
  const body = literal.trim().replace(/^\(/, "").replace(/\)$/, "");
  const escapes: Record<string, string> = {
    n: "\n",
    r: "\r",
    t: "\t",
    b: "\b",
    f: "\f",
    "(": "(",
    ")": ")",
    "\\": "\\",
  };
  const bytes = body.replace(/\\([0-7]{1,3}|.)/g, (_, sequence: string) =>
    /^[0-7]+$/.test(sequence)
      ? String.fromCharCode(Number.parseInt(sequence, 8))
      : (escapes[sequence] ?? sequence),
  );
  if (bytes.startsWith("\u00fe\u00ff")) {
    let text = "";
    for (let index = 2; index + 1 < bytes.length; index += 2)
      text += String.fromCharCode((bytes.charCodeAt(index) << 8) | bytes.charCodeAt(index + 1));
    return text;
  }
  return bytes;
}

function expectInOrder(text: string, parts: readonly string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}
