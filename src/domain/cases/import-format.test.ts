import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CASE_CSV_COLUMNS, parseCaseImportCsv, parseCaseImportJson } from "./import-format.js";

const header = CASE_CSV_COLUMNS.join(",");
const row = (values: Partial<Record<(typeof CASE_CSV_COLUMNS)[number], string>>) =>
  CASE_CSV_COLUMNS.map((column) => values[column] ?? "").join(",");

describe("case import format", () => {
  it("reads the shipped demo cases without a problem", () => {
    const parsed = parseCaseImportJson(readFileSync("data/demo/cases.json", "utf8"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.cases.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(parsed.cases.map((entry) => entry.header.kind));
    expect([...kinds].sort()).toEqual([
      "asset_recovery",
      "extradition",
      "mla",
      "preservation_of_data",
      "transfer_of_proceedings",
    ]);
  });

  it("turns a spreadsheet row into a case whose dates are its events, in date order", () => {
    const text = [
      header,
      row({
        reference: "EXT-IN-2019-0042",
        kind: "extradition",
        direction: "incoming",
        requesting_state: "kz",
        requested_state: "RU",
        legal_basis: "minsk1993",
        title: "Fraud in Almaty",
        offence_article: "CC KZ art. 190",
        maximum_penalty_months: "120",
        person_name: "A. Person",
        person_nationalities: "KZ; RU",
        received_on: "2019-03-01",
        provisional_arrest_on: "2019-02-20",
        decided_on: "2019-05-10",
        decision: "refused",
        refusal_grounds: "own_national",
        closed_on: "2019-06-01",
      }),
    ].join("\n");
    const parsed = parseCaseImportCsv(text);
    expect(parsed.problems).toEqual([]);
    const [imported] = parsed.cases;
    expect(imported?.header).toMatchObject({
      requestingState: "KZ",
      legalBasis: { type: "instrument", instrumentCode: "MINSK1993" },
    });
    expect(imported?.facts.persons[0]?.nationalities).toEqual(["KZ", "RU"]);
    expect(imported?.events.map((event) => event.type)).toEqual([
      "provisional_arrest",
      "received",
      "decided",
      "closed",
    ]);
    expect(imported?.events.find((event) => event.type === "decided")?.payload).toMatchObject({
      outcome: "refused",
      grounds: [{ code: "own_national" }],
    });
  });

  it("reports every bad record by its line and the column the user sees", () => {
    const text = [
      header,
      row({
        reference: "OK-1",
        kind: "mla",
        direction: "incoming",
        requesting_state: "BY",
        requested_state: "RU",
        title: "Fine",
      }),
      row({
        reference: "BAD-2",
        kind: "letter",
        direction: "incoming",
        requesting_state: "BY",
        requested_state: "RU",
        title: "x",
      }),
      row({
        reference: "BAD-3",
        kind: "mla",
        direction: "incoming",
        requesting_state: "BY",
        requested_state: "RU",
        title: "x",
        received_on: "2019-02-30",
      }),
      row({
        reference: "OK-1",
        kind: "mla",
        direction: "incoming",
        requesting_state: "BY",
        requested_state: "RU",
        title: "Twice",
      }),
      row({
        reference: "BAD-5",
        kind: "mla",
        direction: "incoming",
        requesting_state: "BY",
        requested_state: "RU",
        title: "x",
        maximum_penalty_months: "ten",
      }),
    ].join("\n");
    const { problems } = parseCaseImportCsv(text);
    expect(problems.map(({ record, reference, field }) => ({ record, reference, field }))).toEqual([
      { record: 3, reference: "BAD-2", field: "kind" },
      { record: 4, reference: "BAD-3", field: "received_on" },
      { record: 6, reference: "BAD-5", field: "maximum_penalty_months" },
      { record: 5, reference: "OK-1", field: "header.reference" },
    ]);
  });

  it("refuses a file without the required columns or with unknown ones", () => {
    const { problems, cases } = parseCaseImportCsv("reference,kind,colour\nA-1,mla,red");
    expect(cases).toEqual([]);
    expect(problems.map((problem) => problem.field)).toEqual([
      "direction",
      "requesting_state",
      "requested_state",
      "title",
      "colour",
    ]);
  });

  it("refuses events that only Comity writes, and says where in the JSON a field is wrong", () => {
    const text = JSON.stringify({
      cases: [
        {
          header: {
            reference: "J-1",
            kind: "mla",
            direction: "incoming",
            requestingState: "BY",
            requestedState: "RU",
            title: "t",
          },
          events: [
            {
              type: "document_added",
              payload: {
                on: "2020-01-01",
                documentId: crypto.randomUUID(),
                name: "a",
                sha256: "0".repeat(64),
              },
            },
          ],
        },
        {
          header: {
            reference: "J-2",
            kind: "mla",
            direction: "sideways",
            requestingState: "BY",
            requestedState: "RU",
            title: "t",
          },
        },
      ],
    });
    const { problems } = parseCaseImportJson(text);
    expect(problems).toEqual([
      expect.objectContaining({ record: 2, reference: "J-2", field: "header.direction" }),
      expect.objectContaining({ record: 1, reference: "J-1", field: "events.0.type" }),
    ]);
    expect(parseCaseImportJson("{").problems[0]?.message).toMatch(/not valid JSON/);
    expect(parseCaseImportJson("[]").problems[0]?.field).toBe("cases");
  });
});
