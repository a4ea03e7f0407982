import type { CaseFacts, CaseHeader } from "../cases/model.js";
import type { MeasureKind, WarrantKind } from "../cases/vocabulary.js";
import { rulesOfLegalBasis } from "./legal-basis.js";
import type { Rule } from "./model.js";
import type { RequestContent } from "./schemas.js";

/**
 * What a request must contain under its legal basis (CETS 024 art. 12, CETS 030 art. 14,
 * UNTOC 18(15), UNCAC 46(15), Budapest 29(2)), read against the case's facts, so that a
 * request letter lists what is missing before it is generated. Rule files name the items;
 * this file says how each item is found in a case. An item that no structured fact can
 * show (the copy of the law, the purpose of the evidence) is `present: null`: the
 * officer confirms it in the letter.
 */

export type RequestContentInput = {
  header: CaseHeader;
  facts: CaseFacts;
  legalBasisCodes: readonly string[];
  rules: readonly Rule[];
};

type Finding = { present: boolean | null; hintEn: string; hintRu: string };
type ItemDefinition = {
  labelEn: string;
  labelRu: string;
  find: (header: CaseHeader, facts: CaseFacts) => Finding;
};

/** Warrants that found an extradition for prosecution, and judgments that found one for enforcement. */
const PROSECUTION_WARRANTS: readonly WarrantKind[] = ["arrest_warrant", "detention_order", "court_order"];
const ENFORCEMENT_WARRANTS: readonly WarrantKind[] = ["conviction", "judgment"];

const CONFIRM_EN = "The case's facts cannot show this: confirm that the letter states it.";
const CONFIRM_RU = "Сведения дела не позволяют это проверить: убедитесь, что это указано в запросе.";

const hasText = (value: string | null | undefined) => Boolean(value?.trim());

export const CONTENT_ITEMS: Record<string, ItemDefinition> = {
  arrest_warrant_or_conviction: {
    labelEn:
      "The conviction and sentence, detention order or arrest warrant (original or authenticated copy)",
    labelRu: "Приговор, постановление о заключении под стражу или об аресте (подлинник или заверенная копия)",
    find: (header, facts) => {
      const kinds =
        header.purpose === "enforcement"
          ? ENFORCEMENT_WARRANTS
          : header.purpose === "prosecution"
            ? PROSECUTION_WARRANTS
            : [...PROSECUTION_WARRANTS, ...ENFORCEMENT_WARRANTS];
      return {
        present: facts.warrants.some((warrant) => kinds.includes(warrant.kind)),
        hintEn:
          header.purpose === "enforcement"
            ? "Record the conviction or judgment to be enforced (warrants)."
            : "Record the arrest warrant, detention order or court order (warrants).",
        hintRu:
          header.purpose === "enforcement"
            ? "Внесите подлежащий исполнению приговор (раздел «Постановления»)."
            : "Внесите постановление об аресте или о заключении под стражу (раздел «Постановления»).",
      };
    },
  },
  statement_of_offences: {
    labelEn: "A statement of the offences: time, place, legal description and the provisions",
    labelRu: "Изложение преступлений: время, место, юридическая квалификация и применимые нормы",
    find: (_header, facts) => {
      const undated = facts.offences.filter((offence) => !offence.committedOn);
      if (facts.offences.length === 0)
        return {
          present: false,
          hintEn: "Record the offences with their provisions, descriptions and dates.",
          hintRu: "Внесите преступления с указанием норм, описания и дат.",
        };
      return {
        present: undated.length === 0,
        hintEn: `Record when each offence was committed (missing for: ${undated.map((offence) => offence.article).join("; ")}); state the place in the description.`,
        hintRu: `Укажите дату совершения каждого преступления (нет для: ${undated.map((offence) => offence.article).join("; ")}); место укажите в описании.`,
      };
    },
  },
  text_of_law: {
    labelEn: "A copy of the relevant enactments (the provisions of law)",
    labelRu: "Копия применимых положений закона",
    find: (_header, facts) => ({
      present: null,
      hintEn: `Attach the text of: ${facts.offences.map((offence) => offence.article).join("; ") || "the provisions charged"}.`,
      hintRu: `Приложите текст: ${facts.offences.map((offence) => offence.article).join("; ") || "применимых норм"}.`,
    }),
  },
  person_description: {
    labelEn: "As accurate a description of the person sought as possible, with identity and nationality",
    labelRu: "Возможно более точное описание разыскиваемого лица, его личности и гражданства",
    find: (_header, facts) => ({
      present: facts.persons.some(
        (person) => person.role === "sought" && person.nationalities.length > 0 && Boolean(person.birthDate),
      ),
      hintEn: "Record the person sought with full name, date of birth and nationalities.",
      hintRu: "Внесите разыскиваемое лицо с полным именем, датой рождения и гражданством.",
    }),
  },
  requesting_authority: {
    labelEn: "The authority making the request",
    labelRu: "Орган, направляющий запрос",
    find: (header) => ({
      present: hasText(header.requestingAuthority) || Boolean(header.requestingAgencyId),
      hintEn: "Name the requesting authority in the case header.",
      hintRu: "Укажите запрашивающий орган в карточке дела.",
    }),
  },
  subject_and_nature: {
    labelEn:
      "The subject and nature of the investigation, prosecution or proceedings, and the authority conducting them",
    labelRu:
      "Предмет и характер расследования, уголовного преследования или производства и ведущий его орган",
    find: (header, facts) => ({
      present: facts.offences.length > 0 && hasText(header.requestingAuthority),
      hintEn: "Record the offences under investigation and name the authority conducting the proceedings.",
      hintRu: "Внесите расследуемые преступления и укажите орган, ведущий производство.",
    }),
  },
  summary_of_facts: {
    labelEn: "A summary of the relevant facts",
    labelRu: "Краткое изложение обстоятельств дела",
    find: (header) => ({
      present: hasText(header.summary),
      hintEn: "Write the summary of facts in the case header.",
      hintRu: "Изложите обстоятельства дела в карточке дела.",
    }),
  },
  assistance_sought: {
    labelEn: "A description of the assistance sought and of any procedure to follow",
    labelRu: "Описание запрашиваемой помощи и процедуры, которую следует соблюсти",
    find: (_header, facts) => ({
      present: facts.measures.length > 0,
      hintEn: "Record the measures asked for.",
      hintRu: "Внесите запрашиваемые процессуальные действия.",
    }),
  },
  object_and_reason: {
    labelEn: "The object of and the reason for the request",
    labelRu: "Предмет и основание запроса",
    find: (header, facts) => ({
      present: facts.measures.length > 0 && hasText(header.summary),
      hintEn: "Record the measures asked for and the summary of facts that explains them.",
      hintRu: "Внесите запрашиваемые действия и изложение обстоятельств, которое их обосновывает.",
    }),
  },
  identity_location_nationality: {
    labelEn: "Where possible, the identity, location and nationality of any person concerned",
    labelRu: "По возможности — личность, местонахождение и гражданство соответствующих лиц",
    find: (_header, facts) => ({
      present:
        facts.persons.length > 0 &&
        facts.persons.every((person) => person.nationalities.length > 0 && hasText(person.location)),
      hintEn: "Record each person concerned with nationalities and location, where known.",
      hintRu: "Внесите каждое соответствующее лицо с гражданством и местонахождением, если они известны.",
    }),
  },
  identity_and_nationality: {
    labelEn: "Where possible, the identity and nationality of the person concerned",
    labelRu: "По возможности — личность и гражданство соответствующего лица",
    find: (_header, facts) => ({
      present: facts.persons.length > 0 && facts.persons.every((person) => person.nationalities.length > 0),
      hintEn: "Record each person concerned with nationalities, where known.",
      hintRu: "Внесите каждое соответствующее лицо с гражданством, если оно известно.",
    }),
  },
  service_address: {
    labelEn: "The name and address of the person to be served",
    labelRu: "Имя и адрес лица, которому вручаются документы",
    find: (_header, facts) => ({
      present: facts.persons.some((person) => hasText(person.location)),
      hintEn: "Record the person to be served with an address (location).",
      hintRu: "Внесите лицо, которому вручаются документы, с адресом (местонахождением).",
    }),
  },
  purpose: {
    labelEn: "The purpose for which the evidence, information or action is sought",
    labelRu: "Цель, для которой запрашиваются доказательства, информация или действия",
    find: () => ({ present: null, hintEn: CONFIRM_EN, hintRu: CONFIRM_RU }),
  },
  data_to_preserve: {
    labelEn: "The stored computer data to be preserved and its relationship to the offence",
    labelRu: "Компьютерные данные, подлежащие сохранению, и их связь с преступлением",
    find: (_header, facts) => ({
      present: facts.measures.some((measure) => measure.kind === "expedited_preservation"),
      hintEn: "Record an expedited preservation measure describing the data and its link to the offence.",
      hintRu:
        "Внесите действие по оперативному сохранению данных с описанием данных и их связи с преступлением.",
    }),
  },
  data_custodian_or_location: {
    labelEn:
      "Any available information identifying the custodian of the data or the location of the computer system",
    labelRu: "Имеющиеся сведения о хранителе данных или местонахождении компьютерной системы",
    find: () => ({ present: null, hintEn: CONFIRM_EN, hintRu: CONFIRM_RU }),
  },
  necessity_of_preservation: {
    labelEn: "The necessity of the preservation",
    labelRu: "Обоснование необходимости сохранения",
    find: () => ({ present: null, hintEn: CONFIRM_EN, hintRu: CONFIRM_RU }),
  },
  intent_to_submit_request: {
    labelEn: "That the requesting Party intends to submit a request for mutual assistance for the data",
    labelRu: "Намерение запрашивающей Стороны направить запрос о взаимной помощи в отношении данных",
    find: () => ({ present: null, hintEn: CONFIRM_EN, hintRu: CONFIRM_RU }),
  },
};

/** Whether a rule's item is needed for the measures this case asks for (`contentItemScopes`). */
function itemNeeded(rule: Rule, item: string, measures: readonly MeasureKind[]): boolean {
  const scope = rule.contentItemScopes?.[item];
  if (!scope) return true;
  if (scope.whenMeasures && !measures.some((kind) => scope.whenMeasures!.includes(kind))) return false;
  if (
    scope.unlessOnlyMeasures &&
    measures.length > 0 &&
    measures.every((kind) => scope.unlessOnlyMeasures!.includes(kind))
  )
    return false;
  return true;
}

/** Whether a required-content rule concerns this case (kind, direction, purpose, measures). */
function concernsCase(rule: Rule, header: CaseHeader, facts: CaseFacts): boolean {
  const when = rule.appliesWhen;
  if (when.caseKinds && !when.caseKinds.includes(header.kind)) return false;
  if (when.directions && !when.directions.includes(header.direction)) return false;
  if (when.purposes && header.purpose && !when.purposes.includes(header.purpose)) return false;
  if (when.measures && !facts.measures.some((measure) => when.measures!.includes(measure.kind))) return false;
  return true;
}

export function requestContent(input: RequestContentInput): RequestContent[] {
  const measures = input.facts.measures.map((measure) => measure.kind);
  return rulesOfLegalBasis(input.rules, input.header, input.legalBasisCodes)
    .filter(({ rule }) => rule.kind === "required_content" && concernsCase(rule, input.header, input.facts))
    .map(({ rule, instrument }) => ({
      instrumentCode: instrument,
      ruleId: rule.id,
      article: rule.article,
      titleEn: rule.titleEn,
      titleRu: rule.titleRu,
      verified: rule.verified,
      items: (rule.contentItems ?? [])
        .filter((item) => itemNeeded(rule, item, measures))
        .map((item) => {
          const definition = CONTENT_ITEMS[item];
          // The loader refuses unknown items; this guards rules built in code.
          if (!definition) throw new Error(`rule ${rule.id}: unknown content item "${item}"`);
          const finding = definition.find(input.header, input.facts);
          return {
            item,
            labelEn: definition.labelEn,
            labelRu: definition.labelRu,
            present: finding.present,
            hintEn: finding.present === true ? null : finding.hintEn,
            hintRu: finding.present === true ? null : finding.hintRu,
          };
        }),
    }));
}
