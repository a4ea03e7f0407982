import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/db/project-paths.js";
import { parseCsv } from "../../src/domain/platform/csv.js";
import { parseIsoDate } from "../../src/domain/platform/dates.js";
import { type Client, createTestApp, createUser, signIn, signInAs, type TestApp } from "../support/app.js";
import { caseFixtures } from "../support/cases.js";
import { engagementFixtures } from "../support/engagements-fixtures.js";
import { reportFixtures, reportQuery } from "../support/reports-fixtures.js";
import { TEST_MASTER_SECRET } from "../support/services.js";

/**
 * Statements, exports, the questionnaire, the case list export, saved reports and the
 * dashboard, through the API, over cases opened and worked through the API. Today is
 * 10 September 2025 in the office.
 *
 * Decisions on incoming MLA requests in cybercrime cases (0903), granted:
 *   in January to August 2025: Belarus 6, Armenia 5, the Republic of Korea 4, Poland 3,
 *   Türkiye 2, France 1 (21); in 2024: Belarus 2.
 * Outgoing extradition requests refused: on political grounds in 2025 by Poland (2) and
 *   France (1), which are European, and China (Asia); by Poland on grounds of nationality;
 *   on political grounds by Poland in 2024.
 */

let t: TestApp;
let supervisor: Client;
let analyst: Client;
let officer: Client;
let officerId: string;
let teamA: string;
let teamB: string;
const scratch = mkdtempSync(path.join(tmpdir(), "comity-reports-outputs-"));

const DECIDED_2025: [string, number][] = [
  ["BY", 6],
  ["AM", 5],
  ["KR", 4],
  ["PL", 3],
  ["TR", 2],
  ["FR", 1],
];
const EIGHT_MONTHS = {
  measure: "decisions",
  from: "2025-01-01",
  to: "2025-08-31",
  kind: "mla",
  group: "cybercrime",
  compare: "previous_year",
};
const POLITICAL_REFUSALS = {
  measure: "refusals",
  from: "2025-01-01",
  to: "2025-09-10",
  kind: "extradition",
  direction: "outgoing",
  region: "Europe",
  ground: "political_offence",
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set("2025-09-10T09:00:00.000Z");
  const cases = caseFixtures(t);
  teamA = (await cases.team("Outputs MLA desk")).id;
  teamB = (await cases.team("Outputs extradition desk")).id;
  supervisor = (await signInAs(t, "supervisor")).client;
  analyst = (await signInAs(t, "analyst")).client;
  const officerUser = await createUser(t, { role: "case_officer" });
  officerId = officerUser.row.id;
  await cases.member(teamA, officerId);
  officer = await signIn(t, officerUser);

  const f = reportFixtures(t);
  const decided = async (partner: string, index: number, year = 2025) => {
    const month = String((index % 8) + 1).padStart(2, "0");
    const kase = await f.walk(
      supervisor,
      { requestingState: partner, offenceCategory: "0903", teamId: teamB },
      f.examined(`${year}-${month}-02`, `${year}-${month}-03`, `${year}-${month}-04`),
    );
    await f.record(supervisor, kase, `decided:granted@${year}-${month}-20`);
  };
  for (const [partner, count] of DECIDED_2025)
    for (let index = 0; index < count; index++) await decided(partner, index);
  await decided("BY", 0, 2024);
  await decided("BY", 1, 2024);

  const refused = async (partner: string, on: string, ground: string) => {
    const kase = await f.open(supervisor, {
      kind: "extradition",
      direction: "outgoing",
      requestingState: "RU",
      requestedState: partner,
      offenceCategory: "0903",
      teamId: teamB,
    });
    await f.record(supervisor, kase, `sent@${on.slice(0, 8)}01`);
    await f.record(supervisor, kase, `decided:refused@${on}`, [ground]);
  };
  await refused("PL", "2025-03-10", "political_offence");
  await refused("PL", "2025-05-12", "political_offence");
  await refused("FR", "2025-07-07", "political_offence");
  await refused("CN", "2025-04-15", "political_offence");
  await refused("PL", "2025-06-16", "own_national");
  await refused("PL", "2024-06-17", "political_offence");
}, 240_000);

afterAll(async () => {
  rmSync(scratch, { recursive: true, force: true });
  await t.close();
});

const statement = async (client: Client, parameters: Record<string, string | number | undefined>) => {
  const response = await client.get(`/api/reports/statement?${reportQuery(parameters)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { lang: string; text: string; result: { total: { value: number } } };
};

const file = async (client: Client, url: string) => {
  const response = await client.get(url);
  expect(response.status, String(response.body).slice(0, 300)).toBe(200);
  return { response, bytes: response.raw.rawPayload as Buffer };
};

describe("statements", () => {
  it("writes the seed's first sentence from the cases, in English", async () => {
    const body = await statement(analyst, { ...EIGHT_MONTHS, lang: "en" });
    expect(body.text).toBe(
      "Over the first eight months of 2025, 21 requests for legal assistance in cybercrime cases were considered, more than the 2 of the whole of 2024. The most active cooperation was with Belarus, Armenia, the Republic of Korea, Poland, Türkiye and France.",
    );
    expect(body.result.total.value).toBe(21);
  });

  it("and in Russian, with the plural and the instrumental case", async () => {
    const body = await statement(analyst, { ...EIGHT_MONTHS, lang: "ru" });
    expect(body.text).toBe(
      "За первые восемь месяцев 2025 года рассмотрен 21 запрос о правовой помощи по делам о киберпреступлениях — больше, чем за весь 2024 год (2). Наиболее активно велось сотрудничество с Республикой Беларусь, Арменией, Республикой Корея, Польшей, Турцией и Францией.",
    );
  });

  it("writes the seed's second sentence: European states' refusals on political grounds since the start of the year", async () => {
    expect((await statement(supervisor, { ...POLITICAL_REFUSALS, lang: "en" })).text).toBe(
      "Since the start of the year, European states have refused 3 times, on political grounds, to extradite.",
    );
    expect((await statement(supervisor, { ...POLITICAL_REFUSALS, lang: "ru" })).text).toBe(
      "С начала года европейские государства 3 раза отказали в выдаче по политическим мотивам.",
    );
  });

  it("refuses a query the measure cannot answer, with the field", async () => {
    const response = await analyst.get(
      `/api/reports/statement?${reportQuery({ measure: "requests", from: "2025-01-01", to: "2025-12-31", ground: "political_offence" })}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_input");
    expect(response.body.error.fields[0].path).toContain("ground");
  });
});

describe("report exports", () => {
  const byPartner = { ...EIGHT_MONTHS, by: "partner" };

  it("exports CSV with a header in the chosen language, read back with the CSV parser", async () => {
    const { response, bytes } = await file(
      analyst,
      `/api/reports/export?${reportQuery({ ...byPartner, format: "csv", lang: "ru" })}`,
    );
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toContain("attachment;");
    const rows = parseCsv(bytes.toString("utf8")).map((row) => row.fields);
    expect(rows[0]?.slice(0, 3)).toEqual([
      "Код",
      "Государство-партнёр",
      "Решения (1 января – 31 августа 2025 г.)",
    ]);
    // Belarus's two decisions of 2024 were in January and February: the same period, and the whole year.
    expect(rows.find((row) => row[0] === "BY")?.slice(2)).toEqual(["6", "2", "2"]);
    expect(rows.find((row) => row[0] === "FR")?.slice(2)).toEqual(["1", "0", "0"]);
    expect(rows.at(-1)?.slice(1)).toEqual(["Итого", "21", "2", "2"]);
  });

  it("suppresses small counts in a published export: <5, and the figure that would give one away", async () => {
    const { bytes } = await file(
      analyst,
      `/api/reports/export?${reportQuery({ ...byPartner, compare: "none", format: "csv", publish: "true", lang: "en" })}`,
    );
    const rows = Object.fromEntries(
      parseCsv(bytes.toString("utf8")).map((row) => [row.fields[0], row.fields.slice(1)]),
    );
    expect(rows.BY).toEqual(["Belarus", "6"]);
    expect(rows.AM).toEqual(["Armenia", "5"]);
    for (const code of ["KR", "PL", "TR", "FR"]) expect(rows[code]?.[1]).toBe("<5");
    expect(rows[""]).toEqual(["Total", "21"]);
  });

  it("exports XLSX with the table, a frozen header, the query and the statement", async () => {
    const { response, bytes } = await file(
      analyst,
      `/api/reports/export?${reportQuery({ ...byPartner, format: "xlsx", lang: "en" })}`,
    );
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Report")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(2).values).toEqual([undefined, "BY", "Belarus", 6, 2, 2]);
    const about = new Map<string, unknown>();
    workbook
      .getWorksheet("About")!
      .eachRow((row) => about.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(about.get("Statement")).toBe(
      "Over the first eight months of 2025, 21 requests for legal assistance in cybercrime cases were considered, more than the 2 of the whole of 2024. The most active cooperation was with Belarus, Armenia, the Republic of Korea, Poland, Türkiye and France.",
    );
  });

  it("exports a PDF with the statement, a chart and the table, that renders", async () => {
    for (const lang of ["en", "ru"]) {
      const { response, bytes } = await file(
        analyst,
        `/api/reports/export?${reportQuery({ ...byPartner, format: "pdf", lang })}`,
      );
      expect(response.headers["content-type"]).toBe("application/pdf");
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (!existsSync("/usr/bin/pdftoppm")) continue;
      const pdf = path.join(scratch, `report-${lang}.pdf`);
      writeFileSync(pdf, bytes);
      execFileSync("pdftoppm", [
        "-png",
        "-r",
        "50",
        "-f",
        "1",
        "-l",
        "1",
        pdf,
        path.join(scratch, `page-${lang}`),
      ]);
    }
  });

  it("records the export in the audit trail, with the query as codes and whether it was for publication", async () => {
    const { rows } = await t.db.pool.query(
      "SELECT details FROM audit_log WHERE event_type = 'reports.report_exported' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0].details).toMatchObject({ format: "pdf", publish: false, query: { by: "partner" } });
  });
});

describe("the questionnaire export", () => {
  it("gives one year's de-identified figures, always suppressed", async () => {
    const { bytes } = await file(analyst, "/api/reports/questionnaire?year=2025&format=csv&lang=en");
    const rows = parseCsv(bytes.toString("utf8")).map((row) => row.fields);
    expect(rows[0]).toEqual(["Section", "Code", "Label", "Incoming", "Outgoing", "Total"]);
    const partner = (code: string) =>
      rows.find((row) => row[0] === "Requests by partner state" && row[1] === code)?.slice(3);
    expect(partner("BY")).toEqual(["6", "0", "6"]);
    expect(partner("FR")).toEqual(["<5", "<5", "<5"]);
    const refusals = rows.filter((row) => row[0] === "Refusals by ground");
    expect(refusals.find((row) => row[1] === "political_offence")?.slice(3)).toEqual(["0", "<5", "<5"]);
    expect(bytes.toString("utf8")).not.toMatch(/TEST-\d/);
  });

  it("as XLSX, in Russian", async () => {
    const { bytes } = await file(analyst, "/api/reports/questionnaire?year=2025&format=xlsx&lang=ru");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Анкета")!;
    expect(sheet.getRow(1).getCell(4).value).toBe("Входящие");
    expect(workbook.getWorksheet("Описание")!.getRow(1).getCell(1).value).toBe(
      "Статистика международного сотрудничества по уголовным делам за 2025 год",
    );
  });
});

describe("the case list export", () => {
  let teamAReferences: string[];

  beforeAll(async () => {
    const cases = caseFixtures(t);
    teamAReferences = [];
    // More than a page (PAGE_SIZE 500), so that paging by reference is exercised.
    for (let index = 0; index < 505; index++)
      teamAReferences.push(
        (
          await cases.freshCase({
            teamId: teamA,
            reference: `EXP-${String(index).padStart(4, "0")}`,
            title: `Экспорт ${index}`,
          })
        ).reference,
      );
    await cases.freshCase({ teamId: teamB, reference: "EXP-HIDDEN" });
  }, 120_000);

  it("streams every case the reader may see, and none other, as CSV", async () => {
    const { response, bytes } = await file(officer, "/api/cases/export?format=csv&lang=ru&q=EXP");
    expect(response.headers["x-total-count"]).toBe("505");
    const rows = parseCsv(bytes.toString("utf8")).map((row) => row.fields);
    expect(rows[0]?.slice(0, 3)).toEqual(["Номер", "Наименование", "Вид"]);
    const references = rows.slice(1).map((row) => row[0]);
    expect(references).toEqual(teamAReferences);
    expect(references).not.toContain("EXP-HIDDEN");
    expect(rows[1]?.slice(1, 5)).toEqual(["Экспорт 0", "Правовая помощь", "Входящие", "Получен"]);
  });

  it("as XLSX, read back with exceljs", async () => {
    const { bytes } = await file(officer, "/api/cases/export?format=xlsx&lang=en&q=EXP");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Cases")!;
    expect(sheet.rowCount).toBe(506);
    expect(sheet.getRow(1).getCell(1).value).toBe("Reference");
    expect(sheet.getRow(2).getCell(1).value).toBe("EXP-0000");
    expect(sheet.getRow(506).getCell(1).value).toBe("EXP-0504");
  });

  it("is recorded with its filters and size", async () => {
    const { rows } = await t.db.pool.query(
      "SELECT details FROM audit_log WHERE event_type = 'case.exported' ORDER BY seq DESC LIMIT 1",
    );
    expect(rows[0].details).toMatchObject({ format: "xlsx", total: 505, filters: { q: "EXP" } });
  });
});

describe("saved reports", () => {
  it("are the owner's to change; shared ones are listed to every reader; others' unshared answer 404", async () => {
    const owner = analyst;
    const other = (await signInAs(t, "analyst")).client;
    const query = { measure: "requests", from: "2025-01-01", to: "2025-08-31", by: "partner" };
    const shared = await owner.post("/api/reports/saved", { name: "Partners", query, shared: true });
    expect(shared.status).toBe(201);
    expect(shared.body).toMatchObject({ name: "Partners", shared: true, mine: true, query });
    const own = await owner.post("/api/reports/saved", { name: "Mine only", query });
    expect(own.body.shared).toBe(false);

    const listed = await other.get("/api/reports/saved");
    const names = listed.body.items.map((item: { name: string }) => item.name);
    expect(names).toContain("Partners");
    expect(names).not.toContain("Mine only");
    expect(listed.body.items.find((item: { name: string }) => item.name === "Partners").mine).toBe(false);

    const v1 = { "if-match": '"v1"' };
    expect((await other.patch(`/api/reports/saved/${own.body.id}`, { name: "Taken" }, v1)).status).toBe(404);
    expect((await other.request("DELETE", `/api/reports/saved/${own.body.id}`)).status).toBe(404);
    const refused = await other.patch(`/api/reports/saved/${shared.body.id}`, { shared: false }, v1);
    expect(refused.status).toBe(403);

    expect((await owner.patch(`/api/reports/saved/${own.body.id}`, { name: "Renamed" })).status).toBe(428);
    const renamed = await owner.patch(
      `/api/reports/saved/${own.body.id}`,
      { name: "Renamed", shared: true },
      v1,
    );
    expect(renamed.body).toMatchObject({ name: "Renamed", shared: true, version: 2 });
    expect(renamed.headers.etag).toBe('"v2"');
    const stale = await owner.patch(`/api/reports/saved/${own.body.id}`, { name: "Stale" }, v1);
    expect(stale.status).toBe(412);
    const deleted = await owner.request("DELETE", `/api/reports/saved/${own.body.id}`);
    expect(deleted.body).toEqual({ id: own.body.id, deleted: true });
    expect(
      (await owner.get("/api/reports/saved")).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(own.body.id);
  });

  it("refuses a query a report could not run", async () => {
    const response = await analyst.post("/api/reports/saved", {
      name: "Bad",
      query: { measure: "requests", from: "2025-01-01", to: "2025-12-31", by: "ground" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].path).toBe("body.query.by");
    expect((await analyst.patch(`/api/reports/saved/${crypto.randomUUID()}`, {})).status).toBe(400);
  });
});

describe("the dashboard", () => {
  beforeAll(async () => {
    const cases = caseFixtures(t);
    const overdue = await cases.freshCase({ teamId: teamA, reference: "DASH-OVERDUE" });
    const soon = await cases.freshCase({ teamId: teamA, reference: "DASH-SOON" });
    const other = await cases.freshCase({ teamId: teamB, reference: "DASH-OTHER-TEAM" });
    const set = (id: string, day: string) =>
      t.db.pool.query("UPDATE cases SET next_deadline_on = $2 WHERE id = $1", [id, day]);
    await set(overdue.id, "2025-09-01");
    await set(soon.id, "2025-09-20");
    await set(other.id, "2025-08-01");
    const engagements = engagementFixtures(t);
    await engagements.actionItem({ userId: officerId }, { dueOn: "2025-09-05" });
    await engagements.actionItem({ teamId: teamA }, { dueOn: "2025-09-15" });
    await engagements.actionItem({ userId: officerId }, { dueOn: "2025-12-01" });
  });

  it("shows a case officer their team's cases and their own action items, and this year's figures", async () => {
    const response = await officer.get("/api/dashboard");
    expect(response.status).toBe(200);
    const dashboard = response.body;
    expect(dashboard.today).toBe("2025-09-10");
    expect(dashboard.cases.overdue.map((kase: { reference: string }) => kase.reference)).toEqual([
      "DASH-OVERDUE",
    ]);
    expect(dashboard.cases.dueSoon.map((kase: { reference: string }) => kase.reference)).toEqual([
      "DASH-SOON",
    ]);
    expect(dashboard.actionItems.overdue.map((item: { dueOn: string }) => item.dueOn)).toEqual([
      "2025-09-05",
    ]);
    expect(dashboard.actionItems.dueSoon.map((item: { dueOn: string }) => item.dueOn)).toEqual([
      "2025-09-15",
    ]);
    expect(dashboard.teams).toBeNull();
    // Requests this year, both directions: Poland's three outgoing extradition requests join its MLA ones.
    expect(
      dashboard.statistics.topPartners.map((row: { partner: string; value: number }) => [
        row.partner,
        row.value,
      ]),
    ).toEqual([
      ["BY", 6],
      ["PL", 6],
      ["AM", 5],
      ["KR", 4],
      ["FR", 2],
      ["TR", 2],
    ]);
    expect(dashboard.statistics.trend).toHaveLength(24);
    expect(dashboard.statistics.trend.at(-1).month).toBe("2025-09");
    expect(
      dashboard.statistics.refusalsByGround.find(
        (row: { ground: string }) => row.ground === "political_offence",
      ).value,
    ).toBe(4);
  });

  it("shows a supervisor every team's overdue counts when they are in no team", async () => {
    const dashboard = (await supervisor.get("/api/dashboard")).body;
    const teams = Object.fromEntries(
      dashboard.teams.map((team: { name: string; overdueCases: number; overdueActionItems: number }) => [
        team.name,
        [team.overdueCases, team.overdueActionItems],
      ]),
    );
    // Team A: its overdue case; the officer's overdue item (a member's) and none of the team's own.
    expect(teams["Outputs MLA desk"]).toEqual([1, 1]);
    expect(teams["Outputs extradition desk"]).toEqual([1, 0]);
    expect(dashboard.cases.overdueTotal).toBe(2);
  });

  it("shows an analyst figures and no cases", async () => {
    const dashboard = (await analyst.get("/api/dashboard")).body;
    expect(dashboard.cases).toBeNull();
    expect(dashboard.teams).toBeNull();
    expect(dashboard.actionItems).toEqual({ overdue: [], dueSoon: [] });
    expect(dashboard.statistics.pending).toBeGreaterThan(0);
    expect(dashboard.statistics.intake.month).toBe("2025-09");
  });

  it("shows a registrar no figures", async () => {
    const dashboard = (await (await signInAs(t, "registrar")).client.get("/api/dashboard")).body;
    expect(dashboard.statistics).toBeNull();
    expect(dashboard.cases).toBeNull();
    expect(parseIsoDate(dashboard.today)).toBe("2025-09-10");
  });
});

describe("comity report statement", () => {
  /** The command from the sources (tsx), on this file's database, with the test's master secret. */
  function comity(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/comity-dev.ts", ...args], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATABASE_URL: t.db.url,
        COMITY_SECRET: TEST_MASTER_SECRET.toString("base64"),
        COMITY_DATA_DIR: scratch,
        COMITY_LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  }

  it("prints the same paragraph as the API, in Russian", async () => {
    const result = await comity([
      "report",
      "statement",
      "--lang",
      "ru",
      "--measure",
      "decisions",
      "--from",
      "2025-01-01",
      "--to",
      "2025-08-31",
      "--kind",
      "mla",
      "--group",
      "cybercrime",
      "--compare",
      "previous-year",
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      "За первые восемь месяцев 2025 года рассмотрен 21 запрос о правовой помощи по делам о киберпреступлениях — больше, чем за весь 2024 год (2). Наиболее активно велось сотрудничество с Республикой Беларусь, Арменией, Республикой Корея, Польшей, Турцией и Францией.\n",
    );
  }, 60_000);

  it("names the option that is wrong, and exits 1", async () => {
    const result = await comity([
      "report",
      "statement",
      "--from",
      "2025-05-01",
      "--to",
      "2025-01-01",
      "--lang",
      "ru",
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--to: the period ends before it begins");
  }, 60_000);
});
