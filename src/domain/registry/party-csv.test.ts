import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePartyActionCsv, partyActionsToCsv } from "./party-csv.js";

const lookups = {
  instrumentCodes: new Set(["UNTOC", "CETS024"]),
  stateCodes: new Set(["RU", "KH", "FR", "DE"]),
  organisationCodes: new Set(["EU"]),
};
const HEADER = "instrument,state,action,date,source_url,as_of,verified";
const URL = "https://treaties.un.org/untc";

describe("party actions CSV", () => {
  it("reads a good file, including organisations and partial as-of dates", () => {
    const { rows, problems } = parsePartyActionCsv(
      `${HEADER}\nUNTOC,RU,ratification,2004-05-26,${URL},2014-07-10,true\nuntoc,eu,Approval,2004-05-21,${URL},2014,false\nCETS024,KH,signature,,${URL},,false\n`,
      {},
      lookups,
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        instrumentCode: "UNTOC",
        party: { type: "state", code: "RU" },
        action: "ratification",
        date: "2004-05-26",
        sourceUrl: URL,
        asOf: "2014-07-10",
        verified: true,
      },
      {
        line: 3,
        instrumentCode: "UNTOC",
        party: { type: "organisation", code: "EU" },
        action: "approval",
        date: "2004-05-21",
        sourceUrl: URL,
        asOf: "2014",
        verified: false,
      },
      {
        line: 4,
        instrumentCode: "CETS024",
        party: { type: "state", code: "KH" },
        action: "signature",
        date: null,
        sourceUrl: URL,
        asOf: null,
        verified: false,
      },
    ]);
  });

  it("takes the instrument from the option when the file has no instrument column (the shipped format)", () => {
    const { rows } = parsePartyActionCsv(
      `state,action,date,source_url,as_of,verified\nFR,ratification,2002-10-29,${URL},2014-07-10,true\n`,
      { instrument: "UNTOC" },
      lookups,
    );
    expect(rows[0]?.instrumentCode).toBe("UNTOC");
  });

  it("reports every bad row by line and field, and returns no rows at all", () => {
    const { rows, problems } = parsePartyActionCsv(
      `${HEADER}\nUNTOC,RU,ratification,2004-05-26,${URL},2014-07-10,true\nUNTOC,XX,ratified,2004-02-30,ftp://x,July,maybe\nNOPE,FR,signature,2001-01-01,,,true\n`,
      {},
      lookups,
    );
    expect(rows).toEqual([]);
    expect(problems.map((problem) => `${problem.line}:${problem.field}`)).toEqual([
      "3:state",
      "3:action",
      "3:date",
      "3:source_url",
      "3:as_of",
      "3:verified",
      "4:instrument",
      "4:source_url",
    ]);
  });

  it("refuses a file without the required columns, or without rows", () => {
    expect(parsePartyActionCsv("state,action\nRU,signature\n", {}, lookups).problems).toEqual([
      {
        line: 1,
        field: "header",
        message: "missing column(s): instrument, date, source_url, as_of, verified",
      },
    ]);
    expect(parsePartyActionCsv(`${HEADER}\n`, {}, lookups).problems[0]?.message).toBe("no rows");
  });

  it("checks calendar dates, not just their shape", () => {
    const dateProblems = (date: string) =>
      parsePartyActionCsv(
        `${HEADER}\nUNTOC,RU,ratification,${date},${URL},,true\n`,
        {},
        lookups,
      ).problems.map((problem) => `${problem.line}:${problem.field}`);
    expect(dateProblems("2024-02-29")).toEqual([]);
    expect(dateProblems("2023-02-29")).toEqual(["2:date"]);
    expect(dateProblems("2023-13-01")).toEqual(["2:date"]);
  });

  it("property: what export writes, import reads back unchanged", () => {
    const row = fc.record({
      instrumentCode: fc.constantFrom("UNTOC", "CETS024"),
      partyCode: fc.constantFrom("RU", "KH", "FR", "EU"),
      action: fc.constantFrom("signature", "ratification", "accession", "entry_into_force", "withdrawal"),
      date: fc.option(
        fc
          .date({ min: new Date("1950-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10)),
        { nil: null },
      ),
      sourceUrl: fc.constantFrom(URL, 'https://example.org/a,b?c="d"'),
      asOf: fc.option(fc.constantFrom("2014-07-10", "2006", "2020-01"), { nil: null }),
      verified: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), (rows) => {
        const parsed = parsePartyActionCsv(partyActionsToCsv(rows), {}, lookups);
        expect(parsed.problems).toEqual([]);
        expect(
          parsed.rows.map(({ line: _line, party, ...rest }) => ({ ...rest, partyCode: party.code })),
        ).toEqual(
          rows.map((item) => ({
            instrumentCode: item.instrumentCode,
            action: item.action,
            date: item.date,
            sourceUrl: item.sourceUrl,
            asOf: item.asOf,
            verified: item.verified,
            partyCode: item.partyCode,
          })),
        );
      }),
    );
  });
});
