import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "otplib";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { stopEmbeddedServer } from "../../src/db/embedded.js";
import { projectRoot } from "../../src/db/project-paths.js";

export const SCREENSHOTS = path.join(projectRoot, "test-results", "screenshots");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type RunningComity = { base: string; stderr: () => string; dataDir: string; stop(): Promise<void> };

/** `comity serve` as a user starts it (compiled CLI, built web app), on fresh folders and ports. */
export async function startComity(): Promise<RunningComity> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "comity-browser-"));
  // Ports below Linux's ephemeral range (32768-60999), which client connections take at random.
  const port = 24000 + Math.floor(Math.random() * 1000);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMITY_DATA_DIR: dataDir,
    COMITY_EMBEDDED_PG_PORT: String(port + 3000),
    PORT: String(port),
    COMITY_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(projectRoot, "test", "support", "run-cli.mjs"), "serve"],
    {
      env,
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout!.on("data", () => undefined);
  const deadline = Date.now() + 90_000;
  while (!stderr.includes("Comity is running")) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`comity serve did not start:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (stderr.includes("serving the API only"))
    throw new Error("the web app is not built: run `node scripts/build.mjs`");
  return {
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await stopEmbeddedServer(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
    ],
  });
}

/** Console errors and page errors (a CSP violation shows up here) fail the test. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const axeSource: string = createRequire(import.meta.url)("axe-core").source;

/**
 * axe-core in the page, with the Content-Security-Policy left on (the script is evaluated
 * through the DevTools protocol, not injected as an inline script). No serious or
 * critical violation may remain.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is a global injected just above
    const result = await (window as any).axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map(
      (violation: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
      }),
    );
  });
  const blocking = violations.filter(
    (violation: { impact: string }) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(blocking, `${label}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

/** The whole page; `fullPage: false` for a dialog, which the viewport frames better. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: options.fullPage ?? true });
}

/**
 * A code from the current 30-second step. The server accepts a code only in its own step,
 * so when too little of the step is left to type and send it, waits for the next step.
 */
export async function totp(secret: string): Promise<string> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 8_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
  return generate({ secret: secret.replace(/\s+/g, "") });
}

/** Called at each step of a shared flow, so that a test can check and photograph it. */
export type StepCheck = (step: string, page: Page) => Promise<void>;
const noCheck: StepCheck = async () => undefined;

/** The first sign-in's second step: reads the new secret and confirms a code from it. */
export async function enrolAuthenticator(page: Page, check: StepCheck = noCheck): Promise<void> {
  await page.waitForURL("**/login/mfa");
  await page.getByRole("heading", { name: "Set up your authenticator app" }).waitFor();
  await page.getByRole("img", { name: /QR code/ }).waitFor();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s+/g, "")).toMatch(/^[A-Z2-7]{16,}$/);
  await check("enrol-authenticator", page);
  await page.getByLabel("Six-digit code").fill(await totp(secret));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
}

/** An administrator invites a user with a role; returns the one-time invitation link. */
export async function inviteUser(
  page: Page,
  user: { username: string; fullName: string; role: string },
  check: StepCheck = noCheck,
): Promise<string> {
  const navigation = page.getByRole("navigation", { name: "Main navigation" });
  await navigation.getByRole("link", { name: /Administration/ }).click();
  await page.getByRole("heading", { name: "User accounts" }).waitFor();
  await page.getByRole("cell", { name: "chief" }).first().waitFor();
  await check("users", page);
  await page.getByRole("button", { name: "Invite user" }).click();
  const dialog = page.getByRole("dialog", { name: "Invite a user" });
  await dialog.getByLabel("User name").fill(user.username);
  await dialog.getByLabel("Full name").fill(user.fullName);
  await dialog.getByLabel(/^Role/).click();
  await page.getByRole("option", { name: user.role }).click();
  await check("invite-dialog", page);
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByTestId("invitation-link");
  await link.waitFor();
  const invitation = ((await link.textContent()) ?? "").trim();
  expect(invitation).toMatch(/\/invite#[A-Za-z0-9_-]{43}$/);
  await check("invitation-link", page);
  await page.getByRole("button", { name: "Done" }).click();
  await page.getByRole("cell", { name: user.username }).first().waitFor();
  return invitation;
}

/** The invited user chooses a password, signs in and enrols an authenticator. */
export async function acceptInvitation(
  page: Page,
  invitation: { link: string; username: string; fullName: string; password: string },
  check: StepCheck = noCheck,
): Promise<void> {
  await page.goto(invitation.link);
  await page.getByText(`Welcome, ${invitation.fullName}`).waitFor();
  await check("invitation", page);
  await page.getByLabel(/^New password/).fill(invitation.password);
  await page.getByLabel("Repeat the new password").fill(invitation.password);
  await page.getByRole("button", { name: "Save password" }).click();
  await page.getByText("Your password is set").waitFor();
  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await page.getByLabel("User name").fill(invitation.username);
  await page.getByLabel(/^Password/).fill(invitation.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await enrolAuthenticator(page, check);
  await page.getByRole("heading", { name: /Welcome/ }).waitFor();
}

/** Creates the first administrator from the setup link that `serve` printed, signed in. */
export async function setUpAdministrator(
  page: Page,
  comity: RunningComity,
  admin: { username: string; fullName: string; password: string },
): Promise<void> {
  const setupLink = /(http:\/\/\S+\/setup#[A-Za-z0-9_-]{43})/.exec(comity.stderr())?.[1];
  expect(setupLink, "serve printed a setup link").toBeDefined();
  await page.goto(setupLink!);
  await page.getByLabel("User name").fill(admin.username);
  await page.getByLabel("Full name").fill(admin.fullName);
  await page.getByLabel(/^New password/).fill(admin.password);
  await page.getByLabel("Repeat the new password").fill(admin.password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByText("The administrator account is ready").waitFor();
  await page.getByRole("link", { name: "Go to sign-in" }).click();
  await page.getByLabel("User name").fill(admin.username);
  await page.getByLabel(/^Password/).fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await enrolAuthenticator(page);
  await page.getByRole("heading", { name: `Welcome, ${admin.fullName}` }).waitFor();
}
