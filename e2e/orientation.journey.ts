// Story: *un chargé d'orientation ouvre la liste des personnes à orienter, décide l'orientation de Sarah
// Lemaire ; le courrier est émis, la structure choisie trouve le « 1er RDV d'accompagnement à prendre »,
// et Sarah voit son orientation dans son espace.*
// The steps share one app and run in order: each test starts from what the previous one left.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_PERSON_TO_ORIENT } from "../src/server/orientation/demo-orientations";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, logOut, pathOf, screenshot } from "./support/steps";

const ORIENTATION = { email: "orientation@demo.socle.fr", kind: "professional" as const };
const SARAH = { email: DEMO_PERSON_TO_ORIENT.email, kind: "person" as const };
const SARAH_NAME = `${DEMO_PERSON_TO_ORIENT.birthName.toUpperCase()} ${DEMO_PERSON_TO_ORIENT.firstNames}`;
const STRUCTURE_LABEL = /^Structure qui accompagnera la personne/;

/**
 * Sarah lives in Amiens, close to employment: the proposal is the mission locale under 26 (NAT-04), else
 * France Travail (NAT-99); each structure has a demo account whose home lists its activities.
 */
const staffOf: Record<string, string> = {
  "Mission locale du Grand Amiénois": "admin@demo.socle.fr",
  "France Travail Amiens Nord": "conseiller@demo.socle.fr",
};

/** "23/11/2026" → "2026-11-23" */
const isoOf = (frDate: string) => frDate.trim().split("/").reverse().join("-");

/** The PDF behind a link, fetched with the page's session cookie. */
async function fetchPdf(page: Page, href: string) {
  const res = await page.request.get(new URL(href, page.url()).href);
  return {
    status: res.status(),
    type: res.headers()["content-type"],
    head: (await res.body()).subarray(0, 5).toString(),
  };
}

describe("Orientation : le chargé d'orientation décide, la personne est notifiée et la structure prend le relais", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();
  let structureName = "";

  test("le chargé d'orientation ouvre « Personnes à orienter » : la liste est triée par échéance et les retards sont signalés", {
    timeout: 90_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, ORIENTATION);
    await expectH1(page, "Espace chargé·e d'orientation");
    await page.getByRole("main").getByRole("link", { name: "Personnes à orienter" }).click();
    await expectH1(page, "Personnes à orienter");
    assert.equal(pathOf(page), "/orientation");

    // (the loading message is a status too: wait for the summary itself)
    const summary = page.getByRole("status").filter({ hasText: /^\d+ personnes? à orienter/ });
    await summary.waitFor();
    assert.match(await summary.innerText(), /^\d+ personnes à orienter, dont \d+ en retard/);
    const table = page.getByRole("table", {
      name: "Orientations à décider, de la plus urgente à la moins urgente",
    });
    await table.waitFor();
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    const count = await rows.count();
    assert.ok(count >= 5, `une file réaliste : ${count} lignes`);
    const dues: string[] = [];
    for (const row of await rows.all()) {
      const cell = await row.getByRole("cell").nth(3).innerText();
      dues.push(isoOf(/\d{2}\/\d{2}\/\d{4}/.exec(cell)?.[0] ?? cell));
    }
    assert.deepEqual(dues, [...dues].sort(), "triée par échéance");
    assert.ok(
      (await table.getByText(/^En retard de \d+ jours?$/).count()) > 0,
      "des personnes en retard, signalées par un badge",
    );
    await screenshot(page, "40-personnes-a-orienter");
    await checkAccessibility(page, "/orientation");

    await table.getByRole("link", { name: SARAH_NAME, exact: true }).click();
    await expectH1(page, `Orientation de ${SARAH_NAME}`);
    assert.match(pathOf(page), /^\/orientation\/[0-9a-f-]{36}$/);
    const proposal = page.getByRole("region", { name: "Proposition calculée" });
    assert.match(await proposal.innerText(), /(Mission locale|France Travail) — Parcours emploi/);
    assert.match(await proposal.innerText(), /Règle NAT-0?\d+ du référentiel national 2026\.1/);
    assert.ok(
      await page
        .getByRole("region", { name: "Critères d'orientation" })
        .getByText("Situation professionnelle")
        .isVisible(),
    );
    assert.ok(
      await page.getByText(/^En retard de 3 jours$/).isVisible(),
      "T0 il y a 17 jours : 3 jours de retard",
    );

    const structure = page.getByRole("combobox", { name: STRUCTURE_LABEL });
    structureName = (await structure.locator("option:checked").innerText()).trim();
    assert.ok(staffOf[structureName], `structure présélectionnée : « ${structureName} »`);
    await screenshot(page, "41-decision-orientation");
    await checkAccessibility(page, "/orientation/:id (décision)");

    await page.getByRole("button", { name: "Valider l'orientation" }).click();
    const done = page.getByRole("status").filter({ hasText: "Orientation décidée" });
    await done.waitFor();
    const text = await done.innerText();
    assert.match(
      text,
      new RegExp(`Orientation : Parcours emploi, (Mission locale|France Travail) — ${structureName}\\.`),
    );
    assert.match(
      text,
      /Proposition validée par Julien Moreau \(Département de la Somme — Direction de l'insertion\)/,
    );
    assert.match(text, /notifiée par courriel/);
    assert.match(
      text,
      new RegExp(
        `Activité créée : « 1er RDV d'accompagnement à prendre » pour ${structureName}, au plus tard le \\d{2}/\\d{2}/\\d{4}\\.`,
      ),
    );

    const letter = done.getByRole("link", { name: "Télécharger le courrier d'orientation (PDF)" });
    const pdf = await fetchPdf(page, (await letter.getAttribute("href"))!);
    assert.deepEqual(pdf, { status: 200, type: "application/pdf", head: "%PDF-" });
    await screenshot(page, "42-orientation-decidee");
    await checkAccessibility(page, "/orientation/:id (décidée)");

    // the decided person has left the queue
    await page.getByRole("link", { name: "Retour aux personnes à orienter" }).click();
    await expectH1(page, "Personnes à orienter");
    await page.getByRole("table").waitFor();
    assert.equal(await page.getByRole("link", { name: SARAH_NAME, exact: true }).count(), 0);
    await logOut(page, journey.baseUrl);
  });

  test("la structure choisie trouve le « 1er RDV d'accompagnement à prendre » dans ses activités", {
    timeout: 90_000,
  }, async () => {
    assert.ok(structureName, "l'étape précédente n'a pas décidé l'orientation");
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, { email: staffOf[structureName]!, kind: "professional" });
    await page.getByRole("main").getByRole("link", { name: "Activités à traiter" }).click();
    await expectH1(page, "Activités à traiter");
    const table = page.getByRole("table", {
      name: "Activités de ma structure, de la plus urgente à la moins urgente",
    });
    await table.waitFor();
    const row = table.getByRole("row").filter({ hasText: SARAH_NAME });
    assert.equal(await row.count(), 1);
    assert.equal(
      (await row.getByRole("cell").first().innerText()).trim(),
      "1er RDV d'accompagnement à prendre",
    );
    await screenshot(page, "43-activites-structure");
    await checkAccessibility(page, "/activites");
    await logOut(page, journey.baseUrl);
  });

  test("Sarah voit son orientation dans son espace, avec son courrier et comment demander un réexamen", {
    timeout: 90_000,
  }, async () => {
    assert.ok(structureName, "l'étape précédente n'a pas décidé l'orientation");
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, SARAH);
    await expectH1(page, "Mon espace");
    await page.getByRole("main").getByRole("link", { name: "Mon orientation" }).click();
    await expectH1(page, "Mon orientation");
    assert.equal(pathOf(page), "/mon-espace/orientation");
    const main = page.getByRole("main");
    await eventually(async () =>
      assert.match(
        await main.innerText(),
        new RegExp(`Vous êtes accompagné·e par ${structureName} dans le parcours emploi\\.`),
      ),
    );
    assert.match(await main.innerText(), /Une proposition a d'abord été calculée automatiquement/);
    assert.match(await main.innerText(), /Les principaux critères pris en compte sont :/);
    assert.ok(await page.getByRole("heading", { name: "Demander un réexamen" }).isVisible());
    const pdf = await fetchPdf(
      page,
      (await main
        .getByRole("link", { name: "Télécharger mon courrier d'orientation (PDF)" })
        .getAttribute("href"))!,
    );
    assert.deepEqual(pdf, { status: 200, type: "application/pdf", head: "%PDF-" });
    await screenshot(page, "44-mon-orientation");
    await checkAccessibility(page, "/mon-espace/orientation");
    await logOut(page, journey.baseUrl);
  });
});
