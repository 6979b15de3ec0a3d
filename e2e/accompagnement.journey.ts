// Story (issue 4's done-means): *Sarah Lemaire, entrée par le flux CAF (parcours ouvert par la même
// fonction que l'import), est orientée ; la structure l'invite à son 1er rendez-vous, Sarah choisit un
// créneau en ligne ; le rappel part 48 h avant ; sa présence est notée ; le diagnostic est rempli ; le
// contrat avec 15 heures d'activités par semaine est signé dans son espace et téléchargé ; Sarah voit
// dans son journal chaque professionnel qui a consulté son dossier.*
// The steps share one app and run in order; the server runs on a travelling clock (SOCLE_ENV=test), so
// the journey lets days pass with POST /api/test/horloge.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_PERSON_TO_ORIENT } from "../src/server/orientation/demo-orientations";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, screenshot } from "./support/steps";

const ORIENTATION = { email: "orientation@demo.socle.fr", kind: "professional" as const };
const SARAH = { email: DEMO_PERSON_TO_ORIENT.email, kind: "person" as const };
const SARAH_NAME = `${DEMO_PERSON_TO_ORIENT.birthName.toUpperCase()} ${DEMO_PERSON_TO_ORIENT.firstNames}`;
const staffOf: Record<string, string> = {
  "Mission locale du Grand Amiénois": "admin@demo.socle.fr",
  "France Travail Amiens Nord": "conseiller@demo.socle.fr",
};

async function advanceClock(page: Page, baseUrl: string, minutes: number) {
  if (minutes <= 0) return;
  const res = await page.request.post(`${baseUrl}/api/test/horloge`, { data: { minutes } });
  assert.equal(res.status(), 200, await res.text());
}

async function openSarahFile(page: Page, baseUrl: string, link: string) {
  await page.goto(new URL(`/personnes?q=${DEMO_PERSON_TO_ORIENT.birthName}`, baseUrl).href);
  await page.getByRole("link", { name: SARAH_NAME, exact: true }).first().click();
  await expectH1(page, SARAH_NAME);
  await page.getByRole("link", { name: link, exact: true }).click();
}

/** Opens a page, waits for its h1 and its data, and runs axe on it. */
async function visitAndCheck(page: Page, baseUrl: string, path: string, label: string) {
  await page.goto(new URL(path, baseUrl).href);
  await expectH1(page, /.+/);
  await eventually(async () =>
    assert.equal(await page.getByText(/^Chargement/).count(), 0, `${label} : chargement terminé`),
  );
  await checkAccessibility(page, label);
}

describe("Accompagnement : de l'orientation au contrat signé, avec rendez-vous, rappel et journal des accès", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();
  let structureName = "";
  let appointmentStart = 0;

  test("le chargé d'orientation décide l'orientation de Sarah", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, ORIENTATION);
    await page.getByRole("main").getByRole("link", { name: "Personnes à orienter" }).click();
    await expectH1(page, "Personnes à orienter");
    await page.getByRole("link", { name: SARAH_NAME, exact: true }).click();
    await expectH1(page, `Orientation de ${SARAH_NAME}`);
    const structure = page.getByRole("combobox", { name: /^Structure qui accompagnera la personne/ });
    structureName = (await structure.locator("option:checked").innerText()).trim();
    assert.ok(staffOf[structureName], `structure présélectionnée : « ${structureName} »`);
    await page.getByRole("button", { name: "Valider l'orientation" }).click();
    await page.getByRole("status").filter({ hasText: "Orientation décidée" }).waitFor();
  });

  test("la structure invite Sarah à son premier rendez-vous", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, { email: staffOf[structureName]!, kind: "professional" });
    await openSarahFile(page, journey.baseUrl, "Rendez-vous");
    await expectH1(
      page,
      `Rendez-vous de ${DEMO_PERSON_TO_ORIENT.firstNames} ${DEMO_PERSON_TO_ORIENT.birthName.toUpperCase()}`,
    );
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText("L'invitation a été envoyée à la personne.").waitFor();
    await checkAccessibility(page, "/personnes/:id/rendez-vous");
  });

  test("Sarah choisit un créneau en ligne dans son espace", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, SARAH);
    await page.getByRole("main").getByRole("link", { name: "Mes rendez-vous" }).click();
    await expectH1(page, "Mes rendez-vous");
    const slots = page.getByRole("group", { name: /Créneaux disponibles/ }).getByRole("radio");
    await slots.first().waitFor({ state: "attached" });
    // the last slot offered: far enough for the 48-hour reminder to come later (DSFR draws its own
    // radio: click the label of the input)
    const last = slots.last();
    const id = await last.getAttribute("id");
    await page.locator(`label[for="${id}"]`).click();
    assert.ok(await last.isChecked(), "créneau choisi");
    await checkAccessibility(page, "/mon-espace/rendez-vous (choix)");
    await page.getByRole("button", { name: "Confirmer ce créneau" }).click();
    await page.getByRole("heading", { name: "Votre rendez-vous est confirmé" }).waitFor();
    await screenshot(page, "50-rendez-vous-confirme");
    const mine = await (await page.request.get(`${journey.baseUrl}/api/me/appointments`)).json();
    const booked = mine.items.find((a: { status: string }) => a.status === "PLANIFIE");
    assert.ok(booked?.slot, "un rendez-vous planifié");
    appointmentStart = Date.parse(booked.slot.startsAt);
  });

  test("47 heures avant le rendez-vous, le rappel est dans la boîte de démonstration", {
    timeout: 120_000,
  }, async () => {
    assert.ok(appointmentStart > 0, "l'étape précédente n'a pas réservé");
    const { page } = await journey.newUser();
    const clock = await (
      await page.request.post(`${journey.baseUrl}/api/test/horloge`, { data: { minutes: 1 } })
    ).json();
    const until = Math.floor((appointmentStart - 47 * 3_600_000 - Date.parse(clock.now)) / 60_000);
    assert.ok(until > 0, "le créneau choisi est à plus de 48 heures");
    await advanceClock(page, journey.baseUrl, until);
    await logIn(page, journey.baseUrl, { email: staffOf[structureName]!, kind: "professional" });
    await eventually(async () => {
      await page.goto(new URL("/demonstration/messages", journey.baseUrl).href);
      await expectH1(page, "Courriels et SMS envoyés (démonstration)");
      const rows = page.getByRole("table").getByRole("row").filter({ hasText: SARAH.email });
      const subjects = await rows.allInnerTexts();
      assert.ok(
        subjects.some((s) => /Rappel : votre rendez-vous du/.test(s)),
        `rappel attendu parmi : ${subjects.join(" | ")}`,
      );
      assert.equal(subjects.filter((s) => /Rappel : votre rendez-vous du/.test(s)).length, 1);
    }, 30_000);
    await checkAccessibility(page, "/demonstration/messages");
  });

  test("le jour du rendez-vous, la conseillère note la présence, remplit le diagnostic et rédige le contrat", {
    timeout: 180_000,
  }, async () => {
    const { page } = await journey.newUser();
    const clock = await (
      await page.request.post(`${journey.baseUrl}/api/test/horloge`, { data: { minutes: 1 } })
    ).json();
    await advanceClock(
      page,
      journey.baseUrl,
      Math.ceil((appointmentStart + 30 * 60_000 - Date.parse(clock.now)) / 60_000),
    );
    await logIn(page, journey.baseUrl, { email: staffOf[structureName]!, kind: "professional" });
    await openSarahFile(page, journey.baseUrl, "Rendez-vous");
    await page.getByRole("button", { name: "Présent·e" }).first().click();
    await eventually(async () =>
      assert.match(await page.getByRole("main").innerText(), /honoré \(présent·e\)/i),
    );

    await openSarahFile(page, journey.baseUrl, "Diagnostic");
    await page.getByRole("button", { name: "Commencer le diagnostic" }).click();
    await page.getByRole("button", { name: "Enregistrer la première version" }).click();
    await eventually(async () =>
      assert.ok(await page.getByRole("button", { name: "Enregistrer une nouvelle version" }).isVisible()),
    );
    await checkAccessibility(page, "/personnes/:id/diagnostic");

    await openSarahFile(page, journey.baseUrl, "Contrat d'engagement");
    await expectH1(page, /^Contrat d'engagement/);
    await page.getByRole("button", { name: "Rédiger le contrat" }).click();
    await page.getByRole("heading", { name: "Version à signer" }).waitFor();
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
    await eventually(async () => assert.equal(await page.getByRole("alert").count(), 0));

    // the other screens of the accompaniment, for the professional
    const personPath = /^\/personnes\/[0-9a-f-]{36}/.exec(new URL(page.url()).pathname)![0];
    await visitAndCheck(page, journey.baseUrl, "/agenda", "/agenda");
    await visitAndCheck(page, journey.baseUrl, `${personPath}/dossier`, "/personnes/:id/dossier");
    await visitAndCheck(page, journey.baseUrl, `${personPath}/suivi`, "/personnes/:id/suivi");
  });

  test("Sarah signe son contrat, télécharge le PDF et voit les accès des professionnels", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, SARAH);
    await page.getByRole("link", { name: "Mon contrat d'engagement" }).click();
    await expectH1(page, "Mon contrat d'engagement");
    await page.getByRole("button", { name: "Signer le contrat" }).click();
    await eventually(async () => assert.match(await page.getByRole("main").innerText(), /[Ss]igné/));
    const href = await page.getByRole("link", { name: /PDF/ }).first().getAttribute("href");
    const res = await page.request.get(new URL(href!, page.url()).href);
    assert.equal(res.status(), 200);
    assert.equal((await res.body()).subarray(0, 5).toString(), "%PDF-");

    await page.goto(new URL("/mon-espace/journal", journey.baseUrl).href);
    await expectH1(page, "Qui a consulté mon dossier");
    const table = page.getByRole("table", {
      name: "Consultations de votre dossier, de la plus récente à la plus ancienne",
    });
    await table.waitFor();
    const text = await table.innerText();
    for (const organisation of [structureName, "Département de la Somme"])
      assert.ok(text.includes(organisation), `accès de ${organisation} visible`);
    for (const part of ["Rendez-vous", "Diagnostic", "Contrat d'engagement", "Orientation"])
      assert.ok(text.includes(part), `partie « ${part} » visible dans le journal`);
    await screenshot(page, "51-journal-sarah");
    await checkAccessibility(page, "/mon-espace/journal");

    // the rest of her personal space
    for (const path of ["/mon-espace/rendez-vous", "/mon-espace/dossier", "/mon-espace/mes-donnees", "/"])
      await visitAndCheck(page, journey.baseUrl, path, path);
  });
});
