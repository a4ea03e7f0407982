import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { act, instrument } from "../../../test/support/registry-fixtures.js";
import { addDays, parseIsoDate } from "../platform/dates.js";
import { partyStanding } from "./status.js";

const day = parseIsoDate;
const convention = instrument({ code: "CONV" });
const dayAfter2000 = (offset: number) => addDays(day("2000-01-01"), offset);

describe("party standing on a date", () => {
  it("follows signature, ratification, entry into force and denunciation", () => {
    const actions = [
      act("CONV", "RU", "signature", "2001-01-10"),
      act("CONV", "RU", "ratification", "2002-03-01"),
      act("CONV", "RU", "entry_into_force", "2002-06-01"),
      act("CONV", "RU", "denunciation", "2010-01-01", { effectiveOn: "2010-07-01" }),
    ];
    const status = (date: string) => partyStanding(convention, actions, day(date)).status;
    expect(status("2000-12-31")).toBe("none");
    expect(status("2001-01-10")).toBe("signed");
    expect(status("2002-03-01")).toBe("consented");
    expect(status("2002-06-01")).toBe("in_force");
    expect(status("2010-06-30")).toBe("in_force"); // denounced but not yet effective
    expect(status("2010-07-01")).toBe("withdrawn");
  });

  it("derives entry into force from consent, the delay and the instrument's own date, and says so", () => {
    const untoc = instrument({
      code: "UNTOC",
      entryIntoForce: "2003-09-29",
      entryIntoForceDelayDays: 30,
      scope: "universal",
    });
    const early = partyStanding(untoc, [act("UNTOC", "FR", "ratification", "2002-10-29")], day("2003-09-29"));
    expect(early).toMatchObject({ status: "in_force", inForceFrom: "2003-09-29", inForceDerived: true });
    const late = [act("UNTOC", "RU", "ratification", "2004-05-26")];
    expect(partyStanding(untoc, late, day("2004-06-24")).status).toBe("consented");
    expect(partyStanding(untoc, late, day("2004-06-25"))).toMatchObject({
      status: "in_force",
      inForceFrom: "2004-06-25",
    });
  });

  it("puts memoranda and programmes in effect on signature, and ends programmes with their term", () => {
    const programme = instrument({
      code: "PROG",
      kind: "cooperation_programme",
      binding: false,
      termStart: "2023-03-14",
      termEnd: "2025-03-13",
    });
    const actions = [act("PROG", "RU", "signature", "2023-03-14")];
    expect(partyStanding(programme, actions, day("2023-03-14"))).toMatchObject({
      status: "in_force",
      inForceDerived: false,
    });
    expect(partyStanding(programme, actions, day("2025-03-14")).status).toBe("expired");
  });

  it("suspends towards named states only, and resumes", () => {
    const actions = [
      act("CONV", "UA", "entry_into_force", "1995-01-01"),
      act("CONV", "UA", "suspension", "2022-12-01", { inRespectOf: ["RU", "BY"] }),
    ];
    expect(partyStanding(convention, actions, day("2023-01-01"))).toMatchObject({
      status: "in_force",
      suspendedTowards: ["RU", "BY"],
    });
    const all = [
      act("CONV", "UA", "entry_into_force", "1995-01-01"),
      act("CONV", "UA", "suspension", "2022-12-01"),
      act("CONV", "UA", "resumption", "2024-01-01"),
    ];
    expect(partyStanding(convention, all, day("2023-01-01")).status).toBe("suspended");
    expect(partyStanding(convention, all, day("2024-01-01")).status).toBe("in_force");
  });

  it("starts a new period after re-accession", () => {
    const actions = [
      act("CONV", "GR", "ratification", "1960-01-01"),
      act("CONV", "GR", "entry_into_force", "1960-04-01"),
      act("CONV", "GR", "denunciation", "1969-12-12", { effectiveOn: "1970-06-12" }),
      act("CONV", "GR", "accession", "1974-11-28"),
      act("CONV", "GR", "entry_into_force", "1975-02-26"),
    ];
    expect(partyStanding(convention, actions, day("1972-01-01")).status).toBe("withdrawn");
    expect(partyStanding(convention, actions, day("1975-01-01")).status).toBe("consented");
    expect(partyStanding(convention, actions, day("1980-01-01")).status).toBe("in_force");
  });

  it("keeps undated actions aside, to be reported, instead of guessing", () => {
    const actions = [
      act("CONV", "RU", "entry_into_force", "1994-12-10"),
      act("CONV", "UA", "withdrawal", null),
    ];
    const standing = partyStanding(convention, actions, day("2024-01-01"));
    expect(standing.status).toBe("in_force");
    expect(standing.undated.map((action) => action.action)).toEqual(["withdrawal"]);
  });

  it("property: never in force before its entry into force, nor once a denunciation takes effect", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 1, max: 3000 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        fc.integer({ min: 0, max: 12_000 }),
        (consent, toForce, toDenounce, notice, probe) => {
          const inForce = consent + toForce;
          const actions = [
            act("CONV", "FR", "ratification", dayAfter2000(consent)),
            act("CONV", "FR", "entry_into_force", dayAfter2000(inForce)),
          ];
          let ends: number | null = null;
          if (toDenounce !== null) {
            const denounced = inForce + toDenounce;
            ends = denounced + (notice ?? 0);
            actions.push(
              act(
                "CONV",
                "FR",
                "denunciation",
                dayAfter2000(denounced),
                notice === null ? {} : { effectiveOn: dayAfter2000(ends) },
              ),
            );
          }
          const status = partyStanding(convention, actions, dayAfter2000(probe)).status;
          const expected = probe >= inForce && (ends === null || probe < ends);
          expect(status === "in_force").toBe(expected);
          if (probe < inForce) expect(status).not.toBe("in_force");
          if (ends !== null && probe >= ends) expect(status).toBe("withdrawn");
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: derived entry into force is the later of consent + delay and the instrument's date", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 10_000 }),
        (general, consent, delay, probe) => {
          const withDate = instrument({
            code: "CONV",
            entryIntoForce: dayAfter2000(general),
            entryIntoForceDelayDays: delay,
            scope: "universal",
          });
          const standing = partyStanding(
            withDate,
            [act("CONV", "FR", "accession", dayAfter2000(consent))],
            dayAfter2000(probe),
          );
          const from = Math.max(consent + delay, general);
          expect(standing.status === "in_force").toBe(probe >= from);
          if (probe >= consent) expect(standing.inForceFrom).toBe(dayAfter2000(from));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
