// Story: *le pilotage national ouvre le tableau de bord national, descend vers les Hauts-de-France, la
// Somme puis une zone d'emploi de la Somme, et télécharge les indicateurs en CSV ; le pilotage
// départemental arrive directement sur le tableau de bord de la Somme.*
// The steps share one app and run in order.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { exportColumns } from "../src/server/steering/steering.export";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, pathOf, screenshot, textOf } from "./support/steps";

const NATIONAL = { email: "pilotage.national@demo.socle.fr", kind: "professional" as const };
const DEPARTEMENTAL = { email: "pilotage@demo.socle.fr", kind: "professional" as const };

/** What a figure of the dashboard may read: a number (with its unit) or why there is none. */
const FIGURE =
  /^(-?[0-9][0-9\s\u202f]*(,[0-9])?( %| jours?)?( \(provisoire\))?|Données non disponibles|Provisoire|Secret statistique)$/;

/** The breadcrumb's entries after « Accueil », the last one being the current page. */
async function breadcrumb(page: Page): Promise<string[]> {
  const items = await page.getByRole("navigation", { name: "vous êtes ici :" }).locator("li").all();
  const texts = await Promise.all(items.map((i) => textOf(i)));
  return texts.slice(1);
}

/** Every indicator card shows a figure for the period; returns how many are numbers. */
async function expectFigures(page: Page): Promise<number> {
  await page.locator(".socle-steering-value").first().waitFor();
  const values = await page.locator(".socle-steering-value").allTextContents();
  const cards = await page.locator(".socle-steering-card").count();
  assert.ok(cards >= 10, `au moins 10 indicateurs attendus, trouvés : ${cards}`);
  assert.equal(values.length, cards, "une valeur par indicateur");
  for (const v of values) assert.match(v.replace(/\s+/g, " ").trim(), FIGURE);
  return values.filter((v) => /^-?[0-9]/.test(v.trim())).length;
}

describe("Pilotage : du tableau de bord national à une zone d'emploi de la Somme, export CSV", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();

  test("le pilotage national descend du national à une zone d'emploi de la Somme", {
    timeout: 180_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, NATIONAL);
    await expectH1(page, "Espace pilotage");
    await page.getByRole("link", { name: /Tableau de bord/ }).click();
    await page.waitForURL((u) => u.pathname === "/pilotage");
    await expectH1(page, "Tableau de bord — National");
    await eventually(async () => assert.deepEqual(await breadcrumb(page), ["National"]));
    await expectFigures(page);
    await checkAccessibility(page, "/pilotage (national)");
    await screenshot(page, "50-pilotage-national");

    await page.getByRole("link", { name: "Hauts-de-France (32)" }).click();
    await expectH1(page, "Tableau de bord — Hauts-de-France (région 32)");
    await eventually(async () => assert.deepEqual(await breadcrumb(page), ["National", "Hauts-de-France"]));
    await expectFigures(page);
    await checkAccessibility(page, "/pilotage/region/32");

    await page.getByRole("link", { name: "Somme (80)" }).click();
    await expectH1(page, "Tableau de bord — Somme (département 80)");
    await eventually(async () =>
      assert.deepEqual(await breadcrumb(page), ["National", "Hauts-de-France", "Somme"]),
    );
    // the demo territory is the Somme: some of its figures are numbers
    assert.ok((await expectFigures(page)) > 0, "au moins un indicateur chiffré dans la Somme");
    await page.getByRole("button", { name: "Voir les données" }).first().click();
    await page.getByRole("table").first().waitFor();
    await checkAccessibility(page, "/pilotage/departement/80 (données affichées)");
    await screenshot(page, "51-pilotage-somme");

    const zones = page.getByRole("region", { name: "Zones d'emploi du département" }).getByRole("link");
    assert.ok((await zones.count()) > 0, "la Somme a des zones d'emploi");
    await page.getByRole("link", { name: "Amiens (3202)" }).click();
    await expectH1(page, "Tableau de bord — Amiens (zone d'emploi 3202)");
    assert.equal(pathOf(page), "/pilotage/zone-emploi/3202");
    await eventually(async () =>
      assert.deepEqual(await breadcrumb(page), ["National", "Hauts-de-France", "Somme", "Amiens"]),
    );
    await expectFigures(page);
    await checkAccessibility(page, "/pilotage/zone-emploi/3202");
    await screenshot(page, "52-pilotage-zone-amiens");

    const href = await page.getByRole("link", { name: /^Télécharger en CSV/ }).getAttribute("href");
    assert.ok(href, "un lien de téléchargement CSV");
    const res = await page.request.get(new URL(href, page.url()).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()["content-type"] ?? "", /^text\/csv/);
    const [header] = (await res.text()).split("\n");
    assert.equal(header, exportColumns.join(";"));
  });

  test("le pilotage départemental arrive sur le tableau de bord de la Somme", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, DEPARTEMENTAL);
    await page.getByRole("link", { name: /Tableau de bord/ }).click();
    await page.waitForURL((u) => u.pathname === "/pilotage/departement/80");
    await expectH1(page, "Tableau de bord — Somme (département 80)");
    // the national dashboard is not theirs: /pilotage opens the Somme
    await page.goto(new URL("/pilotage", journey.baseUrl).href);
    await page.waitForURL((u) => u.pathname === "/pilotage/departement/80");
    await expectH1(page, "Tableau de bord — Somme (département 80)");
    // national and région are not theirs: the breadcrumb starts at the Somme
    await eventually(async () => assert.deepEqual(await breadcrumb(page), ["Somme"]));
    await expectFigures(page);
    await page.getByRole("link", { name: "Amiens (3202)" }).click();
    await expectH1(page, "Tableau de bord — Amiens (zone d'emploi 3202)");
    await eventually(async () => assert.deepEqual(await breadcrumb(page), ["Somme", "Amiens"]));
    await expectFigures(page);
  });
});
