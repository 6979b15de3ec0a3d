// Steps shared by the journeys: waiting for a page's h1, logging in through /connexion and the demo
// identity provider, logging out through the header, screenshots. Elements are found by role and
// accessible name, as a screen-reader user would.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { ROOT } from "./server";

export const SCREENSHOTS_DIR = join(ROOT, "e2e/screenshots");
export const DEMO_PASSWORD = "demo";

/** Retries an assertion until it passes or `timeout` ms have passed; then throws its last failure. */
export async function eventually(check: () => Promise<void>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** The page has exactly one h1, with this text (waits for the SPA to load its data). */
export async function expectH1(page: Page, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await eventually(async () => {
    const texts = (await page.getByRole("heading", { level: 1 }).allInnerTexts()).map((t) => t.trim());
    assert.equal(texts.length, 1, `un seul h1 attendu sur ${page.url()}, trouvés : ${JSON.stringify(texts)}`);
    if (typeof expected === "string") assert.equal(texts[0], expected, `h1 de ${page.url()}`);
    else assert.match(texts[0] ?? "", expected, `h1 de ${page.url()}`);
  }, timeout);
}

/** The text of an element as in the DOM (not CSS-transformed), whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

export function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

export type Account = { email: string; kind: "professional" | "person" };

/** The entry of /connexion for this kind of account ("S’identifier avec ProConnect"). */
export function connectButtonName(kind: Account["kind"]): RegExp {
  return kind === "professional" ? /^S’identifier avec\s*ProConnect$/ : /^S’identifier avec\s*FranceConnect$/;
}

/** From /connexion to the demo provider's login form (the provider asks for credentials). */
export async function openProviderLogin(page: Page, baseUrl: string, kind: Account["kind"]): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await expectH1(page, "Connexion à Socle");
  await page.getByRole("link", { name: connectButtonName(kind) }).click();
  await page.waitForURL((u) => u.pathname.startsWith("/oidc/interaction/"));
  await expectH1(page, "Se connecter");
}

/** Logs in through /connexion and the demo provider's form; ends on "/" with the session open. */
export async function logIn(page: Page, baseUrl: string, account: Account): Promise<void> {
  await openProviderLogin(page, baseUrl, account.kind);
  await page.getByRole("textbox", { name: /^Adresse électronique ou identifiant/ }).fill(account.email);
  await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter", exact: true }).click();
  await page.waitForURL((u) => u.origin === baseUrl && u.pathname === "/");
  await eventually(async () =>
    assert.ok(
      await page.getByRole("button", { name: "Se déconnecter" }).isVisible(),
      `${account.email} : bouton « Se déconnecter » absent de l'en-tête`,
    ),
  );
}

/**
 * Logs out with the header's "Se déconnecter". The demo provider then asks whether to close its own
 * session too: confirm. Ends on /connexion, anonymous.
 */
export async function logOut(
  page: Page,
  baseUrl: string,
  opts: { atProviderConfirmation?: () => Promise<void> } = {},
): Promise<{ providerConfirmation: boolean }> {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await page.waitForURL(
    (u) => u.pathname.startsWith("/oidc/") || (u.origin === baseUrl && u.pathname === "/connexion"),
  );
  let providerConfirmation = false;
  if (pathOf(page).startsWith("/oidc/")) {
    providerConfirmation = true;
    await expectH1(page, "Se déconnecter du fournisseur d'identité ?");
    await opts.atProviderConfirmation?.();
    await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await page.waitForURL((u) => u.origin === baseUrl && u.pathname === "/connexion");
  }
  await expectH1(page, "Connexion à Socle");
  return { providerConfirmation };
}

/** Status of GET /api/session for this browser (200 logged in, 401 anonymous). */
export async function sessionStatus(page: Page): Promise<number> {
  return page.evaluate(async () => (await fetch("/api/session", { credentials: "same-origin" })).status);
}

/** A full-page screenshot in e2e/screenshots/<name>.png (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}
