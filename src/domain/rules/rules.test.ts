import { describe, expect, it } from "vitest";
import {
  admissibilityInput,
  decision,
  extraditionScenario,
  mlaScenario,
  preservationScenario,
  type Scenario,
} from "../../../test/support/rules-fixtures.js";
import { shippedRuleFiles } from "../../../test/support/shipped-rules.js";
import type { CaseEventInput } from "../cases/model.js";
import { parseStateCode } from "../directory/state-codes.js";
import { parseIsoDate } from "../platform/dates.js";
import { checkAdmissibility } from "./evaluate.js";
import { parseRuleFiles } from "./load.js";
import type { AdmissibilityResult } from "./schemas.js";

const day = parseIsoDate;
const state = parseStateCode;

/**
 * One case per encoded rule, named by its id and article: the facts that trigger the rule,
 * and the nearest facts that do not. Each scenario starts from a case where every question
 * is answered "no", so the only difference between the two is the fact the rule tests.
 */

const rules = parseRuleFiles(shippedRuleFiles.filter((file) => file.name !== "clocks.json"));

type Probe = (result: AdmissibilityResult) => boolean;
type RuleCase = {
  id: string;
  article: string;
  codes: string[];
  /** The legal basis of the quiet case, where the rule is silenced by another instrument. */
  quietCodes?: string[];
  probe: Probe;
  trigger: Scenario;
  quiet: Scenario;
};

const groundApplies =
  (id: string): Probe =>
  (result) =>
    result.grounds.some((ground) => ground.ruleId === id && ground.status === "applies");
const judgementListed =
  (id: string): Probe =>
  (result) =>
    result.judgementGrounds.some((ground) => ground.ruleId === id);
const blocking =
  (id: string): Probe =>
  (result) =>
    result.conditions.some((condition) => condition.ruleId === id && condition.blocking);
const decisionFlagged =
  (id: string): Probe =>
  (result) =>
    result.decisionIssues.some((issue) => issue.ruleId === id);
const followUpDue =
  (id: string): Probe =>
  (result) =>
    result.followUps.some((followUp) => followUp.ruleId === id && followUp.status === "due");
const noted =
  (id: string): Probe =>
  (result) =>
    result.notes.some((note) => note.ruleId === id);
const contentMissing =
  (id: string): Probe =>
  (result) =>
    result.requiredContent.some((item) => item.ruleId === id && item.present === false);
const thresholdFails =
  (id: string): Probe =>
  (result) =>
    result.thresholds.some((threshold) => threshold.ruleId === id && threshold.passes === false);

const refusedOn = (...codes: string[]): CaseEventInput[] => [
  decision(
    "refused",
    codes.map((code) => ({ code })),
  ),
];
const RU_NATIONAL = { nationalities: ["RU"] };
const consultation: CaseEventInput = {
  type: "consultation_held",
  payload: {
    on: day("2025-04-20"),
    withState: state("KH"),
    summary: "Discussed the grounds before deciding",
  },
};

const C24 = ["CETS024"];
const C30 = ["CETS030"];
const MINSK = ["MINSK1993"];
const CHISINAU = ["CHISINAU2002"];
const UNTOC = ["UNTOC"];
const UNCAC = ["UNCAC"];
const BUDAPEST = ["CETS185"];
const KHRU = ["KH-RU-EXT-2017"];

const cases: RuleCase[] = [
  // --- CETS 024 and its protocols ---------------------------------------------------------------
  {
    id: "E24-2.1",
    article: "art. 2(1)",
    codes: C24,
    probe: groundApplies("E24-2.1"),
    trigger: extraditionScenario({ offence: { maximumPenaltyMonths: 11 } }),
    quiet: extraditionScenario({ offence: { maximumPenaltyMonths: 12 } }),
  },
  {
    id: "E24-2.1-dual-criminality",
    article: "art. 2(1)",
    codes: C24,
    probe: groundApplies("E24-2.1-dual-criminality"),
    trigger: extraditionScenario({ offence: { punishableInRequestedState: false } }),
    quiet: extraditionScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "E24-3.1",
    article: "art. 3(1)",
    codes: C24,
    probe: groundApplies("E24-3.1"),
    trigger: extraditionScenario({ offence: { political: true } }),
    quiet: extraditionScenario({ offence: { political: false } }),
  },
  {
    id: "E24-3.2",
    article: "art. 3(2)",
    codes: C24,
    probe: groundApplies("E24-3.2"),
    trigger: extraditionScenario({ person: { discriminationRiskAlleged: true } }),
    quiet: extraditionScenario({ person: { discriminationRiskAlleged: false } }),
  },
  {
    id: "E24-4",
    article: "art. 4",
    codes: C24,
    probe: groundApplies("E24-4"),
    trigger: extraditionScenario({ offence: { military: true } }),
    quiet: extraditionScenario({ offence: { military: false } }),
  },
  {
    id: "E24-5",
    article: "art. 5",
    codes: C24,
    probe: groundApplies("E24-5"),
    trigger: extraditionScenario({ offence: { fiscal: true } }),
    quiet: extraditionScenario({ offence: { fiscal: false } }),
  },
  {
    id: "CETS098-2",
    article: "art. 2",
    codes: ["CETS024", "CETS098"],
    probe: noted("CETS098-2"),
    trigger: extraditionScenario({ offence: { fiscal: true } }),
    quiet: extraditionScenario({ offence: { fiscal: false } }),
  },
  {
    id: "CETS098-3",
    article: "art. 3",
    codes: ["CETS024", "CETS098"],
    probe: groundApplies("CETS098-3"),
    trigger: extraditionScenario({
      header: { purpose: "enforcement" },
      facts: {
        warrants: [
          { id: "w1", kind: "conviction", issuedBy: "Court", issuedOn: "2024-01-10", inAbsentia: true },
        ],
      },
    }),
    quiet: extraditionScenario({
      header: { purpose: "enforcement" },
      facts: {
        warrants: [
          { id: "w1", kind: "conviction", issuedBy: "Court", issuedOn: "2024-01-10", inAbsentia: false },
        ],
      },
    }),
  },
  {
    id: "CETS098-4",
    article: "art. 4",
    codes: ["CETS024", "CETS098"],
    probe: groundApplies("CETS098-4"),
    trigger: extraditionScenario({ offence: { amnestied: true } }),
    quiet: extraditionScenario({ offence: { amnestied: false } }),
  },
  {
    id: "E24-6.1a",
    article: "art. 6(1)(a)",
    codes: C24,
    probe: groundApplies("E24-6.1a"),
    trigger: extraditionScenario({ person: RU_NATIONAL }),
    quiet: extraditionScenario({ person: { nationalities: ["KH"] } }),
  },
  {
    id: "E24-6.2",
    article: "art. 6(2)",
    codes: C24,
    probe: followUpDue("E24-6.2"),
    trigger: extraditionScenario({ person: RU_NATIONAL, events: refusedOn("own_national") }),
    quiet: extraditionScenario({ person: RU_NATIONAL, events: refusedOn("political_offence") }),
  },
  {
    id: "E24-7",
    article: "art. 7",
    codes: C24,
    probe: groundApplies("E24-7"),
    trigger: extraditionScenario({ offence: { committedInRequestedState: true } }),
    quiet: extraditionScenario({ offence: { committedInRequestedState: false } }),
  },
  {
    id: "E24-8",
    article: "art. 8",
    codes: C24,
    probe: groundApplies("E24-8"),
    trigger: extraditionScenario({ offence: { pendingProceedingsInRequestedState: true } }),
    quiet: extraditionScenario({ offence: { pendingProceedingsInRequestedState: false } }),
  },
  {
    id: "E24-9",
    article: "art. 9",
    codes: C24,
    probe: groundApplies("E24-9"),
    trigger: extraditionScenario({ offence: { finalJudgmentInRequestedState: true } }),
    quiet: extraditionScenario({ offence: { finalJudgmentInRequestedState: false } }),
  },
  {
    id: "E24-9-discontinued",
    article: "art. 9",
    codes: C24,
    probe: judgementListed("E24-9-discontinued"),
    trigger: extraditionScenario(),
    quiet: mlaScenario(),
  },
  {
    id: "E24-10",
    article: "art. 10",
    codes: C24,
    probe: groundApplies("E24-10"),
    trigger: extraditionScenario({ offence: { timeBarred: true } }),
    quiet: extraditionScenario({ offence: { timeBarred: false } }),
  },
  {
    id: "CETS212-1",
    article: "art. 1",
    codes: ["CETS024", "CETS212"],
    probe: groundApplies("CETS212-1"),
    trigger: extraditionScenario({ offence: { timeBarred: true } }),
    quiet: extraditionScenario({ offence: { timeBarred: false } }),
  },
  {
    id: "E24-11",
    article: "art. 11",
    codes: C24,
    probe: groundApplies("E24-11"),
    trigger: extraditionScenario({ offence: { deathPenalty: true } }),
    quiet: extraditionScenario({
      offence: { deathPenalty: true },
      facts: { requestedStateAbolishedDeathPenalty: false },
    }),
  },
  {
    id: "E24-11-assurance",
    article: "art. 11",
    codes: C24,
    probe: blocking("E24-11-assurance"),
    trigger: extraditionScenario({ offence: { deathPenalty: true } }),
    quiet: extraditionScenario({
      offence: { deathPenalty: true },
      events: [
        {
          type: "assurance_recorded",
          payload: {
            on: day("2025-04-01"),
            kind: "death_penalty",
            givenBy: "Ministry of Justice of the requesting state",
            text: "The death penalty will not be sought or carried out.",
          },
        },
      ],
    }),
  },
  {
    id: "E24-12",
    article: "art. 12",
    codes: C24,
    probe: contentMissing("E24-12"),
    trigger: extraditionScenario({ facts: { warrants: [] } }),
    quiet: extraditionScenario(),
  },
  {
    id: "E24-18.2",
    article: "art. 18(2)",
    codes: C24,
    probe: decisionFlagged("E24-18.2"),
    trigger: extraditionScenario({ events: refusedOn() }),
    quiet: extraditionScenario({ events: refusedOn("political_offence") }),
  },

  // --- CETS 030 and CETS 099 --------------------------------------------------------------------
  {
    id: "M30-1",
    article: "art. 1",
    codes: C30,
    probe: groundApplies("M30-1"),
    trigger: mlaScenario({ offence: { military: true } }),
    quiet: mlaScenario({ offence: { military: false } }),
  },
  {
    id: "M30-2a-political",
    article: "art. 2(a)",
    codes: C30,
    probe: groundApplies("M30-2a-political"),
    trigger: mlaScenario({ offence: { political: true } }),
    quiet: mlaScenario({ offence: { political: false } }),
  },
  {
    id: "M30-2a-fiscal",
    article: "art. 2(a)",
    codes: C30,
    probe: groundApplies("M30-2a-fiscal"),
    trigger: mlaScenario({ offence: { fiscal: true } }),
    quiet: mlaScenario({ offence: { fiscal: false } }),
  },
  {
    id: "M30-2b",
    article: "art. 2(b)",
    codes: C30,
    probe: groundApplies("M30-2b"),
    trigger: mlaScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: mlaScenario({ facts: { essentialInterestsAtStake: false } }),
  },
  {
    id: "M30-5",
    article: "art. 5",
    codes: C30,
    probe: noted("M30-5"),
    trigger: mlaScenario({}, [{ id: "m1", kind: "search_and_seizure", description: "Search the office" }]),
    quiet: mlaScenario({}, [{ id: "m1", kind: "witness_hearing", description: "Hear the partner" }]),
  },
  {
    id: "M30-14",
    article: "art. 14",
    codes: C30,
    probe: contentMissing("M30-14"),
    trigger: mlaScenario({ header: { requestingAuthority: null } }),
    quiet: mlaScenario(),
  },
  {
    id: "M30-19",
    article: "art. 19",
    codes: C30,
    probe: decisionFlagged("M30-19"),
    trigger: mlaScenario({ events: refusedOn() }),
    quiet: mlaScenario({ events: refusedOn("essential_interests") }),
  },
  {
    id: "CETS099-1",
    article: "art. 1",
    codes: ["CETS030", "CETS099"],
    probe: decisionFlagged("CETS099-1"),
    trigger: mlaScenario({ events: refusedOn("fiscal_offence") }),
    quiet: mlaScenario({ events: refusedOn("fiscal_offence", "essential_interests") }),
  },

  // --- CIS conventions ------------------------------------------------------------------------
  {
    id: "MN-56",
    article: "art. 56",
    codes: MINSK,
    probe: groundApplies("MN-56"),
    trigger: extraditionScenario({ header: { purpose: "enforcement" }, offence: { sentenceMonths: 5 } }),
    quiet: extraditionScenario({ header: { purpose: "enforcement" }, offence: { sentenceMonths: 6 } }),
  },
  {
    id: "MN-56-dual-criminality",
    article: "art. 56",
    codes: MINSK,
    probe: groundApplies("MN-56-dual-criminality"),
    trigger: extraditionScenario({ offence: { punishableInRequestedState: false } }),
    quiet: extraditionScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "CH-MN-56",
    article: "counterpart of Minsk art. 56",
    codes: CHISINAU,
    probe: groundApplies("CH-MN-56"),
    trigger: extraditionScenario({ offence: { maximumPenaltyMonths: 11 } }),
    quiet: extraditionScenario({ offence: { maximumPenaltyMonths: 12 } }),
  },
  {
    id: "CH-MN-56-dual-criminality",
    article: "counterpart of Minsk art. 56",
    codes: CHISINAU,
    probe: groundApplies("CH-MN-56-dual-criminality"),
    trigger: extraditionScenario({ offence: { punishableInRequestedState: false } }),
    quiet: extraditionScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "MN-57-national",
    article: "art. 57",
    codes: MINSK,
    probe: groundApplies("MN-57-national"),
    trigger: extraditionScenario({ person: RU_NATIONAL }),
    quiet: extraditionScenario({ person: { nationalities: ["KZ"] } }),
  },
  {
    id: "MN-57-follow-up",
    article: "art. 57",
    codes: CHISINAU,
    probe: followUpDue("MN-57-follow-up"),
    trigger: extraditionScenario({ person: RU_NATIONAL, events: refusedOn("own_national") }),
    quiet: extraditionScenario({ person: RU_NATIONAL, events: refusedOn("lapse_of_time") }),
  },
  {
    id: "MN-57-time-barred",
    article: "art. 57",
    codes: MINSK,
    probe: groundApplies("MN-57-time-barred"),
    trigger: extraditionScenario({ offence: { timeBarred: true } }),
    quiet: extraditionScenario({ offence: { timeBarred: false } }),
  },
  {
    id: "MN-57-final-judgment",
    article: "art. 57",
    codes: CHISINAU,
    probe: groundApplies("MN-57-final-judgment"),
    trigger: extraditionScenario({ offence: { finalJudgmentInRequestedState: true } }),
    quiet: extraditionScenario({ offence: { finalJudgmentInRequestedState: false } }),
  },
  {
    id: "MN-57-private-complaint",
    article: "art. 57",
    codes: MINSK,
    probe: judgementListed("MN-57-private-complaint"),
    trigger: extraditionScenario(),
    quiet: mlaScenario(),
  },
  {
    id: "MN-57-territory",
    article: "art. 57",
    codes: MINSK,
    probe: groundApplies("MN-57-territory"),
    trigger: extraditionScenario({ offence: { committedInRequestedState: true } }),
    quiet: extraditionScenario({ offence: { committedInRequestedState: false } }),
  },
  {
    id: "MN-19",
    article: "art. 19",
    codes: MINSK,
    probe: groundApplies("MN-19"),
    trigger: mlaScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: mlaScenario({ facts: { essentialInterestsAtStake: false } }),
  },
  {
    id: "MN-19-law",
    article: "art. 19",
    codes: MINSK,
    probe: judgementListed("MN-19-law"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },

  // --- UNTOC ----------------------------------------------------------------------------------
  {
    id: "T16-1",
    article: "art. 16(1)",
    codes: UNTOC,
    probe: groundApplies("T16-1"),
    trigger: extraditionScenario({ offence: { punishableInRequestedState: false } }),
    quiet: extraditionScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "T16-10",
    article: "art. 16(10)",
    codes: UNTOC,
    probe: followUpDue("T16-10"),
    trigger: extraditionScenario({
      person: RU_NATIONAL,
      events: [consultation, ...refusedOn("own_national")],
    }),
    quiet: extraditionScenario({
      person: RU_NATIONAL,
      events: [consultation, ...refusedOn("discrimination")],
    }),
  },
  {
    id: "T16-14",
    article: "art. 16(14)",
    codes: UNTOC,
    probe: groundApplies("T16-14"),
    trigger: extraditionScenario({ person: { discriminationRiskAlleged: true } }),
    quiet: extraditionScenario({ person: { discriminationRiskAlleged: false } }),
  },
  {
    id: "T16-15",
    article: "art. 16(15)",
    codes: UNTOC,
    probe: decisionFlagged("T16-15"),
    trigger: extraditionScenario({ events: [consultation, ...refusedOn("fiscal_offence")] }),
    quiet: extraditionScenario({ events: [consultation, ...refusedOn("fiscal_offence", "discrimination")] }),
  },
  {
    id: "T16-16",
    article: "art. 16(16)",
    codes: UNTOC,
    probe: blocking("T16-16"),
    trigger: extraditionScenario(),
    quiet: extraditionScenario({ events: [consultation] }),
  },
  {
    id: "T18-8",
    article: "art. 18(8)",
    codes: UNTOC,
    probe: decisionFlagged("T18-8"),
    trigger: mlaScenario({ events: [consultation, ...refusedOn("bank_secrecy")] }),
    quiet: mlaScenario({ events: [consultation, ...refusedOn("essential_interests")] }),
  },
  {
    id: "T18-9",
    article: "art. 18(9)",
    codes: UNTOC,
    probe: groundApplies("T18-9"),
    trigger: mlaScenario({ offence: { punishableInRequestedState: false } }),
    quiet: mlaScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "T18-15",
    article: "art. 18(15)",
    codes: UNTOC,
    probe: contentMissing("T18-15"),
    trigger: mlaScenario({ header: { summary: null } }),
    quiet: mlaScenario(),
  },
  {
    id: "T18-21a",
    article: "art. 18(21)(a)",
    codes: UNTOC,
    probe: judgementListed("T18-21a"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "T18-21b",
    article: "art. 18(21)(b)",
    codes: UNTOC,
    probe: groundApplies("T18-21b"),
    trigger: mlaScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: mlaScenario({ facts: { essentialInterestsAtStake: false } }),
  },
  {
    id: "T18-21c",
    article: "art. 18(21)(c)",
    codes: UNTOC,
    probe: judgementListed("T18-21c"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "T18-21d",
    article: "art. 18(21)(d)",
    codes: UNTOC,
    probe: judgementListed("T18-21d"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "T18-22",
    article: "art. 18(22)",
    codes: UNTOC,
    probe: decisionFlagged("T18-22"),
    trigger: mlaScenario({ events: [consultation, ...refusedOn("fiscal_offence")] }),
    quiet: mlaScenario({ events: [consultation, ...refusedOn("fiscal_offence", "essential_interests")] }),
  },
  {
    id: "T18-23",
    article: "art. 18(23)",
    codes: UNTOC,
    probe: decisionFlagged("T18-23"),
    trigger: mlaScenario({ events: [consultation, ...refusedOn()] }),
    quiet: mlaScenario({ events: [consultation, ...refusedOn("essential_interests")] }),
  },
  {
    id: "T18-26",
    article: "art. 18(26)",
    codes: UNTOC,
    probe: blocking("T18-26"),
    trigger: mlaScenario(),
    quiet: mlaScenario({ events: [consultation] }),
  },

  // --- UNCAC ----------------------------------------------------------------------------------
  {
    id: "C44-2",
    article: "art. 44(2)",
    codes: UNCAC,
    probe: noted("C44-2"),
    trigger: extraditionScenario({ offence: { punishableInRequestedState: false } }),
    quiet: extraditionScenario({ offence: { punishableInRequestedState: true } }),
  },
  {
    id: "C44-4",
    article: "art. 44(4)",
    codes: UNCAC,
    probe: decisionFlagged("C44-4"),
    trigger: extraditionScenario({ events: [consultation, ...refusedOn("political_offence")] }),
    quiet: extraditionScenario({ events: [consultation, ...refusedOn("discrimination")] }),
  },
  {
    id: "C44-11",
    article: "art. 44(11)",
    codes: UNCAC,
    probe: followUpDue("C44-11"),
    trigger: extraditionScenario({
      person: RU_NATIONAL,
      events: [consultation, ...refusedOn("own_national")],
    }),
    quiet: extraditionScenario({
      person: RU_NATIONAL,
      events: [consultation, ...refusedOn("discrimination")],
    }),
  },
  {
    id: "C44-15",
    article: "art. 44(15)",
    codes: UNCAC,
    probe: groundApplies("C44-15"),
    trigger: extraditionScenario({ person: { discriminationRiskAlleged: true } }),
    quiet: extraditionScenario({ person: { discriminationRiskAlleged: false } }),
  },
  {
    id: "C44-16",
    article: "art. 44(16)",
    codes: UNCAC,
    probe: decisionFlagged("C44-16"),
    trigger: extraditionScenario({ events: [consultation, ...refusedOn("fiscal_offence")] }),
    quiet: extraditionScenario({ events: [consultation, ...refusedOn("fiscal_offence", "discrimination")] }),
  },
  {
    id: "C44-17",
    article: "art. 44(17)",
    codes: UNCAC,
    probe: blocking("C44-17"),
    trigger: extraditionScenario(),
    quiet: extraditionScenario({ events: [consultation] }),
  },
  {
    id: "C46-8",
    article: "art. 46(8)",
    codes: UNCAC,
    probe: decisionFlagged("C46-8"),
    trigger: mlaScenario({ events: refusedOn("bank_secrecy") }),
    quiet: mlaScenario({ events: refusedOn("essential_interests") }),
  },
  {
    id: "C46-9b",
    article: "art. 46(9)(b)",
    codes: UNCAC,
    probe: decisionFlagged("C46-9b"),
    trigger: mlaScenario({ events: refusedOn("no_dual_criminality") }, [
      { id: "m1", kind: "witness_hearing", description: "Hear the partner" },
    ]),
    quiet: mlaScenario({ events: refusedOn("no_dual_criminality") }, [
      { id: "m1", kind: "search_and_seizure", description: "Search the office" },
    ]),
  },
  {
    id: "C46-15",
    article: "art. 46(15)",
    codes: UNCAC,
    probe: contentMissing("C46-15"),
    trigger: mlaScenario({ person: { location: null } }),
    quiet: mlaScenario(),
  },
  {
    id: "C46-21a",
    article: "art. 46(21)(a)",
    codes: UNCAC,
    probe: judgementListed("C46-21a"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "C46-21b",
    article: "art. 46(21)(b)",
    codes: UNCAC,
    probe: groundApplies("C46-21b"),
    trigger: mlaScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: mlaScenario({ facts: { essentialInterestsAtStake: false } }),
  },
  {
    id: "C46-21c",
    article: "art. 46(21)(c)",
    codes: UNCAC,
    probe: judgementListed("C46-21c"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "C46-21d",
    article: "art. 46(21)(d)",
    codes: UNCAC,
    probe: judgementListed("C46-21d"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },

  // --- Budapest -------------------------------------------------------------------------------
  {
    id: "B24-1",
    article: "art. 24(1)",
    codes: BUDAPEST,
    probe: groundApplies("B24-1"),
    trigger: extraditionScenario({ offence: { maximumPenaltyMonths: 11 } }),
    quiet: extraditionScenario({ offence: { maximumPenaltyMonths: 12 } }),
  },
  {
    id: "B25-4",
    article: "art. 25(4)",
    codes: BUDAPEST,
    probe: decisionFlagged("B25-4"),
    trigger: mlaScenario({ events: refusedOn("fiscal_offence") }),
    quiet: mlaScenario({ events: refusedOn("fiscal_offence", "essential_interests") }),
  },
  {
    id: "B25-5",
    article: "art. 25(5)",
    codes: BUDAPEST,
    probe: noted("B25-5"),
    trigger: mlaScenario(),
    quiet: extraditionScenario(),
  },
  {
    id: "B27-1",
    article: "art. 27(1)",
    codes: BUDAPEST,
    quietCodes: ["CETS185", "CETS030"],
    probe: noted("B27-1"),
    trigger: mlaScenario(),
    quiet: mlaScenario(),
  },
  {
    id: "B27-4a",
    article: "art. 27(4)(a)",
    codes: BUDAPEST,
    probe: groundApplies("B27-4a"),
    trigger: mlaScenario({ offence: { political: true } }),
    quiet: mlaScenario({ offence: { political: false } }),
  },
  {
    id: "B27-4b",
    article: "art. 27(4)(b)",
    codes: BUDAPEST,
    probe: groundApplies("B27-4b"),
    trigger: mlaScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: mlaScenario({ facts: { essentialInterestsAtStake: false } }),
  },
  {
    id: "B29-2",
    article: "art. 29(2)",
    codes: BUDAPEST,
    probe: contentMissing("B29-2"),
    trigger: preservationScenario({ header: { requestingAuthority: null } }),
    quiet: preservationScenario(),
  },
  {
    id: "B29-3",
    article: "art. 29(3)",
    codes: BUDAPEST,
    probe: decisionFlagged("B29-3"),
    trigger: preservationScenario({ events: refusedOn("no_dual_criminality") }),
    quiet: preservationScenario({ events: refusedOn("political_offence") }),
  },
  {
    id: "B29-5",
    article: "art. 29(5)",
    codes: BUDAPEST,
    probe: decisionFlagged("B29-5"),
    trigger: preservationScenario({ events: refusedOn("own_national") }),
    quiet: preservationScenario({ events: refusedOn("essential_interests") }),
  },
  {
    id: "B29-5a",
    article: "art. 29(5)(a)",
    codes: BUDAPEST,
    probe: groundApplies("B29-5a"),
    trigger: preservationScenario({ offence: { political: true } }),
    quiet: preservationScenario({ offence: { political: false } }),
  },
  {
    id: "B29-5b",
    article: "art. 29(5)(b)",
    codes: BUDAPEST,
    probe: groundApplies("B29-5b"),
    trigger: preservationScenario({ facts: { essentialInterestsAtStake: true } }),
    quiet: preservationScenario({ facts: { essentialInterestsAtStake: false } }),
  },

  // --- INTERPOL and the Cambodia-Russia treaty ----------------------------------------------------
  {
    id: "IP-83",
    article: "art. 83",
    codes: KHRU,
    probe: thresholdFails("IP-83"),
    trigger: extraditionScenario({
      offence: { maximumPenaltyMonths: 23 },
      facts: { notices: [{ id: "n1", type: "red", number: "A-1/2025", issuedOn: "2025-01-01" }] },
    }),
    quiet: extraditionScenario({
      offence: { maximumPenaltyMonths: 24 },
      facts: { notices: [{ id: "n1", type: "red", number: "A-1/2025", issuedOn: "2025-01-01" }] },
    }),
  },
  {
    id: "KHRU-extraditable-offence",
    article: "extraditable offences",
    codes: KHRU,
    probe: groundApplies("KHRU-extraditable-offence"),
    trigger: extraditionScenario({ offence: { maximumPenaltyMonths: 11 } }),
    quiet: extraditionScenario({ offence: { maximumPenaltyMonths: 12 } }),
  },
  {
    id: "KHRU-own-nationals",
    article: "own nationals",
    codes: KHRU,
    probe: groundApplies("KHRU-own-nationals"),
    trigger: extraditionScenario({
      person: RU_NATIONAL,
      overlays: [
        {
          state: state("RU"),
          instrumentCode: "KH-RU-EXT-2017",
          payload: { kind: "own_nationals", subjects: ["extradition"] },
        },
      ],
    }),
    quiet: extraditionScenario({
      person: { nationalities: ["KH"] },
      overlays: [
        {
          state: state("RU"),
          instrumentCode: "KH-RU-EXT-2017",
          payload: { kind: "own_nationals", subjects: ["extradition"] },
        },
      ],
    }),
  },
];

const check = (scenario: Scenario, codes: string[]) =>
  checkAdmissibility(admissibilityInput(scenario, codes, rules));

describe("every encoded rule, by id and article", () => {
  it.each(cases)("$id ($article): triggered by its facts, silent without them", (ruleCase) => {
    const rule = rules.find((candidate) => candidate.id === ruleCase.id);
    expect(rule, `rule ${ruleCase.id} is in data/rules`).toBeDefined();
    expect(rule!.article).toContain(ruleCase.article);
    expect(ruleCase.probe(check(ruleCase.trigger, ruleCase.codes))).toBe(true);
    expect(ruleCase.probe(check(ruleCase.quiet, ruleCase.quietCodes ?? ruleCase.codes))).toBe(false);
  });

  it("has a case for each rule of the shipped files, and no case for a rule that does not exist", () => {
    const encoded = rules.filter((rule) => rule.kind !== "clock").map((rule) => rule.id);
    expect(cases.map((ruleCase) => ruleCase.id).sort()).toEqual([...encoded].sort());
  });

  it("the baseline cases trigger no ground under any instrument", () => {
    const everything = [...new Set(rules.flatMap((rule) => rule.instruments))];
    for (const scenario of [extraditionScenario(), mlaScenario(), preservationScenario()]) {
      const result = check(scenario, everything);
      expect(result.grounds.filter((ground) => ground.status === "applies")).toEqual([]);
      expect(
        result.conditions.filter(
          (condition) => condition.status === "applies" && condition.requires.event === "assurance_recorded",
        ),
      ).toEqual([]);
    }
  });
});
