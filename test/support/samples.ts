import { randomUUID } from "node:crypto";
import { createEngagementSchema } from "../../src/domain/engagements/schemas.js";
import { createEngagement } from "../../src/server/engagements/create-engagement.js";
import type { TestApp } from "./app.js";
import { caseFixtures, caseHeader } from "./cases.js";
import { multipartBody, SAMPLE_DOCUMENTS } from "./documents.js";
import { engagementFixtures, engagementInput } from "./engagements-fixtures.js";
import type { RegistryFixtures } from "./registry.js";

/**
 * One well-formed request per route, used by the generated suites (access matrix, bad
 * input). Both fail when a route has no entry here, so a new route must add one.
 */
export type SampleRequest = {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Instead of a JSON body: a multipart/form-data upload. */
  multipart?: { payload: Buffer; contentType: string };
};
export type Sample = (context: {
  t: TestApp;
  target: string;
  fx: RegistryFixtures;
}) => SampleRequest | Promise<SampleRequest>;

const CITATION = { kind: "url", url: "https://example.org/depositary" };

/** A well-formed request per route, so that "allowed" is not confused with "bad input". */
export const SAMPLES: Record<string, Sample> = {
  "GET /api/health": () => ({ url: "/api/health" }),
  "GET /api/ready": () => ({ url: "/api/ready" }),
  "GET /api/openapi.json": () => ({ url: "/api/openapi.json" }),
  "GET /api/auth/session": () => ({ url: "/api/auth/session" }),
  "POST /api/auth/login": () => ({
    url: "/api/auth/login",
    body: { username: "someone", password: "a wrong password" },
  }),
  "POST /api/auth/logout": () => ({ url: "/api/auth/logout", body: {} }),
  "POST /api/auth/mfa/enrolment": () => ({ url: "/api/auth/mfa/enrolment", body: {} }),
  "POST /api/auth/mfa/enrolment/confirm": () => ({
    url: "/api/auth/mfa/enrolment/confirm",
    body: { code: "123456" },
  }),
  "POST /api/auth/mfa/verify": () => ({ url: "/api/auth/mfa/verify", body: { code: "123456" } }),
  "POST /api/auth/password": () => ({
    url: "/api/auth/password",
    body: { currentPassword: "not the current one", newPassword: "another long passphrase for this" },
  }),
  "PUT /api/auth/preferences": () => ({ url: "/api/auth/preferences", body: { locale: "ru" } }),
  "POST /api/setup": () => ({
    url: "/api/setup",
    body: {
      token: "A".repeat(43),
      username: "first-admin",
      displayName: "First",
      password: "a long enough setup passphrase",
    },
  }),
  "POST /api/invitations/inspect": () => ({
    url: "/api/invitations/inspect",
    body: { token: "B".repeat(43) },
  }),
  "POST /api/invitations/accept": () => ({
    url: "/api/invitations/accept",
    body: { token: "C".repeat(43), password: "a long enough invited passphrase" },
  }),
  "GET /api/users": () => ({ url: "/api/users" }),
  "GET /api/users/:id": ({ target }) => ({ url: `/api/users/${target}` }),
  "POST /api/users": () => ({
    url: "/api/users",
    body: {
      username: `new-${Math.random().toString(36).slice(2, 9)}`,
      displayName: "New Person",
      role: "analyst",
    },
  }),
  "PATCH /api/users/:id": ({ target }) => ({
    url: `/api/users/${target}`,
    body: { displayName: "Renamed" },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/users/:id/disable": ({ target }) => ({ url: `/api/users/${target}/disable`, body: {} }),
  "POST /api/users/:id/enable": ({ target }) => ({ url: `/api/users/${target}/enable`, body: {} }),
  "POST /api/users/:id/unlock": ({ target }) => ({ url: `/api/users/${target}/unlock`, body: {} }),
  "POST /api/users/:id/reset-access": ({ target }) => ({
    url: `/api/users/${target}/reset-access`,
    body: {},
  }),
  "GET /api/audit": () => ({ url: "/api/audit?limit=5" }),
  "GET /api/audit/verification": () => ({ url: "/api/audit/verification" }),
  "GET /api/audit/:seq": () => ({ url: "/api/audit/1" }),
  "GET /api/states": () => ({ url: "/api/states?q=ru" }),
  "GET /api/states/:code": () => ({ url: "/api/states/KH" }),

  // Directory
  "GET /api/directory/states/:code": () => ({ url: "/api/directory/states/RU" }),
  "GET /api/directory/organisations": () => ({ url: "/api/directory/organisations" }),
  "GET /api/directory/agencies": () => ({ url: "/api/directory/agencies?q=prosecut&state=RU" }),
  "POST /api/directory/agencies": () => ({
    url: "/api/directory/agencies",
    body: {
      stateCode: "KH",
      kind: "ministry_of_justice",
      nameEn: "Ministry of Justice",
      nameRu: "Министерство юстиции",
    },
  }),
  "GET /api/directory/agencies/:id": async ({ fx }) => ({
    url: `/api/directory/agencies/${(await fx.freshAgency()).id}`,
  }),
  "PATCH /api/directory/agencies/:id": async ({ fx }) => ({
    url: `/api/directory/agencies/${(await fx.freshAgency()).id}`,
    body: { abbreviation: "GPO" },
    headers: { "if-match": '"v1"' },
  }),
  "GET /api/directory/people": () => ({
    url: "/api/directory/people?state=RU&on=2024-01-01&title=prosecutor",
  }),
  "POST /api/directory/people": () => ({
    url: "/api/directory/people",
    body: { nameEn: "Anna Ivanova", nameRu: "Анна Иванова" },
  }),
  "GET /api/directory/people/:id": async ({ fx }) => ({
    url: `/api/directory/people/${(await fx.freshPerson()).id}`,
  }),
  "PATCH /api/directory/people/:id": async ({ fx }) => ({
    url: `/api/directory/people/${(await fx.freshPerson()).id}`,
    body: { nameRu: "Новое Имя" },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/directory/people/:id/positions": async ({ fx }) => ({
    url: `/api/directory/people/${(await fx.freshPerson()).id}/positions`,
    body: {
      agencyId: (await fx.freshAgency()).id,
      titleEn: "Prosecutor General",
      titleRu: "Генеральный прокурор",
      startOn: "2020-01-21",
    },
  }),
  "DELETE /api/directory/people/:id/positions/:positionId": async ({ fx }) => {
    const position = await fx.freshPosition();
    return { url: `/api/directory/people/${position.personId}/positions/${position.id}` };
  },

  // Registry
  "GET /api/registry/instruments": () => ({
    url: "/api/registry/instruments?q=extradition&party=RU&status=in_force&date=2020-01-01",
  }),
  "POST /api/registry/instruments": () => ({
    url: "/api/registry/instruments",
    body: {
      code: `NEW-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
      kind: "treaty",
      titleEn: "Treaty on Mutual Legal Assistance",
      subjects: ["mla"],
      binding: true,
      level: "interstate",
      scope: "bilateral",
      sources: [CITATION],
    },
  }),
  "GET /api/registry/instruments/:id": async ({ fx }) => ({
    url: `/api/registry/instruments/${(await fx.catalogueInstrument()).id}?date=2010-01-01`,
  }),
  "PATCH /api/registry/instruments/:id": async ({ fx }) => ({
    url: `/api/registry/instruments/${(await fx.freshInstrument()).id}`,
    body: { notes: "Checked against the depositary." },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/registry/instruments/:id/actions": async ({ fx }) => ({
    url: `/api/registry/instruments/${(await fx.freshInstrument()).id}/actions`,
    body: { party: { type: "state", code: "RU" }, action: "signature", date: "2019-03-20", source: CITATION },
  }),
  "DELETE /api/registry/instruments/:id/actions/:childId": async ({ fx }) => {
    const action = await fx.freshAction();
    return { url: `/api/registry/instruments/${action.instrumentId}/actions/${action.id}` };
  },
  "POST /api/registry/instruments/:id/stages": async ({ fx }) => ({
    url: `/api/registry/instruments/${(await fx.freshInstrument()).id}/stages`,
    body: { stage: "negotiation_round", date: "2024-02-01", note: "Second round in Bangkok" },
  }),
  "DELETE /api/registry/instruments/:id/stages/:childId": async ({ fx }) => {
    const stage = await fx.freshStage();
    return { url: `/api/registry/instruments/${stage.instrumentId}/stages/${stage.id}` };
  },
  "POST /api/registry/instruments/:id/relations": async ({ fx }) => ({
    url: `/api/registry/instruments/${(await fx.freshInstrument()).id}/relations`,
    body: { toInstrumentId: (await fx.catalogueInstrument("CETS024")).id, kind: "amends" },
  }),
  "DELETE /api/registry/instruments/:id/relations/:childId": async ({ fx }) => {
    const relation = await fx.freshRelation();
    return { url: `/api/registry/instruments/${relation.instrumentId}/relations/${relation.id}` };
  },
  "GET /api/registry/resolve": () => ({
    url: "/api/registry/resolve?requesting=KH&requested=RU&kind=extradition&date=2025-05-20",
  }),
  "GET /api/registry/pair": () => ({ url: "/api/registry/pair?state=RU&partner=BY&date=2024-01-01" }),
  "GET /api/registry/map": () => ({ url: "/api/registry/map?state=RU&date=2024-01-01" }),
  "POST /api/registry/party-actions/import": () => ({
    url: "/api/registry/party-actions/import",
    body: {
      csv: "instrument,state,action,date,source_url,as_of,verified\nUNTOC,FR,signature,2000-12-12,https://example.org/x,2014-07-10,true\n",
    },
  }),
  "GET /api/registry/party-actions/export": () => ({
    url: "/api/registry/party-actions/export?instrument=MINSK1993",
  }),

  // Teams
  "GET /api/teams": () => ({ url: "/api/teams" }),
  "POST /api/teams": () => ({
    url: "/api/teams",
    body: {
      name: `Extradition desk ${Math.random().toString(36).slice(2, 8)}`,
      description: "Incoming extradition",
    },
  }),
  "PATCH /api/teams/:id": async ({ t }) => ({
    url: `/api/teams/${(await caseFixtures(t).team()).id}`,
    body: { description: "Mutual legal assistance, incoming" },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/teams/:id/members": async ({ t, target }) => ({
    url: `/api/teams/${(await caseFixtures(t).team()).id}/members`,
    body: { userId: target },
  }),
  "DELETE /api/teams/:id/members/:userId": async ({ t, target }) => {
    const fixtures = caseFixtures(t);
    const team = await fixtures.team();
    await fixtures.member(team.id, target);
    return { url: `/api/teams/${team.id}/members/${target}` };
  },

  // Notifications: a user reads only their own; another's id (or none) answers 404.
  "GET /api/notifications": () => ({ url: "/api/notifications?unread=true&limit=10&offset=0" }),
  "POST /api/notifications/:id/read": () => ({ url: `/api/notifications/${randomUUID()}/read`, body: {} }),
  "POST /api/notifications/read-all": () => ({ url: "/api/notifications/read-all", body: {} }),

  // Cases
  "GET /api/cases": () => ({
    url: "/api/cases?q=fraud&kind=mla&direction=incoming&state=RU&sort=-openedOn&limit=10",
  }),
  "POST /api/cases": () => ({
    url: "/api/cases",
    body: { header: caseHeader(), facts: {}, receivedOn: "2026-02-27" },
    headers: { "idempotency-key": `sample-${Math.random().toString(36).slice(2, 12)}` },
  }),
  "GET /api/cases/:reference": async ({ t }) => ({
    url: `/api/cases/${(await caseFixtures(t).freshCase()).reference}`,
  }),
  "GET /api/cases/:reference/events": async ({ t }) => ({
    url: `/api/cases/${(await caseFixtures(t).freshCase()).reference}/events`,
  }),
  "POST /api/cases/:reference/events": async ({ t }) => ({
    url: `/api/cases/${(await caseFixtures(t).freshCase()).reference}/events`,
    body: {
      type: "correspondence_logged",
      payload: {
        on: "2026-03-01",
        direction: "in",
        channel: "email",
        summary: "Reminder from the requesting state",
      },
    },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/cases/:reference/documents": async ({ t }) => ({
    url: `/api/cases/${(await caseFixtures(t).freshCase()).reference}/documents`,
    multipart: multipartBody([
      {
        name: "file",
        filename: "request.pdf",
        contentType: "application/pdf",
        content: SAMPLE_DOCUMENTS.pdf,
      },
    ]),
  }),
  "GET /api/cases/:reference/documents/:id": async ({ t }) => {
    const { kase, documentId } = await caseFixtures(t).caseWithDocument();
    return { url: `/api/cases/${kase.reference}/documents/${documentId}` };
  },
  "GET /api/cases/:reference/letter": async ({ t }) => ({
    url: `/api/cases/${(await caseFixtures(t).freshCase()).reference}/letter?language=en&draft=true`,
  }),
  // Engagements: fresh records of standard confidentiality, so every role that reads them may.
  "GET /api/engagements": () => ({
    url: "/api/engagements?q=visit&state=KH&kind=outgoing_visit&status=held&from=2025-01-01&to=2025-12-31&openActions=true&limit=10",
  }),
  "POST /api/engagements": () => ({
    url: "/api/engagements",
    body: engagementInput({
      participants: [
        { side: "KH", role: "host", newPerson: { nameEn: "Chea Sokha", nameRu: "Чеа Сокха" } },
        { side: "RU", role: "head_of_delegation", note: "Deputy Prosecutor General" },
      ],
    }),
  }),
  "GET /api/engagements/:id": async ({ t }) => ({
    url: `/api/engagements/${(await engagementFixtures(t).engagement()).id}`,
  }),
  "PATCH /api/engagements/:id": async ({ t }) => ({
    url: `/api/engagements/${(await engagementFixtures(t).engagement()).id}`,
    body: { summary: "The sides agreed to exchange training programmes.", status: "held" },
    headers: { "if-match": '"v1"' },
  }),
  "POST /api/engagements/:id/outcomes": async ({ t }) => ({
    url: `/api/engagements/${(await engagementFixtures(t).engagement()).id}/outcomes`,
    body: { kind: "statement", titleEn: "Joint press release", titleRu: "Совместный пресс-релиз" },
  }),
  "POST /api/engagements/:id/outcomes/:outcomeId/answer": async ({ t }) => {
    const { engagement, outcome } = await engagementFixtures(t).invitation();
    return {
      url: `/api/engagements/${engagement.id}/outcomes/${outcome.id}/answer`,
      body: { answer: "declined", note: "The dates clash with the plenary session." },
    };
  },
  "DELETE /api/engagements/:id/outcomes/:outcomeId": async ({ t }) => {
    const { engagement, outcome } = await engagementFixtures(t).invitation();
    return {
      url: `/api/engagements/${engagement.id}/outcomes/${outcome.id}`,
      headers: { "if-match": `"v${engagement.version}"` },
    };
  },
  "GET /api/action-items": () => ({ url: "/api/action-items?mine=true&open=true&limit=10" }),
  "GET /api/action-items/owners": () => ({ url: "/api/action-items/owners" }),
  "PATCH /api/action-items/:id": async ({ t, target }) => {
    const { item } = await engagementFixtures(t).actionItem({ userId: target });
    return {
      url: `/api/action-items/${item.id}`,
      body: { status: "in_progress", note: "Drafting the note to the leadership." },
      headers: { "if-match": '"v1"' },
    };
  },
  "POST /api/engagements/import": () => ({
    url: "/api/engagements/import",
    body: {
      records: [
        {
          sourceKey: `sample-${randomUUID()}`,
          kind: "call",
          titleEn: "Videoconference on pending requests",
          titleRu: "Видеоконференция по находящимся на исполнении запросам",
          status: "held",
          startOn: "2025-02-03",
          states: ["RU", "KZ"],
          outcomes: [{ kind: "statement", titleEn: "Joint press release" }],
        },
      ],
    },
  }),
  "GET /api/engagements/:id/briefing": async ({ t }) => ({
    url: `/api/engagements/${await briefingSampleEngagement(t)}/briefing?partner=KH&date=2025-05-26`,
  }),
  "GET /api/engagements/:id/briefing.pdf": async ({ t }) => ({
    url: `/api/engagements/${await briefingSampleEngagement(t)}/briefing.pdf?lang=ru`,
  }),

  // Reports: statistics
  "GET /api/reports/stats": () => ({
    url: "/api/reports/stats?measure=requests&from=2025-01-01&to=2025-08-31&by=partner&compare=previous_year&top=5",
  }),
  "GET /api/reports/cases": () => ({
    url: "/api/reports/cases?measure=refusals&from=2025-01-01&to=2025-12-31&by=ground&row=political_offence&limit=10",
  }),
  "GET /api/reports/map": () => ({
    url: "/api/reports/map?measure=requests&from=2025-01-01&to=2025-12-31&direction=incoming",
  }),
  "GET /api/reports/assets": () => ({
    url: "/api/reports/assets?from=2025-01-01&to=2025-12-31&by=partner",
  }),

  // Reports: statements, files, saved reports, the dashboard
  "GET /api/reports/statement": () => ({
    url: "/api/reports/statement?measure=decisions&from=2025-01-01&to=2025-08-31&kind=mla&group=cybercrime&compare=previous_year&lang=ru",
  }),
  "GET /api/reports/export": () => ({
    url: "/api/reports/export?measure=requests&from=2025-01-01&to=2025-12-31&by=partner&format=csv&publish=true&lang=ru",
  }),
  "GET /api/reports/questionnaire": () => ({
    url: "/api/reports/questionnaire?year=2025&format=csv&lang=en",
  }),
  "GET /api/cases/export": () => ({
    url: "/api/cases/export?kind=mla&direction=incoming&format=csv&lang=en",
  }),
  "GET /api/reports/saved": () => ({ url: "/api/reports/saved" }),
  "POST /api/reports/saved": () => ({
    url: "/api/reports/saved",
    body: {
      name: "Cybercrime requests by partner",
      query: {
        measure: "requests",
        from: "2025-01-01",
        to: "2025-08-31",
        by: "partner",
        group: "cybercrime",
      },
      shared: true,
    },
  }),
  // Someone else's report, or none: 404 to every reader (the audit test saves one of its own).
  "PATCH /api/reports/saved/:id": () => ({
    url: `/api/reports/saved/${randomUUID()}`,
    body: { name: "Renamed" },
    headers: { "if-match": '"v1"' },
  }),
  "DELETE /api/reports/saved/:id": () => ({ url: `/api/reports/saved/${randomUUID()}` }),
  "GET /api/dashboard": () => ({ url: "/api/dashboard" }),
};

/** A planned visit to Cambodia, recorded by the operator: the subject of the briefing pack's samples. */
async function briefingSampleEngagement(t: TestApp): Promise<string> {
  const engagement = await createEngagement({
    services: t.services,
    actor: { kind: "cli", osUser: "samples" },
    origin: { requestId: null, sourceIp: null, userAgent: null },
    input: createEngagementSchema.parse({
      kind: "outgoing_visit",
      titleEn: "Working visit to Cambodia",
      titleRu: "Рабочий визит в Камбоджу",
      status: "planned",
      startOn: "2025-05-26",
      endOn: "2025-05-27",
      city: "Phnom Penh",
      placeState: "KH",
      states: ["RU", "KH"],
    }),
  });
  return engagement.id;
}
