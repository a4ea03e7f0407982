import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { CaseFacts, CaseHeader, Offence, Person, Warrant } from "../../../domain/cases/model.js";
import type { PersonRole } from "../../../domain/cases/vocabulary.js";
import type { StateCode } from "../../../domain/directory/state-codes.js";
import type { ContentItemStatus } from "../../../domain/rules/schemas.js";
import { AppError } from "../../platform/errors.js";
import { renderPdf } from "../../platform/pdf.js";
import {
  ASSET_TYPE_LABELS,
  articleReference,
  defaultRequestArticle,
  formatDate,
  formatPenalty,
  formatTerm,
  instrumentNumber,
  type LetterLanguage,
  MEASURE_KIND_LABELS,
  NOTICE_TYPE_LABELS,
  PERSON_ROLE_LABELS,
  purposePhrase,
  SUBJECT_BY_KIND,
  sentenceStart,
  WARRANT_KIND_LABELS,
  WORDS,
  type Words,
} from "./letter-wording.js";

/**
 * The letter of request: a formal PDF (A4) drawn from a case's header and facts, in English
 * or Russian, with the sections its legal basis requires (CETS 024 art. 12 for extradition;
 * CETS 030 art. 14, UNTOC 18(15) and UNCAC 46(15) for mutual assistance; Budapest art. 29(2)
 * for preservation of data). What the basis requires and the case lacks comes in as
 * `requiredContent` (domain/rules/request-content.ts): a letter that lacks something is
 * refused, or printed as a marked draft.
 */

export type { LetterLanguage } from "./letter-wording.js";

/** One content item the legal basis requires, as `requestContent` reports it (hints optional). */
export type RequiredContentItem = Pick<ContentItemStatus, "item" | "labelEn" | "labelRu" | "present"> &
  Partial<Pick<ContentItemStatus, "hintEn" | "hintRu">>;
/** A `RequestContent` of the rules evaluator, or anything with its items. */
export type RequiredContent = { items: readonly RequiredContentItem[] };

export type MissingItem = {
  item: string;
  labelEn: string;
  labelRu: string;
  hintEn: string | null;
  hintRu: string | null;
};

/** The instrument of the legal basis, from the registry; null when the request rests on reciprocity. */
export type LetterInstrument = {
  code: string;
  titleEn: string;
  titleRu: string;
  /** The article the request is made under, when the caller knows it better than the header. */
  article?: string | null;
};

export type RequestLetterInput = {
  header: CaseHeader;
  facts: CaseFacts;
  language: LetterLanguage;
  instrument: LetterInstrument | null;
  /** Names of a state by ISO code, as they should read in a sentence ("the Kingdom of Cambodia"). */
  stateNames: (code: StateCode) => { en: string; ru: string };
  /** What the legal basis requires: one `RequestContent`, or all of them (`requestContent(...)`). */
  requiredContent: RequiredContent | readonly RequiredContent[];
  /** The date the letter bears (YYYY-MM-DD). */
  issuedOn: string;
  /** Print a marked draft even though required content is missing. */
  draft?: boolean;
  /** Compress the PDF's streams (default true); tests read uncompressed text. */
  compress?: boolean;
};

/**
 * The items the legal basis requires that the case's facts do not show, each once, in the
 * rules' order. Items the facts cannot show (`present: null`, the purpose, the copy of the
 * law) are not missing: the letter states them with its own formulas.
 */
export function lettersMissingItems(
  requiredContent: RequiredContent | readonly RequiredContent[],
): MissingItem[] {
  const contents: readonly RequiredContent[] = isContentList(requiredContent)
    ? requiredContent
    : [requiredContent];
  const missing = new Map<string, MissingItem>();
  for (const content of contents) {
    for (const item of content.items) {
      if (item.present !== false || missing.has(item.item)) continue;
      missing.set(item.item, {
        item: item.item,
        labelEn: item.labelEn,
        labelRu: item.labelRu,
        hintEn: item.hintEn ?? null,
        hintRu: item.hintRu ?? null,
      });
    }
  }
  return [...missing.values()];
}

function isContentList(
  value: RequiredContent | readonly RequiredContent[],
): value is readonly RequiredContent[] {
  return Array.isArray(value);
}

/** The 422 the letter route answers when required content is missing and no draft was asked for. */
export function requestIncomplete(missing: readonly MissingItem[]): AppError {
  return new AppError(
    422,
    "request_incomplete",
    `The request lacks content its legal basis requires: ${missing.map((item) => item.labelEn).join("; ")}. Complete the case, or ask for a draft (draft=true).`,
    missing.map((item) => ({ path: `content.${item.item}`, message: item.hintEn ?? item.labelEn })),
  );
}

/** Renders the letter. Throws `request_incomplete` (422) when content is missing and `draft` is not set. */
export async function renderRequestLetter(input: RequestLetterInput): Promise<Buffer> {
  const missing = lettersMissingItems(input.requiredContent);
  if (missing.length > 0 && !input.draft) throw requestIncomplete(missing);
  const definition = letterDocument(input, missing);
  return renderPdf(definition);
}

// The document.

type Section = { heading: string; body: Content[] };

const MUTED = "#555555";
const PERSON_SOUGHT_ROLES: readonly PersonRole[] = ["sought"];
const PERSON_FALLBACK_ROLES: readonly PersonRole[] = ["accused", "convicted", "suspect"];

/** The pdfmake document of the letter. */
function letterDocument(input: RequestLetterInput, missing: readonly MissingItem[]): TDocumentDefinitions {
  const { header, language } = input;
  const words = WORDS[language];
  const state = (code: StateCode) => input.stateNames(code)[language];
  const requestingState = state(header.requestingState);
  const requestedState = state(header.requestedState);
  const subject = SUBJECT_BY_KIND[header.kind][language];
  const isExtradition = header.kind === "extradition";

  const annexes: string[] = [];
  const addAnnex = (title: string) => annexes.push(title);

  const sections = isExtradition
    ? extraditionSections(input, words, addAnnex, () => annexes.length)
    : assistanceSections(input, words);

  const content: Content[] = [];
  if (input.draft) content.push(draftBanner(missing, language, words));
  content.push(...letterhead(input, words, requestingState));
  content.push(...addressAndSubject(input, words, requestedState, subject));
  content.push(...opening(input, words, requestingState, requestedState));
  sections.forEach((section, index) => {
    content.push({
      text: `${index + 1}. ${section.heading}`,
      style: "heading",
      headlineLevel: 1,
    });
    content.push(...section.body);
  });
  if (header.confidentiality !== "standard") content.push(paragraph(words.confidentiality));
  content.push(paragraph(isExtradition ? words.closingExtradition : words.closingAssistance));
  // The courtesy formula, the annexes and the signature lines stay on one page: a
  // signature never stands alone on the last page.
  content.push({
    stack: [
      paragraph(words.courtesy),
      ...(annexes.length > 0
        ? [
            { text: `${words.headingAnnexes}:`, bold: true, margin: [0, 8, 0, 2] } satisfies Content,
            { ol: annexes, margin: [0, 0, 0, 6] } satisfies Content,
          ]
        : []),
      signatureBlock(words),
    ],
    unbreakable: true,
  });

  return {
    pageSize: "A4",
    // Left 2.5 cm, right 2 cm, top 2 cm, bottom 2.2 cm (room for the footer).
    pageMargins: [71, 57, 57, 64],
    compress: input.compress ?? true,
    language,
    info: {
      title: `${subject} — ${header.reference}`,
      subject: header.title,
      author: header.requestingAuthority ?? requestingState,
      keywords: [header.reference, header.foreignReference, input.instrument?.code]
        .filter(Boolean)
        .join(", "),
      creator: "Comity",
      producer: "Comity (pdfmake)",
    },
    ...(input.draft ? { watermark: { text: words.draft, opacity: 0.07, bold: true } } : {}),
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: header.reference, alignment: "left" },
        { text: words.page(currentPage, pageCount), alignment: "right" },
      ],
      fontSize: 8,
      color: MUTED,
      margin: [71, 24, 57, 0],
    }),
    // A section heading never ends a page alone.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    content,
    styles: {
      letterhead: { fontSize: 13, bold: true, alignment: "center" },
      heading: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      subheading: { bold: true, margin: [0, 4, 0, 2] },
      label: { color: MUTED },
      placeholder: { italics: true, color: MUTED },
    },
    defaultStyle: { font: "Roboto", fontSize: 10.5, lineHeight: 1.2 },
  };
}

function draftBanner(missing: readonly MissingItem[], language: LetterLanguage, words: Words): Content {
  const labels = missing.map((item) => (language === "en" ? item.labelEn : item.labelRu)).join("; ");
  return {
    table: {
      widths: ["*"],
      body: [
        [
          {
            stack: [
              { text: missing.length > 0 ? words.draftIncomplete(labels) : words.draft, bold: true },
              { text: words.draftNotice, fontSize: 9 },
            ],
            color: "#9B1C1C",
            fillColor: "#FDECEA",
            margin: [6, 4, 6, 4],
          },
        ],
      ],
    },
    layout: {
      hLineColor: () => "#9B1C1C",
      vLineColor: () => "#9B1C1C",
    },
    margin: [0, 0, 0, 12],
  };
}

function letterhead(input: RequestLetterInput, words: Words, requestingState: string): Content[] {
  const { header } = input;
  const references: Content[] = [];
  // The letter speaks for the requesting side: on an outgoing case that is us (our
  // reference), on an incoming one the foreign authority (their reference).
  const own = header.direction === "outgoing" ? header.reference : (header.foreignReference ?? null);
  const theirs = header.direction === "outgoing" ? (header.foreignReference ?? null) : null;
  if (own) references.push(`${words.ourReference}: ${own}`);
  if (theirs) references.push(`${words.yourReference}: ${theirs}`);
  const markers: Content[] = [];
  if (header.priority === "urgent") markers.push({ text: words.urgent, bold: true, color: "#9B1C1C" });
  if (header.confidentiality !== "standard") markers.push({ text: words.confidential, bold: true });
  return [
    header.requestingAuthority
      ? { text: header.requestingAuthority, style: "letterhead" }
      : { text: words.requestingAuthorityPlaceholder, style: ["letterhead", "placeholder"] },
    { text: sentenceStart(requestingState), alignment: "center", margin: [0, 2, 0, 4] },
    {
      canvas: [{ type: "line", x1: 0, y1: 0, x2: 467, y2: 0, lineWidth: 0.8 }],
      margin: [0, 0, 0, 8],
    },
    {
      columns: [
        { stack: references, width: "*" },
        {
          stack: [`${words.date}: ${formatDate(input.issuedOn, input.language)}`, ...markers],
          width: "auto",
          alignment: "right",
        },
      ],
      margin: [0, 0, 0, 14],
    },
  ];
}

function addressAndSubject(
  input: RequestLetterInput,
  words: Words,
  requestedState: string,
  subject: string,
): Content[] {
  const { header } = input;
  return [
    {
      stack: [
        { text: header.requestedAuthority ?? words.competentAuthorities, bold: true },
        sentenceStart(requestedState),
      ],
      margin: [250, 0, 0, 16],
    },
    {
      text: [{ text: `${words.subject}: `, bold: true }, `${subject} — ${header.title}`],
      margin: [0, 0, 0, 12],
    },
  ];
}

function opening(
  input: RequestLetterInput,
  words: Words,
  requestingState: string,
  requestedState: string,
): Content[] {
  const { header, facts, language } = input;
  const paragraphs: Content[] = [legalBasis(input, words, requestingState, requestedState)];
  const authority = words.authorityInText(header.requestingAuthority ?? null, requestingState);
  const addressee = words.addresseeInText(header.requestedAuthority ?? null, requestedState);
  if (header.kind === "extradition") {
    const persons = personsSought(facts);
    const names =
      persons.length > 0 ? persons.map((person) => person.fullName).join(", ") : words.personsDescribedBelow;
    paragraphs.push(
      paragraph(
        words.requestExtradition(authority, purposePhrase(header.purpose, language), names, requestingState),
      ),
    );
  } else if (header.kind === "transfer_of_proceedings") {
    paragraphs.push(paragraph(words.requestTransfer(authority, addressee)));
  } else if (header.kind === "preservation_of_data") {
    paragraphs.push(paragraph(words.requestPreservation(authority, addressee)));
  } else {
    paragraphs.push(paragraph(words.requestAssistance(authority, addressee)));
  }
  if (header.priority !== "normal" && header.urgencyReason && header.kind !== "preservation_of_data") {
    paragraphs.push({
      text: [{ text: `${words.headingUrgency}: `, bold: true }, header.urgencyReason],
      ...PARAGRAPH,
    });
  }
  return paragraphs;
}

function legalBasis(
  input: RequestLetterInput,
  words: Words,
  requestingState: string,
  requestedState: string,
): Content {
  const { header, instrument, language } = input;
  if (instrument) {
    const recorded = header.legalBasis?.type === "instrument" ? (header.legalBasis.articles ?? null) : null;
    const defaultArticle = defaultRequestArticle(instrument.code, header.kind);
    const article =
      instrument.article ?? recorded ?? (defaultArticle ? articleReference(defaultArticle, language) : null);
    const title = language === "en" ? instrument.titleEn : instrument.titleRu;
    return paragraph(words.legalBasisInstrument(title, instrumentNumber(instrument.code, language), article));
  }
  const note = header.legalBasis?.type === "reciprocity" ? (header.legalBasis.note ?? null) : null;
  const sentence = words.legalBasisReciprocity(
    requestingState,
    requestedState,
    header.kind === "extradition",
  );
  return paragraph(note ? `${sentence} ${note}` : sentence);
}

// Sections of an extradition request: CETS 024 art. 12(2) (a)-(c), in that order, which
// bilateral treaties and the CIS conventions follow closely.

function extraditionSections(
  input: RequestLetterInput,
  words: Words,
  addAnnex: (title: string) => void,
  annexCount: () => number,
): Section[] {
  const { header, facts, language } = input;
  const sections: Section[] = [];

  const warrantBody: Content[] = [];
  if (facts.warrants.length === 0) warrantBody.push(placeholder(words.noWarrant));
  else {
    addAnnex(words.annexWarrant);
    for (const warrant of facts.warrants) warrantBody.push(...warrantBlock(warrant, words, language));
    warrantBody.push(paragraph(words.enclosed(annexCount())));
  }
  sections.push({ heading: words.headingWarrant, body: warrantBody });

  const offencesBody: Content[] = [];
  if (header.summary) offencesBody.push(paragraph(header.summary));
  if (facts.offences.length === 0) offencesBody.push(placeholder(words.noOffence));
  for (const offence of facts.offences) offencesBody.push(...offenceBlock(offence, words, language));
  sections.push({ heading: words.headingOffences, body: offencesBody });

  if (facts.offences.length > 0) {
    addAnnex(words.annexLaw);
    const provisions = facts.offences.map((offence) => offence.article).join("; ");
    sections.push({
      heading: words.headingLaw,
      body: [paragraph(words.lawEnclosed(provisions, annexCount()))],
    });
  } else {
    sections.push({ heading: words.headingLaw, body: [placeholder(words.noOffence)] });
  }

  const persons = personsSought(facts);
  const personBody: Content[] = persons.length === 0 ? [placeholder(words.noPerson)] : [];
  for (const person of persons) personBody.push(...personBlock(person, input, words, { withRole: false }));
  const unattached = unattachedNotices(facts, persons, language);
  if (unattached.length > 0) personBody.push(fields([[words.notices, unattached.join("\n")]]));
  sections.push({ heading: words.headingPersonSought, body: personBody });
  return sections;
}

function personsSought(facts: CaseFacts): Person[] {
  const sought = facts.persons.filter((person) => PERSON_SOUGHT_ROLES.includes(person.role));
  return sought.length > 0
    ? sought
    : facts.persons.filter((person) => PERSON_FALLBACK_ROLES.includes(person.role));
}

// Sections of a request for assistance: UNTOC art. 18(15) (a)-(f) and UNCAC art. 46(15),
// which cover CETS 030 art. 14; a preservation request follows Budapest art. 29(2).

function assistanceSections(input: RequestLetterInput, words: Words): Section[] {
  const { header, facts, language } = input;
  const requestingState = input.stateNames(header.requestingState)[language];
  const sections: Section[] = [];

  sections.push({
    heading: words.headingRequestingAuthority,
    body: [
      {
        stack: [
          header.requestingAuthority ? header.requestingAuthority : placeholder(words.notRecorded),
          sentenceStart(requestingState),
        ],
        margin: [0, 0, 0, 6],
      },
    ],
  });

  const investigation: Content[] = [{ text: header.title, bold: true, margin: [0, 0, 0, 4] }];
  if (facts.offences.length === 0) investigation.push(placeholder(words.noOffence));
  else {
    investigation.push(paragraph(words.offencesUnderInvestigation));
    for (const offence of facts.offences) investigation.push(...offenceBlock(offence, words, language));
  }
  if (header.requestingAuthority)
    investigation.push(paragraph(words.authorityConducting(header.requestingAuthority)));
  sections.push({ heading: words.headingInvestigation, body: investigation });

  sections.push({
    heading: words.headingFacts,
    body: [header.summary ? paragraph(header.summary) : placeholder(words.notRecorded)],
  });

  const serviceRequested = facts.measures.some((measure) => measure.kind === "service_of_documents");
  if (header.kind === "preservation_of_data") {
    sections.push({ heading: words.headingDataToPreserve, body: measureList(input, words) });
    // The case has no custodian field: a provider or holder is recorded as a person
    // ("holder of assets" or "other") with its location; otherwise the officer completes it.
    const custodians = facts.persons.filter(
      (person) => person.role === "holder_of_assets" || person.role === "other",
    );
    sections.push({
      heading: words.headingCustodian,
      body:
        custodians.length > 0
          ? custodians.map((person) =>
              paragraph(person.location ? `${person.fullName}, ${person.location}` : person.fullName),
            )
          : [placeholder(words.toComplete)],
    });
    sections.push({
      heading: words.headingNecessity,
      body: [header.urgencyReason ? paragraph(header.urgencyReason) : placeholder(words.toComplete)],
    });
  } else if (header.kind !== "transfer_of_proceedings" || facts.measures.length > 0) {
    sections.push({ heading: words.headingAssistance, body: measureList(input, words) });
  }

  if (facts.persons.length > 0 || header.kind !== "preservation_of_data") {
    const personsBody: Content[] = facts.persons.length === 0 ? [placeholder(words.noPerson)] : [];
    for (const person of facts.persons)
      personsBody.push(...personBlock(person, input, words, { withRole: true, serviceRequested }));
    const unattached = unattachedNotices(facts, facts.persons, language);
    if (unattached.length > 0) personsBody.push(fields([[words.notices, unattached.join("\n")]]));
    sections.push({ heading: words.headingPersons, body: personsBody });
  }

  if (facts.assets.length > 0) {
    sections.push({
      heading: words.headingAssets,
      body: facts.assets.flatMap((asset) => assetBlock(asset, input, words)),
    });
  }

  const purpose =
    header.kind === "preservation_of_data"
      ? words.intentToRequest
      : header.kind === "transfer_of_proceedings"
        ? words.purposeTransfer
        : words.purposeAssistance;
  sections.push({ heading: words.headingPurpose, body: [paragraph(purpose)] });
  return sections;
}

// Blocks.

const PARAGRAPH = { alignment: "justify" as const, margin: [0, 0, 0, 6] as [number, number, number, number] };

function paragraph(text: string): Content {
  return { text, ...PARAGRAPH };
}

function placeholder(text: string): Content {
  return { text, style: "placeholder", margin: [0, 0, 0, 6] };
}

/** Label-value rows without borders; a value may be several lines. */
function fields(rows: ReadonlyArray<readonly [string, Content]>): Content {
  return {
    table: {
      widths: [150, "*"],
      body: rows.map(([label, value]) => [{ text: label, style: "label" }, value]),
    },
    layout: "noBorders",
    margin: [0, 0, 0, 6],
  };
}

function valueOrPlaceholder(value: string | null | undefined, words: Words): Content {
  return value ? value : { text: words.notRecorded, style: "placeholder" };
}

function warrantBlock(warrant: Warrant, words: Words, language: LetterLanguage): Content[] {
  const label = WARRANT_KIND_LABELS[warrant.kind][language];
  const number = warrant.reference ? ` ${words.number} ${warrant.reference}` : "";
  const title = `${label}${number} ${words.issuedOn} ${formatDate(warrant.issuedOn, language)}`;
  const notes: string[] = [];
  if (warrant.inAbsentia) notes.push(words.inAbsentia);
  if (warrant.final && (warrant.kind === "conviction" || warrant.kind === "judgment"))
    notes.push(words.final);
  return [
    { text: title, style: "subheading" },
    fields([[words.issuedBy, warrant.issuedBy]]),
    ...notes.map((note) => paragraph(note)),
  ];
}

function offenceBlock(offence: Offence, words: Words, language: LetterLanguage): Content[] {
  // The provision heads the block; the rows give the facts, time and penalty (art. 12(2)(b)).
  const rows: [string, Content][] = [
    [words.description, offence.description],
    [
      words.committedOn,
      valueOrPlaceholder(offence.committedOn ? formatDate(offence.committedOn, language) : null, words),
    ],
    [words.penalty, valueOrPlaceholder(formatPenalty(offence, language), words)],
  ];
  if (offence.sentenceMonths != null)
    rows.push([words.sentence, formatTerm(offence.sentenceMonths, language)]);
  return [{ text: offence.article, style: "subheading" }, fields(rows)];
}

function personBlock(
  person: Person,
  input: RequestLetterInput,
  words: Words,
  options: { withRole: boolean; serviceRequested?: boolean },
): Content[] {
  const { language, facts } = input;
  const rows: [string, Content][] = [];
  // The full name heads the block.
  if (options.withRole) rows.push([words.role, PERSON_ROLE_LABELS[person.role][language]]);
  if (person.otherNames.length > 0) rows.push([words.otherNames, person.otherNames.join("; ")]);
  rows.push([
    words.birthDate,
    valueOrPlaceholder(person.birthDate ? formatDate(person.birthDate, language) : null, words),
  ]);
  rows.push([
    words.nationality,
    valueOrPlaceholder(
      person.nationalities.map((code) => sentenceStart(input.stateNames(code)[language])).join(", ") || null,
      words,
    ),
  ]);
  rows.push([
    options.serviceRequested ? words.locationOrAddress : words.location,
    valueOrPlaceholder(person.location, words),
  ]);
  const notices = facts.notices
    .filter((notice) => notice.personId === person.id)
    .map((notice) => noticeLine(notice, language));
  if (notices.length > 0) rows.push([words.notices, notices.join("\n")]);
  return [{ text: person.fullName, style: "subheading" }, fields(rows)];
}

function noticeLine(notice: CaseFacts["notices"][number], language: LetterLanguage): string {
  const label = NOTICE_TYPE_LABELS[notice.type]?.[language] ?? notice.type;
  const number = language === "en" ? `No. ${notice.number}` : `№ ${notice.number}`;
  const date = notice.issuedOn ? `, ${formatDate(notice.issuedOn, language)}` : "";
  return `${label} ${number}${date}`;
}

/** Notices that name none of the persons printed: listed after them, not lost. */
function unattachedNotices(facts: CaseFacts, printed: readonly Person[], language: LetterLanguage): string[] {
  const ids = new Set(printed.map((person) => person.id));
  return facts.notices
    .filter((notice) => !notice.personId || !ids.has(notice.personId))
    .map((notice) => noticeLine(notice, language));
}

function measureList(input: RequestLetterInput, words: Words): Content[] {
  const { facts, language } = input;
  if (facts.measures.length === 0) return [placeholder(words.noMeasure)];
  return [
    {
      ol: facts.measures.map((measure) => ({
        stack: [
          {
            text: [
              { text: `${MEASURE_KIND_LABELS[measure.kind][language]}: `, bold: true },
              measure.description,
            ],
          },
          ...(measure.executingAuthority
            ? [{ text: `${words.executingAuthority}: ${measure.executingAuthority}`, style: "label" }]
            : []),
        ],
        margin: [0, 0, 0, 4] as [number, number, number, number],
      })),
      margin: [0, 0, 0, 6],
    },
  ];
}

function assetBlock(asset: CaseFacts["assets"][number], input: RequestLetterInput, words: Words): Content[] {
  const { language } = input;
  const rows: [string, Content][] = [[words.assetDescription, asset.description]];
  if (asset.value) rows.push([words.value, `${asset.value.amount} ${asset.value.currency}`]);
  if (asset.holder) rows.push([words.holder, asset.holder]);
  const where = [
    asset.location,
    asset.locationState ? sentenceStart(input.stateNames(asset.locationState)[language]) : null,
  ]
    .filter(Boolean)
    .join(", ");
  if (where) rows.push([words.location, where]);
  return [{ text: ASSET_TYPE_LABELS[asset.type][language], style: "subheading" }, fields(rows)];
}

function signatureBlock(words: Words): Content {
  const line = "______________________________";
  return {
    table: {
      widths: [90, 220],
      body: [
        [{ text: "", margin: [0, 18, 0, 0] }, { text: `${line} ${words.signature}` }],
        [{ text: `${words.signatoryName}:`, style: "label" }, line],
        [{ text: `${words.signatoryTitle}:`, style: "label" }, line],
        [{ text: `${words.signedOn}:`, style: "label" }, `${line} ${words.seal}`],
      ],
    },
    layout: "noBorders",
    margin: [0, 20, 0, 0],
  };
}
