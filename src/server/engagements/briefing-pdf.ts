import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces.js";
import type { CaseKind, CaseStatus, Direction } from "../../domain/cases/vocabulary.js";
import type { StateCode } from "../../domain/directory/state-codes.js";
import type { ActionItem, Briefing, EngagementSummary } from "../../domain/engagements/schemas.js";
import type { ActionStatus, EngagementKind, EngagementStatus } from "../../domain/engagements/vocabulary.js";
import { dateInWords, MONTH_NAMES } from "../../domain/platform/month-names.js";
import type { ConfidentialityLevel } from "../../domain/platform/vocabulary.js";
import type { InstrumentKind, NegotiationStage, PartyStatus } from "../../domain/registry/vocabulary.js";
import { renderPdf } from "../platform/pdf.js";

/**
 * The briefing pack as a PDF (A4) in English or Russian: what a prosecutor general takes to
 * a meeting. Every line comes from the records (get-briefing's data): the counterpart's
 * officials, the instruments between the two states with their status on the day, the
 * negotiations in progress, the earlier engagements and their open action items, and the
 * case figures, which are counts only. Nothing is typed in.
 */

export type BriefingLanguage = "en" | "ru";
export type StateName = { en: string; ru: string };

export type BriefingPdfInput = {
  briefing: Briefing;
  language: BriefingLanguage;
  /** The office's state and the counterpart, by name. */
  states: { ours: StateName; partner: StateName };
  /** Names of other states the engagement mentions (its place); a code without a name is printed as is. */
  stateNames?: ReadonlyMap<string, StateName>;
  /** The office's day the pack is generated on (the footer's "Generated ... on"). */
  generatedOn: string;
  /** Compress the PDF's streams (default true); tests read uncompressed text. */
  compress?: boolean;
};

export async function renderBriefingPdf(input: BriefingPdfInput): Promise<Buffer> {
  return renderPdf(briefingDocument(input));
}

// --- words ------------------------------------------------------------------------------------

type Words = {
  pack: string;
  counterpart: string;
  statusOn: (date: string) => string;
  confidentiality: Record<ConfidentialityLevel, string | null>;
  officials: (partner: string) => string;
  officialsNote: string;
  noOfficials: string;
  name: string;
  position: string;
  agency: string;
  takesPart: string;
  yes: string;
  instruments: (date: string) => string;
  instrument: string;
  termEnds: string;
  noInstruments: string;
  nonBinding: string;
  negotiations: string;
  latestStage: string;
  stageDate: string;
  noNegotiations: string;
  previous: string;
  noPrevious: string;
  openItems: string;
  noOpenItems: string;
  dueOn: (date: string) => string;
  overdue: string;
  caseFigures: string;
  caseFiguresNote: string;
  noCases: string;
  kind: string;
  direction: string;
  status: string;
  count: string;
  total: string;
  generated: (date: string) => string;
  page: (current: number, count: number) => string;
  engagementKinds: Record<EngagementKind, string>;
  engagementStatuses: Record<EngagementStatus, string>;
  actionStatuses: Record<ActionStatus, string>;
  instrumentKinds: Record<InstrumentKind, string>;
  standing: Record<PartyStatus, string>;
  stages: Record<NegotiationStage, string>;
  caseKinds: Record<CaseKind, string>;
  directions: Record<Direction, string>;
  caseStatuses: Record<CaseStatus, string>;
};

const WORDS: Record<BriefingLanguage, Words> = {
  en: {
    pack: "Briefing pack",
    counterpart: "Counterpart",
    statusOn: (date) => `instruments and positions as of ${date}`,
    confidentiality: { standard: null, restricted: "Restricted", secret: "Secret" },
    officials: (partner) => `Officials of ${partner} and their positions`,
    officialsNote: "Those taking part in this engagement are marked.",
    noOfficials: "The directory lists no official of the counterpart holding a position on this date.",
    name: "Name",
    position: "Position",
    agency: "Agency",
    takesPart: "Takes part",
    yes: "yes",
    instruments: (date) => `Instruments between the two states and their status on ${date}`,
    instrument: "Instrument",
    termEnds: "Term ends",
    noInstruments: "The registry records no instrument on which both states have acted.",
    nonBinding: "non-binding",
    negotiations: "Negotiations in progress",
    latestStage: "Latest stage",
    stageDate: "Date",
    noNegotiations: "The registry records no negotiations in progress between the two states.",
    previous: "Previous engagements and open action items",
    noPrevious: "No earlier engagement with the counterpart is recorded.",
    openItems: "Open action items",
    noOpenItems: "No open action items.",
    dueOn: (date) => `due ${date}`,
    overdue: "overdue",
    caseFigures: "Cases between the two states",
    caseFiguresNote: "Counts only, by kind, direction and status; no case is named.",
    noCases: "No case between the two states is recorded.",
    kind: "Kind",
    direction: "Direction",
    status: "Status",
    count: "Cases",
    total: "Total",
    generated: (date) => `Generated from Comity records on ${date}; figures aggregated.`,
    page: (current, count) => `Page ${current} of ${count}`,
    engagementKinds: {
      incoming_visit: "Incoming visit",
      outgoing_visit: "Outgoing visit",
      bilateral_meeting: "Bilateral meeting",
      multilateral_meeting: "Trilateral or multilateral meeting",
      conference: "Conference or forum",
      call: "Call or videoconference",
      working_group: "Working-group session",
      signing_ceremony: "Signing ceremony",
      other: "Engagement",
    },
    engagementStatuses: { planned: "planned", held: "held", postponed: "postponed", cancelled: "cancelled" },
    actionStatuses: { open: "open", in_progress: "in progress", done: "done", dropped: "dropped" },
    instrumentKinds: {
      treaty: "Treaty",
      convention: "Convention",
      protocol: "Protocol",
      memorandum: "Memorandum of understanding",
      cooperation_programme: "Cooperation programme",
      letter_of_intent: "Letter of intent",
    },
    standing: {
      none: "Not a party",
      signed: "Signed",
      consented: "Ratified, not yet in force",
      in_force: "In force",
      suspended: "Suspended",
      withdrawn: "Withdrawn or denounced",
      expired: "Expired",
    },
    stages: {
      initiative: "Initiative",
      mandate: "Mandate to negotiate",
      negotiation_round: "Round of negotiations",
      draft_agreed: "Draft agreed",
      initialled: "Initialled",
      approved_for_signature: "Approved for signature",
      signed: "Signed",
      ratification_pending: "Ratification pending",
    },
    caseKinds: {
      mla: "Mutual legal assistance",
      extradition: "Extradition",
      asset_recovery: "Asset recovery",
      transfer_of_proceedings: "Transfer of proceedings",
      preservation_of_data: "Preservation of data",
    },
    directions: { incoming: "Incoming", outgoing: "Outgoing" },
    caseStatuses: {
      draft: "Draft",
      sent: "Sent",
      received: "Received",
      registered: "Registered",
      under_examination: "Under examination",
      awaiting_information: "Awaiting information",
      granted: "Granted",
      partially_granted: "Partially granted",
      refused: "Refused",
      in_execution: "In execution",
      executed: "Executed",
      surrendered: "Surrendered",
      withdrawn: "Withdrawn",
      closed: "Closed",
    },
  },
  ru: {
    pack: "Справочные материалы",
    counterpart: "Сторона",
    statusOn: (date) => `сведения о документах и должностях на ${date}`,
    confidentiality: { standard: null, restricted: "Ограниченный доступ", secret: "Секретно" },
    officials: (partner) => `Должностные лица и их должности: ${partner}`,
    officialsNote: "Отмечены участники мероприятия.",
    noOfficials: "В справочнике нет должностных лиц другой стороны, занимающих должность на эту дату.",
    name: "Имя",
    position: "Должность",
    agency: "Ведомство",
    takesPart: "Участвует",
    yes: "да",
    instruments: (date) => `Документы между двумя государствами и их статус на ${date}`,
    instrument: "Документ",
    termEnds: "Срок действия до",
    noInstruments: "В реестре нет документов, по которым действия совершены обоими государствами.",
    nonBinding: "необязывающий",
    negotiations: "Ведущиеся переговоры",
    latestStage: "Последний этап",
    stageDate: "Дата",
    noNegotiations: "В реестре нет сведений о переговорах между двумя государствами.",
    previous: "Предыдущие мероприятия и невыполненные поручения",
    noPrevious: "Более ранних мероприятий с другой стороной не зарегистрировано.",
    openItems: "Невыполненные поручения",
    noOpenItems: "Невыполненных поручений нет.",
    dueOn: (date) => `срок — ${date}`,
    overdue: "просрочено",
    caseFigures: "Дела между двумя государствами",
    caseFiguresNote: "Только количество дел по видам, направлениям и статусам; дела не называются.",
    noCases: "Дел между двумя государствами не зарегистрировано.",
    kind: "Вид",
    direction: "Направление",
    status: "Статус",
    count: "Количество",
    total: "Всего",
    generated: (date) => `Сформировано по данным Comity ${date}; сведения обобщены.`,
    page: (current, count) => `Стр. ${current} из ${count}`,
    engagementKinds: {
      incoming_visit: "Визит зарубежной делегации",
      outgoing_visit: "Зарубежный визит",
      bilateral_meeting: "Двусторонняя встреча",
      multilateral_meeting: "Трёхсторонняя или многосторонняя встреча",
      conference: "Конференция или форум",
      call: "Телефонный разговор или видеоконференция",
      working_group: "Заседание рабочей группы",
      signing_ceremony: "Церемония подписания",
      other: "Мероприятие",
    },
    engagementStatuses: {
      planned: "запланировано",
      held: "состоялось",
      postponed: "перенесено",
      cancelled: "отменено",
    },
    actionStatuses: { open: "открыто", in_progress: "выполняется", done: "выполнено", dropped: "снято" },
    instrumentKinds: {
      treaty: "Договор",
      convention: "Конвенция",
      protocol: "Протокол",
      memorandum: "Меморандум о взаимопонимании",
      cooperation_programme: "Программа сотрудничества",
      letter_of_intent: "Письмо о намерениях",
    },
    standing: {
      none: "Не участвует",
      signed: "Подписан",
      consented: "Ратифицирован, не вступил в силу",
      in_force: "Действует",
      suspended: "Приостановлен",
      withdrawn: "Выход или денонсация",
      expired: "Срок истёк",
    },
    stages: {
      initiative: "Инициатива",
      mandate: "Мандат на переговоры",
      negotiation_round: "Раунд переговоров",
      draft_agreed: "Проект согласован",
      initialled: "Парафирован",
      approved_for_signature: "Одобрен к подписанию",
      signed: "Подписан",
      ratification_pending: "Ожидает ратификации",
    },
    caseKinds: {
      mla: "Правовая помощь",
      extradition: "Выдача",
      asset_recovery: "Возврат активов",
      transfer_of_proceedings: "Передача уголовного преследования",
      preservation_of_data: "Сохранение данных",
    },
    directions: { incoming: "Входящий", outgoing: "Исходящий" },
    caseStatuses: {
      draft: "Черновик",
      sent: "Направлен",
      received: "Получен",
      registered: "Зарегистрирован",
      under_examination: "На рассмотрении",
      awaiting_information: "Ожидаются сведения",
      granted: "Удовлетворён",
      partially_granted: "Удовлетворён частично",
      refused: "Отказано",
      in_execution: "На исполнении",
      executed: "Исполнен",
      surrendered: "Лицо передано",
      withdrawn: "Отозван",
      closed: "Закрыт",
    },
  },
};

function parts(date: string): [number, number, number] {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return [year, month, day];
}

/** A day: "26 May 2025", "26 мая 2025 г.". */
export function formatDay(date: string, language: BriefingLanguage): string {
  return dateInWords(date, language);
}

/**
 * An engagement's dates as precisely as the sources give them: "26–27 May 2025",
 * "30 May – 2 June 2025", "January 2021", "2021" (and in Russian "26–27 мая 2025 г.",
 * "январь 2021 г.", "2021 г.").
 */
export function formatEngagementDates(
  engagement: Pick<EngagementSummary, "startOn" | "endOn" | "precision">,
  language: BriefingLanguage,
): string {
  const [startYear, startMonth, startDay] = parts(engagement.startOn);
  const [endYear, endMonth, endDay] = parts(engagement.endOn);
  const year = language === "en" ? `${startYear}` : `${startYear} г.`;
  if (engagement.precision === "year") return year;
  if (engagement.precision === "month")
    return language === "en"
      ? `${MONTH_NAMES.en[startMonth - 1]} ${startYear}`
      : `${MONTH_NAMES.ruNominative[startMonth - 1]} ${startYear} г.`;
  if (engagement.startOn === engagement.endOn) return formatDay(engagement.startOn, language);
  const months = language === "en" ? MONTH_NAMES.en : MONTH_NAMES.ruGenitive;
  if (startYear === endYear && startMonth === endMonth)
    return `${startDay}–${endDay} ${months[startMonth - 1]} ${year}`;
  if (startYear === endYear)
    return `${startDay} ${months[startMonth - 1]} – ${endDay} ${months[endMonth - 1]} ${year}`;
  return `${formatDay(engagement.startOn, language)} – ${formatDay(engagement.endOn, language)}`;
}

// --- the document ----------------------------------------------------------------------------------

const MUTED = "#555555";
const RULE = "#BBBBBB";
const HEADER_FILL = "#EEF1F5";
/** Sections with at most this many rows are kept on one page with their heading. */
const SHORT_SECTION_ROWS = 12;

/** The pdfmake document of the pack (exported for its unit test). */
export function briefingDocument(input: BriefingPdfInput): TDocumentDefinitions {
  const { briefing, language } = input;
  const words = WORDS[language];
  const partner = input.states.partner[language];
  const ours = input.states.ours[language];
  const title = language === "en" ? briefing.engagement.titleEn : briefing.engagement.titleRu;
  const nameOf = (code: StateCode | null) =>
    code === null
      ? null
      : code === briefing.partner
        ? partner
        : (input.stateNames?.get(code)?.[language] ?? code);

  const sections: { heading: string; body: Content[]; rows: number }[] = [
    {
      heading: words.officials(partner),
      body: officialsSection(briefing, words, language),
      rows: briefing.officials.length,
    },
    {
      heading: words.instruments(formatDay(briefing.date, language)),
      body: instrumentsSection(briefing, words, language, ours, partner),
      rows: briefing.instruments.length,
    },
    {
      heading: words.negotiations,
      body: negotiationsSection(briefing, words, language),
      rows: briefing.negotiations.length,
    },
    {
      heading: words.previous,
      body: previousSection(briefing, words, language, nameOf),
      // Each engagement is kept whole on its own (unbreakable): the heading needs the first one.
      rows: Number.POSITIVE_INFINITY,
    },
    {
      heading: words.caseFigures,
      body: caseFiguresSection(briefing, words),
      rows: briefing.caseFigures.rows.length + 1,
    },
  ];

  const content: Content[] = [
    ...titleBlock(input, words, title, nameOf),
    ...sections.flatMap((section, index): Content[] => {
      const heading = `${index + 1}. ${section.heading}`;
      // A short section moves to the next page whole rather than leave its heading (or a
      // table's header row) alone at the foot of a page; a long one breaks between rows.
      if (section.rows <= SHORT_SECTION_ROWS)
        return [{ stack: [{ text: heading, style: "heading" }, ...section.body], unbreakable: true }];
      return [{ text: heading, style: "heading", headlineLevel: 1 }, ...section.body];
    }),
  ];

  return {
    pageSize: "A4",
    pageMargins: [57, 57, 57, 64],
    compress: input.compress ?? true,
    language,
    info: {
      title: `${words.pack}: ${title}`,
      subject: `${words.counterpart}: ${partner}`,
      creator: "Comity",
      producer: "Comity (pdfmake)",
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: words.generated(formatDay(input.generatedOn, language)), alignment: "left" },
        { text: words.page(currentPage, pageCount), alignment: "right", width: "auto" },
      ],
      fontSize: 7.5,
      color: MUTED,
      margin: [57, 28, 57, 0],
    }),
    // A section heading never ends a page alone.
    pageBreakBefore: (node, following) =>
      node.headlineLevel === 1 && following.getFollowingNodesOnPage().length === 0,
    content,
    styles: {
      kicker: { fontSize: 9, color: MUTED, characterSpacing: 1 },
      title: { fontSize: 16, bold: true, margin: [0, 2, 0, 4] },
      subtitle: { fontSize: 10.5, margin: [0, 0, 0, 2] },
      heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
      tableHeader: { bold: true, fontSize: 8.5, color: "#222222" },
      muted: { color: MUTED },
      note: { fontSize: 8.5, color: MUTED, italics: true, margin: [0, 4, 0, 0] },
      empty: { italics: true, color: MUTED },
    },
    defaultStyle: { font: "Roboto", fontSize: 9.5, lineHeight: 1.15 },
  };
}

function titleBlock(
  input: BriefingPdfInput,
  words: Words,
  title: string,
  nameOf: (code: StateCode | null) => string | null,
): Content[] {
  const { briefing, language } = input;
  const engagement = briefing.engagement;
  const place = [engagement.city, nameOf(engagement.placeState)].filter(Boolean).join(", ");
  const marking = words.confidentiality[engagement.confidentiality];
  return [
    {
      columns: [
        { text: words.pack.toUpperCase(), style: "kicker" },
        marking
          ? { text: marking.toUpperCase(), style: "kicker", bold: true, color: "#9B1C1C", alignment: "right" }
          : { text: "" },
      ],
    },
    { text: title, style: "title" },
    {
      text: [
        words.engagementKinds[engagement.kind],
        " · ",
        formatEngagementDates(engagement, language),
        ...(place ? [" · ", place] : []),
        " · ",
        words.engagementStatuses[engagement.status],
      ],
      style: "subtitle",
    },
    {
      text: [
        { text: `${words.counterpart}: `, bold: true },
        input.states.partner[language],
        { text: ` (${words.statusOn(formatDay(briefing.date, language))})`, color: MUTED },
      ],
      style: "subtitle",
    },
    {
      canvas: [{ type: "line", x1: 0, y1: 0, x2: 481, y2: 0, lineWidth: 0.8 }],
      margin: [0, 6, 0, 0],
    },
  ];
}

/** A table with a shaded header row and thin rules, repeating its header on every page. */
function table(
  widths: (string | number)[],
  header: (string | { text: string; alignment: "center" | "right" })[],
  rows: TableCell[][],
): Content {
  return {
    table: {
      headerRows: 1,
      // The header row never stands alone at the foot of a page.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((cell) => ({
          ...(typeof cell === "string" ? { text: cell } : cell),
          style: "tableHeader",
          fillColor: HEADER_FILL,
        })),
        ...rows,
      ],
    },
    layout: {
      hLineWidth: (index: number) => (index === 0 ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

function empty(text: string): Content {
  return { text, style: "empty" };
}

function officialsSection(briefing: Briefing, words: Words, language: BriefingLanguage): Content[] {
  if (briefing.officials.length === 0) return [empty(words.noOfficials)];
  const rows = briefing.officials.map((official): TableCell[] => [
    { text: language === "en" ? official.nameEn : official.nameRu, bold: official.participant },
    language === "en" ? official.titleEn : official.titleRu,
    language === "en" ? official.agencyNameEn : official.agencyNameRu,
    { text: official.participant ? words.yes : "", alignment: "center" },
  ]);
  const anyParticipant = briefing.officials.some((official) => official.participant);
  return [
    table(
      ["28%", "30%", "*", 52],
      [words.name, words.position, words.agency, { text: words.takesPart, alignment: "center" }],
      rows,
    ),
    ...(anyParticipant ? [{ text: words.officialsNote, style: "note" } satisfies Content] : []),
  ];
}

function instrumentsSection(
  briefing: Briefing,
  words: Words,
  language: BriefingLanguage,
  ours: string,
  partner: string,
): Content[] {
  if (briefing.instruments.length === 0) return [empty(words.noInstruments)];
  const rows = briefing.instruments.map((instrument): TableCell[] => [
    {
      stack: [
        language === "en" ? instrument.titleEn : (instrument.titleRu ?? instrument.titleEn),
        {
          text: [
            instrument.code,
            " · ",
            words.instrumentKinds[instrument.kind],
            ...(instrument.binding ? [] : [" · ", words.nonBinding]),
          ],
          fontSize: 8,
          color: MUTED,
        },
      ],
    },
    statusCell(instrument.ours, words),
    statusCell(instrument.theirs, words),
    instrument.termEnd ? formatDay(instrument.termEnd, language) : "—",
  ]);
  return [table(["*", 78, 78, 62], [words.instrument, ours, partner, words.termEnds], rows)];
}

function statusCell(status: PartyStatus, words: Words): TableCell {
  const color = status === "in_force" ? "#1B5E20" : status === "none" ? MUTED : undefined;
  return { text: words.standing[status], ...(color ? { color } : {}), bold: status === "in_force" };
}

function negotiationsSection(briefing: Briefing, words: Words, language: BriefingLanguage): Content[] {
  if (briefing.negotiations.length === 0) return [empty(words.noNegotiations)];
  const rows = briefing.negotiations.map((negotiation): TableCell[] => [
    {
      stack: [
        language === "en" ? negotiation.titleEn : (negotiation.titleRu ?? negotiation.titleEn),
        { text: negotiation.code, fontSize: 8, color: MUTED },
      ],
    },
    negotiation.stage ? words.stages[negotiation.stage] : "—",
    negotiation.stageOn ? formatDay(negotiation.stageOn, language) : "—",
  ]);
  return [table(["*", 120, 90], [words.instrument, words.latestStage, words.stageDate], rows)];
}

function previousSection(
  briefing: Briefing,
  words: Words,
  language: BriefingLanguage,
  nameOf: (code: StateCode | null) => string | null,
): Content[] {
  if (briefing.previousEngagements.length === 0) return [empty(words.noPrevious)];
  return briefing.previousEngagements.map(({ engagement, openActionItems }): Content => {
    const place = [engagement.city, nameOf(engagement.placeState)].filter(Boolean).join(", ");
    return {
      stack: [
        {
          text: [
            { text: formatEngagementDates(engagement, language), bold: true },
            "  ",
            language === "en" ? engagement.titleEn : engagement.titleRu,
          ],
        },
        {
          text: [
            words.engagementKinds[engagement.kind],
            ...(place ? [" · ", place] : []),
            " · ",
            words.engagementStatuses[engagement.status],
          ],
          fontSize: 8.5,
          color: MUTED,
        },
        openActionItems.length === 0
          ? { text: words.noOpenItems, fontSize: 8.5, color: MUTED, margin: [12, 2, 0, 0] }
          : {
              stack: [
                { text: `${words.openItems}:`, fontSize: 8.5, bold: true, margin: [0, 2, 0, 1] },
                { ul: openActionItems.map((item) => actionItemLine(item, words, language)), fontSize: 9 },
              ],
              margin: [12, 0, 0, 0],
            },
      ],
      margin: [0, 0, 0, 8],
      unbreakable: openActionItems.length < 8,
    };
  });
}

function actionItemLine(item: ActionItem, words: Words, language: BriefingLanguage): Content {
  const overdue = item.dueState === "overdue";
  return {
    text: [
      item.title,
      { text: ` — ${item.owner.name}, ${words.dueOn(formatDay(item.dueOn, language))}`, color: MUTED },
      item.status === "in_progress" ? { text: ` (${words.actionStatuses.in_progress})`, color: MUTED } : "",
      overdue ? { text: ` · ${words.overdue}`, color: "#9B1C1C", bold: true } : "",
    ],
  };
}

function caseFiguresSection(briefing: Briefing, words: Words): Content[] {
  const { caseFigures } = briefing;
  if (caseFigures.total === 0) return [empty(words.noCases)];
  const rows = caseFigures.rows.map((row): TableCell[] => [
    words.caseKinds[row.kind],
    words.directions[row.direction],
    words.caseStatuses[row.status],
    { text: String(row.count), alignment: "right" },
  ]);
  rows.push([
    { text: words.total, bold: true, colSpan: 3 },
    "",
    "",
    { text: String(caseFigures.total), bold: true, alignment: "right" },
  ]);
  return [
    table(
      ["*", 80, 130, 64],
      [words.kind, words.direction, words.status, { text: words.count, alignment: "right" }],
      rows,
    ),
    { text: words.caseFiguresNote, style: "note" },
  ];
}
