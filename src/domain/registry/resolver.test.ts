import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { act, bothInForce, instrument, query, snapshot } from "../../../test/support/registry-fixtures.js";
import { parseStateCode } from "../directory/state-codes.js";
import { parseIsoDate } from "../platform/dates.js";
import { relationsOf } from "./map.js";
import type { RegistryPartyAction } from "./model.js";
import { type Candidate, resolveLegalBasis } from "./resolver.js";
import { INSTRUMENT_KINDS, PARTY_ACTIONS, REQUEST_KINDS, SCOPES } from "./vocabulary.js";

const day = parseIsoDate;
const state = parseStateCode;

const codes = (candidates: Candidate[]) =>
  candidates.map((candidate) => candidate.instrument?.code ?? "RECIPROCITY");
const find = (candidates: Candidate[], code: string) =>
  candidates.find((candidate) => candidate.instrument?.code === code)!;

describe("legal-basis resolver: named cases", () => {
  // The CIS conventions as the registry records them: Chisinau 2002 replaces Minsk 1993
  // between its parties (for Russia from 28 June 2023).
  const minsk = instrument({
    code: "MINSK1993",
    subjects: ["mla", "extradition"],
    entryIntoForce: "1994-05-19",
  });
  const chisinau = instrument({ code: "CHISINAU2002", subjects: ["mla", "extradition"] });
  const cis = snapshot({
    instruments: [minsk, chisinau],
    actions: [
      act("MINSK1993", "RU", "entry_into_force", "1994-12-10"),
      act("MINSK1993", "BY", "entry_into_force", "1994-05-19"),
      act("MINSK1993", "AZ", "entry_into_force", "2003-12-11"),
      act("CHISINAU2002", "RU", "entry_into_force", "2023-06-28"),
      act("CHISINAU2002", "BY", "entry_into_force", "2004-07-27"),
    ],
    relations: [{ from: "CHISINAU2002", to: "MINSK1993", kind: "supersedes" }],
  });

  it("Minsk governs Russia-Belarus before 28 June 2023", () => {
    const result = resolveLegalBasis(
      cis,
      query({
        requesting: "RU",
        requested: "BY",
        kind: "extradition",
        date: "2023-06-27",
      }),
    );
    expect(result[0]).toMatchObject({
      recommended: true,
      status: "applies",
      instrument: { code: "MINSK1993" },
    });
    expect(find(result, "CHISINAU2002")).toMatchObject({ status: "not_applicable" });
    expect(find(result, "CHISINAU2002").reasons).toContainEqual({ code: "not_a_party", state: "RU" });
  });

  it("Chisinau governs Russia-Belarus from 28 June 2023, and Minsk is shown as superseded", () => {
    const result = resolveLegalBasis(
      cis,
      query({
        requesting: "RU",
        requested: "BY",
        kind: "extradition",
        date: "2023-06-28",
      }),
    );
    expect(result[0]).toMatchObject({ recommended: true, instrument: { code: "CHISINAU2002" } });
    expect(find(result, "MINSK1993").status).toBe("superseded");
    expect(find(result, "MINSK1993").reasons).toContainEqual({
      code: "superseded_by",
      instrumentId: "id-CHISINAU2002",
      instrumentCode: "CHISINAU2002",
    });
  });

  it("Minsk still governs Russia-Azerbaijan after 28 June 2023 (Azerbaijan is not bound by Chisinau)", () => {
    const result = resolveLegalBasis(
      cis,
      query({
        requesting: "RU",
        requested: "AZ",
        kind: "mla",
        date: "2024-01-01",
      }),
    );
    expect(result[0]).toMatchObject({
      recommended: true,
      instrument: { code: "MINSK1993" },
      status: "applies",
    });
  });

  it("ranks a bilateral treaty before a regional convention before a universal one", () => {
    const registry = snapshot({
      instruments: [
        instrument({
          code: "UNTOC",
          scope: "universal",
          subjects: ["organized_crime", "extradition", "mla"],
        }),
        instrument({ code: "CETS024", scope: "regional", subjects: ["extradition"] }),
        instrument({ code: "KH-RU-EXT", kind: "treaty", scope: "bilateral", subjects: ["extradition"] }),
      ],
      actions: [
        ...bothInForce("UNTOC", ["KH", "RU"], "2006-01-01"),
        ...bothInForce("CETS024", ["KH", "RU"], "2000-01-01"),
        ...bothInForce("KH-RU-EXT", ["KH", "RU"], "2019-02-12"),
      ],
    });
    const result = resolveLegalBasis(
      registry,
      query({
        requesting: "KH",
        requested: "RU",
        kind: "extradition",
        date: "2025-05-20",
      }),
    );
    expect(codes(result)).toEqual(["KH-RU-EXT", "CETS024", "UNTOC", "RECIPROCITY"]);
    expect(
      result.filter((candidate) => candidate.recommended).map((candidate) => candidate.instrument?.code),
    ).toEqual(["KH-RU-EXT"]);
    expect(find(result, "UNTOC").caveats).toContainEqual({
      code: "offence_scope",
      subjects: ["organized_crime"],
    });
  });

  it("applies a reservation excluding own nationals when the person is a national of the requested state", () => {
    const registry = snapshot({
      instruments: [
        instrument({ code: "TREATY", kind: "treaty", scope: "bilateral", subjects: ["extradition"] }),
      ],
      actions: [
        ...bothInForce("TREATY", ["KH", "RU"], "2019-02-12"),
        act("TREATY", "RU", "reservation", "2017-03-23", {
          payload: { kind: "own_nationals", subjects: ["extradition"] },
        }),
      ],
    });
    const national = resolveLegalBasis(
      registry,
      query({
        requesting: "KH",
        requested: "RU",
        kind: "extradition",
        date: "2025-01-01",
        personNationality: "RU",
      }),
    );
    expect(find(national, "TREATY").status).toBe("not_applicable");
    expect(find(national, "TREATY").reasons).toContainEqual({
      code: "excluded_by_reservation",
      state: "RU",
      reservation: "own_nationals",
    });
    expect(national.find((candidate) => candidate.recommended)?.basis).toBe("reciprocity");
    const foreigner = resolveLegalBasis(
      registry,
      query({
        requesting: "KH",
        requested: "RU",
        kind: "extradition",
        date: "2025-01-01",
        personNationality: "KH",
      }),
    );
    expect(find(foreigner, "TREATY")).toMatchObject({ status: "applies", recommended: true });
    // Unknown nationality: it applies, with the reservation as a caveat.
    const unknown = resolveLegalBasis(
      registry,
      query({
        requesting: "KH",
        requested: "RU",
        kind: "extradition",
        date: "2025-01-01",
      }),
    );
    expect(find(unknown, "TREATY").caveats).toContainEqual({
      code: "own_nationals_may_be_refused",
      state: "RU",
    });
    // The requesting state's reservation does not matter.
    const other = resolveLegalBasis(
      registry,
      query({
        requesting: "RU",
        requested: "KH",
        kind: "extradition",
        date: "2025-01-01",
        personNationality: "RU",
      }),
    );
    expect(find(other, "TREATY").status).toBe("applies");
  });

  it("excludes an instrument for a kind of request a party excluded by reservation (UNTOC art. 16(5) style)", () => {
    const registry = snapshot({
      instruments: [
        instrument({
          code: "UNTOC",
          scope: "universal",
          subjects: ["organized_crime", "extradition", "mla"],
        }),
      ],
      actions: [
        ...bothInForce("UNTOC", ["US", "RU"], "2005-01-01"),
        act("UNTOC", "US", "declaration", "2005-11-03", {
          payload: { kind: "subject_exclusion", subjects: ["extradition"] },
        }),
      ],
    });
    expect(
      find(
        resolveLegalBasis(
          registry,
          query({
            requesting: "RU",
            requested: "US",
            kind: "extradition",
            date: "2020-01-01",
          }),
        ),
        "UNTOC",
      ).reasons,
    ).toContainEqual({
      code: "excluded_by_reservation",
      state: "US",
      reservation: "subject_exclusion",
    });
    expect(
      find(
        resolveLegalBasis(
          registry,
          query({ requesting: "RU", requested: "US", kind: "mla", date: "2020-01-01" }),
        ),
        "UNTOC",
      ).status,
    ).toBe("applies");
  });

  it("falls back to reciprocity, explicitly, when nothing applies", () => {
    const registry = snapshot({
      instruments: [instrument({ code: "CETS024", subjects: ["extradition"] })],
      actions: [
        act("CETS024", "RU", "ratification", "1999-12-10"),
        act("CETS024", "RU", "entry_into_force", "2000-03-09"),
        act("CETS024", "TH", "signature", "2020-01-01"),
      ],
    });
    const result = resolveLegalBasis(
      registry,
      query({
        requesting: "RU",
        requested: "TH",
        kind: "extradition",
        date: "2024-01-01",
      }),
    );
    expect(result[0]).toMatchObject({
      basis: "reciprocity",
      recommended: true,
      status: "applies",
      reasons: [{ code: "reciprocity" }],
    });
    expect(find(result, "CETS024").reasons).toContainEqual({
      code: "signed_only",
      state: "TH",
      on: "2020-01-01",
    });
  });

  it("never reports a memorandum as binding, even when it is the only instrument in effect", () => {
    const registry = snapshot({
      instruments: [
        instrument({
          code: "MOU",
          kind: "memorandum",
          binding: false,
          level: "interagency",
          scope: "bilateral",
          subjects: ["mla", "extradition"],
        }),
      ],
      actions: [act("MOU", "RU", "signature", "2016-05-19"), act("MOU", "KH", "signature", "2016-05-19")],
    });
    const result = resolveLegalBasis(
      registry,
      query({
        requesting: "RU",
        requested: "KH",
        kind: "mla",
        date: "2020-01-01",
      }),
    );
    expect(find(result, "MOU")).toMatchObject({ status: "non_binding", recommended: false });
    expect(find(result, "MOU").reasons).toContainEqual({ code: "non_binding" });
    expect(result.find((candidate) => candidate.recommended)?.basis).toBe("reciprocity");
  });

  it("gives the reason an instrument does not apply: not yet in force, withdrawn, suspended, wrong subject, under negotiation", () => {
    const registry = snapshot({
      instruments: [
        instrument({ code: "LATE", subjects: ["mla"] }),
        instrument({ code: "LEFT", subjects: ["mla"] }),
        instrument({ code: "PAUSED", subjects: ["mla"] }),
        instrument({ code: "OTHER", subjects: ["transfer_of_sentenced_persons"] }),
        instrument({
          code: "DRAFT",
          kind: "treaty",
          scope: "bilateral",
          subjects: ["mla"],
          intendedParties: [
            { type: "state", code: "RU" },
            { type: "state", code: "TH" },
          ],
        }),
      ],
      actions: [
        ...bothInForce("LATE", ["RU", "TH"], "2020-01-01", "2030-01-01"),
        ...bothInForce("LEFT", ["RU", "TH"], "2000-01-01"),
        act("LEFT", "TH", "denunciation", "2019-01-01", { effectiveOn: "2019-07-01" }),
        ...bothInForce("PAUSED", ["RU", "TH"], "2000-01-01"),
        act("PAUSED", "TH", "suspension", "2022-03-01", { inRespectOf: ["RU"] }),
        ...bothInForce("OTHER", ["RU", "TH"], "2000-01-01"),
      ],
      stages: [{ instrumentCode: "DRAFT", stage: "negotiation_round", date: "2023-05-01" }],
    });
    const result = resolveLegalBasis(
      registry,
      query({
        requesting: "RU",
        requested: "TH",
        kind: "mla",
        date: "2024-01-01",
      }),
    );
    expect(find(result, "LATE").reasons).toContainEqual({
      code: "not_yet_in_force",
      state: "RU",
      from: "2030-01-01",
    });
    expect(find(result, "LEFT").reasons).toContainEqual({ code: "withdrawn", state: "TH", on: "2019-07-01" });
    expect(find(result, "PAUSED").reasons).toContainEqual({ code: "suspended", state: "TH" });
    expect(find(result, "OTHER").reasons).toContainEqual({
      code: "wrong_subject",
      subjects: ["transfer_of_sentenced_persons"],
    });
    expect(find(result, "DRAFT").reasons).toContainEqual({
      code: "under_negotiation",
      stage: "negotiation_round",
      on: "2023-05-01",
    });
    // A suspension towards another state does not affect this pair.
    const third = resolveLegalBasis(
      registry,
      query({
        requesting: "KZ",
        requested: "TH",
        kind: "mla",
        date: "2024-01-01",
      }),
    );
    expect(find(third, "PAUSED").reasons).toContainEqual({ code: "not_a_party", state: "KZ" });
  });

  it("leaves out bilateral instruments with third states", () => {
    const registry = snapshot({
      instruments: [instrument({ code: "RU-AZ", kind: "treaty", scope: "bilateral", subjects: ["mla"] })],
      actions: bothInForce("RU-AZ", ["RU", "AZ"], "2010-01-01"),
    });
    expect(
      codes(
        resolveLegalBasis(
          registry,
          query({ requesting: "RU", requested: "KH", kind: "mla", date: "2024-01-01" }),
        ),
      ),
    ).toEqual(["RECIPROCITY"]);
  });
});

describe("legal-basis resolver: properties", () => {
  const STATES = ["AT", "BE", "CZ", "DK"];
  const actionArbitrary = (code: string) =>
    fc
      .record({
        state: fc.constantFrom(...STATES),
        action: fc.constantFrom(
          ...PARTY_ACTIONS.filter((action) => action !== "reservation" && action !== "declaration"),
        ),
        day: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: null, freq: 10 }),
      })
      .map(
        ({ state, action, day }): RegistryPartyAction =>
          act(
            code,
            state,
            action,
            day === null ? null : new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10),
          ),
      );
  const registryArbitrary = fc
    .array(
      fc.record({
        kind: fc.constantFrom(...INSTRUMENT_KINDS),
        binding: fc.boolean(),
        scope: fc.constantFrom(...SCOPES),
        subjects: fc.subarray(["extradition", "mla", "asset_recovery", "cybercrime"] as const, {
          minLength: 1,
        }),
        entryIntoForce: fc.option(fc.constantFrom("2001-01-01", "2010-06-30"), { nil: null }),
      }),
      { minLength: 1, maxLength: 6 },
    )
    .chain((specs) => {
      const instruments = specs.map((spec, index) =>
        instrument({ code: `I${index}`, ...spec, subjects: [...spec.subjects] }),
      );
      return fc.tuple(
        fc.constant(instruments),
        fc.tuple(...instruments.map((item) => fc.array(actionArbitrary(item.code), { maxLength: 12 }))),
      );
    })
    .map(([instruments, actions]) => snapshot({ instruments, actions: actions.flat() }));
  const queryArbitrary = fc
    .record({
      requesting: fc.constantFrom(...STATES),
      requested: fc.constantFrom(...STATES),
      kind: fc.constantFrom(...REQUEST_KINDS),
      date: fc
        .integer({ min: 0, max: 9500 })
        .map((day) => new Date(Date.UTC(2000, 0, 1 + day)).toISOString().slice(0, 10)),
    })
    .filter((input) => input.requesting !== input.requested)
    .map(query);

  it("recommends exactly one basis: the first applicable binding instrument, else reciprocity", () => {
    fc.assert(
      fc.property(registryArbitrary, queryArbitrary, (registry, query) => {
        const result = resolveLegalBasis(registry, query);
        const recommended = result.filter((candidate) => candidate.recommended);
        expect(recommended).toHaveLength(1);
        const firstApplicable = result.find(
          (candidate) => candidate.basis === "instrument" && candidate.status === "applies",
        );
        expect(recommended[0]).toBe(
          firstApplicable ?? result.find((candidate) => candidate.basis === "reciprocity"),
        );
        expect(result.map((candidate) => candidate.rank)).toEqual(result.map((_, index) => index + 1));
      }),
      { numRuns: 500 },
    );
  });

  it("never reports a non-binding instrument as applying or recommended", () => {
    fc.assert(
      fc.property(registryArbitrary, queryArbitrary, (registry, query) => {
        for (const candidate of resolveLegalBasis(registry, query)) {
          if (candidate.instrument && !candidate.instrument.binding) {
            expect(candidate.status).not.toBe("applies");
            expect(candidate.recommended).toBe(false);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("only calls an instrument applicable when both states are in force for it on the date", () => {
    fc.assert(
      fc.property(registryArbitrary, queryArbitrary, (registry, query) => {
        for (const candidate of resolveLegalBasis(registry, query)) {
          if (
            candidate.basis === "instrument" &&
            (candidate.status === "applies" || candidate.status === "non_binding")
          ) {
            expect(candidate.standings.requesting?.status).toBe("in_force");
            expect(candidate.standings.requested?.status).toBe("in_force");
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is symmetric in whether an instrument is in force between two states (kind aside)", () => {
    fc.assert(
      fc.property(registryArbitrary, queryArbitrary, (registry, query) => {
        const forward = relationsOf(
          registry,
          query.requesting,
          query.date,
          [query.requested],
          "universal",
        )[0]!;
        const backward = relationsOf(
          registry,
          query.requested,
          query.date,
          [query.requesting],
          "universal",
        )[0]!;
        expect(forward.relation).toBe(backward.relation);
      }),
      { numRuns: 300 },
    );
  });
});

describe("map relations", () => {
  it("classifies partners: in force, signed, negotiating, MoU only, none", () => {
    const registry = snapshot({
      instruments: [
        instrument({ code: "T-KH", kind: "treaty", scope: "bilateral", subjects: ["extradition"] }),
        instrument({ code: "T-CN", kind: "treaty", scope: "bilateral", subjects: ["extradition"] }),
        instrument({
          code: "T-TH",
          kind: "treaty",
          scope: "bilateral",
          subjects: ["extradition"],
          intendedParties: [
            { type: "state", code: "RU" },
            { type: "state", code: "TH" },
          ],
        }),
        instrument({
          code: "M-VN",
          kind: "memorandum",
          binding: false,
          scope: "bilateral",
          subjects: ["mla"],
        }),
        instrument({ code: "UN", scope: "universal", subjects: ["mla"] }),
      ],
      actions: [
        ...bothInForce("T-KH", ["RU", "KH"], "2019-01-01"),
        act("T-CN", "RU", "signature", "2020-01-01"),
        act("T-CN", "CN", "signature", "2020-01-01"),
        act("M-VN", "RU", "signature", "2018-01-01"),
        act("M-VN", "VN", "signature", "2018-01-01"),
        ...bothInForce("UN", ["RU", "FR"], "2004-01-01"),
      ],
      stages: [{ instrumentCode: "T-TH", stage: "negotiation_round", date: "2019-02-12" }],
    });
    const relations = Object.fromEntries(
      relationsOf(
        registry,
        state("RU"),
        day("2024-01-01"),
        ["KH", "CN", "TH", "VN", "FR", "RU"].map(state),
      ).map((partner) => [partner.state, partner.relation]),
    );
    expect(relations).toEqual({
      KH: "in_force",
      CN: "signed",
      TH: "negotiating",
      VN: "mou_only",
      FR: "none",
    });
    // Universal conventions count only when asked for.
    expect(
      relationsOf(registry, state("RU"), day("2024-01-01"), [state("FR")], "universal")[0]?.relation,
    ).toBe("in_force");
  });
});
