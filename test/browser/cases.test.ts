import type { Browser, Page } from "playwright-core";
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
 * An incoming extradition request worked in Chromium against `comity serve`: a supervisor
 * registers Armenia's request to Russia under UNTOC, records the provisional arrest and
 * sees the 40-day deadline with its derivation; a refusal is blocked until the
 * consultation that UNTOC art. 16(16) requires is logged; then the refusal is recorded
 * with its ground. Every page passes axe-core; screenshots in test-results/screenshots.
 */
let comity: RunningComity;
let browser: Browser;
let invitation = "";
const REFERENCE = "EXT-IN-2026-0101";
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const ARREST_ON = daysAgo(3);
const FORTY_DAYS_ON = new Date(Date.parse(`${ARREST_ON}T00:00:00Z`) + 40 * 86_400_000)
  .toISOString()
  .slice(0, 10);

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

/** Picks an option of a Mantine select, typing part of its name first when it is searchable. */
async function choose(page: Page, label: string | RegExp, typed: string, option: RegExp | string) {
  const field = page.getByRole("combobox", { name: label }).first();
  await field.click();
  if (typed) await field.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

describe("an incoming extradition request in the browser", () => {
  it("the administrator invites a supervisor", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    invitation = await inviteUser(page, {
      username: "sam.supervisor",
      fullName: "Sam Supervisor",
      role: "Supervisor",
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("registers the request, records the arrest, sees the deadline, and refuses only after consulting", async () => {
    expect(invitation).not.toBe("");
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await acceptInvitation(page, {
      link: invitation,
      username: "sam.supervisor",
      fullName: "Sam Supervisor",
      password: "ledgers of the southern archive",
    });
    await page.goto(`${comity.base}/cases`);
    await page.getByRole("heading", { name: "Cases" }).first().waitFor();
    await screenshot(page, "cases-00-list-empty");
    await page.getByRole("link", { name: "New case" }).first().click();
    await page.getByRole("heading", { name: "Step 1 of 4: Request" }).waitFor();
    await choose(page, "Kind", "", "Extradition");
    await choose(page, "Requesting state", "Armen", /Armenia/);
    await choose(page, "Requested state", "Russia", /Russia/);
    await page
      .getByRole("textbox", { name: "Requesting authority" })
      .fill("Prosecutor General's Office of Armenia");
    await page
      .getByRole("textbox", { name: "Requested authority" })
      .fill("Prosecutor General's Office of the Russian Federation");
    await page.getByRole("textbox", { name: "Reference", exact: true }).fill(REFERENCE);
    await page.getByRole("textbox", { name: "Their reference" }).fill("AM/PGO/2026/118");
    await page
      .getByRole("textbox", { name: "Title" })
      .fill("Extradition of Aram Petrosyan for large-scale fraud");
    // The request for provisional arrest came first: the request itself has not arrived yet.
    await page.getByRole("textbox", { name: "Request received" }).fill("");
    await choose(page, "Purpose of the extradition", "", "Prosecution");
    await screenshot(page, "cases-01-wizard-request");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 2 of 4: Legal basis" }).waitFor();
    await page.getByRole("radio", { name: /^UNTOC/ }).check();
    await expectAccessible(page, "wizard legal basis");
    await screenshot(page, "cases-02-wizard-basis");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 3 of 4: Facts" }).waitFor();
    await page.getByRole("button", { name: "Add offence" }).click();
    await page.getByRole("button", { name: "Add person" }).click();
    const offence = page.getByRole("group", { name: "Offence 1 (o1)" });
    await offence.getByRole("textbox", { name: "Article" }).fill("Criminal Code of Armenia, art. 178");
    await offence
      .getByRole("textbox", { name: "Description" })
      .fill("Large-scale fraud by an organised group: investors deceived of AMD 900 million in 2024.");
    await offence.getByRole("textbox", { name: "Maximum penalty" }).fill("120");
    await offence.getByRole("textbox", { name: "Minimum penalty" }).fill("48");
    const person = page.getByRole("group", { name: "Person 1 (p1)" });
    await person.getByRole("textbox", { name: "Full name" }).fill("Aram Petrosyan");
    await person.getByRole("combobox", { name: "Nationalities" }).click();
    await person.getByRole("combobox", { name: "Nationalities" }).fill("Armen");
    await page
      .getByRole("option", { name: /Armenia/ })
      .first()
      .click();
    await page.keyboard.press("Escape");
    await expectAccessible(page, "wizard facts");
    await screenshot(page, "cases-03-wizard-facts");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByRole("heading", { name: "Step 4 of 4: Review" }).waitFor();
    await expectAccessible(page, "wizard review");
    await screenshot(page, "cases-04-wizard-review");
    await page.getByRole("button", { name: "Open the case" }).click();
    await page.waitForURL(`**/cases/${REFERENCE}`);
    await page
      .getByRole("heading", { name: /Extradition of Aram Petrosyan/ })
      .first()
      .waitFor();
    await expectAccessible(page, "case opened");
    await screenshot(page, "cases-05-case-opened");
    await page.getByRole("button", { name: "Record provisional arrest" }).click();
    const arrest = page.getByRole("dialog", { name: "Record provisional arrest" });
    await arrest.getByRole("textbox", { name: "Date" }).fill(ARREST_ON);
    await arrest.getByRole("textbox", { name: "Place" }).fill("Moscow, Sheremetyevo airport");
    await expectAccessible(page, "arrest dialog");
    await screenshot(page, "cases-06-arrest-dialog", { fullPage: false });
    await arrest.getByRole("button", { name: "Record" }).click();
    await arrest.waitFor({ state: "hidden" });
    // The 40-day limit of the arrest, with how it was counted.
    await page.getByRole("tab", { name: /Deadlines/ }).click();
    const deadline = page.getByRole("listitem", { name: /within 40 days/ });
    await deadline.waitFor();
    await expect
      .poll(() => deadline.textContent())
      .toContain(`40 days after provisional arrest on ${ARREST_ON}`);
    expect(await deadline.textContent()).toContain(`received by ${FORTY_DAYS_ON}`);
    expect(await deadline.textContent()).toContain("Running");
    await expectAccessible(page, "deadlines");
    await screenshot(page, "cases-07-deadlines");

    // The request arrives; it is registered and assigned.
    for (const step of ["Record receipt", "Register", "Assign"]) {
      await page.getByRole("button", { name: step, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: step });
      if (step === "Assign") await dialog.getByRole("textbox", { name: "Officer" }).fill("Sam Supervisor");
      await dialog.getByRole("button", { name: "Record" }).click();
      await dialog.waitFor({ state: "hidden" });
    }
    // The request arrived in time: the clock stopped, the deadline is met.
    await expect.poll(() => deadline.textContent()).toContain("Met");

    // A refusal before the consultation UNTOC art. 16(16) requires is blocked.
    const refuse = async () => {
      await page.getByRole("button", { name: "Record decision" }).click();
      const decision = page.getByRole("dialog", { name: "Record decision" });
      await decision.getByRole("combobox", { name: "Outcome" }).click();
      await page.getByRole("option", { name: "Refused" }).click();
      await decision.getByRole("button", { name: "Add ground" }).click();
      await decision.getByRole("combobox", { name: "From the checker" }).click();
      await page.getByRole("option", { name: /^T16-1 / }).click();
      await decision
        .getByRole("textbox", { name: "Reasons" })
        .fill("Fraud by an organised group is not an offence under art. 178 as charged in Russian law.");
      await decision.getByRole("textbox", { name: "Decided by" }).fill("Deputy Prosecutor General");
      await decision.getByRole("button", { name: "Record" }).click();
      return decision;
    };
    const blocked = await refuse();
    const alert = blocked.getByTestId("event-error");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/consult/i);
    await expectAccessible(page, "refusal blocked");
    await screenshot(page, "cases-08-refusal-blocked", { fullPage: false });
    await blocked.getByRole("button", { name: "Cancel" }).click();
    await blocked.waitFor({ state: "hidden" });

    await page.getByRole("button", { name: "Log consultation" }).click();
    const consultation = page.getByRole("dialog", { name: "Log consultation" });
    await consultation
      .getByRole("textbox", { name: "Summary" })
      .fill("Armenia's Prosecutor General's Office was heard by video call on the intended refusal.");
    await screenshot(page, "cases-09-consultation", { fullPage: false });
    await consultation.getByRole("button", { name: "Record" }).click();
    await consultation.waitFor({ state: "hidden" });

    const decided = await refuse();
    await decided.waitFor({ state: "hidden" });
    await page.getByText("Refused", { exact: true }).first().waitFor();
    await page.getByRole("tab", { name: "Timeline" }).click();
    const timeline = page.getByRole("table", { name: "Events of the case, newest first" });
    await expect.poll(() => timeline.getByRole("row").nth(1).textContent()).toMatch(/Decision|Refused/);
    expect(await timeline.textContent()).toContain("Consultation");
    await expectAccessible(page, "case refused");
    await screenshot(page, "cases-10-refused");
    await page.getByRole("tab", { name: /Admissibility/ }).click();
    await page.getByTestId("checker-panel").waitFor();
    await expectAccessible(page, "checker");
    await screenshot(page, "cases-11-checker");
    // The only failed request is the blocked refusal.
    expect(errors).toEqual(["Failed to load resource: the server responded with a status of 409 (Conflict)"]);
    await context.close();
  });
});
