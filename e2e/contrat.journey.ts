// Story: *la conseillère référente de Léa Durand rédige son contrat d'engagement avec un programme de
// 15 heures par semaine ; Léa le lit et le signe dans son espace, et télécharge le PDF.*
// The steps share one app and run in order: each test starts from what the previous one left.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEMO_PERSON_EMAIL } from "../src/server/demo/demo-territory";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, screenshot } from "./support/steps";

const CONSEILLER = { email: "conseiller@demo.socle.fr", kind: "professional" as const };
const LEA = { email: DEMO_PERSON_EMAIL, kind: "person" as const };
const LEA_NAME = "DURAND Léa";

describe("Contrat d'engagement : la conseillère le rédige avec 15 heures d'activités, Léa le signe dans son espace", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();

  test("la conseillère ouvre le dossier de Léa, rédige le contrat et programme 15 heures dans la semaine", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, CONSEILLER);
    await page.goto(new URL("/personnes?q=Durand", journey.baseUrl).href);
    await page.getByRole("link", { name: LEA_NAME, exact: true }).first().click();
    await expectH1(page, LEA_NAME);
    await page.getByRole("link", { name: "Contrat d'engagement" }).click();
    await expectH1(page, /^Contrat d'engagement/);
    await page.getByRole("button", { name: "Rédiger le contrat" }).click();
    await page.getByRole("heading", { name: "Version à signer" }).waitFor();

    // two activities and a structuring action: 3 + 2 + 10 hours
    const plan: [string, string][] = [
      ["7.1", "3"],
      ["3.3", "2"],
      ["13.3", "10"],
    ];
    for (const [i, [code, hours]] of plan.entries()) {
      if ((await page.getByLabel(`Activité ${i + 1}`).count()) === 0)
        await page.getByRole("button", { name: "Ajouter une activité" }).click();
      await page.getByLabel(`Activité ${i + 1}`).selectOption(code);
      await page.locator(`input[name="activites.${i}.heuresPrevues"]`).fill(hours);
    }
    await eventually(async () =>
      assert.match(await page.getByText(/^Total :/).innerText(), /15 h sur 15 h — objectif atteint/),
    );
    await page.getByRole("button", { name: "Enregistrer le programme" }).click();
    await eventually(async () =>
      assert.ok((await page.getByRole("alert").count()) === 0, "aucune erreur après l'enregistrement"),
    );
    await screenshot(page, "40-contrat-redige");
    await checkAccessibility(page, "/personnes/:id/contrat");
  });

  test("Léa lit son contrat dans son espace, le signe et télécharge le PDF signé", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, LEA);
    await page.getByRole("link", { name: "Mon contrat d'engagement" }).click();
    await expectH1(page, "Mon contrat d'engagement");
    await page.getByText("13.3").first().waitFor();
    await checkAccessibility(page, "/mon-espace/contrat (à signer)");
    await page.getByRole("button", { name: "Signer le contrat" }).click();
    await eventually(async () =>
      assert.equal(await page.getByRole("button", { name: "Signer le contrat" }).count(), 0),
    );
    await eventually(async () => assert.match(await page.getByRole("main").innerText(), /[Ss]igné/));
    const href = await page.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
    assert.ok(href, "un lien vers le PDF");
    const res = await page.request.get(new URL(href, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal((await res.body()).subarray(0, 5).toString(), "%PDF-");
    await screenshot(page, "41-contrat-signe");
    await checkAccessibility(page, "/mon-espace/contrat (signé)");
  });
});
