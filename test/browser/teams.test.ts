import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
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
 * Teams as an administrator keeps them, in Chromium against `comity serve`: the first
 * administrator invites two case officers, makes a team, adds one of them, sees the member
 * in the table, is told in plain words that a name is taken, renames the team, and takes
 * the member off again after confirming. The page and every dialog pass axe-core (no
 * serious or critical violation); screenshots in test-results/screenshots.
 */
let comity: RunningComity;
let browser: Browser;

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

async function step(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  // Confirmations pile up in the corner and would hide what the screenshot is for.
  const closeNotification = page.getByRole("button", { name: /^(Close notification|Закрыть уведомление)$/ });
  // One may close by itself meanwhile, so a click that finds nothing is no failure.
  for (let left = 10; left > 0 && (await closeNotification.count()) > 0; left--)
    await closeNotification
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  await expect.poll(() => closeNotification.count()).toBe(0);
  await expectAccessible(page, name);
  await screenshot(page, `teams-${name}`, options);
}

/** The open dialog's entrance animation is over, so that axe and the screenshot see it whole. */
async function settled(page: Page) {
  await page.waitForTimeout(350);
}

describe("teams in the browser", () => {
  it("the administrator makes a team, adds a member, renames the team and removes the member", async () => {
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    await inviteUser(page, { username: "kate.officer", fullName: "Kate Officer", role: "Case officer" });
    await inviteUser(page, { username: "lev.officer", fullName: "Lev Officer", role: "Case officer" });

    // Teams is a section of the administration area.
    const navigation = page.getByRole("navigation", { name: "Main navigation" });
    await navigation.getByRole("link", { name: "Teams", exact: true }).click();
    await page.getByRole("heading", { name: "Teams", level: 1 }).waitFor();
    await page.getByText("There are no teams yet").waitFor();
    expect(
      await navigation.getByRole("link", { name: "Teams", exact: true }).getAttribute("aria-current"),
    ).toBe("page");
    await step(page, "01-empty");

    // A new team: the name is required.
    await page.getByRole("button", { name: "New team" }).click();
    const create = page.getByRole("dialog", { name: "New team" });
    await create.getByRole("button", { name: "Create team" }).click();
    await create.getByText("Enter a name (at most 200 characters).").waitFor();
    await create.getByRole("textbox", { name: /^Name/ }).fill("Extradition desk");
    await create
      .getByRole("textbox", { name: /^Description/ })
      .fill("Incoming and outgoing extradition requests, with the provisional arrests they start with.");
    await settled(page);
    await step(page, "02-new-team-dialog", { fullPage: false });
    await create.getByRole("button", { name: "Create team" }).click();

    // The new team's members dialog follows at once.
    const members = page.getByRole("dialog", { name: "Members of Extradition desk" });
    await members.getByText("The team has no members yet.").waitFor();
    await members.getByRole("button", { name: "Add to team" }).click();
    await members.getByText("Choose an account to add.").waitFor();
    const account = members.getByRole("combobox", { name: /Account to add/ });
    await account.click();
    await account.fill("kate");
    await page.getByRole("option", { name: "Kate Officer (kate.officer)" }).click();
    await members.getByRole("button", { name: "Add to team" }).click();
    await members.getByRole("cell", { name: "kate.officer" }).waitFor();
    await members.getByText("Current members: 1").waitFor();
    await settled(page);
    await step(page, "03-members-dialog", { fullPage: false });
    // Someone already in the team is not offered again.
    await account.click();
    await account.fill("kate");
    await members
      .getByText("No other account to add")
      .or(page.getByText("No other account to add"))
      .waitFor();
    await page.keyboard.press("Escape");
    await members.getByRole("button", { name: "Done" }).click();
    await members.waitFor({ state: "hidden" });

    // The table shows the team with its member.
    const row = page.getByRole("row", { name: /Extradition desk/ });
    await row.getByText("Kate Officer").waitFor();
    await step(page, "04-table");

    // A second team with the same name is refused in plain words, on the name field.
    await page.getByRole("button", { name: "New team" }).click();
    await create.getByRole("textbox", { name: /^Name/ }).fill("extradition desk");
    await create.getByRole("button", { name: "Create team" }).click();
    await create.getByRole("alert").or(create.getByText("The team was not created")).first().waitFor();
    expect(await create.getByText("A team with this name exists already.").count()).toBeGreaterThan(0);
    await settled(page);
    await step(page, "05-name-taken", { fullPage: false });
    await create.getByRole("button", { name: "Cancel" }).click();
    await create.waitFor({ state: "hidden" });

    // Rename by keyboard from the row's menu; focus returns to the menu's button.
    const menuButton = page.getByRole("button", { name: "Actions for team Extradition desk" });
    await menuButton.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Edit name or description" }).waitFor();
    await page.keyboard.press("ArrowDown");
    // Focus and Enter in one step on the item itself: a separate focus() can land while the
    // menu is still opening, and the Enter then goes nowhere.
    await page.getByRole("menuitem", { name: "Edit name or description" }).press("Enter");
    const edit = page.getByRole("dialog", { name: "Edit team Extradition desk" });
    await edit.getByRole("textbox", { name: /^Name/ }).fill("Extradition and transfer desk");
    await settled(page);
    await step(page, "06-edit-dialog", { fullPage: false });
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await page.getByRole("cell", { name: "Extradition and transfer desk", exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toMatch(/^Actions for team Extradition/);

    // Take the member off, after confirming.
    await page.getByRole("button", { name: "Actions for team Extradition and transfer desk" }).click();
    await page.getByRole("menuitem", { name: "Manage members" }).click();
    const renamed = page.getByRole("dialog", { name: "Members of Extradition and transfer desk" });
    await renamed.getByRole("button", { name: "Remove Kate Officer from the team" }).click();
    const confirm = page.getByRole("dialog", { name: "Remove from the team?" });
    await confirm
      .getByText(/Kate Officer will no longer see the cases of Extradition and transfer desk/)
      .waitFor();
    await settled(page);
    await step(page, "07-remove-confirm", { fullPage: false });
    await confirm.getByRole("button", { name: "Remove member" }).click();
    await renamed.getByText("The team has no members yet.").waitFor();
    await renamed.getByRole("button", { name: "Done" }).click();
    await renamed.waitFor({ state: "hidden" });
    await page
      .getByRole("row", { name: /Extradition and transfer desk/ })
      .getByText("No members yet")
      .waitFor();
    await step(page, "08-table-after-removal");

    // The same page in Russian.
    await page.getByRole("button", { name: /Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.getByRole("heading", { name: "Группы", level: 1 }).waitFor();
    await step(page, "09-table-ru");
    await page.getByRole("button", { name: "Действия с группой Extradition and transfer desk" }).click();
    await page.getByRole("menuitem", { name: "Состав группы" }).click();
    await page.getByRole("dialog", { name: "Состав группы Extradition and transfer desk" }).waitFor();
    await settled(page);
    await step(page, "10-members-dialog-ru", { fullPage: false });
    // On a phone the dialog takes the width and the longer Russian texts wrap.
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await step(page, "11-members-dialog-ru-narrow", { fullPage: false });

    // The one refusal asked for: the taken name.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 409 (Conflict)"]);
    await context.close();
  });
});
