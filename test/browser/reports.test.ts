import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/db/project-paths.js";
import {
  acceptInvitation,
  expectAccessible,
  inviteUser,
  launchBrowser,
  type RunningComity,
  screenshot,
  setUpAdministrator,
  startComity,
  watchForErrors,
} from "./harness.js";

/**
 * Reports in Chromium against `comity serve`, on the demo data and a few hundred synthetic
 * cases (`comity seed --demo`, `comity seed --synthetic`): a supervisor's dashboard; a
 * report built (refusals over the first eight months of last year, by partner, beside the
 * year before), the cases behind a figure, the report saved and shared, opened again; the
 * map, the statement and a CSV export; the same in Russian; then an analyst, who reads
 * every figure but no case, opens the shared report and is told the cases are hidden.
 * Every page passes axe-core; screenshots in test-results/screenshots.
 */
let comity: RunningComity;
let browser: Browser;
const invitations: Record<string, string> = {};
const LAST_YEAR = new Date().getUTCFullYear() - 1;
const REPORT_NAME = "Refusals, first eight months";
/** The table once it shows refusals (the previous figures stay on screen while new ones load). */
const REFUSALS_TABLE = '[data-testid="report-table"][data-measure="refusals"]';

/** The `comity` command on the running server's data folder and database. */
function runCli(args: string[]): Promise<string> {
  const port = Number(new URL(comity.base).port);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMITY_DATA_DIR: comity.dataDir,
    COMITY_EMBEDDED_PG_PORT: String(port + 3000),
    COMITY_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(projectRoot, "test", "support", "run-cli.mjs"), ...args],
      {
        env,
        cwd: projectRoot,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`comity ${args.join(" ")} failed (${code}):\n${output}`)),
    );
  });
}

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
  await runCli(["seed", "--synthetic", "600", "--seed", "11", "--workers", "0"]);
  await runCli(["seed", "--demo"]);
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

/** Picks an option of a Mantine select. */
async function choose(page: Page, field: Locator, option: RegExp | string) {
  await field.click();
  await page.getByRole("option", { name: option }).first().click();
}

/** A whole page, from its top: a full-page screenshot of a scrolled page draws the header mid-page. */
async function photograph(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

async function newPage(locale = "en-GB") {
  const context = await browser.newContext({
    locale,
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  return { context, page, errors: watchForErrors(page) };
}

describe("reports in the browser", () => {
  it("the administrator invites a supervisor and an analyst", async () => {
    const { context, page, errors } = await newPage();
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    invitations.supervisor = await inviteUser(page, {
      username: "sam.supervisor",
      fullName: "Sam Supervisor",
      role: "Supervisor",
    });
    invitations.analyst = await inviteUser(page, {
      username: "ada.analyst",
      fullName: "Ada Analyst",
      role: "Analyst",
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a supervisor's dashboard, a report built, its cases opened, saved, opened again, exported; then in Russian", async () => {
    const { context, page, errors } = await newPage();
    await acceptInvitation(page, {
      link: invitations.supervisor ?? "",
      username: "sam.supervisor",
      fullName: "Sam Supervisor",
      password: "ledgers of the southern archive",
    });

    // The dashboard: this month's intake, the cases due, the trend, partners and refusals.
    const dashboard = page.getByTestId("dashboard");
    await dashboard.waitFor();
    await page.getByRole("heading", { name: /This month's requests/ }).waitFor();
    await page.getByRole("heading", { name: "My cases due" }).waitFor();
    await page.getByTestId("trend-chart").waitFor();
    await page.getByTestId("top-partners").waitFor();
    expect(await page.getByTestId("intake-incoming").textContent()).toMatch(/Incoming requests received\d/);
    await page.getByRole("img", { name: /Requests per month, incoming and outgoing/ }).waitFor();
    await expectAccessible(page, "dashboard");
    await photograph(page, "reports-01-dashboard-en");

    // The reports page opens on requests this year by partner.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Reports" })
      .first()
      .click();
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Requests by partner state", level: 2 }).waitFor();
    await page.getByTestId("report-table").waitFor();

    // Refusals over the first eight months of last year, by partner, beside the year before.
    const form = page.getByRole("region", { name: "Build a report" });
    await choose(page, form.getByRole("combobox", { name: "What to count" }), "Refusals");
    await choose(page, form.getByRole("combobox", { name: "Period" }), "First months of a year");
    await choose(page, form.getByRole("combobox", { name: "Year" }), String(LAST_YEAR));
    await choose(page, form.getByRole("combobox", { name: "Months" }), "The first 8 months");
    expect(await form.getByRole("checkbox", { name: /Compare with last year/ }).isChecked()).toBe(true);
    await form.getByRole("button", { name: "Show figures" }).click();
    await page.waitForURL(
      (url) =>
        url.searchParams.get("measure") === "refusals" &&
        url.searchParams.get("from") === `${LAST_YEAR}-01-01` &&
        url.searchParams.get("to") === `${LAST_YEAR}-08-31`,
    );
    await page.getByRole("heading", { name: "Refusals by partner state", level: 2 }).waitFor();
    await page.getByText(`The first 8 months of ${LAST_YEAR}`).first().waitFor();
    const table = page.locator(REFUSALS_TABLE);
    await expect.poll(() => table.getByRole("row").count()).toBeGreaterThan(3);
    await page.getByRole("columnheader", { name: "Same period last year" }).waitFor();
    await page.getByRole("img", { name: /Chart: Refusals by partner state/ }).waitFor();
    await expectAccessible(page, "report");
    await photograph(page, "reports-02-report-en");

    // The cases behind the first row's figure.
    const firstFigure = table.getByRole("button", { name: /list the cases behind/ }).first();
    await firstFigure.click();
    const drawer = page.getByRole("dialog", { name: /Cases behind/ });
    await drawer.waitFor();
    await drawer.getByTestId("report-cases-count").waitFor();
    expect(await drawer.getByTestId("report-cases-count").textContent()).toMatch(
      /case(s)? behind this figure/,
    );
    await expect.poll(() => drawer.getByRole("link").count()).toBeGreaterThan(0);
    await expectAccessible(page, "cases behind a figure");
    await screenshot(page, "reports-03-cases-en", { fullPage: false });
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });

    // Saved and shared.
    await page.getByRole("button", { name: "Save this report" }).click();
    const save = page.getByRole("dialog", { name: "Save the report" });
    await save.getByRole("textbox", { name: "Name" }).fill(REPORT_NAME);
    await save.getByRole("checkbox", { name: "Share with colleagues" }).check();
    await save.getByRole("button", { name: "Save" }).click();
    await save.waitFor({ state: "hidden" });
    const saved = page.getByRole("region", { name: "Saved reports" });
    await saved.getByRole("button", { name: REPORT_NAME, exact: true }).waitFor();

    // Start again, then open the saved report: the form and the figures come back.
    await page.getByRole("button", { name: "Start again" }).click();
    await page.getByRole("heading", { name: "Requests by partner state", level: 2 }).waitFor();
    await saved.getByRole("button", { name: REPORT_NAME, exact: true }).click();
    await page.getByRole("heading", { name: "Refusals by partner state", level: 2 }).waitFor();
    expect(await form.getByRole("combobox", { name: "What to count" }).inputValue()).toBe("Refusals");
    expect(new URL(page.url()).searchParams.get("to")).toBe(`${LAST_YEAR}-08-31`);

    // The statement, and the map of the same figures.
    await expect
      .poll(async () => (await page.getByTestId("statement-text").textContent()) ?? "")
      .toMatch(/\d/);
    await page.getByRole("tab", { name: "World map" }).click();
    await page.getByTestId("report-map-table").waitFor();
    await expectAccessible(page, "report map");
    await photograph(page, "reports-04-map-en");
    await page.getByRole("tab", { name: "Table and chart" }).click();

    // A CSV export, downloaded with its progress.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const file = await download;
    const csv = await readFile((await file.path()) ?? "", "utf8");
    expect(csv.length).toBeGreaterThan(20);

    // In Russian.
    await page.getByRole("button", { name: /Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page
      .getByRole("heading", { name: "Отказы в разбивке по государствам-партнёрам", level: 2 })
      .waitFor();
    await page.getByText(`Первые 8 месяцев ${LAST_YEAR} г.`).first().waitFor();
    await expect
      .poll(async () => (await page.getByTestId("statement-text").textContent()) ?? "")
      .toMatch(/[а-яё]/i);
    await expectAccessible(page, "report in Russian");
    await photograph(page, "reports-05-report-ru");
    // By keyboard: a figure is a button.
    await page
      .getByTestId("report-table")
      .getByRole("button", { name: /показать дела/ })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    const drawerRu = page.getByRole("dialog", { name: /Дела по показателю/ });
    await drawerRu.getByTestId("report-cases-count").waitFor();
    expect(await drawerRu.getByTestId("report-cases-count").textContent()).toMatch(
      /За показателем \d+ (дело|дела|дел)$/,
    );
    await expectAccessible(page, "cases behind a figure in Russian");
    await screenshot(page, "reports-06-cases-ru", { fullPage: false });
    await page.keyboard.press("Escape");

    await page
      .getByRole("navigation", { name: "Основная навигация" })
      .getByRole("link", { name: "Обзор" })
      .click();
    await page.getByRole("heading", { name: /Запросы за месяц/ }).waitFor();
    await page.getByTestId("trend-chart").waitFor();
    await expectAccessible(page, "dashboard in Russian");
    await photograph(page, "reports-07-dashboard-ru");

    await page.goto(`${comity.base}/reports/assets?from=2015-01-01&to=${LAST_YEAR + 1}-12-31`);
    await page.getByRole("heading", { name: "Возвращение активов", level: 1 }).waitFor();
    await expectAccessible(page, "asset ledger in Russian");
    await photograph(page, "reports-08-assets-ru");

    // The case list as a file, with the list's filters.
    await page.goto(`${comity.base}/cases?kind=extradition`);
    await page.getByRole("button", { name: "Выгрузить" }).click();
    const listDownload = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Таблица CSV" }).click();
    const list = await readFile((await (await listDownload).path()) ?? "", "utf8");
    expect(list).toMatch(/EXT/);
    expect(list).not.toMatch(/MLA-IN/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an analyst opens the shared report and is told the cases behind it are hidden", async () => {
    const { context, page, errors } = await newPage();
    await acceptInvitation(page, {
      link: invitations.analyst ?? "",
      username: "ada.analyst",
      fullName: "Ada Analyst",
      password: "tables of the western archive",
    });
    await page.getByTestId("dashboard").waitFor();
    await page.getByTestId("trend-chart").waitFor();
    // An analyst reads no case: no list of cases due.
    expect(await page.getByRole("heading", { name: "My cases due" }).count()).toBe(0);
    await page.goto(`${comity.base}/reports`);
    const saved = page.getByRole("region", { name: "Saved reports" });
    await saved.getByRole("button", { name: REPORT_NAME, exact: true }).click();
    await page.getByRole("heading", { name: "Refusals by partner state", level: 2 }).waitFor();
    await page
      .locator(REFUSALS_TABLE)
      .getByRole("button", { name: /list the cases behind/ })
      .first()
      .click();
    const drawer = page.getByRole("dialog", { name: /Cases behind/ });
    await drawer.getByTestId("report-cases-hidden").waitFor();
    expect(await drawer.getByTestId("report-cases-hidden").textContent()).toMatch(/you may not see/);
    expect(await drawer.getByRole("link").count()).toBe(0);
    await expectAccessible(page, "hidden cases");
    await screenshot(page, "reports-09-hidden-en", { fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });
});
