import { describe, expect, it } from "vitest";
import {
  type ClockCase,
  deadlinesOf,
  header,
  only,
  surrender,
  surrenderDate,
} from "../../../test/support/clocks-fixtures.js";

const minsk: ClockCase = { header: header({ requestingState: "BY" }), legalBasisCodes: ["MINSK1993"] };

describe("Minsk and Chisinau handover: 15 days after the date set, extendable by at most 15", () => {
  it("runs 15 days and the 15-day extension from the date set, both unverified", () => {
    const deadlines = deadlinesOf(minsk, [surrenderDate("2025-04-01", "2025-04-10")], "2025-04-11");
    expect(deadlines.map((deadline) => [deadline.ruleId, deadline.dueOn, deadline.practicalDueOn])).toEqual([
      ["MN-HO-15d", "2025-04-25", "2025-04-25"],
      // 10 May is a Saturday and 9 May Victory Day: the day to act by is Thursday 8 May.
      ["MN-HO-30d", "2025-05-10", "2025-05-08"],
    ]);
    expect(deadlines.every((deadline) => !deadline.verified && deadline.instrument === "MINSK1993")).toBe(
      true,
    );
    const extension = only(deadlines, "MN-HO-30d");
    expect(extension.derivation.en).toContain(
      "2025-05-10 is a Saturday in RU; the period is not moved: the last working day before it is 2025-05-08.",
    );
    expect(extension.derivation.en).toContain("handover clause (article number not verified)");
    expect(extension.derivation.ru).toContain(
      "положение о передаче лица (номер статьи не сверен) Минской конвенции 1993 г.",
    );
  });

  it("is met when the person is taken over within the first 15 days", () => {
    const deadlines = deadlinesOf(
      minsk,
      [surrenderDate("2025-04-01", "2025-04-10"), surrender("2025-04-18")],
      "2025-04-19",
    );
    expect(deadlines.map((deadline) => deadline.state)).toEqual(["met", "met"]);
  });

  it("shows the first 15 days missed but the extension met for a handover on day 20", () => {
    const deadlines = deadlinesOf(
      minsk,
      [surrenderDate("2025-04-01", "2025-04-10"), surrender("2025-04-30")],
      "2025-05-01",
    );
    expect(deadlines.map((deadline) => [deadline.ruleId, deadline.state])).toEqual([
      ["MN-HO-15d", "missed"],
      ["MN-HO-30d", "met"],
    ]);
  });

  it("applies under the Chisinau Convention too, citing it", () => {
    const chisinau = only(
      deadlinesOf(
        { ...minsk, legalBasisCodes: ["CHISINAU2002"] },
        [surrenderDate("2025-04-01", "2025-04-10")],
        "2025-04-11",
      ),
      "MN-HO-15d",
    );
    expect(chisinau.instrument).toBe("CHISINAU2002");
    expect(chisinau.derivation.en).toContain("Chisinau Convention 2002 handover clause");
  });
});
