import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
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
 * Engagements in Chromium against `comity serve`: a registrar records the working visit to
 * Cambodia of 26–27 May 2025 with two participants (one from the directory, one added on
 * the spot), records a memorandum signed there (a new instrument, signatures written to
 * the registry) and a proposal (an action item she owns); the instrument page then says
 * where it was signed and her home page lists the action item. Then the same pages in
 * Russian. Every page passes axe-core; screenshots in test-results/screenshots.
 */
let comity: RunningComity;
let browser: Browser;
let invitation = "";
let engagementPath = "";
/** The registrar's signed-in session, for the import after the walk-through. */
let registrarState: Awaited<ReturnType<BrowserContext["storageState"]>> | null = null;

const TITLE_EN = "Working visit to the Kingdom of Cambodia";
const TITLE_RU = "Рабочий визит в Королевство Камбоджа";
const CODE = "KH-RU-MOU-TRAINING-2025";
const MEMORANDUM = "Memorandum on cooperation in the training of legal personnel";
const ACTION = "Relay the proposal on direct flights to the leadership";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const DUE_ON = inDays(10);

beforeAll(async () => {
  comity = await startComity();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await comity?.stop();
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers loosely and asserts the shape it relies on
type ApiAnswer = { status: number; body: any };

/** A call to the API from the signed-in page, with its session cookie and a fresh CSRF token. */
function api(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }): Promise<ApiAnswer> => {
      const session = await (await fetch("/api/auth/session")).json();
      const response = await fetch(url, {
        method,
        headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body },
  );
}

/** Picks an option of a Mantine select, typing part of its name first when it is searchable. */
async function choose(page: Page, field: Locator, typed: string, option: RegExp | string) {
  await field.click();
  if (typed) await field.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

/** The directory the visit needs: the two prosecution services and a Russian official. */
async function seedDirectory(page: Page) {
  const agency = async (stateCode: string, nameEn: string, nameRu: string) => {
    const answer = await api(page, "POST", "/api/directory/agencies", {
      stateCode,
      kind: "prosecution_service",
      nameEn,
      nameRu,
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body.id as string;
  };
  const russian = await agency(
    "RU",
    "Prosecutor General's Office of the Russian Federation",
    "Генеральная прокуратура Российской Федерации",
  );
  await agency("KH", "Prosecutor General's Office of Cambodia", "Генеральная прокуратура Камбоджи");
  const person = await api(page, "POST", "/api/directory/people", {
    nameEn: "Igor Krasnov",
    nameRu: "Игорь Краснов",
  });
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  const position = await api(page, "POST", `/api/directory/people/${person.body.id}/positions`, {
    agencyId: russian,
    titleEn: "Prosecutor General",
    titleRu: "Генеральный прокурор",
    startOn: "2020-01-22",
  });
  expect(position.status, JSON.stringify(position.body)).toBe(201);
}

describe("engagements in the browser", () => {
  it("the administrator invites a registrar", async () => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await setUpAdministrator(page, comity, {
      username: "chief",
      fullName: "Anna Chief",
      password: "amber lanterns over the quiet harbour",
    });
    invitation = await inviteUser(page, {
      username: "rita.registrar",
      fullName: "Rita Registrar",
      role: "Registrar",
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("records a visit with two participants, a memorandum signed and a proposal; finds the signature and the action item", async () => {
    expect(invitation).not.toBe("");
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await acceptInvitation(page, {
      link: invitation,
      username: "rita.registrar",
      fullName: "Rita Registrar",
      password: "ledgers of the northern archive",
    });
    await seedDirectory(page);

    // The navigation leads to the engagements; none yet.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Engagements" })
      .first()
      .click();
    await page.getByRole("heading", { name: "Engagements", level: 1 }).waitFor();
    await page.getByText("No engagements are recorded yet.").waitFor();
    await page.getByRole("link", { name: "New engagement" }).click();
    await page.getByRole("heading", { name: "New engagement" }).waitFor();

    // The form refuses to save without a title.
    await page.getByRole("button", { name: "Record the engagement" }).click();
    await page.getByText("Some fields need attention.").first().waitFor();

    await choose(page, page.getByRole("combobox", { name: "Kind", exact: true }), "", "Outgoing visit");
    await choose(page, page.getByRole("combobox", { name: "Status", exact: true }), "", "Held");
    await page.getByRole("textbox", { name: "Title in English" }).fill(TITLE_EN);
    await page.getByRole("textbox", { name: "Title in Russian" }).fill(TITLE_RU);
    await page.getByText("Several days", { exact: true }).click();
    await page.getByLabel("First day").fill("2025-05-26");
    await page.getByLabel("Last day").fill("2025-05-27");
    await page.getByRole("textbox", { name: "City" }).fill("Phnom Penh");
    await choose(
      page,
      page.getByRole("combobox", { name: "State where it takes place" }),
      "Cambod",
      /Cambodia/,
    );
    await choose(page, page.getByRole("combobox", { name: "Host state" }), "Cambod", /Cambodia/);
    await choose(
      page,
      page.getByRole("combobox", { name: "Host agency" }),
      "Prosecutor",
      /Office of Cambodia/,
    );
    const states = page.getByRole("combobox", { name: "States taking part" });
    await choose(page, states, "Russia", /^Russia/);
    await choose(page, states, "Cambod", /Cambodia/);
    await page.keyboard.press("Escape");

    // One participant from the directory, one added on the spot.
    await page.getByRole("button", { name: "Add participant" }).click();
    const first = page.getByRole("group", { name: "Participant 1" });
    // Each new participant starts on the side of a state not yet represented.
    expect(await first.getByRole("combobox", { name: "Side" }).inputValue()).toBe("Russia (RU)");
    await choose(page, first.getByRole("combobox", { name: "Person" }), "Krasnov", /Igor Krasnov/);
    await page.getByRole("button", { name: "Add participant" }).click();
    const second = page.getByRole("group", { name: "Participant 2" });
    expect(await second.getByRole("combobox", { name: "Side" }).inputValue()).toBe("Cambodia (KH)");
    await choose(page, second.getByRole("combobox", { name: "Role" }), "", "Host");
    await second.getByText("New person", { exact: true }).click();
    await second.getByRole("textbox", { name: "Name in English" }).fill("Chea Leang");
    await second.getByRole("textbox", { name: "Name in Russian" }).fill("Чеа Леанг");
    await second.getByRole("textbox", { name: "Position in English" }).fill("Prosecutor General");
    await second.getByRole("textbox", { name: "Position in Russian" }).fill("Генеральный прокурор");
    await choose(
      page,
      second.getByRole("combobox", { name: "Agency of the position" }),
      "Prosecutor",
      /Cambodia/,
    );

    await page.getByRole("button", { name: "Add agenda item" }).click();
    await page.getByRole("textbox", { name: "Item 1" }).fill("Training of legal personnel");
    await page.getByRole("button", { name: "Add source" }).click();
    const source = page.getByRole("group", { name: "Source 1" });
    await source
      .getByRole("textbox", { name: "Title" })
      .fill("Working visit of the Prosecutor General to Cambodia");
    await source.getByRole("textbox", { name: "Web address" }).fill("https://example.org/press/2025-05-27");
    await expectAccessible(page, "new engagement");
    await screenshot(page, "engagements-01-form-en");
    await page.getByRole("button", { name: "Record the engagement" }).click();
    await page.waitForURL(/\/engagements\/[0-9a-f-]{36}$/);
    engagementPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: TITLE_EN, level: 1 }).waitFor();
    expect(await page.getByTestId("engagement-dates").textContent()).toBe("26–27 May 2025");
    const participants = page.getByRole("region", { name: "Participants" });
    await participants.getByRole("link", { name: "Igor Krasnov" }).waitFor();
    await participants.getByText("Chea Leang").waitFor();
    await participants.getByText("Prosecutor General's Office of the Russian Federation").waitFor();

    // A memorandum signed at the visit: a new instrument, with both states' signatures.
    await page.getByRole("button", { name: "Record an outcome" }).click();
    let dialog = page.getByRole("dialog", { name: "Record an outcome" });
    expect(await dialog.getByRole("combobox", { name: "Kind of outcome" }).inputValue()).toBe(
      "Instrument signed",
    );
    await dialog.getByRole("textbox", { name: "Code" }).fill(CODE);
    await dialog.getByRole("textbox", { name: "Title in English" }).fill(MEMORANDUM);
    await dialog
      .getByRole("textbox", { name: "Title in Russian" })
      .fill("Меморандум о сотрудничестве в области подготовки юридических кадров");
    await choose(page, dialog.getByRole("combobox", { name: "Subjects" }), "training", "Legal training");
    await page.keyboard.press("Escape");
    const outcomeSource = dialog.getByRole("group", { name: "Source" });
    await outcomeSource.getByRole("textbox", { name: "Title" }).fill("The sides signed a memorandum");
    await outcomeSource.getByRole("textbox", { name: "Web address" }).fill("https://example.org/press/mou");
    await dialog.getByRole("combobox", { name: "Kind of outcome" }).scrollIntoViewIfNeeded();
    await expectAccessible(page, "record outcome dialog");
    await screenshot(page, "engagements-04-outcome-modal-en", { fullPage: false });
    await dialog.getByRole("button", { name: "Record the outcome" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByTestId("outcome-instrument_signed").getByRole("link", { name: MEMORANDUM }).waitFor();

    // A proposal, which becomes her action item.
    await page.getByRole("button", { name: "Record an outcome" }).click();
    dialog = page.getByRole("dialog", { name: "Record an outcome" });
    await choose(
      page,
      dialog.getByRole("combobox", { name: "Kind of outcome" }),
      "",
      /^Commitment, agreement or proposal/,
    );
    expect(await dialog.getByRole("combobox", { name: "Kind", exact: true }).inputValue()).toBe("Proposal");
    await dialog
      .getByRole("textbox", { name: "What was said, in English" })
      .fill("The sides agreed to relay to their leadership the proposal to open direct flights.");
    await dialog.getByRole("textbox", { name: "What to do" }).fill(ACTION);
    await choose(page, dialog.getByRole("combobox", { name: "Owner" }), "Rita", /Rita Registrar/);
    await dialog.getByLabel(/^Due/).fill(DUE_ON);
    await dialog.getByRole("button", { name: "Record the outcome" }).click();
    await dialog.waitFor({ state: "hidden" });
    const actions = page.getByRole("region", { name: "Action items" });
    await actions.getByRole("cell", { name: new RegExp(`^${ACTION}`) }).waitFor();
    await actions.getByText("Due soon").waitFor();
    await expectAccessible(page, "engagement page");
    await screenshot(page, "engagements-03-engagement-en");

    // An edit: the form shows the record as stored, and saves what changed.
    await page.getByRole("link", { name: "Edit" }).click();
    await page.getByRole("heading", { name: `Edit: ${TITLE_EN}` }).waitFor();
    expect(
      await page
        .getByRole("group", { name: "Participant 1" })
        .getByRole("combobox", { name: "Person" })
        .inputValue(),
    ).toMatch(/^Igor Krasnov/);
    await page
      .getByRole("textbox", { name: "Summary" })
      .fill("The sides discussed the training of legal personnel and direct flights.");
    await expectAccessible(page, "edit engagement");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: TITLE_EN, level: 1 }).waitFor();
    await page.getByText("The sides discussed the training of legal personnel and direct flights.").waitFor();

    // The instrument page says where it was signed.
    await page.getByTestId("outcome-instrument_signed").getByRole("link", { name: MEMORANDUM }).click();
    await page.waitForURL("**/registry/instruments/**");
    const signedAt = page.getByTestId("signed-at");
    await signedAt.waitFor();
    expect(await signedAt.textContent()).toBe(`Signed at ${TITLE_EN}`);
    await expect.poll(() => page.getByTestId("parties-table").getByRole("row").count()).toBe(3);
    await expectAccessible(page, "instrument page");
    await screenshot(page, "engagements-06-instrument-en");

    // The action item is in her due list on the home page.
    await page
      .getByRole("navigation", { name: "Main navigation" })
      .getByRole("link", { name: "Overview" })
      .click();
    const due = page.getByRole("region", { name: "My action items" });
    await due.getByRole("link", { name: ACTION }).waitFor();
    expect(await due.getByTestId("due-counts").textContent()).toContain("1 due soon");
    await expectAccessible(page, "home page");
    await screenshot(page, "engagements-05-due-list-en");

    // The list and the calendar.
    await page.goto(`${comity.base}/engagements`);
    await page.getByRole("link", { name: TITLE_EN }).waitFor();
    await page.getByText("1 engagement found").waitFor();
    await expectAccessible(page, "list");
    await screenshot(page, "engagements-00-list-en");
    await page.getByRole("link", { name: "Calendar", exact: true }).first().click();
    await page.getByRole("heading", { name: "Calendar of engagements" }).waitFor();
    await page.goto(`${comity.base}/engagements/calendar?month=2025-05`);
    await page.getByTestId("calendar-month").getByText("May 2025").waitFor();
    await expect.poll(() => page.getByRole("link", { name: new RegExp(TITLE_EN) }).count()).toBe(2);
    // Keyboard: the next month, and back.
    await page.getByRole("region", { name: "Calendar of May 2025" }).focus();
    await page.keyboard.press("PageDown");
    await page.getByTestId("calendar-month").getByText("June 2025").waitFor();
    await page.keyboard.press("PageUp");
    await page.getByTestId("calendar-month").getByText("May 2025").waitFor();
    await expectAccessible(page, "calendar");
    await screenshot(page, "engagements-02-calendar-en");
    // The due list of the action items page.
    await page.goto(`${comity.base}/engagements/actions`);
    await page.getByRole("cell", { name: new RegExp(`^${ACTION}`) }).waitFor();
    await expectAccessible(page, "action items");
    await screenshot(page, "engagements-07-actions-en");

    // The same pages in Russian.
    await page.getByRole("button", { name: /^Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.goto(`${comity.base}/engagements`);
    await page.getByRole("heading", { name: "Встречи и визиты", level: 1 }).waitFor();
    await page.getByRole("link", { name: TITLE_RU }).waitFor();
    await page.getByText("Найдено 1 мероприятие").waitFor();
    await expectAccessible(page, "list in Russian");
    await screenshot(page, "engagements-00-list-ru");
    await page.goto(`${comity.base}/engagements/calendar?month=2025-05`);
    await page.getByTestId("calendar-month").getByText("Май 2025 г.").waitFor();
    await expect.poll(() => page.getByRole("link", { name: new RegExp(TITLE_RU) }).count()).toBe(2);
    await expectAccessible(page, "calendar in Russian");
    await screenshot(page, "engagements-02-calendar-ru");
    await page.getByRole("tab", { name: "Предстоящие" }).click();
    await page.getByText("Предстоящие мероприятия не внесены.").waitFor();
    await page.goto(`${comity.base}${engagementPath}`);
    await page.getByRole("heading", { name: TITLE_RU, level: 1 }).waitFor();
    expect(await page.getByTestId("engagement-dates").textContent()).toBe("26–27 мая 2025 г.");
    await page.getByRole("region", { name: "Поручения" }).getByText("Срок истекает").waitFor();
    await page.getByRole("button", { name: "Внести итог" }).click();
    dialog = page.getByRole("dialog", { name: "Внести итог" });
    await choose(page, dialog.getByRole("combobox", { name: "Вид итога" }), "", "Заявление или коммюнике");
    await dialog
      .getByRole("textbox", { name: "Название на английском языке" })
      .fill("Joint statement of the prosecution services");
    await dialog
      .getByRole("textbox", { name: "Название на русском языке" })
      .fill("Совместное заявление органов прокуратуры");
    await dialog.getByRole("combobox", { name: "Вид итога" }).scrollIntoViewIfNeeded();
    await expectAccessible(page, "record outcome dialog in Russian");
    await screenshot(page, "engagements-04-outcome-modal-ru", { fullPage: false });
    await dialog.getByRole("button", { name: "Внести итог" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Совместное заявление органов прокуратуры").waitFor();
    await expectAccessible(page, "engagement page in Russian");
    await screenshot(page, "engagements-03-engagement-ru");
    // A mistake is removed: the statement goes, after a confirmation that says what it undoes.
    await page.getByTestId("outcome-statement").last().getByRole("button", { name: "Удалить итог" }).click();
    const removal = page.getByRole("dialog", { name: "Удалить этот итог?" });
    await removal.waitFor();
    await expectAccessible(page, "remove outcome dialog in Russian");
    await screenshot(page, "engagements-09-remove-outcome-ru", { fullPage: false });
    await removal.getByRole("button", { name: "Удалить", exact: true }).click();
    await removal.waitFor({ state: "hidden" });
    await page.getByText("Совместное заявление органов прокуратуры").waitFor({ state: "detached" });
    await page
      .getByTestId("outcome-instrument_signed")
      .getByRole("link", { name: /Меморандум о сотрудничестве/ })
      .click();
    await page.waitForURL("**/registry/instruments/**");
    await expect
      .poll(() => page.getByTestId("signed-at").textContent())
      .toBe(`Подписано в ходе мероприятия «${TITLE_RU}»`);
    await expectAccessible(page, "instrument page in Russian");
    await screenshot(page, "engagements-06-instrument-ru");
    await page
      .getByRole("navigation", { name: "Основная навигация" })
      .getByRole("link", { name: "Обзор" })
      .click();
    const mine = page.getByRole("region", { name: "Мои поручения" });
    await mine.getByRole("link", { name: ACTION }).waitFor();
    expect(await mine.getByTestId("due-counts").textContent()).toContain("1 с истекающим сроком");
    await expectAccessible(page, "home page in Russian");
    await screenshot(page, "engagements-05-due-list-ru");
    await page.goto(`${comity.base}/engagements/actions`);
    await page.getByRole("cell", { name: new RegExp(`^${ACTION}`) }).waitFor();
    await screenshot(page, "engagements-07-actions-ru");
    await page.goto(`${comity.base}/engagements/new`);
    await page.getByRole("heading", { name: "Новое мероприятие" }).waitFor();
    await page.getByRole("button", { name: "Добавить участника" }).click();
    await page.getByRole("group", { name: "Участник 1" }).getByText("Новое лицо", { exact: true }).click();
    await page.getByText("Месяц", { exact: true }).click();
    await expectAccessible(page, "new engagement in Russian");
    await screenshot(page, "engagements-01-form-ru");
    expect(errors).toEqual([]);
    registrarState = await context.storageState();
    await context.close();
  });

  it("imports engagements from a JSON file: the problems by record and field, then created, then skipped", async () => {
    expect(registrarState).not.toBeNull();
    const context = await browser.newContext({
      locale: "en-GB",
      viewport: { width: 1366, height: 900 },
      storageState: registrarState ?? undefined,
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    // Her account was left in Russian: English first.
    await page.goto(`${comity.base}/engagements`);
    expect((await api(page, "PUT", "/api/auth/preferences", { locale: "en" })).status).toBe(200);
    await page.reload();
    await page.getByRole("heading", { name: "Engagements", level: 1 }).waitFor();
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import engagements", level: 1 }).waitFor();

    const records = (placeState: string) => ({
      engagements: [
        {
          sourceKey: "2025-03-04:kh-moj-call",
          kind: "call",
          titleEn: "Videoconference with the Ministry of Justice of Cambodia",
          titleRu: "Видеоконференция с Министерством юстиции Камбоджи",
          status: "held",
          startOn: "2025-03-04",
          states: ["RU", "KH"],
        },
        {
          sourceKey: "2025-04-10:kh-consultations",
          kind: "bilateral_meeting",
          titleEn: "Consultations on mutual legal assistance with Cambodia",
          titleRu: "Консультации по взаимной правовой помощи с Камбоджей",
          status: "held",
          startOn: "2025-04-10",
          endOn: "2025-04-11",
          city: "Moscow",
          placeState,
          states: ["RU", "KH"],
          outcomes: [{ kind: "statement", titleEn: "Joint press release" }],
        },
      ],
    });
    const upload = (name: string, placeState: string) =>
      page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: "application/json",
        buffer: Buffer.from(JSON.stringify(records(placeState), null, 2)),
      });
    const imported = async () =>
      (await api(page, "GET", "/api/engagements?q=Cambodia&limit=100")).body.engagements.filter(
        (engagement: { titleEn: string }) => !engagement.titleEn.startsWith("Working visit"),
      ).length;
    const problems = page.getByTestId("import-problems");
    const importButton = page.getByRole("button", { name: "Import", exact: true });

    // Not JSON: refused before anything is sent.
    await page.locator('input[type="file"]').setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"engagements": [{"sourceKey": "a",}]}'),
    });
    await page.getByText("The file is not valid JSON.").waitFor();
    expect(await importButton.isDisabled()).toBe(true);

    // Pasted instead of chosen: checked the same way.
    await page.getByText("Pasted JSON", { exact: true }).click();
    await page.getByRole("textbox", { name: "JSON text" }).fill('[{"sourceKey": "x"}, 3]');
    await page.getByText("Record 2 is not an object").waitFor();
    expect(await importButton.isDisabled()).toBe(true);
    await expectAccessible(page, "import pasted");
    await page.getByText("A file", { exact: true }).click();

    // The second record names a state that does not exist: nothing is imported.
    await upload("engagements.json", "QQ");
    await page.getByText("2 records in the file, ready to import.").waitFor();
    await importButton.click();
    await problems.waitFor();
    await page.getByText("1 record has problems. Nothing was imported").waitFor();
    const row = problems.getByRole("row").nth(1);
    expect(await row.getByRole("cell").nth(0).textContent()).toBe("2");
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("2025-04-10:kh-consultations");
    expect(await row.getByRole("cell").nth(2).textContent()).toBe("placeState");
    expect(await imported()).toBe(0);
    await expectAccessible(page, "import with problems");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "engagements-08-import-en");

    // Corrected: both are created, while the page says what it is doing.
    await page.route("**/api/engagements/import", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    await upload("engagements-corrected.json", "RU");
    await importButton.click();
    await page.getByText("Importing 2 records…").waitFor();
    await page.getByText("2 engagements imported").waitFor();
    expect(await page.getByTestId("import-created").textContent()).toBe("2");
    expect(await page.getByTestId("import-skipped").textContent()).toBe("0");
    expect(await page.getByTestId("import-outcomes").textContent()).toBe("1");
    expect(await problems.count()).toBe(0);
    expect(await imported()).toBe(2);
    await page.unroute("**/api/engagements/import");

    // The same file again: both skipped, nothing created.
    await importButton.click();
    await page.getByText("Nothing new: every record had been imported before").waitFor();
    expect(await page.getByTestId("import-created").textContent()).toBe("0");
    expect(await page.getByTestId("import-skipped").textContent()).toBe("2");
    expect(await imported()).toBe(2);
    await expectAccessible(page, "import done");

    // The list shows them.
    await page.getByRole("link", { name: "Open the engagements" }).click();
    await page
      .getByRole("link", { name: "Consultations on mutual legal assistance with Cambodia" })
      .waitFor();

    // In Russian: the problems of a bad file, then the file again.
    await page.getByRole("button", { name: /^Interface language/ }).click();
    await page.getByRole("menuitem", { name: "Русский" }).click();
    await page.getByRole("link", { name: "Импорт", exact: true }).click();
    await page.getByRole("heading", { name: "Импорт мероприятий", level: 1 }).waitFor();
    await upload("engagements.json", "QQ");
    await page.getByText("В файле 2 записи, их можно импортировать.").waitFor();
    await page.getByRole("button", { name: "Импортировать", exact: true }).click();
    await problems.waitFor();
    await page.getByText("Ошибки в 1 записи. Ничего не импортировано").waitFor();
    expect(await problems.getByRole("columnheader").allTextContents()).toEqual([
      "Запись",
      "Ключ источника",
      "Поле",
      "Ошибка",
    ]);
    await expectAccessible(page, "import with problems in Russian");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "engagements-08-import-ru");
    await upload("engagements-corrected.json", "RU");
    await page.getByRole("button", { name: "Импортировать", exact: true }).click();
    await page.getByText("Ничего нового: все записи уже были импортированы ранее").waitFor();
    await expectAccessible(page, "import done in Russian");
    // The two refused files are the only failed requests.
    expect(errors.filter((error) => !/status of 422\b/.test(error))).toEqual([]);
    expect(errors).toHaveLength(2);
    await context.close();
  });
});
