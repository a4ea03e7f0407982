import { describe, expect, it } from "vitest";
import {
  arrest,
  type ClockCase,
  deadlinesOf,
  header,
  only,
  receipt,
  sending,
} from "../../../test/support/clocks-fixtures.js";

/** Kazakhstan asks Russia under the Minsk Convention (the pair and date decide Minsk or Chisinau). */
const minsk: ClockCase = { header: header({ requestingState: "KZ" }), legalBasisCodes: ["MINSK1993"] };
const chisinau: ClockCase = { header: header({ requestingState: "KZ" }), legalBasisCodes: ["CHISINAU2002"] };

describe("Minsk Convention art. 62: release unless the request arrives within 40 days", () => {
  it("runs 40 days from being taken into custody, and nothing of CETS 024 or the UN model", () => {
    const deadlines = deadlinesOf(minsk, [arrest("2024-12-28")], "2025-01-10");
    expect(deadlines.map((deadline) => deadline.ruleId)).toEqual(["MN-62"]);
    const forty = only(deadlines, "MN-62");
    expect(forty).toMatchObject({
      instrument: "MINSK1993",
      article: "art. 62",
      dueOn: "2025-02-06",
      verified: true,
    });
    expect(forty.holidaysInWindow).toHaveLength(8);
    expect(forty.derivation.en).toMatch(
      /^Release the person unless the request with the art\. 58 documents is received by 2025-02-06: 40 days after provisional arrest on 2024-12-28, Minsk Convention 1993 art\. 62\./,
    );
    expect(forty.derivation.ru).toMatch(
      /^Освободить лицо, если требование с документами по ст\. 58 не поступит к 2025-02-06: 40 дней со дня временного ареста 2024-12-28, ст\. 62 Минской конвенции 1993 г\. /,
    );
  });

  it("is met when the request is received, missed when it comes late", () => {
    expect(
      only(deadlinesOf(minsk, [arrest("2025-01-29"), receipt("2025-03-01")], "2025-03-02"), "MN-62").state,
    ).toBe("met");
    expect(
      only(deadlinesOf(minsk, [arrest("2025-01-29"), receipt("2025-03-11")], "2025-03-12"), "MN-62").state,
    ).toBe("missed");
  });

  it("for an outgoing request runs in the requested state's calendar and is met by our sending", () => {
    const outgoing: ClockCase = {
      header: header({ direction: "outgoing", requestingState: "RU", requestedState: "KZ" }),
      legalBasisCodes: ["MINSK1993"],
    };
    const forty = only(
      deadlinesOf(outgoing, [arrest("2025-01-29"), sending("2025-02-20")], "2025-02-21"),
      "MN-62-out",
    );
    expect(forty).toMatchObject({ calendarState: "KZ", dueOn: "2025-03-10", state: "met" });
  });

  it("under the Chisinau Convention gives the same 40 days, marked unverified with its article unconfirmed", () => {
    const forty = only(deadlinesOf(chisinau, [arrest("2025-01-29")], "2025-02-01"), "CH-MN-62");
    expect(forty).toMatchObject({ instrument: "CHISINAU2002", dueOn: "2025-03-10", verified: false });
    expect(forty.derivation.en).toContain(
      "Chisinau Convention 2002 custody-before-request article (number not verified).",
    );
    expect(forty.derivation.en).toContain("Not yet verified against the treaty text.");
    expect(forty.derivation.ru).toContain(
      "статья о взятии под стражу до получения требования (номер не сверен) Кишинёвской конвенции 2002 г.",
    );
  });
});
