import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
 * The registry as a registrar uses it, in Chromium against `comity serve`: before, the
 * map shows nothing between Mongolia and Chile; the registrar records a bilateral
 * extradition treaty between them with each party's signature and entry into force;
 * the resolver then recommends it for an extradition request between the two, and the
 * map colours Chile as "in force" for Mongolia. An analyst-like reader (the
 * administrator) sees the registry without edit controls. Every page passes axe-core.
 */
let comity: RunningComity;
let browser: Browser;
let invitation = "";
const CODE = "MNCL-EXTR-2025";
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

/** Picks an option of a Mantine select, typing part of its name first when it is searchable. */
async function choose(page: Page, field: Locator, typed: string, option: RegExp | string): Promise<void> {
  await field.click();
  if (typed) await field.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

async function mapRelation(page: Page, state: string, partner: string): Promise<string | null> {
  await page.goto(`${comity.base}/registry/map?state=${state}&date=${TODAY}`);
  const country = page.getByTestId(`map-country-${partner}`);
  await page.getByTestId(`map-country-${state}`).waitFor();
  await expect
    .poll(() => page.getByTestId(`map-country-${state}`).getAttribute("data-relation"))
    .toBe("selected");
  return country.getAttribute("data-relation");
}

async function addPartyAction(
  page: Page,
  action: { state: string; stateName: RegExp; kind: string; date: string },
): Promise<void> {
  await page.getByRole("button", { name: "Add party action" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a party action" });
  await choose(
    page,
    dialog.getByRole("combobox", { name: "State", exact: true }),
    action.state,
    action.stateName,
  );
  await choose(page, dialog.getByRole("combobox", { name: "Action", exact: true }), "", action.kind);
  await dialog.getByLabel("Date", { exact: true }).fill(action.date);
  await dialog.getByLabel("Title", { exact: true }).fill("Exchange of notes, Ministry of Foreign Affairs");
  await dialog.getByLabel("Web address").fill("https://example.org/mongolia-chile/notes");
  await dialog.getByRole("button", { name: "Record action" }).click();
  await dialog.waitFor({ state: "hidden" });
}

describe("registry in the browser", () => {
  it("shows nothing between Mongolia and Chile on the map before, and lets the administrator invite a registrar", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    expect(await mapRelation(page, "MN", "CL")).toBe("none");
    await expectAccessible(page, "map before");
    await screenshot(page, "registry-00-map-before");
    // Readers see no edit controls.
    await page.goto(`${comity.base}/registry`);
    await page.getByRole("heading", { name: "Registry of instruments" }).waitFor();
    await page
      .getByRole("cell", { name: /CETS024|European Convention on Extradition/ })
      .first()
      .waitFor();
    expect(await page.getByRole("link", { name: "New instrument" }).count()).toBe(0);
    invitation = await inviteUser(page, {
      username: "rita.registrar",
      fullName: "Rita Registrar",
      role: "Registrar",
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("records a bilateral treaty with two parties and their actions, which the resolver then recommends and the map shows", async () => {
    expect(invitation).not.toBe("");
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await acceptInvitation(page, {
      link: invitation,
      username: "rita.registrar",
      fullName: "Rita Registrar",
      password: "ledgers of the northern archive",
    });

    // A new instrument: the form refuses to save without the required facts.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: /Registry/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Registry of instruments" }).waitFor();
    await expectAccessible(page, "registry list");
    await screenshot(page, "registry-01-list");
    await page.getByRole("link", { name: "New instrument" }).click();
    await page.getByRole("heading", { name: "New instrument" }).waitFor();
    await page.getByRole("button", { name: "Create instrument" }).click();
    await page.getByText("Some fields need attention").first().waitFor();
    await expectAccessible(page, "new instrument with errors");
    await screenshot(page, "registry-02-new-instrument-errors");

    await page.getByRole("textbox", { name: "Code", exact: true }).fill(CODE);
    // A new instrument starts as a binding interstate bilateral treaty.
    expect(await page.getByRole("combobox", { name: "Kind", exact: true }).inputValue()).toBe("Treaty");
    expect(await page.getByRole("combobox", { name: "Level", exact: true }).inputValue()).toBe("Interstate");
    expect(await page.getByRole("combobox", { name: "Scope", exact: true }).inputValue()).toBe("Bilateral");
    await page
      .getByRole("textbox", { name: "Title in English" })
      .fill("Treaty between Mongolia and the Republic of Chile on Extradition");
    await page.getByLabel("Title in Russian").fill("Договор между Монголией и Республикой Чили о выдаче");
    await choose(page, page.getByRole("combobox", { name: "Subjects", exact: true }), "Extra", "Extradition");
    await page.keyboard.press("Escape");
    const source = page.getByRole("group", { name: "Source 1" });
    await source.getByLabel("Title", { exact: true }).fill("Joint press release on the signing");
    await source.getByLabel("Web address").fill("https://example.org/mongolia-chile/press");
    await screenshot(page, "registry-03-new-instrument-filled");
    await page.getByRole("button", { name: "Create instrument" }).click();
    await page.waitForURL("**/registry/instruments/**");
    await page.getByRole("heading", { name: /Treaty between Mongolia and the Republic of Chile/ }).waitFor();

    // Two parties, each with its signature and its entry into force.
    await addPartyAction(page, {
      state: "Mongolia",
      stateName: /Mongolia/,
      kind: "Signature",
      date: "2025-03-10",
    });
    await addPartyAction(page, { state: "Chile", stateName: /Chile/, kind: "Signature", date: "2025-03-10" });
    await addPartyAction(page, {
      state: "Mongolia",
      stateName: /Mongolia/,
      kind: "Entry into force",
      date: "2025-09-01",
    });
    await addPartyAction(page, {
      state: "Chile",
      stateName: /Chile/,
      kind: "Entry into force",
      date: "2025-09-01",
    });
    const parties = page.getByTestId("parties-table");
    await expect.poll(() => parties.getByRole("cell", { name: "In force", exact: true }).count()).toBe(2);
    await page.getByRole("heading", { name: "Timeline" }).waitFor();
    await expectAccessible(page, "instrument page");
    await screenshot(page, "registry-04-instrument");

    // The resolver, driven through its form, recommends the new treaty.
    await page.getByRole("link", { name: "Legal basis" }).first().click();
    await page.getByRole("heading", { name: "Legal basis", level: 1 }).waitFor();
    await choose(page, page.getByRole("combobox", { name: "Requesting state" }), "Mongolia", /Mongolia/);
    await choose(page, page.getByRole("combobox", { name: "Requested state" }), "Chile", /Chile/);
    await choose(page, page.getByRole("combobox", { name: "Kind of request" }), "", "Extradition");
    await page.getByRole("textbox", { name: "Date", exact: true }).fill(TODAY);
    await page.getByRole("button", { name: "Find the legal basis" }).click();
    const recommended = page.getByTestId("recommended-candidate");
    await recommended.getByText(CODE).first().waitFor();
    await page.getByText(`Cite ${CODE}.`).waitFor();
    await expectAccessible(page, "resolver");
    await screenshot(page, "registry-05-resolver");

    // The map now colours Chile as bound to Mongolia by an instrument in force.
    expect(await mapRelation(page, "MN", "CL")).toBe("in_force");
    await expectAccessible(page, "map after");
    await screenshot(page, "registry-06-map-after");
    // A click on Chile (by keyboard) opens what binds the two.
    await page.getByTestId("map-country-CL").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL("**/registry/**");
    await page.getByText(CODE).first().waitFor();
    await screenshot(page, "registry-07-map-click-through");
    expect(errors).toEqual([]);
    await context.close();
  });
});
