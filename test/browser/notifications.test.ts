import { spawn } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
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
 * The notifications bell (src/web/notifications/) against `comity serve` (which runs the
 * reminder job on pg-boss): a case officer's team has two extradition cases with a
 * provisional arrest, one 45 days ago (the 40 days have passed) and one 35 days ago (a
 * reminder is due); `comity reminders` writes the notifications, about the cases as their
 * subjects, on the server's database; the bell shows the count, lists them with links to
 * the cases (a subject of type "case" links to its page), and marks them read, by mouse
 * and keyboard. axe-core on the open list; screenshots in test-results/screenshots.
 */
let comity: RunningComity;
let browser: Browser;
const OVERDUE = "EXT-IN-2026-0201";
const REMINDED = "EXT-IN-2026-0202";
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers loosely and asserts the shape it relies on
type ApiAnswer = { status: number; body: any; etag: string | null };

/** A call to the API from the signed-in page, with its session cookie and a fresh CSRF token. */
function api(page: Page, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, url, body, headers }): Promise<ApiAnswer> => {
      const session = await (await fetch("/api/auth/session")).json();
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken, ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json(), etag: response.headers.get("etag") };
    },
    { method, url, body, headers },
  );
}

/** `comity <args>` on the running server's data folder and embedded database, as an operator runs it. */
function comityCommand(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = Number(new URL(comity.base).port);
  const child = spawn(process.execPath, [path.join(projectRoot, "test", "support", "run-cli.mjs"), ...args], {
    cwd: projectRoot,
    env: {
      ...process.env,
      DATABASE_URL: "",
      COMITY_DATA_DIR: comity.dataDir,
      COMITY_EMBEDDED_PG_PORT: String(port + 10000),
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
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

async function openArrestCase(page: Page, teamId: string, reference: string, arrestOn: string) {
  const opened = await api(
    page,
    "POST",
    "/api/cases",
    {
      header: {
        kind: "extradition",
        direction: "incoming",
        reference,
        requestingState: "AM",
        requestedState: "RU",
        purpose: "prosecution",
        title: `Extradition of a fraud suspect (${reference})`,
        teamId,
        legalBasis: { type: "reciprocity" },
      },
      facts: { persons: [{ id: "p1", role: "sought", fullName: "Aram Petrosyan", nationalities: ["AM"] }] },
    },
    { "idempotency-key": `browser-${reference}` },
  );
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const arrested = await api(
    page,
    "POST",
    `/api/cases/${reference}/events`,
    { type: "provisional_arrest", payload: { on: arrestOn, personId: "p1" } },
    { "if-match": opened.etag! },
  );
  expect(arrested.status, JSON.stringify(arrested.body)).toBe(200);
}

describe("the notifications bell", () => {
  let invitation = "";
  let teamId = "";

  it("the administrator invites a case officer and puts them on a team", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    invitation = await inviteUser(page, {
      username: "olga.officer",
      fullName: "Olga Officer",
      role: "Case officer",
    });
    const users = await api(page, "GET", "/api/users");
    const officer = users.body.users.find((user: { username: string }) => user.username === "olga.officer");
    const team = await api(page, "POST", "/api/teams", { name: "Extradition desk" });
    expect(team.status, JSON.stringify(team.body)).toBe(201);
    teamId = team.body.id;
    const member = await api(page, "POST", `/api/teams/${teamId}/members`, { userId: officer.id });
    expect(member.status, JSON.stringify(member.body)).toBe(200);
    // An administrator reads no case: the bell is there, empty.
    const bell = page.getByRole("button", { name: "Notifications, unread: 0" });
    await bell.click();
    await page.getByRole("dialog", { name: "Notifications" }).getByText("No notifications.").waitFor();
    await page.keyboard.press("Escape");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the count and the list, links to the case, and marks read by keyboard and mouse", async () => {
    expect(invitation).not.toBe("");
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await acceptInvitation(page, {
      link: invitation,
      username: "olga.officer",
      fullName: "Olga Officer",
      password: "ledgers of the southern archive",
    });
    await openArrestCase(page, teamId, OVERDUE, daysAgo(45));
    await openArrestCase(page, teamId, REMINDED, daysAgo(35));

    // The hourly job's work, run now from the command line against the server's database.
    const job = await comityCommand(["reminders", "--json"]);
    expect(job.code, job.stderr).toBe(0);
    expect(JSON.parse(job.stdout).deadlines).toMatchObject({ notices: 2, written: 2 });
    const again = JSON.parse((await comityCommand(["reminders", "--json"])).stdout);
    expect([again.deadlines.written, again.actionItems.written, again.terms.written]).toEqual([0, 0, 0]);
    const written = await api(page, "GET", "/api/notifications");
    expect(
      written.body.items
        .map((item: { subject: { type: string; key: string } }) => item.subject)
        .sort((a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key)),
    ).toEqual([
      { type: "case", key: OVERDUE, title: `Extradition of a fraud suspect (${OVERDUE})` },
      { type: "case", key: REMINDED, title: `Extradition of a fraud suspect (${REMINDED})` },
    ]);

    await page.reload();
    const bell = page.getByRole("button", { name: "Notifications, unread: 2" });
    await bell.waitFor();
    await screenshot(page, "notifications-00-bell", { fullPage: false });

    // Keyboard: Enter opens the list, Escape closes it and gives focus back to the bell.
    await bell.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Notifications" });
    await dialog.waitFor();
    const items = dialog.getByRole("list", { name: "Notifications, newest first" }).getByRole("listitem");
    await expect.poll(() => items.count()).toBe(2);
    const overdue = items.filter({ hasText: OVERDUE });
    const reminder = items.filter({ hasText: REMINDED });
    expect(await overdue.textContent()).toContain("Overdue");
    expect(await overdue.textContent()).toContain("Provisional arrest (UN Model Treaty, advice)");
    expect(await overdue.textContent()).toMatch(/Last day passed: /);
    expect(await reminder.textContent()).toContain("Reminder");
    expect(await reminder.textContent()).toMatch(/Last day: .*days before the day to act by: \d+/);
    await expectAccessible(page, "notifications open");
    await screenshot(page, "notifications-01-list", { fullPage: false });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    expect(await bell.evaluate((element) => element === document.activeElement)).toBe(true);

    // One marked read, then all.
    await bell.click();
    await dialog.getByRole("button", { name: `Mark read: ${REMINDED}` }).click();
    await page.getByRole("button", { name: "Notifications, unread: 1" }).waitFor();
    await dialog.getByRole("button", { name: "Mark all read" }).click();
    await page.getByRole("button", { name: "Notifications, unread: 0" }).waitFor();
    await expect.poll(() => dialog.getByRole("button", { name: /^Mark read:/ }).count()).toBe(0);
    await expectAccessible(page, "notifications read");
    await screenshot(page, "notifications-02-read", { fullPage: false });

    // The reference opens the case.
    await dialog.getByRole("link", { name: OVERDUE }).click();
    await page.waitForURL(`**/cases/${OVERDUE}`);
    await page
      .getByRole("heading", { name: new RegExp(`Extradition of a fraud suspect \\(${OVERDUE}\\)`) })
      .first()
      .waitFor();
    // In Russian, the bell says so too.
    await page.getByRole("button", { name: /^Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.getByRole("button", { name: "Уведомления, непрочитанных: 0" }).click();
    await page.getByRole("dialog", { name: "Уведомления" }).getByText("Срок истёк").waitFor();
    await screenshot(page, "notifications-03-russian", { fullPage: false });
    expect(errors).toEqual([]);
    expect(comity.stderr()).not.toMatch(/Job runner:|Job [a-z-]+ failed/);
    await context.close();
  });
});
