import { describe, expect, it } from "vitest";
import {
  admissibilityInput,
  decision,
  extraditionScenario,
  mlaScenario,
  preservationScenario,
  type Scenario,
} from "../../../test/support/rules-fixtures.js";
import { shippedRules } from "../../../test/support/shipped-rules.js";
import { type CaseEventInput, caseFactsSchema, caseHeaderSchema } from "../cases/model.js";
import { parseStateCode } from "../directory/state-codes.js";
import { parseIsoDate } from "../platform/dates.js";
import { blockersFor, checkAdmissibility, followUpsFor } from "./evaluate.js";
import type { RuleOverlay } from "./input.js";

const day = parseIsoDate;
const state = parseStateCode;

const rules = shippedRules;
const check = (scenario: Scenario, codes: string[], date?: string) =>
  checkAdmissibility(admissibilityInput(scenario, codes, rules, date));

const consultation: CaseEventInput = {
  type: "consultation_held",
  payload: {
    on: day("2025-04-20"),
    withState: state("KH"),
    summary: "Heard the requesting state on the grounds",
  },
};
const assurance = (kind: "death_penalty" | "fair_trial"): CaseEventInput => ({
  type: "assurance_recorded",
  payload: { on: day("2025-04-01"), kind, givenBy: "Ministry of Justice", text: "Assurance text" },
});

describe("the seed scenario: Cambodia asks Russia to extradite a Cambodian national (2017 treaty, Red Notice)", () => {
  // Public facts from the press (DOMAIN.md): aggravated blackmail, Cambodian Criminal Code
  // arts 372 and 374, 5-10 years; court-ordered arrest warrant; INTERPOL Red Notice; the
  // person arrested in Russia in January 2025. Everything else is still unknown.
  const seed: Scenario = {
    header: caseHeaderSchema.parse({
      kind: "extradition",
      direction: "incoming",
      reference: "EXT-IN-2025-00001",
      requestingState: "KH",
      requestedState: "RU",
      requestingAuthority: "Ministry of Justice of the Kingdom of Cambodia",
      legalBasis: { type: "instrument", instrumentId: "00000000-0000-4000-8000-000000000017" },
      purpose: "prosecution",
      title: "Extradition of a Cambodian businessman charged with aggravated blackmail",
    }),
    facts: caseFactsSchema.parse({
      offences: [
        {
          id: "blackmail",
          article: "Criminal Code of Cambodia, art. 372",
          description: "Blackmail",
          minimumPenaltyMonths: 60,
          maximumPenaltyMonths: 120,
        },
        {
          id: "aggravated",
          article: "Criminal Code of Cambodia, art. 374",
          description: "Aggravating circumstances of blackmail",
          minimumPenaltyMonths: 60,
          maximumPenaltyMonths: 120,
        },
      ],
      persons: [{ id: "sought", role: "sought", fullName: "The businessman", nationalities: ["KH"] }],
      notices: [
        {
          id: "red-notice",
          type: "red",
          number: "A-0000/1-2025",
          issuedOn: "2024-12-15",
          personId: "sought",
        },
      ],
      warrants: [
        {
          id: "warrant",
          kind: "arrest_warrant",
          issuedBy: "Phnom Penh Municipal Court",
          issuedOn: "2024-12-01",
        },
      ],
    }),
    events: [
      { type: "provisional_arrest", payload: { on: day("2025-01-14"), personId: "sought", place: "Moscow" } },
    ],
    // The registry records each party's own-nationals clause (data/demo/registry.json).
    overlays: [
      {
        state: state("RU"),
        instrumentCode: "KH-RU-EXT-2017",
        payload: { kind: "own_nationals", subjects: ["extradition"] },
      },
      {
        state: state("KH"),
        instrumentCode: "KH-RU-EXT-2017",
        payload: { kind: "own_nationals", subjects: ["extradition"] },
      },
    ],
  };
  const result = check(seed, ["KH-RU-EXT-2017"], "2025-01-20");

  it("finds no refusal ground: the penalty clears the treaty threshold and the person is not Russian", () => {
    expect(result.grounds).toEqual([]);
  });

  it("passes the treaty's one-year threshold and INTERPOL's two-year threshold for both offences", () => {
    expect(
      result.thresholds.map(({ ruleId, offenceId, requiredMonths, actualMonths, passes, advisory }) => ({
        ruleId,
        offenceId,
        requiredMonths,
        actualMonths,
        passes,
        advisory,
      })),
    ).toEqual([
      {
        ruleId: "IP-83",
        offenceId: "blackmail",
        requiredMonths: 24,
        actualMonths: 120,
        passes: true,
        advisory: true,
      },
      {
        ruleId: "IP-83",
        offenceId: "aggravated",
        requiredMonths: 24,
        actualMonths: 120,
        passes: true,
        advisory: true,
      },
      {
        ruleId: "KHRU-extraditable-offence",
        offenceId: "blackmail",
        requiredMonths: 12,
        actualMonths: 120,
        passes: true,
        advisory: false,
      },
      {
        ruleId: "KHRU-extraditable-offence",
        offenceId: "aggravated",
        requiredMonths: 12,
        actualMonths: 120,
        passes: true,
        advisory: false,
      },
    ]);
  });

  it("does not ask whether the person is Russian: the nationality is recorded", () => {
    expect(result.missingFacts.filter((fact) => fact.question === "own_national")).toEqual([]);
  });

  it("asks the unknown facts offence by offence: political, time-barred, amnesty, death penalty ...", () => {
    const asked = result.missingFacts.map(
      (fact) => `${fact.question}:${fact.offenceId ?? fact.personId ?? ""}`,
    );
    for (const offence of ["blackmail", "aggravated"])
      for (const question of [
        "political",
        "military",
        "fiscal",
        "punishable_in_requested_state",
        "time_barred",
        "final_judgment_in_requested_state",
        "amnestied",
        "death_penalty",
      ])
        expect(asked).toContain(`${question}:${offence}`);
    expect(asked).toContain("discrimination_risk:sought");
    expect(result.missingFacts.find((fact) => fact.question === "political")).toMatchObject({
      crossCutting: true,
      asks: {
        en: "Is the offence (Criminal Code of Cambodia, art. 372) political, or connected with a political offence?",
        ru: expect.stringContaining("Criminal Code of Cambodia, art. 372"),
      },
    });
  });

  it("says the treaty rules are unverified and INTERPOL's threshold is advice", () => {
    const codes = result.caveats.map((caveat) => caveat.code);
    expect(codes).toContain("advisory_rules");
    expect(result.caveats.find((caveat) => caveat.code === "unverified_rules")?.ruleIds).toEqual([
      "KHRU-extraditable-offence",
    ]);
  });

  it("would find the own-nationals clause if the person were Russian", () => {
    const russian = check(
      {
        ...seed,
        facts: {
          ...seed.facts,
          persons: [{ ...seed.facts.persons[0]!, nationalities: [state("RU"), state("KH")] }],
        },
      },
      ["KH-RU-EXT-2017"],
      "2025-01-20",
    );
    expect(russian.grounds.map((ground) => [ground.ruleId, ground.status])).toEqual([
      ["KHRU-own-nationals", "applies"],
    ]);
  });

  it("lets the extradition be granted: no condition blocks it", () => {
    expect(blockersFor(result, decision("granted"))).toEqual([]);
  });
});

describe("refusing an own national opens a follow-up (aut dedere aut judicare)", () => {
  const russian = extraditionScenario({ person: { nationalities: ["RU"] } });
  const refusal = decision("refused", [{ code: "own_national", ruleId: "E24-6.1a" }]);

  it("finds the optional ground and shows the follow-up a refusal would open", () => {
    const result = check(russian, ["CETS024"]);
    expect(result.grounds).toContainEqual(
      expect.objectContaining({
        ruleId: "E24-6.1a",
        kind: "optional",
        ground: "own_national",
        status: "applies",
      }),
    );
    expect(result.followUps).toEqual([expect.objectContaining({ ruleId: "E24-6.2", status: "on_refusal" })]);
  });

  it("opens a domestic-prosecution task when the refusal is being decided, and none for a grant", () => {
    const result = check(russian, ["CETS024"]);
    expect(followUpsFor(result, refusal)).toEqual([
      {
        ruleId: "E24-6.2",
        task: "domestic_prosecution",
        note: expect.objectContaining({
          en: expect.stringContaining("Submit the case to our prosecuting authorities"),
        }),
      },
    ]);
    expect(followUpsFor(result, decision("granted"))).toEqual([]);
    expect(followUpsFor(result, decision("refused", [{ code: "political_offence" }]))).toEqual([]);
  });

  it("opens one task when two instruments of the basis both require it (CETS 024 art. 6(2), UNTOC 16(10))", () => {
    const result = check({ ...russian, events: [consultation] }, ["CETS024", "UNTOC"]);
    expect(result.followUpRules.map((rule) => rule.ruleId)).toEqual(["E24-6.2", "T16-10"]);
    expect(followUpsFor(result, refusal).map((followUp) => followUp.ruleId)).toEqual(["E24-6.2"]);
  });

  it("counts a ground cited only by its rule id", () => {
    const result = check(russian, ["CETS024"]);
    expect(followUpsFor(result, decision("refused", [{ code: "other", ruleId: "E24-6.1a" }]))).toHaveLength(
      1,
    );
  });

  it("shows the task as due after the refusal, and opened once the follow-up event is recorded", () => {
    const due = check({ ...russian, events: [refusal] }, ["CETS024"]);
    expect(due.followUps).toEqual([
      expect.objectContaining({ ruleId: "E24-6.2", status: "due", decidedOn: "2025-05-02" }),
    ]);
    const opened = check(
      {
        ...russian,
        events: [
          refusal,
          {
            type: "follow_up_opened",
            payload: { on: day("2025-05-03"), task: "domestic_prosecution", ruleId: "E24-6.2" },
          },
        ],
      },
      ["CETS024"],
    );
    expect(opened.followUps).toEqual([expect.objectContaining({ status: "opened" })]);
  });

  it("on an outgoing case, the follow-up is to ask the requested state to prosecute", () => {
    const outgoing = extraditionScenario({
      header: { direction: "outgoing", requestingState: "RU", requestedState: "KH" },
      person: { nationalities: ["KH"] },
    });
    const [followUp] = followUpsFor(check(outgoing, ["CETS024"]), refusal);
    expect(followUp?.note.en).toContain("Ask the requested state");
  });

  it("asks for the nationality when none is recorded, and the ground may apply", () => {
    const result = check(extraditionScenario({ person: { nationalities: [] } }), ["CETS024"]);
    expect(result.grounds).toContainEqual(
      expect.objectContaining({ ruleId: "E24-6.1a", status: "may_apply" }),
    );
    expect(result.missingFacts).toContainEqual(
      expect.objectContaining({ question: "own_national", personId: "p1", ruleIds: ["E24-6.1a", "E24-6.2"] }),
    );
  });

  it("mentions the requested state's declared definition of nationals", () => {
    const overlays: RuleOverlay[] = [
      {
        state: state("RU"),
        instrumentCode: "CETS024",
        payload: {
          kind: "nationals_definition",
          definition: "Citizens and stateless persons resident in its territory",
        },
      },
    ];
    const result = check(extraditionScenario({ overlays }), ["CETS024"]);
    expect(result.caveats).toContainEqual(
      expect.objectContaining({
        code: "nationals_definition",
        text: expect.objectContaining({ en: expect.stringContaining("Citizens and stateless persons") }),
      }),
    );
  });
});

describe("consult before refusing (UNTOC 16(16), 18(26))", () => {
  it("blocks our refusal until a consultation is logged, and says why", () => {
    const result = check(extraditionScenario(), ["UNTOC"]);
    const blockers = blockersFor(result, decision("refused", [{ code: "discrimination" }]));
    expect(blockers).toEqual([
      expect.objectContaining({
        ruleId: "T16-16",
        reason: "condition_unmet",
        verified: false,
        message: {
          en: expect.stringContaining(
            "UNTOC art. 16(16): a consultation with the requesting state must be recorded first",
          ),
          ru: expect.stringContaining("консультацию"),
        },
      }),
    ]);
    expect(blockers[0]!.message.en).toContain("not yet verified");
  });

  it("blocks a partial grant, which refuses in part, but not a grant", () => {
    const result = check(extraditionScenario(), ["UNTOC"]);
    expect(
      blockersFor(result, decision("partially_granted", [{ code: "discrimination" }])).map((b) => b.ruleId),
    ).toEqual(["T16-16"]);
    expect(blockersFor(result, decision("granted"))).toEqual([]);
  });

  it("lets the refusal through once the consultation is logged", () => {
    const result = check(extraditionScenario({ events: [consultation] }), ["UNTOC"]);
    expect(blockersFor(result, decision("refused", [{ code: "discrimination" }]))).toEqual([]);
  });

  it("blocks an MLA refusal on bank secrecy even after consulting (UNTOC 18(8))", () => {
    const result = check(mlaScenario({ events: [consultation] }), ["UNTOC"]);
    expect(blockersFor(result, decision("refused", [{ code: "bank_secrecy" }]))).toEqual([
      expect.objectContaining({ ruleId: "T18-8", reason: "refusal_limit" }),
    ]);
  });

  it("does not block a partner's decision on an outgoing case, but flags it", () => {
    const outgoing = extraditionScenario({
      header: { direction: "outgoing", requestingState: "RU", requestedState: "KH" },
      events: [decision("refused", [{ code: "fiscal_offence" }])],
    });
    const result = check(outgoing, ["UNTOC"]);
    expect(result.conditions).toContainEqual(
      expect.objectContaining({ ruleId: "T16-16", met: false, blocking: false }),
    );
    expect(blockersFor(result, decision("refused", [{ code: "fiscal_offence" }]))).toEqual([]);
    expect(result.decisionIssues.map((issue) => [issue.ruleId, issue.eventIndex])).toEqual([
      ["T16-16", 0],
      ["T16-15", 0],
    ]);
  });
});

describe("the death-penalty assurance (CETS 024 art. 11)", () => {
  const capital = extraditionScenario({ offence: { deathPenalty: true } });

  it("finds the optional ground and blocks a grant until an assurance is recorded", () => {
    const result = check(capital, ["CETS024"]);
    expect(result.grounds).toContainEqual(expect.objectContaining({ ruleId: "E24-11", status: "applies" }));
    expect(blockersFor(result, decision("granted")).map((blocker) => blocker.ruleId)).toEqual([
      "E24-11-assurance",
    ]);
    expect(
      blockersFor(result, decision("partially_granted", [{ code: "death_penalty" }])).map((b) => b.ruleId),
    ).toEqual(["E24-11-assurance"]);
    expect(blockersFor(result, decision("refused", [{ code: "death_penalty" }]))).toEqual([]);
    expect(blockersFor(result, decision("granted"))[0]!.message.en).toContain(
      "an assurance that the death penalty will not be carried out must be recorded first",
    );
  });

  it("is satisfied by a death-penalty assurance, not by an assurance of another kind", () => {
    expect(
      blockersFor(check({ ...capital, events: [assurance("fair_trial")] }, ["CETS024"]), decision("granted")),
    ).toHaveLength(1);
    expect(
      blockersFor(
        check({ ...capital, events: [assurance("death_penalty")] }, ["CETS024"]),
        decision("granted"),
      ),
    ).toEqual([]);
  });

  it("does not block while the death penalty is unknown, and asks about it", () => {
    const result = check(extraditionScenario({ offence: { deathPenalty: null } }), ["CETS024"]);
    expect(result.conditions).toContainEqual(
      expect.objectContaining({ ruleId: "E24-11-assurance", status: "may_apply", blocking: false }),
    );
    expect(blockersFor(result, decision("granted"))).toEqual([]);
    expect(result.missingFacts).toContainEqual(
      expect.objectContaining({
        question: "death_penalty",
        offenceId: "o1",
        ruleIds: ["E24-11", "E24-11-assurance"],
      }),
    );
  });

  it("does not apply where the requested state carries out the death penalty itself", () => {
    const result = check(
      extraditionScenario({
        offence: { deathPenalty: true },
        facts: { requestedStateAbolishedDeathPenalty: false },
      }),
      ["CETS024"],
    );
    expect(result.conditions.filter((condition) => condition.ruleId === "E24-11-assurance")).toEqual([]);
  });
});

describe("thresholds", () => {
  it("test the sentence for enforcement (CETS 024: four months)", () => {
    const enforcement = (sentenceMonths: number) =>
      check(extraditionScenario({ header: { purpose: "enforcement" }, offence: { sentenceMonths } }), [
        "CETS024",
      ]);
    expect(enforcement(3).thresholds[0]).toMatchObject({
      ruleId: "E24-2.1",
      requiredMonths: 4,
      actualMonths: 3,
      passes: false,
    });
    expect(enforcement(4).thresholds[0]).toMatchObject({ passes: true });
  });

  it("pass life imprisonment whatever the months recorded", () => {
    const result = check(
      extraditionScenario({ offence: { maximumPenaltyMonths: null, lifeImprisonment: true } }),
      ["CETS024"],
    );
    expect(result.thresholds[0]).toMatchObject({ passes: true, actualMonths: null });
  });

  it("ask for the purpose when it is unknown, and the threshold ground may apply", () => {
    const result = check(extraditionScenario({ header: { purpose: null } }), ["CETS024"]);
    expect(result.thresholds[0]).toMatchObject({ purpose: null, passes: null });
    expect(result.grounds).toContainEqual(
      expect.objectContaining({ ruleId: "E24-2.1", status: "may_apply" }),
    );
    expect(result.missingFacts).toContainEqual(
      expect.objectContaining({ question: "purpose", ruleIds: ["E24-2.1"] }),
    );
  });

  it("ask for the penalty of an offence where it is unknown", () => {
    const result = check(extraditionScenario({ offence: { maximumPenaltyMonths: null } }), ["CETS024"]);
    expect(result.missingFacts).toContainEqual(
      expect.objectContaining({ question: "maximum_penalty", offenceId: "o1", ruleIds: ["E24-2.1"] }),
    );
  });

  it("apply the extradition treaty's minimum instead of Budapest's (art. 24(1)(b))", () => {
    const result = check(
      extraditionScenario({ header: { purpose: "enforcement" }, offence: { sentenceMonths: 3 } }),
      ["CETS185", "CETS024"],
    );
    expect(result.grounds.map((ground) => ground.ruleId)).toEqual(["E24-2.1"]);
    const twoOffences = [1, 2].map((number) => ({
      id: `o${number}`,
      article: `Criminal Code, art. ${number}`,
      description: "Illegal access",
      maximumPenaltyMonths: 11,
    }));
    const prosecution = check(extraditionScenario({ facts: { offences: twoOffences } }), [
      "CETS185",
      "CETS024",
    ]);
    expect(prosecution.thresholds.find((finding) => finding.ruleId === "B24-1")).toMatchObject({
      passes: false,
      displacedBy: "E24-2.1",
    });
    const applying = prosecution.grounds.filter((ground) => ground.status === "applies");
    expect(applying.map((ground) => [ground.ruleId, ground.facts.map((fact) => fact.offenceId)])).toEqual([
      ["E24-2.1", ["o1", "o2"]],
    ]);
    expect(prosecution.caveats.filter((caveat) => caveat.code === "threshold_displaced")).toHaveLength(1);
  });

  it("never turn INTERPOL's threshold into a ground, and drop it once the notice has expired", () => {
    const notices = [
      { id: "n1", type: "red", number: "A-1/2024", issuedOn: "2024-01-01", expiresOn: "2025-01-01" },
    ];
    const live = check(
      extraditionScenario({ offence: { maximumPenaltyMonths: 18 }, facts: { notices } }),
      [],
      "2024-06-01",
    );
    expect(live.grounds).toEqual([]);
    expect(live.caveats.map((caveat) => caveat.code)).toContain("interpol_threshold_not_met");
    const expired = check(
      extraditionScenario({ offence: { maximumPenaltyMonths: 18 }, facts: { notices } }),
      [],
      "2025-06-01",
    );
    expect(expired.thresholds).toEqual([]);
  });
});

describe("the legal basis decides which rules are read", () => {
  it("reads no treaty rule on reciprocity, says so, and still asks the usual questions", () => {
    const result = check(
      extraditionScenario({
        header: { legalBasis: { type: "reciprocity" } },
        offence: { political: null, timeBarred: null },
      }),
      ["CETS024"],
    );
    expect(result.grounds).toEqual([]);
    expect(result.thresholds).toEqual([]);
    expect(result.caveats.map((caveat) => caveat.code)).toContain("reciprocity");
    expect(result.missingFacts.map((fact) => fact.question)).toEqual(["political", "time_barred"]);
  });

  it("applies CETS 098 chapter II instead of CETS 024 art. 5, and CETS 212 instead of art. 10", () => {
    const fiscal = extraditionScenario({ offence: { fiscal: true, timeBarred: true } });
    expect(check(fiscal, ["CETS024"]).grounds.map((ground) => ground.ruleId)).toEqual(["E24-5", "E24-10"]);
    const amended = check(fiscal, ["CETS024", "CETS098", "CETS212"]);
    expect(amended.grounds.map((ground) => ground.ruleId)).toEqual(["CETS212-1"]);
    expect(amended.notes.map((note) => note.ruleId)).toEqual(["CETS098-2"]);
  });

  it("says which instruments of the basis have no rules encoded", () => {
    const result = check(mlaScenario(), ["CETS030", "CETS182"]);
    expect(result.caveats).toContainEqual(
      expect.objectContaining({
        code: "no_rules_for_instrument",
        text: expect.objectContaining({ en: expect.stringContaining("CETS182") }),
      }),
    );
  });

  it("marks a ground that another rule of the basis limits (fiscal not alone, CETS 099)", () => {
    const result = check(mlaScenario({ offence: { fiscal: true } }), ["CETS030", "CETS099"]);
    expect(result.grounds).toContainEqual(
      expect.objectContaining({ ruleId: "M30-2a-fiscal", limitedBy: ["CETS099-1"] }),
    );
  });

  it("lists grounds no fact can test for the officer to weigh (UNTOC 18(21)(a), (c), (d))", () => {
    const result = check(mlaScenario(), ["UNTOC"]);
    expect(result.judgementGrounds.map((ground) => ground.ruleId)).toEqual(["T18-21a", "T18-21c", "T18-21d"]);
  });

  it("lets a reservation soften a limit it may change: Budapest 29(3) with a 29(4) reservation", () => {
    const reservation: RuleOverlay = {
      state: state("RU"),
      instrumentCode: "CETS185",
      payload: {
        kind: "other",
        text: "Art. 29(4): preservation refused without dual criminality except for arts 2-11",
      },
    };
    const plain = check(preservationScenario(), ["CETS185"]);
    const reserved = check(preservationScenario({ overlays: [reservation] }), ["CETS185"]);
    const refusal = decision("refused", [{ code: "no_dual_criminality" }]);
    expect(blockersFor(plain, refusal).map((blocker) => blocker.ruleId)).toEqual(["B29-3", "B29-5"]);
    expect(blockersFor(reserved, refusal)).toEqual([]);
    expect(reserved.refusalLimits.find((limit) => limit.ruleId === "B29-3")).toMatchObject({
      reservedBy: "RU",
    });
    expect(reserved.caveats.map((caveat) => caveat.code)).toContain("reservation_text");
  });

  it("ignores an overlay that takes effect after the date of the check", () => {
    const later: RuleOverlay = {
      state: state("RU"),
      instrumentCode: "KH-RU-EXT-2017",
      payload: { kind: "own_nationals" },
      effectiveOn: day("2026-01-01"),
    };
    const result = check(extraditionScenario({ person: { nationalities: ["RU"] }, overlays: [later] }), [
      "KH-RU-EXT-2017",
    ]);
    expect(result.grounds).toEqual([]);
  });

  it("warns that a state excluded this kind of request from the instrument", () => {
    const exclusion: RuleOverlay = {
      state: state("RU"),
      instrumentCode: "UNTOC",
      payload: { kind: "subject_exclusion", subjects: ["extradition"] },
    };
    const result = check(extraditionScenario({ overlays: [exclusion] }), ["UNTOC"]);
    expect(result.caveats.find((caveat) => caveat.code === "subject_excluded")?.text.en).not.toContain(
      "not verified",
    );
    const unverified = check(extraditionScenario({ overlays: [{ ...exclusion, verified: false }] }), [
      "UNTOC",
    ]);
    expect(unverified.caveats.find((caveat) => caveat.code === "subject_excluded")?.text.en).toContain(
      "(registry entry not verified)",
    );
  });

  it("demands reasons for a refusal (CETS 024 art. 18(2)), and accepts a reasoned one", () => {
    const result = check(extraditionScenario(), ["CETS024"]);
    expect(blockersFor(result, decision("refused")).map((blocker) => blocker.ruleId)).toEqual(["E24-18.2"]);
    expect(blockersFor(result, decision("refused", [{ code: "political_offence" }]))).toEqual([]);
  });
});
