import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  enrolAuthenticator,
  expectAccessible,
  inviteUser,
  launchBrowser,
  type RunningComity,
  type StepCheck,
  screenshot,
  startComity,
  watchForErrors,
} from "./harness.js";

/**
 * The foundation as people use it, in Chromium against `comity serve`: the first
 * administrator is created with the printed setup link, signs in by keyboard, enrols an
 * authenticator, invites an auditor; the auditor accepts, enrols, switches to Russian
 * and opens and verifies the audit trail. Every page passes axe-core (no serious or
 * critical violation) with the Content-Security-Policy on, and no console error occurs.
 */
let comity: RunningComity;
let browser: Browser;
let invitationLink = "";

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

/** Every step of a shared flow passes axe and is photographed. */
function checked(who: string): StepCheck {
  let n = 0;
  return async (step, page) => {
    await expectAccessible(page, `${who}: ${step}`);
    await screenshot(page, `${who}-step-${String(++n).padStart(2, "0")}-${step}`);
  };
}

describe("foundation in the browser", () => {
  it("creates the first administrator from the setup link, signs in by keyboard and enrols an authenticator", async () => {
    const setupLink = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]{43})/.exec(comity.stderr())?.[1];
    expect(setupLink, "serve printed a setup link").toBeDefined();
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);

    await page.goto(setupLink!);
    await page.getByRole("heading", { name: "Create the first administrator" }).waitFor();
    await expectAccessible(page, "setup");
    await screenshot(page, "admin-00-setup");
    await page.getByLabel("User name").fill("chief");
    await page.getByLabel("Full name").fill("Anna Chief");
    await page.getByLabel(/^New password/).fill("short one");
    await page.getByLabel("Repeat the new password").fill("short one");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page
      .getByText(/at least 15 characters/i)
      .first()
      .waitFor();
    await page.getByLabel(/^New password/).fill("amber lanterns over the quiet harbour");
    await page.getByLabel("Repeat the new password").fill("amber lanterns over the quiet harbour");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.getByText("The administrator account is ready").waitFor();
    // The one-time code leaves the address bar once used.
    expect(page.url()).not.toContain("#");
    await page.getByRole("link", { name: "Go to sign-in" }).click();

    // Sign in with the keyboard only.
    await page.waitForURL("**/login**");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await expectAccessible(page, "sign-in");
    await screenshot(page, "admin-01-sign-in");
    await page.getByLabel("User name").focus();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("chief");
    await page.keyboard.press("Tab");
    await page.keyboard.type("amber lanterns over the quiet harbour");
    await page.keyboard.press("Enter");
    await enrolAuthenticator(page, checked("admin"));

    await page.getByRole("heading", { name: "Welcome, Anna Chief" }).waitFor();
    await expectAccessible(page, "home");
    await screenshot(page, "admin-03-home");
    // Areas not built yet are shown as planned, not as links.
    const navigation = page.getByRole("navigation", { name: "Main navigation" });
    await expect.poll(() => navigation.getByRole("link", { name: /Intake/ }).count()).toBe(0);
    expect(await navigation.getByText("Intake").count()).toBeGreaterThan(0);
    expect(await navigation.getByText("Engagements").count()).toBe(0); // not for administrators
    expect(await navigation.getByRole("link", { name: /Audit/ }).count()).toBe(0); // not for administrators

    // Invite an auditor.
    invitationLink = await inviteUser(
      page,
      { username: "olga.auditor", fullName: "Ольга Смирнова", role: "Auditor" },
      checked("admin-invites"),
    );

    // Switch to Russian: the whole interface changes, and the choice is remembered.
    await page.getByRole("button", { name: /Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.getByRole("heading", { name: "Учётные записи" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    await expectAccessible(page, "users (ru)");
    await screenshot(page, "admin-06-users-ru");
    await page.reload();
    await page.getByRole("heading", { name: "Учётные записи" }).waitFor();

    // The directory, searched in Cyrillic.
    await page
      .getByRole("navigation")
      .getByRole("link", { name: /Справочник/ })
      .click();
    await page.getByRole("searchbox").or(page.getByRole("textbox").first()).fill("камбо");
    await page.getByRole("cell", { name: "Камбоджа" }).waitFor();
    await expectAccessible(page, "directory (ru)");
    await screenshot(page, "admin-07-directory-ru");

    // Nothing but the language preference is kept in the browser (ASVS 14.3.3).
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored).toEqual({ local: ["comity.locale"], session: [] });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets the invited auditor choose a password, enrol, switch to Russian and verify the audit trail", async () => {
    expect(invitationLink).not.toBe("");
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);

    await acceptInvitation(
      page,
      {
        link: invitationLink,
        username: "olga.auditor",
        fullName: "Ольга Смирнова",
        password: "birch trees along the frozen river",
      },
      checked("auditor"),
    );

    await page.getByRole("button", { name: /Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.getByRole("navigation").getByRole("link", { name: /аудит/i }).click();
    await page.getByRole("heading", { name: "Журнал аудита" }).waitFor();
    // The trail shows what happened: the first administrator, the invitation, the sign-ins.
    await page.getByRole("cell", { name: "chief" }).first().waitFor();
    await page.getByRole("button", { name: "Проверить цепочку" }).click();
    const status = page.getByTestId("audit-chain-status");
    await status.getByText(/Цепочка цела/).waitFor();
    await expectAccessible(page, "audit (ru)");
    await screenshot(page, "auditor-01-audit-ru");

    // An entry opens by keyboard, with all its fields.
    await page
      .getByRole("button", { name: /Открыть запись/ })
      .first()
      .focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor();
    await expectAccessible(page, "audit entry (ru)");
    await screenshot(page, "auditor-02-audit-entry-ru");
    await page.keyboard.press("Escape");

    // Filter by event type.
    await page.getByRole("combobox", { name: "Тип события" }).fill("user.created");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Применить фильтры" }).click();
    await expect.poll(async () => page.getByRole("row").count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, "auditor-03-audit-filtered-ru");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses the audit trail to the administrator's role and shows a 404 page for unknown addresses", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${comity.base}/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await expectAccessible(page, "not found");
    await screenshot(page, "anonymous-404");
    await page.goto(`${comity.base}/audit`);
    await page.waitForURL("**/login**");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await context.close();
  });
});
