// Debian's Chromium driven by playwright-core (Playwright's own browser download is not used).
// Without Chromium the journeys are skipped with a loud message, except on CI (CI=true) where they fail.
import { existsSync } from "node:fs";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const onCi = process.env.CI === "true";

/**
 * The `skip` option of a journey's describe(): a reason when Chromium is missing outside CI, else false.
 * On CI a missing Chromium is not skipped: launching it then fails the journey.
 */
export function journeySkip(): string | false {
  if (existsSync(CHROMIUM_PATH) || onCi) return false;
  const reason = `Chromium introuvable (${CHROMIUM_PATH}) : parcours navigateur NON exécutés`;
  console.error(
    [
      "",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      `!!! ${reason}.`,
      "!!! Installez-le (apt-get install chromium) ou indiquez CHROMIUM_PATH.",
      "!!! Avec CI=true, ce cas fait échouer la suite au lieu de l'ignorer.",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "",
    ].join("\n"),
  );
  return reason;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium introuvable (${CHROMIUM_PATH}) et CI=true : les parcours navigateur doivent tourner en CI.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A user at a desktop screen (the access log shows its table from 768 px), in French, in Paris. */
export type User = {
  context: BrowserContext;
  page: Page;
  /** uncaught exceptions in the page, and Content-Security-Policy violations */
  pageErrors: string[];
  /** console errors except the anonymous visitor's 401 on /api/session, printed for the report */
  consoleErrors: string[];
  close(): Promise<void>;
};

export async function newUser(browser: Browser): Promise<User> {
  const context = await browser.newContext({
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(`${page.url()} : ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // the web app asks GET /api/session on every load: 401 is the normal answer for a visitor
    const resource = m.location().url;
    if (/status of 401/.test(m.text()) && new URL(resource || page.url()).pathname === "/api/session") return;
    const line = `${page.url()} : ${m.text()}${resource && resource !== page.url() ? ` (${resource})` : ""}`;
    consoleErrors.push(line);
    if (/Content Security Policy/i.test(m.text())) pageErrors.push(line);
  });
  return { context, page, pageErrors, consoleErrors, close: () => context.close() };
}
