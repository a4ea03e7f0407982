import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseRow } from "../../src/db/cases/cases.repository.js";
import type { ConfidentialityLevel } from "../../src/domain/cases/vocabulary.js";
import type { Role } from "../../src/domain/platform/vocabulary.js";
import { type Client, createTestApp, createUser, signIn, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures, caseHeader } from "../support/cases.js";
import { SAMPLE_DOCUMENTS } from "../support/documents.js";

/**
 * Need-to-know on cases (ASVS 8.2.2 object-level access, SECURITY.md §6 row 2): every
 * case route, for every principal, against cases in every relation to them: their own
 * team, another team, above their clearance, no team. The expectations are written out
 * by hand below (not computed by the policy under test). A case one may not see must
 * answer exactly like a case that does not exist, and never appear in a count.
 */

type PrincipalName =
  | "own_officer"
  | "other_officer"
  | "supervisor"
  | "administrator"
  | "registrar"
  | "analyst"
  | "auditor";
type CaseName = "own_team" | "own_team_restricted" | "own_team_secret" | "other_team" | "no_team";

/**
 * Who is who: the own-team officer has clearance "restricted"; the other-team officer
 * "secret"; the supervisor "restricted" and no team. The roles that read no case are put
 * on the own team with the top clearance, to show that neither opens a case to them.
 */
const PRINCIPALS: Record<
  PrincipalName,
  { role: Role; clearance: ConfidentialityLevel; team: "A" | "B" | null }
> = {
  own_officer: { role: "case_officer", clearance: "restricted", team: "A" },
  other_officer: { role: "case_officer", clearance: "secret", team: "B" },
  supervisor: { role: "supervisor", clearance: "restricted", team: null },
  administrator: { role: "administrator", clearance: "secret", team: "A" },
  registrar: { role: "registrar", clearance: "secret", team: "A" },
  analyst: { role: "analyst", clearance: "secret", team: "A" },
  auditor: { role: "auditor", clearance: "secret", team: "A" },
};
const CASES: Record<CaseName, { team: "A" | "B" | null; confidentiality: ConfidentialityLevel }> = {
  own_team: { team: "A", confidentiality: "standard" },
  own_team_restricted: { team: "A", confidentiality: "restricted" },
  own_team_secret: { team: "A", confidentiality: "secret" },
  other_team: { team: "B", confidentiality: "standard" },
  no_team: { team: null, confidentiality: "standard" },
};

/** Who sees (and works) which case: "yes", "hidden" (404) or "role" (403 by the role table). */
type Expected = "yes" | "hidden" | "role";
const SEES: Record<PrincipalName, Record<CaseName, Expected>> = {
  own_officer: {
    own_team: "yes",
    own_team_restricted: "yes",
    own_team_secret: "hidden",
    other_team: "hidden",
    no_team: "hidden",
  },
  other_officer: {
    own_team: "hidden",
    own_team_restricted: "hidden",
    own_team_secret: "hidden",
    other_team: "yes",
    no_team: "hidden",
  },
  supervisor: {
    own_team: "yes",
    own_team_restricted: "yes",
    own_team_secret: "hidden",
    other_team: "yes",
    no_team: "yes",
  },
  administrator: {
    own_team: "role",
    own_team_restricted: "role",
    own_team_secret: "role",
    other_team: "role",
    no_team: "role",
  },
  registrar: {
    own_team: "role",
    own_team_restricted: "role",
    own_team_secret: "role",
    other_team: "role",
    no_team: "role",
  },
  analyst: {
    own_team: "role",
    own_team_restricted: "role",
    own_team_secret: "role",
    other_team: "role",
    no_team: "role",
  },
  auditor: {
    own_team: "role",
    own_team_restricted: "role",
    own_team_secret: "role",
    other_team: "role",
    no_team: "role",
  },
};

let t: TestApp;
const teams: Record<"A" | "B", string> = { A: "", B: "" };
const clients = {} as Record<PrincipalName, Client>;
const userIds = {} as Record<PrincipalName, string>;
const cases = {} as Record<CaseName, CaseRow & { documentId: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const fixtures = caseFixtures(t);
  teams.A = (await fixtures.team("Team A")).id;
  teams.B = (await fixtures.team("Team B")).id;
  for (const [name, principal] of Object.entries(PRINCIPALS) as [
    PrincipalName,
    (typeof PRINCIPALS)[PrincipalName],
  ][]) {
    const user = await createUser(t, { role: principal.role });
    await fixtures.clearance(user.row.id, principal.clearance);
    if (principal.team) await fixtures.member(teams[principal.team], user.row.id);
    clients[name] = await signIn(t, user);
    userIds[name] = user.row.id;
  }
  for (const [name, spec] of Object.entries(CASES) as [CaseName, (typeof CASES)[CaseName]][]) {
    const { kase, documentId } = await fixtures.caseWithDocument({
      reference: `NTK-${name.toUpperCase().replaceAll("_", "-")}`,
      title: `Zanzibar request, ${name.replaceAll("_", " ")}`,
      teamId: spec.team ? teams[spec.team] : null,
      confidentiality: spec.confidentiality,
    });
    cases[name] = { ...kase, documentId };
  }
});
afterAll(async () => {
  await t.close();
});

const currentVersion = async (id: string) =>
  Number((await t.db.pool.query("SELECT version FROM cases WHERE id = $1", [id])).rows[0].version);
const auditCount = async (outcome: string, objectId: string) =>
  Number(
    (
      await t.db.pool.query(
        "SELECT count(*) AS n FROM audit_log WHERE outcome = $1 AND object_id = $2 AND event_type LIKE 'case.%'",
        [outcome, objectId],
      )
    ).rows[0].n,
  );

type CaseRoute = {
  key: string;
  call: (client: Client, reference: string, documentId: string, version: number) => ReturnType<Client["get"]>;
  success: number;
};
const CASE_ROUTES: CaseRoute[] = [
  {
    key: "GET /api/cases/:reference",
    call: (client, reference) => client.get(`/api/cases/${reference}`),
    success: 200,
  },
  {
    key: "GET /api/cases/:reference/events",
    call: (client, reference) => client.get(`/api/cases/${reference}/events`),
    success: 200,
  },
  {
    key: "POST /api/cases/:reference/events",
    call: (client, reference, _documentId, version) =>
      client.post(
        `/api/cases/${reference}/events`,
        {
          type: "correspondence_logged",
          payload: { on: "2026-03-01", direction: "in", channel: "email", summary: "x" },
        },
        { "if-match": `"v${version}"` },
      ),
    success: 200,
  },
  {
    key: "POST /api/cases/:reference/documents",
    call: (client, reference) =>
      client.upload(`/api/cases/${reference}/documents`, { name: "note.txt", content: SAMPLE_DOCUMENTS.txt }),
    success: 201,
  },
  {
    key: "GET /api/cases/:reference/letter",
    call: (client, reference) => client.get(`/api/cases/${reference}/letter?language=en&draft=true`),
    success: 200,
  },
  {
    key: "GET /api/cases/:reference/documents/:id",
    call: (client, reference, documentId) => client.get(`/api/cases/${reference}/documents/${documentId}`),
    success: 200,
  },
];

describe("need-to-know matrix", () => {
  it("covers every route under /api/cases/{reference}", () => {
    const routes = t.app.routeTable
      .filter((route) => route.url.startsWith("/api/cases/:reference"))
      .map((route) => `${route.method} ${route.url}`)
      .sort();
    expect(CASE_ROUTES.map((route) => route.key).sort()).toEqual(routes);
  });

  it("gives every principal exactly the cases of their relation, and nothing else: 0 unauthorised successes", async () => {
    const problems: string[] = [];
    let cells = 0;
    let unauthorisedSuccesses = 0;
    let concealed = 0;
    const missing = await clients.own_officer.get("/api/cases/NTK-DOES-NOT-EXIST");
    expect(missing.status).toBe(404);
    for (const route of CASE_ROUTES) {
      for (const principal of Object.keys(PRINCIPALS) as PrincipalName[]) {
        for (const name of Object.keys(CASES) as CaseName[]) {
          cells += 1;
          const kase = cases[name];
          const expected = SEES[principal][name];
          const versionBefore = await currentVersion(kase.id);
          const deniedBefore = await auditCount("denied", kase.reference);
          const response = await route.call(
            clients[principal],
            kase.reference,
            kase.documentId,
            versionBefore,
          );
          const label = `${principal} ${route.key} ${name} -> ${response.status}`;
          const succeeded = response.status >= 200 && response.status < 300;
          if (succeeded && expected !== "yes") unauthorisedSuccesses += 1;
          if (expected === "yes" && response.status !== route.success)
            problems.push(`${label}: expected ${route.success}`);
          if (
            expected === "role" &&
            (response.status !== 403 || response.body.error.code !== "permission_denied")
          )
            problems.push(`${label}: expected 403 permission_denied`);
          if (expected === "hidden") {
            concealed += 1;
            // Exactly the answer a reference that does not exist gets.
            if (response.status !== 404) problems.push(`${label}: expected 404`);
            const { requestId: _hidden, ...error } = response.body.error ?? {};
            const { requestId: _missing, ...missingError } = missing.body.error;
            if (JSON.stringify(error) !== JSON.stringify(missingError))
              problems.push(`${label}: differs from a missing case`);
            const text = JSON.stringify(response.body);
            if (text.includes(kase.reference) || text.includes("Zanzibar"))
              problems.push(`${label}: leaks the case`);
            if ((await currentVersion(kase.id)) !== versionBefore)
              problems.push(`${label}: changed the case`);
            if ((await auditCount("denied", kase.reference)) !== deniedBefore + 1)
              problems.push(`${label}: the refusal is not in the audit trail`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(unauthorisedSuccesses).toBe(0);
    expect(cells).toBe(CASE_ROUTES.length * 7 * 5);
    expect(concealed).toBeGreaterThan(30);
  });

  it("answers a reference that does not exist like a hidden case, and records the probe", async () => {
    const before = await auditCount("failure", "NTK-NOWHERE");
    for (const route of CASE_ROUTES) {
      const response = await route.call(clients.supervisor, "NTK-NOWHERE", cases.own_team.documentId, 1);
      expect(response.status, route.key).toBe(404);
      expect(response.body.error).toMatchObject({ code: "not_found", message: "No such case." });
    }
    expect(await auditCount("failure", "NTK-NOWHERE")).toBe(before + CASE_ROUTES.length);
  });
});

describe("opening cases", () => {
  type Placement = "team_a" | "team_b" | "team_a_secret" | "no_team";
  const PLACEMENTS: Record<
    Placement,
    { teamId: () => string | null; confidentiality: ConfidentialityLevel }
  > = {
    team_a: { teamId: () => teams.A, confidentiality: "standard" },
    team_b: { teamId: () => teams.B, confidentiality: "standard" },
    team_a_secret: { teamId: () => teams.A, confidentiality: "secret" },
    no_team: { teamId: () => null, confidentiality: "standard" },
  };
  /** 201, or the refusal's code. */
  const OPENS: Record<PrincipalName, Record<Placement, string>> = {
    own_officer: {
      team_a: "201",
      team_b: "not_team_member",
      team_a_secret: "clearance_exceeded",
      no_team: "team_required",
    },
    other_officer: {
      team_a: "not_team_member",
      team_b: "201",
      team_a_secret: "not_team_member",
      no_team: "team_required",
    },
    supervisor: { team_a: "201", team_b: "201", team_a_secret: "clearance_exceeded", no_team: "201" },
    administrator: {
      team_a: "permission_denied",
      team_b: "permission_denied",
      team_a_secret: "permission_denied",
      no_team: "permission_denied",
    },
    registrar: {
      team_a: "permission_denied",
      team_b: "permission_denied",
      team_a_secret: "permission_denied",
      no_team: "permission_denied",
    },
    analyst: {
      team_a: "permission_denied",
      team_b: "permission_denied",
      team_a_secret: "permission_denied",
      no_team: "permission_denied",
    },
    auditor: {
      team_a: "permission_denied",
      team_b: "permission_denied",
      team_a_secret: "permission_denied",
      no_team: "permission_denied",
    },
  };

  it("opens a case only where its author may work it", async () => {
    const problems: string[] = [];
    for (const principal of Object.keys(PRINCIPALS) as PrincipalName[]) {
      for (const [placement, spec] of Object.entries(PLACEMENTS) as [
        Placement,
        (typeof PLACEMENTS)[Placement],
      ][]) {
        const header = caseHeader({ teamId: spec.teamId(), confidentiality: spec.confidentiality });
        const response = await clients[principal].post(
          "/api/cases",
          { header, facts: {} },
          { "idempotency-key": `open-${principal}-${placement}` },
        );
        const outcome = response.status === 201 ? "201" : response.body.error?.code;
        if (outcome !== OPENS[principal][placement])
          problems.push(
            `${principal} ${placement}: expected ${OPENS[principal][placement]}, got ${response.status} ${outcome}`,
          );
        if (response.status !== 201 && response.status !== 403)
          problems.push(`${principal} ${placement}: status ${response.status}`);
        const stored = await t.db.pool.query("SELECT 1 FROM cases WHERE reference = $1", [header.reference]);
        if ((stored.rowCount === 1) !== (response.status === 201))
          problems.push(`${principal} ${placement}: stored wrongly`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("moves a case to another team or level only where its author may still work it", async () => {
    const fixtures = caseFixtures(t);
    const kase = await fixtures.freshCase({ teamId: teams.A });
    const url = `/api/cases/${kase.reference}/events`;
    const handOver = await clients.own_officer.post(
      url,
      { type: "header_amended", payload: { header: { teamId: teams.B } } },
      { "if-match": '"v1"' },
    );
    expect(handOver.status).toBe(403);
    expect(handOver.body.error.code).toBe("not_team_member");
    const raise = await clients.own_officer.post(
      url,
      { type: "header_amended", payload: { header: { confidentiality: "secret" } } },
      { "if-match": '"v1"' },
    );
    expect(raise.body.error.code).toBe("clearance_exceeded");
    const orphan = await clients.own_officer.post(
      url,
      { type: "header_amended", payload: { header: { teamId: null } } },
      { "if-match": '"v1"' },
    );
    expect(orphan.body.error.code).toBe("team_required");
    // The supervisor assigns it to team B: it leaves the own officer's reach at once.
    await fixtures.append(kase.id, { type: "registered", payload: { on: "2026-03-01" } });
    const assigned = await clients.supervisor.post(
      url,
      { type: "assigned", payload: { on: "2026-03-02", teamId: teams.B } },
      { "if-match": '"v2"' },
    );
    expect(assigned.status).toBe(200);
    expect(assigned.body.team).toEqual({ id: teams.B, name: "Team B" });
    expect((await clients.own_officer.get(`/api/cases/${kase.reference}`)).status).toBe(404);
    expect((await clients.other_officer.get(`/api/cases/${kase.reference}`)).status).toBe(200);
  });
});

describe("lists and search", () => {
  const VISIBLE = (principal: PrincipalName) =>
    (Object.keys(CASES) as CaseName[])
      .filter((name) => SEES[principal][name] === "yes")
      .map((name) => cases[name].reference)
      .sort();

  it("lists exactly the cases each principal may see, and counts only those", async () => {
    for (const principal of ["own_officer", "other_officer", "supervisor"] as const) {
      const response = await clients[principal].get("/api/cases?q=Zanzibar&limit=200&sort=reference");
      expect(response.status).toBe(200);
      const listed = response.body.items
        .map((item: { reference: string }) => item.reference)
        .filter((reference: string) => reference.startsWith("NTK-"));
      expect(listed, principal).toEqual(VISIBLE(principal));
      expect(response.body.total, principal).toBe(VISIBLE(principal).length);
    }
    for (const principal of ["administrator", "registrar", "analyst", "auditor"] as const) {
      const response = await clients[principal].get("/api/cases");
      expect(response.status, principal).toBe(403);
      expect(response.body.error.code).toBe("permission_denied");
    }
  });

  it("never counts a hidden case, whatever the filter: the other team, the secret case, a search for its words", async () => {
    const own = clients.own_officer;
    const totals = async (query: string) => (await own.get(`/api/cases?${query}`)).body.total as number;
    expect(await totals(`teamId=${teams.B}`)).toBe(0);
    expect(await totals("confidentiality=secret")).toBe(0);
    expect(await totals(`q=${encodeURIComponent("own team secret")}`)).toBe(0);
    expect(await totals("q=NTK-OTHER-TEAM")).toBe(0);
    expect(await totals("q=NTK-NO-TEAM")).toBe(0);
    expect(await totals("q=NTK-OWN-TEAM-RESTRICTED")).toBe(1);
    const supervisor = clients.supervisor;
    expect((await supervisor.get("/api/cases?confidentiality=secret")).body.total).toBe(0);
    expect((await supervisor.get(`/api/cases?teamId=${teams.B}&q=Zanzibar`)).body.total).toBe(1);
  });
});

describe("changes of access apply on the next request", () => {
  it("closes a team's cases to a member taken off it, and a case above a lowered clearance", async () => {
    const { client: administrator } = await signInAs(t, "administrator");
    const fixtures = caseFixtures(t);
    const team = await fixtures.team();
    const user = await createUser(t, { role: "case_officer" });
    const officer = await signIn(t, user);
    const kase = await fixtures.freshCase({ teamId: team.id, confidentiality: "restricted" });
    const url = `/api/cases/${kase.reference}`;
    expect((await officer.get(url)).status).toBe(404);
    const added = await administrator.post(`/api/teams/${team.id}/members`, { userId: user.row.id });
    expect(added.status).toBe(200);
    expect((await officer.get(url)).status).toBe(404);
    const account = await administrator.get(`/api/users/${user.row.id}`);
    const cleared = await administrator.patch(
      `/api/users/${user.row.id}`,
      { clearance: "restricted" },
      { "if-match": account.headers.etag as string },
    );
    expect(cleared.status).toBe(200);
    expect(cleared.body.clearance).toBe("restricted");
    expect((await officer.get(url)).status).toBe(200);
    const removed = await administrator.request("DELETE", `/api/teams/${team.id}/members/${user.row.id}`);
    expect(removed.status).toBe(200);
    expect((await officer.get(url)).status).toBe(404);
  });
});
