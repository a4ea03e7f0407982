import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  deadlinesOf,
  header,
  only,
  receipt,
  release,
  sending,
  surrender,
} from "../../../test/support/clocks-fixtures.js";

/** Germany asks Russia: CETS 024 is the basis (no CETS 209), the calendar is Russia's. */
const incoming: ClockCase = { header: header(), legalBasisCodes: ["CETS024"] };
/** Russia asks Germany: the person is held in Germany, so the calendar is Germany's. */
const outgoing: ClockCase = {
  header: header({ direction: "outgoing", requestingState: "RU", requestedState: "DE" }),
  legalBasisCodes: ["CETS024"],
};

describe("CETS 024 art. 16(4): provisional arrest, 18 and 40 days", () => {
  it("runs 18 and 40 days from the arrest and cites the article", () => {
    const deadlines = deadlinesOf(incoming, [arrest("2025-01-29")], "2025-02-01");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["E24-16-18d", "E24-16-40d"]);
    const forty = only(deadlines, "E24-16-40d");
    expect(forty).toMatchObject({
      instrument: "CETS024",
      article: "art. 16(4)",
      startedBy: { eventType: "provisional_arrest", sequence: 2, on: "2025-01-29" },
      startsOn: "2025-01-29",
      dueOn: "2025-03-10",
      practicalDueOn: "2025-03-10",
      lastDayOff: null,
      state: "running",
      daysLeft: 37,
      verified: true,
      advisory: false,
      calendarState: "RU",
    });
    expect(forty.derivation.en).toMatch(
      /^Release the person no later than 2025-03-10: 40 days after provisional arrest on 2025-01-29, CETS 024 art\. 16\(4\)\./,
    );
    expect(forty.derivation.ru).toMatch(
      /^Освободить лицо не позднее 2025-03-10: 40 дней со дня временного ареста 2025-01-29, ст\. 16\(4\) Европейской конвенции о выдаче \(CETS 024\)\./,
    );
    expect(only(deadlines, "E24-16-18d").dueOn).toBe("2025-02-16");
  });

  it("counts through Russia's New Year holidays without extending the period (arrest on 28 December 2024)", () => {
    const deadlines = deadlinesOf(incoming, [arrest("2024-12-28")], "2025-01-02");
    const eighteen = only(deadlines, "E24-16-18d");
    expect(eighteen.dueOn).toBe("2025-01-15");
    expect(eighteen.holidaysInWindow.map((holiday) => holiday.date)).toEqual([
      "2025-01-01",
      "2025-01-02",
      "2025-01-03",
      "2025-01-04",
      "2025-01-05",
      "2025-01-06",
      "2025-01-07",
      "2025-01-08",
    ]);
    expect(eighteen.derivation.en).toContain(
      "Public holidays in RU within the period do not extend it: 2025-01-01 New Year's Day, 2025-01-02 to 2025-01-06 New Year Holiday, 2025-01-07 Christmas Day, 2025-01-08 New Year Holiday.",
    );
    expect(eighteen.derivation.ru).toContain("2025-01-02–2025-01-06 Новогодние каникулы");
    expect(only(deadlines, "E24-16-40d").dueOn).toBe("2025-02-06");
  });

  it("never moves a last day that is a public holiday, and gives the working day before it (Victory Day)", () => {
    const forty = only(deadlinesOf(incoming, [arrest("2025-03-30")], "2025-04-01"), "E24-16-40d");
    expect(forty.dueOn).toBe("2025-05-09");
    expect(forty.practicalDueOn).toBe("2025-05-08");
    expect(forty.lastDayOff).toEqual({
      weekend: false,
      holidays: [{ date: "2025-05-09", name: { en: "Victory Day", ru: "День Победы" } }],
    });
    expect(forty.derivation.en).toContain(
      "2025-05-09 is a public holiday (Victory Day) in RU; the period is not moved: the last working day before it is 2025-05-08.",
    );
    expect(forty.derivation.ru).toContain(
      "2025-05-09 — нерабочий праздничный день (День Победы) в RU; срок не переносится: последний рабочий день перед ним — 2025-05-08.",
    );
  });

  it("gives the Friday before a last day that falls on a Sunday", () => {
    const forty = only(deadlinesOf(incoming, [arrest("2025-02-04")], "2025-02-05"), "E24-16-40d");
    expect(forty.dueOn).toBe("2025-03-16");
    expect(forty.practicalDueOn).toBe("2025-03-14");
    expect(forty.derivation.en).toContain("2025-03-16 is a Sunday in RU");
    expect(forty.derivation.ru).toContain("2025-03-16 — выходной день (воскресенье) в RU");
  });

  it("is met when the request arrives in time: the 18 days on day 12, and the 40 days with it", () => {
    const deadlines = deadlinesOf(incoming, [arrest("2025-01-29"), receipt("2025-02-10")], "2025-02-11");
    for (const ruleId of ["E24-16-18d", "E24-16-40d"]) {
      const deadline = only(deadlines, ruleId);
      expect(deadline.state).toBe("met");
      expect(deadline.stoppedBy).toEqual({
        eventType: "received",
        sequence: 3,
        on: "2025-02-10",
        beforeStart: false,
      });
      expect(deadline.daysLeft).toBeNull();
      expect(deadline.derivation.en).toContain("Met: the request was received on 2025-02-10.");
    }
  });

  it("is met from the start when the request arrived before the arrest", () => {
    const forty = only(
      deadlinesOf(incoming, [receipt("2025-01-20"), arrest("2025-01-29")], "2025-03-20"),
      "E24-16-40d",
    );
    expect(forty.state).toBe("met");
    expect(forty.stoppedBy).toMatchObject({ eventType: "received", on: "2025-01-20", beforeStart: true });
    expect(forty.derivation.en).toContain("Met before it began: the request was received on 2025-01-20.");
  });

  it("misses the 18 days but meets the 40 when the request arrives on day 25", () => {
    const deadlines = deadlinesOf(incoming, [arrest("2025-01-29"), receipt("2025-02-23")], "2025-03-01");
    expect(only(deadlines, "E24-16-18d").state).toBe("missed");
    expect(only(deadlines, "E24-16-18d").derivation.en).toContain(
      "Missed: the request was received only on 2025-02-23, after the last day.",
    );
    expect(only(deadlines, "E24-16-40d").state).toBe("met");
  });

  it("is overdue when the last day has passed with the person still held and no request", () => {
    const forty = only(deadlinesOf(incoming, [arrest("2025-01-29")], "2025-03-12"), "E24-16-40d");
    expect(forty.state).toBe("overdue");
    expect(forty.daysLeft).toBe(-2);
    expect(forty.derivation.en).toContain("Overdue:");
  });

  it("is missed when the person is released only after the 40 days", () => {
    const forty = only(
      deadlinesOf(incoming, [arrest("2025-01-29"), release("2025-03-12")], "2025-03-20"),
      "E24-16-40d",
    );
    expect(forty.state).toBe("missed");
    expect(forty.stoppedBy).toMatchObject({ eventType: "released", on: "2025-03-12" });
  });

  it("starts a new clock for an arrest after a release: two arrests, two clocks", () => {
    const deadlines = deadlinesOf(
      incoming,
      [arrest("2025-01-29"), release("2025-02-10"), arrest("2025-04-01")],
      "2025-04-02",
    ).filter((deadline) => deadline.ruleId === "E24-16-40d");
    expect(deadlines.map((deadline) => [deadline.startsOn, deadline.dueOn, deadline.state])).toEqual([
      ["2025-01-29", "2025-03-10", "met"],
      ["2025-04-01", "2025-05-11", "running"],
    ]);
    expect(deadlines[0]?.stoppedBy).toMatchObject({ eventType: "released", on: "2025-02-10" });
    expect(deadlines[1]?.key).toBe("E24-16-40d:4");
  });

  it("does not let the release of an earlier arrest end a re-arrest on the same day", () => {
    const deadlines = deadlinesOf(
      incoming,
      [arrest("2025-01-29"), release("2025-02-10"), arrest("2025-02-10")],
      "2025-02-11",
    ).filter((deadline) => deadline.ruleId === "E24-16-40d");
    expect(deadlines.map((deadline) => deadline.state)).toEqual(["met", "running"]);
    expect(deadlines[1]?.dueOn).toBe("2025-03-22");
  });

  it("recomputes from the inputs: an amended arrest date gives the new deadline", () => {
    const before = only(deadlinesOf(incoming, [arrest("2025-01-29")], "2025-02-01"), "E24-16-40d");
    const after = only(deadlinesOf(incoming, [arrest("2025-01-27")], "2025-02-01"), "E24-16-40d");
    expect(before.dueOn).toBe("2025-03-10");
    expect(after.dueOn).toBe("2025-03-08");
    expect(after.practicalDueOn).toBe("2025-03-07");
  });

  it("takes a second arrest record with no release in between as a correction of the first", () => {
    // A person is not arrested twice without a release: the later record corrects the date.
    const deadlines = deadlinesOf(incoming, [arrest("2025-01-29"), arrest("2025-01-27")], "2025-02-01");
    const forty = only(deadlines, "E24-16-40d");
    expect(forty).toMatchObject({
      startsOn: "2025-01-27",
      dueOn: "2025-03-08",
      corrects: [{ sequence: 2, on: "2025-01-29" }],
      key: "E24-16-40d:2",
    });
    expect(forty.derivation.en).toContain(
      "The start is the latest record, which corrects 2025-01-29 (event 2).",
    );
    expect(forty.derivation.ru).toContain("исправляет 2025-01-29 (событие 2)");
  });

  it("keeps one clock per person: a release of one person leaves the other's clock running", () => {
    const deadlines = deadlinesOf(
      incoming,
      [arrest("2025-01-29", "first"), arrest("2025-02-03", "second"), release("2025-02-05", "first")],
      "2025-02-06",
    ).filter((deadline) => deadline.ruleId === "E24-16-40d");
    expect(deadlines.map((deadline) => [deadline.startsOn, deadline.state])).toEqual([
      ["2025-01-29", "met"],
      ["2025-02-03", "running"],
    ]);
  });

  it("is stopped by the surrender of the person", () => {
    const forty = only(
      deadlinesOf(incoming, [arrest("2025-01-29"), surrender("2025-02-20")], "2025-03-20"),
      "E24-16-40d",
    );
    expect(forty.state).toBe("met");
    expect(forty.derivation.en).toContain("Met: the person was surrendered on 2025-02-20.");
  });

  it("runs in the requested state's calendar for an outgoing request, stopped by our sending", () => {
    const deadlines = deadlinesOf(outgoing, [arrest("2025-12-04"), sending("2025-12-15")], "2025-12-16");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["E24-16-18d-out", "E24-16-40d-out"]);
    const forty = only(deadlines, "E24-16-40d-out");
    expect(forty).toMatchObject({ calendarState: "DE", dueOn: "2026-01-13", state: "met" });
    const eighteen = only(deadlines, "E24-16-18d-out");
    // 22 December 2025 is a Monday: no holiday, no shift.
    expect(eighteen.dueOn).toBe("2025-12-22");
    expect(eighteen.holidaysInWindow).toEqual([]);
    expect(
      only(
        deadlinesOf(outgoing, [arrest("2025-12-04")], "2025-12-16"),
        "E24-16-40d-out",
      ).holidaysInWindow.map((holiday) => holiday.date),
    ).toEqual(["2025-12-25", "2025-12-26", "2026-01-01"]);
  });

  it("does not apply without CETS 024 in the legal basis, nor to other kinds of case", () => {
    expect(
      deadlinesOf({ ...incoming, legalBasisCodes: ["UNTOC"] }, [arrest("2025-01-29")], "2025-02-01").map(
        (deadline) => deadline.ruleId,
      ),
    ).toEqual(["UNMTE-9"]);
    expect(
      deadlinesOf({ ...incoming, header: header({ kind: "mla" }) }, [arrest("2025-01-29")], "2025-02-01"),
    ).toEqual([]);
  });
});
