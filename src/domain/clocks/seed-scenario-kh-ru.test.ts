import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  deadlinesOf,
  header,
  only,
  receipt,
  surrender,
  surrenderDate,
} from "../../../test/support/clocks-fixtures.js";

/**
 * The seed scenario (DOMAIN.md): Cambodia asks Russia to extradite a businessman under the
 * 2017 Cambodia-Russia extradition treaty; he is arrested in Russia in January 2025 (here
 * 29 January) and surrendered on 24 May 2025.
 *
 * Which clocks apply: none of CETS 024 (Cambodia is not a party, and the treaty is the
 * basis), none of Minsk or Chisinau. The 2017 treaty's own provisional-arrest period is not
 * encoded (its text is not in Comity's sources), so no clock of the legal basis exists. The
 * engine shows the UN Model Treaty's 40 days as advice, unverified, telling the officer to
 * read the treaty: a guessed "bilateral 40 days" would look like a deadline of the treaty.
 * It shows no handover clock either: the model period covers provisional arrest only.
 */
const seed: ClockCase = {
  header: header({ requestingState: "KH", requestedState: "RU" }),
  legalBasisCodes: ["KH-RU-EXT-2017"],
};

describe("seed scenario: Cambodia asks Russia under the 2017 bilateral treaty", () => {
  it("gives no CETS 024, CETS 209 or Minsk clock, only the UN model's 40 days as advice", () => {
    const deadlines = deadlinesOf(seed, [arrest("2025-01-29")], "2025-02-01");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["UNMTE-9"]);
    const advice = only(deadlines, "UNMTE-9");
    expect(advice).toMatchObject({
      instrument: "UNMTE1990",
      advisory: true,
      verified: false,
      calendarState: "RU",
      dueOn: "2025-03-10",
      practicalDueOn: "2025-03-10",
      state: "running",
    });
    expect(advice.derivation.en).toMatch(
      /^Advice \(a model-treaty period, not one of the legal basis\): the person would be set at liberty unless the request and its supporting documents are received by 2025-03-10: 40 days after provisional arrest on 2025-01-29, UN Model Treaty on Extradition \(GA res\. 45\/116\) art\. 9\./,
    );
    expect(advice.derivation.en).toContain(
      "Check the period of the instrument in force between the two states.",
    );
    expect(advice.derivation.ru).toMatch(
      /^Для сведения \(срок типового договора, а не правового основания\)/,
    );
    // 23 February and 8 March fall inside the 40 days and do not move them.
    expect(advice.holidaysInWindow.map((holiday) => holiday.date)).toEqual(["2025-02-23", "2025-03-08"]);
  });

  it("is met by the request's receipt, and gives no clock at all for the surrender of 24 May 2025", () => {
    const deadlines = deadlinesOf(
      seed,
      [
        arrest("2025-01-29"),
        receipt("2025-02-14"),
        surrenderDate("2025-05-14", "2025-05-24"),
        surrender("2025-05-24"),
      ],
      "2025-05-25",
    );
    expect(deadlines.map((deadline) => [deadline.ruleId, deadline.state])).toEqual([["UNMTE-9", "met"]]);
  });

  it("gives the same advice under reciprocity (no instrument at all)", () => {
    const deadlines = deadlinesOf({ ...seed, legalBasisCodes: [] }, [arrest("2025-01-29")], "2025-02-01");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["UNMTE-9"]);
  });

  it("says, for Russia's outgoing request to Cambodia, that no Cambodian holiday calendar is known", () => {
    const reverse: ClockCase = {
      header: header({ direction: "outgoing", requestingState: "RU", requestedState: "KH" }),
      legalBasisCodes: ["KH-RU-EXT-2017"],
    };
    const advice = only(deadlinesOf(reverse, [arrest("2025-03-04")], "2025-03-05"), "UNMTE-9-out");
    expect(advice).toMatchObject({ calendarState: "KH", holidayCalendarKnown: false, dueOn: "2025-04-13" });
    // 13 April 2025 is a Sunday; Khmer New Year (14-16 April) is not in the data, so it is not shown either.
    expect(advice.practicalDueOn).toBe("2025-04-11");
    expect(advice.derivation.en).toContain(
      "No public-holiday calendar is available for KH: only the weekend (Saturday and Sunday) was taken into account; check the local holidays.",
    );
    expect(advice.derivation.ru).toContain("Календаря праздников для KH нет");
  });
});
