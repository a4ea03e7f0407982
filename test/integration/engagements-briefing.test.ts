import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/db/project-paths.js";
import {
  type Briefing,
  type CreateEngagementInput,
  createEngagementSchema,
  outcomeInputSchema,
} from "../../src/domain/engagements/schemas.js";
import { createEngagement } from "../../src/server/engagements/create-engagement.js";
import { recordOutcome } from "../../src/server/engagements/record-outcome.js";
import { updateActionItem } from "../../src/server/engagements/update-action-item.js";
import type { Caller } from "../../src/server/platform/operation.js";
import { type Client, createTestApp, createUser, signIn, type TestApp } from "../support/app.js";
import { caseFixtures, caseHeader } from "../support/cases.js";

/**
 * The briefing pack against a fixture: Russia (the office's state) and Cambodia, with
 * officials of Cambodia holding positions on the day (one of them taking part), instruments
 * between the two (a treaty in force, a treaty signed only, a memorandum of their
 * prosecutors' offices, and the UN conventions of the catalogue both joined), one in
 * negotiation, earlier engagements (one restricted) with an open and a closed action item,
 * and cases between the two states of several kinds, directions and statuses, one of them
 * secret on a team the reader is not in. Every figure of the JSON is checked; the PDF is
 * rendered in English and Russian, and page 1 converted to PNG in test-results/ to be looked at.
 */

let t: TestApp;
let operator: Caller;
let registrar: Client;
let reader: Client;
let engagementId: string;
let previousId: string;
let restrictedPreviousId: string;
let yearPreviousId: string;
let openItemId: string;
let negotiationId: string;
let hiddenCaseReference: string;
const people: Record<string, string> = {};
const codes = {
  treaty: "TEST-KH-RU-EXT-2017",
  signedOnly: "TEST-KH-RU-MLA-2024",
  memorandum: "TEST-GPO-KH-MOU-2025",
  negotiation: "TEST-KH-RU-TSP",
};

const CITATION = { kind: "url", url: "https://example.org/source" };

async function created(response: Promise<{ status: number; body: { id: string } }>) {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
}

async function agency(stateCode: string, nameEn: string, nameRu: string) {
  return created(
    registrar.post("/api/directory/agencies", { stateCode, kind: "prosecution_service", nameEn, nameRu }),
  );
}

async function person(
  nameEn: string,
  nameRu: string,
  position: { agencyId: string; titleEn: string; titleRu: string; startOn: string; endOn?: string },
) {
  const id = await created(registrar.post("/api/directory/people", { nameEn, nameRu }));
  await created(registrar.post(`/api/directory/people/${id}/positions`, position));
  return id;
}

async function instrument(
  body: Record<string, unknown>,
  actions: { party: Record<string, string>; action: string; date: string }[] = [],
  stages: { stage: string; date: string }[] = [],
) {
  const id = await created(
    registrar.post("/api/registry/instruments", {
      kind: "treaty",
      binding: true,
      level: "interstate",
      scope: "bilateral",
      subjects: ["mla"],
      sources: [CITATION],
      ...body,
    }),
  );
  for (const action of actions)
    await created(registrar.post(`/api/registry/instruments/${id}/actions`, { ...action, source: CITATION }));
  for (const stage of stages) await created(registrar.post(`/api/registry/instruments/${id}/stages`, stage));
  return id;
}

async function engagement(input: Partial<Record<keyof CreateEngagementInput, unknown>>) {
  return (
    await createEngagement({
      ...operator,
      input: createEngagementSchema.parse({
        kind: "bilateral_meeting",
        titleEn: "Meeting",
        titleRu: "Встреча",
        status: "held",
        states: ["RU", "KH"],
        ...input,
      }),
    })
  ).id;
}

async function proposal(engagementIdOf: string, title: string, ownerUserId: string, dueOn: string) {
  const recorded = await recordOutcome({
    ...operator,
    engagementId: engagementIdOf,
    input: outcomeInputSchema.parse({
      kind: "commitment",
      commitmentKind: "proposal",
      textEn: title,
      action: { title, ownerUserId, dueOn },
    }),
  });
  return recorded.engagement.actionItems.find((item) => item.title === title)!;
}

beforeAll(async () => {
  t = await createTestApp();
  operator = {
    services: t.services,
    actor: { kind: "cli", osUser: "tester" },
    origin: { requestId: null, sourceIp: null, userAgent: null },
  };
  registrar = await signIn(t, await createUser(t, { role: "registrar" }));
  const fixtures = caseFixtures(t);
  const readerTeam = await fixtures.team("Reader's desk");
  const otherTeam = await fixtures.team("Secret desk");
  const readerUser = await createUser(t, { role: "case_officer" });
  await fixtures.member(readerTeam.id, readerUser.row.id);
  reader = await signIn(t, readerUser);

  // The directory: Cambodia's officials, one whose position ended before the day, one of Russia.
  const gpoKh = await agency(
    "KH",
    "General Prosecutor's Office at the Supreme Court",
    "Генеральная прокуратура при Верховном суде",
  );
  const mojKh = await agency("KH", "Ministry of Justice", "Министерство юстиции");
  const gpoRu = await agency("RU", "Prosecutor General's Office", "Генеральная прокуратура");
  people.head = await person("Sok Dara", "Сок Дара", {
    agencyId: gpoKh,
    titleEn: "General Prosecutor",
    titleRu: "Генеральный прокурор",
    startOn: "2019-01-01",
  });
  people.minister = await person("Keo Sophal", "Кео Сопхал", {
    agencyId: mojKh,
    titleEn: "Minister of Justice",
    titleRu: "Министр юстиции",
    startOn: "2023-08-22",
  });
  people.former = await person("Chan Vuthy", "Чан Вутхи", {
    agencyId: gpoKh,
    titleEn: "Deputy General Prosecutor",
    titleRu: "Заместитель генерального прокурора",
    startOn: "2020-01-01",
    endOn: "2024-12-31",
  });
  people.russian = await person("Ivan Petrov", "Иван Петров", {
    agencyId: gpoRu,
    titleEn: "Deputy Prosecutor General",
    titleRu: "Заместитель Генерального прокурора",
    startOn: "2020-01-01",
  });

  // The registry.
  const both = (action: string, date: string) =>
    ["RU", "KH"].map((code) => ({ party: { type: "state", code }, action, date }));
  await instrument(
    {
      code: codes.treaty,
      titleEn: "Treaty between the Russian Federation and the Kingdom of Cambodia on Extradition",
      titleRu: "Договор между Российской Федерацией и Королевством Камбоджа о выдаче",
      subjects: ["extradition"],
      entryIntoForce: "2019-02-18",
    },
    [...both("signature", "2017-03-23"), ...both("ratification", "2018-07-03")],
  );
  await instrument(
    {
      code: codes.signedOnly,
      titleEn: "Treaty on Mutual Legal Assistance in Criminal Matters",
      titleRu: "Договор о взаимной правовой помощи по уголовным делам",
    },
    both("signature", "2024-11-13"),
  );
  await instrument(
    {
      code: codes.memorandum,
      kind: "memorandum",
      binding: false,
      level: "interagency",
      titleEn: "Memorandum of understanding on legal training",
      titleRu: "Меморандум о взаимопонимании в области подготовки юридических кадров",
      subjects: ["legal_training"],
    },
    [
      { party: { type: "agency", id: gpoRu }, action: "signature", date: "2025-05-26" },
      { party: { type: "agency", id: gpoKh }, action: "signature", date: "2025-05-26" },
    ],
  );
  // Not between them: a treaty with Armenia, one Cambodia alone signed.
  await instrument({ code: "TEST-AM-RU-2019", titleEn: "Treaty with Armenia" }, [
    { party: { type: "state", code: "RU" }, action: "signature", date: "2019-01-10" },
    { party: { type: "state", code: "AM" }, action: "signature", date: "2019-01-10" },
  ]);
  await instrument({ code: "TEST-KH-TH-2020", titleEn: "Treaty of Cambodia and Thailand" }, [
    { party: { type: "state", code: "KH" }, action: "signature", date: "2020-05-05" },
    { party: { type: "state", code: "TH" }, action: "signature", date: "2020-05-05" },
  ]);
  negotiationId = await instrument(
    {
      code: codes.negotiation,
      titleEn: "Treaty on the Transfer of Sentenced Persons",
      titleRu: "Договор о передаче осуждённых лиц",
      subjects: ["transfer_of_sentenced_persons"],
      intendedParties: [
        { type: "state", code: "RU" },
        { type: "state", code: "KH" },
      ],
    },
    [],
    [
      { stage: "initiative", date: "2024-02-01" },
      { stage: "negotiation_round", date: "2025-03-10" },
    ],
  );
  await instrument(
    {
      code: "TEST-AM-RU-DRAFT",
      titleEn: "Draft with Armenia",
      intendedParties: [
        { type: "state", code: "RU" },
        { type: "state", code: "AM" },
      ],
    },
    [],
    [{ stage: "initiative", date: "2024-05-01" }],
  );

  // Engagements: the planned visit, earlier ones with Cambodia, and others that do not count.
  const owner = await createUser(t, { role: "case_officer" });
  engagementId = await engagement({
    kind: "outgoing_visit",
    titleEn: "Working visit to the Kingdom of Cambodia",
    titleRu: "Рабочий визит в Королевство Камбоджа",
    status: "planned",
    startOn: "2025-05-26",
    endOn: "2025-05-27",
    city: "Phnom Penh",
    placeState: "KH",
    participants: [{ side: "KH", role: "head_of_delegation", personId: people.head }],
  });
  previousId = await engagement({
    titleEn: "Bilateral consultations in Moscow",
    titleRu: "Двусторонние консультации в Москве",
    startOn: "2023-06-10",
    city: "Moscow",
    placeState: "RU",
  });
  openItemId = (
    await proposal(
      previousId,
      "Relay the proposal on direct flights to the leadership",
      owner.row.id,
      "2023-12-31",
    )
  ).id;
  const done = await proposal(previousId, "Issue an outcome statement", owner.row.id, "2023-07-01");
  await updateActionItem({
    ...operator,
    id: done.id,
    expectedVersion: done.version,
    changes: { status: "done", note: "Published." },
  });
  restrictedPreviousId = await engagement({
    kind: "call",
    titleEn: "Videoconference on a pending extradition",
    titleRu: "Видеоконференция по делу о выдаче",
    startOn: "2024-11-01",
    precision: "month",
    confidentiality: "restricted",
  });
  yearPreviousId = await engagement({
    kind: "conference",
    titleEn: "International legal forum",
    titleRu: "Международный юридический форум",
    startOn: "2021-01-01",
    precision: "year",
    states: ["RU", "KH", "AM"],
  });
  await engagement({ titleEn: "Later meeting", titleRu: "Более поздняя встреча", startOn: "2025-09-15" });
  await engagement({
    titleEn: "Meeting with Armenia",
    titleRu: "Встреча с Арменией",
    startOn: "2024-02-01",
    states: ["RU", "AM"],
  });

  // Cases between Russia and Cambodia (and two with Armenia, which do not count).
  const incomingExtradition = {
    kind: "extradition",
    direction: "incoming",
    requestingState: "KH",
    requestedState: "RU",
  };
  const outgoingMla = { kind: "mla", direction: "outgoing", requestingState: "RU", requestedState: "KH" };
  await fixtures.freshCase(incomingExtradition);
  for (const _ of [1, 2]) {
    const kase = await fixtures.freshCase(incomingExtradition);
    await fixtures.append(kase.id, { type: "registered", payload: { on: "2025-02-01" } });
  }
  await fixtures.freshCase(outgoingMla);
  const sent = await fixtures.freshCase(outgoingMla);
  await fixtures.append(sent.id, { type: "sent", payload: { on: "2025-03-01" } });
  const hidden = await fixtures.freshCase({
    kind: "mla",
    direction: "incoming",
    requestingState: "KH",
    requestedState: "RU",
    confidentiality: "secret",
    teamId: otherTeam.id,
  });
  hiddenCaseReference = hidden.reference;
  await fixtures.freshCase({ ...caseHeader(), requestingState: "AM", requestedState: "RU" });
  await fixtures.freshCase({ ...outgoingMla, requestedState: "AM" });
});
afterAll(async () => {
  await t.close();
});

async function briefingOf(client: Client, query = ""): Promise<Briefing> {
  const response = await client.get(`/api/engagements/${engagementId}/briefing${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as Briefing;
}

describe("the briefing pack", () => {
  it("reads the counterpart and the day from the engagement", async () => {
    const briefing = await briefingOf(reader);
    expect(briefing.partner).toBe("KH");
    expect(briefing.date).toBe("2025-05-26");
    expect(briefing.engagement).toMatchObject({
      id: engagementId,
      titleEn: "Working visit to the Kingdom of Cambodia",
      startOn: "2025-05-26",
      endOn: "2025-05-27",
      states: expect.arrayContaining(["RU", "KH"]),
    });
    expect(Date.parse(briefing.generatedAt)).toBe(t.clock.now().getTime());
  });

  it("lists the counterpart's officials holding a position on the day, those taking part first", async () => {
    const briefing = await briefingOf(reader);
    expect(briefing.officials).toEqual([
      {
        personId: people.head,
        nameEn: "Sok Dara",
        nameRu: "Сок Дара",
        titleEn: "General Prosecutor",
        titleRu: "Генеральный прокурор",
        agencyNameEn: "General Prosecutor's Office at the Supreme Court",
        agencyNameRu: "Генеральная прокуратура при Верховном суде",
        participant: true,
      },
      {
        personId: people.minister,
        nameEn: "Keo Sophal",
        nameRu: "Кео Сопхал",
        titleEn: "Minister of Justice",
        titleRu: "Министр юстиции",
        agencyNameEn: "Ministry of Justice",
        agencyNameRu: "Министерство юстиции",
        participant: false,
      },
    ]);
    // On another day, the deputy whose position ended in 2024 held it still.
    const earlier = await briefingOf(reader, "?date=2024-06-01");
    expect(earlier.officials.map((official) => official.personId)).toEqual([
      people.head,
      people.former,
      people.minister,
    ]);
  });

  it("lists every instrument both states acted on, with each one's status on the day", async () => {
    const briefing = await briefingOf(reader);
    expect(
      briefing.instruments.map(({ code, kind, binding, ours, theirs, termEnd }) => ({
        code,
        kind,
        binding,
        ours,
        theirs,
        termEnd,
      })),
    ).toEqual([
      {
        code: codes.memorandum,
        kind: "memorandum",
        binding: false,
        ours: "in_force",
        theirs: "in_force",
        termEnd: null,
      },
      {
        code: codes.treaty,
        kind: "treaty",
        binding: true,
        ours: "in_force",
        theirs: "in_force",
        termEnd: null,
      },
      {
        code: codes.signedOnly,
        kind: "treaty",
        binding: true,
        ours: "signed",
        theirs: "signed",
        termEnd: null,
      },
      {
        code: "UNCAC",
        kind: "convention",
        binding: true,
        ours: "in_force",
        theirs: "in_force",
        termEnd: null,
      },
      {
        code: "UNTOC",
        kind: "convention",
        binding: true,
        ours: "in_force",
        theirs: "in_force",
        termEnd: null,
      },
    ]);
    // The day matters: before the memorandum was signed and before the treaty took effect.
    const before = await briefingOf(reader, "?date=2018-12-01");
    expect(before.instruments.map(({ code, ours, theirs }) => [code, ours, theirs])).toEqual([
      [codes.memorandum, "none", "none"],
      [codes.treaty, "consented", "consented"],
      [codes.signedOnly, "none", "none"],
      ["UNCAC", "in_force", "in_force"],
      ["UNTOC", "in_force", "in_force"],
    ]);
  });

  it("lists the negotiations in progress between them with the latest stage", async () => {
    const briefing = await briefingOf(reader);
    expect(briefing.negotiations).toEqual([
      {
        id: negotiationId,
        code: codes.negotiation,
        titleEn: "Treaty on the Transfer of Sentenced Persons",
        titleRu: "Договор о передаче осуждённых лиц",
        stage: "negotiation_round",
        stageOn: "2025-03-10",
      },
    ]);
  });

  it("lists the earlier engagements the reader may see, with their open action items", async () => {
    const briefing = await briefingOf(reader);
    expect(briefing.previousEngagements.map((entry) => entry.engagement.id)).toEqual([
      previousId,
      yearPreviousId,
    ]);
    const [previous, year] = briefing.previousEngagements;
    expect(previous!.engagement).toMatchObject({ openActionItems: 1, overdueActionItems: 1 });
    expect(previous!.openActionItems).toHaveLength(1);
    expect(previous!.openActionItems[0]).toMatchObject({
      id: openItemId,
      title: "Relay the proposal on direct flights to the leadership",
      status: "open",
      dueOn: "2023-12-31",
      dueState: "overdue",
    });
    expect(year!.engagement.precision).toBe("year");
    expect(year!.openActionItems).toEqual([]);
    // A reader cleared for restricted engagements also sees the restricted one.
    const cleared = await createUser(t, { role: "supervisor" });
    await caseFixtures(t).clearance(cleared.row.id, "restricted");
    const full = await briefingOf(await signIn(t, cleared));
    expect(full.previousEngagements.map((entry) => entry.engagement.id)).toEqual([
      restrictedPreviousId,
      previousId,
      yearPreviousId,
    ]);
  });

  it("counts the cases between the two states by kind, direction and status, including those the reader may not see", async () => {
    expect((await reader.get(`/api/cases/${hiddenCaseReference}`)).status).toBe(404);
    const briefing = await briefingOf(reader);
    expect(briefing.caseFigures).toEqual({
      total: 6,
      rows: [
        { kind: "extradition", direction: "incoming", status: "received", count: 1 },
        { kind: "extradition", direction: "incoming", status: "registered", count: 2 },
        { kind: "mla", direction: "incoming", status: "received", count: 1 },
        { kind: "mla", direction: "outgoing", status: "draft", count: 1 },
        { kind: "mla", direction: "outgoing", status: "sent", count: 1 },
      ],
    });
    // Counts, never references: nothing of a case is in the pack.
    expect(JSON.stringify(briefing)).not.toContain(hiddenCaseReference);
    // An analyst, who reads no case at all, gets the same figures.
    const analyst = await signIn(t, await createUser(t, { role: "analyst" }));
    expect((await briefingOf(analyst)).caseFigures).toEqual(briefing.caseFigures);
  });

  it("takes another counterpart when asked, and records each reading in the audit trail", async () => {
    const armenia = await briefingOf(reader, "?partner=AM");
    expect(armenia.partner).toBe("AM");
    expect(armenia.officials).toEqual([]);
    expect(armenia.instruments.map((instrument) => instrument.code)).toContain("TEST-AM-RU-2019");
    expect(armenia.negotiations.map((negotiation) => negotiation.code)).toEqual(["TEST-AM-RU-DRAFT"]);
    expect(armenia.caseFigures.total).toBe(2);
    const audit = await t.db.pool.query(
      "SELECT details FROM audit_log WHERE event_type = 'engagements.briefing_read' AND object_id = $1 ORDER BY seq DESC LIMIT 1",
      [engagementId],
    );
    expect(audit.rows[0].details).toMatchObject({ partner: "AM", date: "2025-05-26", format: "json" });
  });

  it("refuses without a counterpart, and hides an engagement the reader may not see", async () => {
    const alone = await engagement({
      titleEn: "Internal meeting",
      titleRu: "Внутреннее совещание",
      startOn: "2025-04-01",
      states: ["RU"],
    });
    const noPartner = await reader.get(`/api/engagements/${alone}/briefing`);
    expect(noPartner.status).toBe(400);
    expect(noPartner.body.error).toMatchObject({
      code: "invalid_input",
      fields: [{ path: "querystring.partner", message: expect.any(String) }],
    });
    expect((await reader.get(`/api/engagements/${alone}/briefing?partner=RU`)).status).toBe(400);
    expect((await reader.get(`/api/engagements/${alone}/briefing?partner=KH`)).status).toBe(200);
    expect((await reader.get(`/api/engagements/${restrictedPreviousId}/briefing`)).status).toBe(404);
    expect((await reader.get(`/api/engagements/${restrictedPreviousId}/briefing.pdf`)).status).toBe(404);
    const auditor = await signIn(t, await createUser(t, { role: "auditor" }));
    expect((await auditor.get(`/api/engagements/${engagementId}/briefing`)).status).toBe(403);
  });

  for (const lang of ["en", "ru"] as const) {
    it(`renders the PDF in ${lang === "en" ? "English" : "Russian"} (page 1 to test-results/briefing-${lang}-1.png)`, async () => {
      const response = await reader.request(
        "GET",
        `/api/engagements/${engagementId}/briefing.pdf?lang=${lang}`,
      );
      expect(response.status).toBe(200);
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(response.headers["content-disposition"]).toMatch(
        new RegExp(`^attachment; filename="briefing-KH-2025-05-26-${lang}\\.pdf"`),
      );
      const pdf = response.raw.rawPayload;
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const directory = path.join(projectRoot, "test-results");
      mkdirSync(directory, { recursive: true });
      const file = path.join(directory, `briefing-${lang}.pdf`);
      writeFileSync(file, pdf);
      if (existsSync("/usr/bin/pdftoppm")) {
        execFileSync("pdftoppm", [
          "-png",
          "-r",
          "60",
          "-f",
          "1",
          "-l",
          "2",
          file,
          path.join(directory, `briefing-${lang}`),
        ]);
        expect(existsSync(path.join(directory, `briefing-${lang}-1.png`))).toBe(true);
      }
      const audit = await t.db.pool.query(
        "SELECT details FROM audit_log WHERE event_type = 'engagements.briefing_printed' ORDER BY seq DESC LIMIT 1",
      );
      expect(audit.rows[0].details).toMatchObject({ partner: "KH", format: "pdf", language: lang });
    });
  }
});
