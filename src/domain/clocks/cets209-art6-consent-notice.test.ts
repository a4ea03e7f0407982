import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  deadlinesOf,
  header,
  letter,
  only,
  release,
} from "../../../test/support/clocks-fixtures.js";

const withProtocol: ClockCase = { header: header(), legalBasisCodes: ["CETS024", "CETS209"] };

describe("CETS 209 art. 6: the consent notice within 10 days of provisional arrest", () => {
  it("applies only where the Third Additional Protocol is in force between the two states", () => {
    const ruleIds = (codes: string[]) =>
      deadlinesOf({ ...withProtocol, legalBasisCodes: codes }, [arrest("2025-01-29")], "2025-01-30").map(
        (deadline) => deadline.ruleId,
      );
    expect(ruleIds(["CETS024", "CETS209"])).toEqual(["CETS209-6", "E24-16-18d", "E24-16-40d"]);
    expect(ruleIds(["CETS024"])).not.toContain("CETS209-6");
  });

  it("ends on day 10 and, when that is a Saturday, gives the Friday before it", () => {
    const notice = only(deadlinesOf(withProtocol, [arrest("2025-01-29")], "2025-01-30"), "CETS209-6");
    expect(notice).toMatchObject({
      instrument: "CETS209",
      dueOn: "2025-02-08",
      practicalDueOn: "2025-02-07",
    });
    expect(notice.derivation.en).toMatch(
      /^Inform the requesting Party whether the person consents to extradition no later than 2025-02-08: 10 days after provisional arrest on 2025-01-29, CETS 209 art\. 6\(1\)\. 2025-02-08 is a Saturday in RU/,
    );
  });

  it("is met by our outgoing letter after the arrest, not by an incoming one", () => {
    const incomingLetter = only(
      deadlinesOf(withProtocol, [arrest("2025-01-29"), letter("2025-02-03", "in")], "2025-02-04"),
      "CETS209-6",
    );
    expect(incomingLetter.state).toBe("running");
    const outgoingLetter = only(
      deadlinesOf(
        withProtocol,
        [arrest("2025-01-29"), letter("2025-02-03", "in"), letter("2025-02-05", "out")],
        "2025-02-06",
      ),
      "CETS209-6",
    );
    expect(outgoingLetter).toMatchObject({
      state: "met",
      stoppedBy: { eventType: "correspondence_logged", on: "2025-02-05" },
    });
  });

  it("does not count a letter sent before the arrest", () => {
    const notice = only(
      deadlinesOf(withProtocol, [letter("2025-01-20", "out"), arrest("2025-01-29")], "2025-02-10"),
      "CETS209-6",
    );
    expect(notice.state).toBe("overdue");
  });

  it("ends with the release of the person", () => {
    const notice = only(
      deadlinesOf(withProtocol, [arrest("2025-01-29"), release("2025-02-02")], "2025-02-20"),
      "CETS209-6",
    );
    expect(notice.state).toBe("met");
  });

  it("tells us, for an outgoing request, when to expect the requested Party's notice", () => {
    const outgoing: ClockCase = {
      header: header({ direction: "outgoing", requestingState: "RU", requestedState: "DE" }),
      legalBasisCodes: ["CETS024", "CETS209"],
    };
    const expected = only(deadlinesOf(outgoing, [arrest("2025-01-29")], "2025-01-30"), "CETS209-6-out");
    expect(expected).toMatchObject({ calendarState: "DE", dueOn: "2025-02-08", state: "running" });
    const received = only(
      deadlinesOf(outgoing, [arrest("2025-01-29"), letter("2025-02-06", "in")], "2025-02-07"),
      "CETS209-6-out",
    );
    expect(received.state).toBe("met");
  });
});
