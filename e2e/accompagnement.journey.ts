// Story (issue 4's done-means): *Mathilde Vandamme, connue du Département mais sans droit ni parcours,
// arrive dans le flux CAF que la manager du Département importe : elle est reconnue par son NIR et devient
// nouvelle entrante, à orienter sous 15 jours ; le chargé d'orientation complète ses critères et décide ;
// la structure l'invite à son 1er rendez-vous, Mathilde choisit un créneau en ligne ; le rappel part 48 h
// avant ; sa présence est notée ; le diagnostic est rempli ; le contrat avec 15 heures d'activités par
// semaine est signé dans son espace et téléchargé ; Mathilde voit dans son journal chaque professionnel qui
// a consulté son dossier.*
// The steps share one app and run in order; the server runs on a travelling clock (SOCLE_ENV=test), so
// the journey lets days pass with POST /api/test/horloge.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_PERSON_FROM_CAF as MATHILDE_FILE } from "../src/server/demo/demo-person-from-caf";
import {
  aHousehold,
  aPerson,
  headerXml,
  householdXml,
  trailerXml,
} from "../src/server/imports/cnaf/fixtures/generate-cnaf-flux";
import { encodeWindows1252 } from "../src/server/imports/cnaf/windows-1252";
import { roleLabels } from "../src/shared/identity/identity.schema";
import { addDays, parisDate } from "../src/shared/kernel/dates";
import { type CriterionKey, criterionLabels } from "../src/shared/orientation/orientation.criteria";
import { orientationDueDate } from "../src/shared/orientation/orientation.deadlines";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, screenshot } from "./support/steps";

const MANAGER = { email: "manager@demo.socle.fr", kind: "professional" as const };
const ORIENTATION = { email: "orientation@demo.socle.fr", kind: "professional" as const };
const MATHILDE = { email: MATHILDE_FILE.email, kind: "person" as const };
const MATHILDE_NAME = `${MATHILDE_FILE.birthName.toUpperCase()} ${MATHILDE_FILE.firstNames}`;
const staffOf: Record<string, string> = {
  "Mission locale du Grand Amiénois": "admin@demo.socle.fr",
  "France Travail Amiens Nord": "conseiller@demo.socle.fr",
};

/** What the chargé d'orientation learns of Mathilde: close to employment, no difficulty. */
const criteria: [CriterionKey, string][] = [
  ["situation_professionnelle", "SANS_EMPLOI_MOINS_1_AN"],
  ["type_emploi", "CDD"],
  ["niveau_etude", "BAC"],
  ["capacite_a_travailler", "oui"],
  ["projet_pro", "EMPLOI"],
  ["contrainte_sante", "AUCUNE"],
  ["contrainte_logement", "AUCUNE"],
  ["contrainte_mobilite", "AUCUNE"],
  ["contrainte_familiale", "AUCUNE"],
  ["contrainte_financiere", "AUCUNE"],
  ["contrainte_numerique", "AUCUNE"],
  ["contrainte_administrative_juridique", "AUCUNE"],
  ["contrainte_francais_calcul", "AUCUNE"],
  ["boe", "non"],
  ["baeeh", "non"],
  ["scolarite_etablissement_specialise", "non"],
  ["esat", "non"],
];

/** "2026-12-21" → "21/12/2026" */
const frDate = (iso: string) => iso.split("-").reverse().join("/");

/**
 * The CAF's monthly VRSB 08.01 flow for the Somme, created on `createdOn` for the month before, in
 * windows-1252: one household whose applicant is Mathilde (same NIR, names and birth date as her file),
 * her RSA right payable (ETATDOSRSA 2), newly subject to droits et devoirs (TOPPERSENTDRODEVORSA 1).
 */
function cafFlowFor(createdOn: string): Buffer {
  const m = MATHILDE_FILE;
  const dtref = addDays(`${createdOn.slice(0, 7)}-01`, -1);
  const household = aHousehold(1, {
    dtdemrsa: `${dtref.slice(0, 7)}-03`,
    communeCode: m.address.communeCode,
    postalCode: "80000",
    persons: [
      aPerson(1, "DEM", {
        qual: "MME",
        nom: m.birthName.toUpperCase(),
        nomnai: m.birthName.toUpperCase(),
        prenom: m.firstNames.toUpperCase(),
        dtnai: m.birthDate,
        sexe: "2",
        nir: m.nir.slice(0, 13),
        idassedic: undefined,
        soumis: true,
        entrant: true,
      }),
    ],
  });
  const xml = householdXml(household)
    .replace("<NUMVOIE>1</NUMVOIE>", `<NUMVOIE>${m.address.number}</NUMVOIE>`)
    .replace("<LIBTYPEVOIE>RUE</LIBTYPEVOIE>", `<LIBTYPEVOIE>${m.address.streetType}</LIBTYPEVOIE>`)
    .replace("<NOMVOIE>DE L'ESSAI</NOMVOIE>", `<NOMVOIE>${m.address.street}</NOMVOIE>`)
    .replace("<NOMCOM>COMMUNE TEST</NOMCOM>", "<NOMCOM>AMIENS</NOMCOM>")
    .replace("<NOMCOMNAI>COMMUNE TEST</NOMCOMNAI>", "<NOMCOMNAI>AMIENS</NOMCOMNAI>");
  assert.match(xml, /<NOMVOIE>DES JACOBINS<\/NOMVOIE>[\s\S]*<NOMCOM>AMIENS<\/NOMCOM>/);
  return encodeWindows1252(
    headerXml({ typeflux: "M", createdOn, dtref, time: "02:10:00.0000" }) + xml + trailerXml(1),
  );
}

async function advanceClock(page: Page, baseUrl: string, minutes: number) {
  if (minutes <= 0) return;
  const res = await page.request.post(`${baseUrl}/api/test/horloge`, { data: { minutes } });
  assert.equal(res.status(), 200, await res.text());
}

async function openMathildeFile(page: Page, baseUrl: string, link: string) {
  await page.goto(new URL(`/personnes?q=${MATHILDE_FILE.birthName}`, baseUrl).href);
  await page.getByRole("link", { name: MATHILDE_NAME, exact: true }).first().click();
  await expectH1(page, MATHILDE_NAME);
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
  let t0 = "";
  let structureName = "";
  let appointmentStart = 0;

  test("la manager du Département importe le flux CAF : Mathilde, reconnue par son NIR, est une nouvelle entrante", {
    timeout: 180_000,
  }, async () => {
    const { page } = await journey.newUser();
    const clock = await (
      await page.request.post(`${journey.baseUrl}/api/test/horloge`, { data: { minutes: 1 } })
    ).json();
    t0 = parisDate(new Date(clock.now));
    await logIn(page, journey.baseUrl, MANAGER);
    await page.getByRole("main").getByRole("link", { name: "Importer un flux CAF/MSA" }).click();
    await expectH1(page, "Importer un flux CAF/MSA");
    await page.getByLabel(/^Fichier du flux \(XML\)/).setInputFiles({
      name: `RSABEM_080_${t0.replaceAll("-", "")}.xml`,
      mimeType: "application/xml",
      buffer: cafFlowFor(t0),
    });
    await page.getByRole("button", { name: "Importer le flux" }).click();
    const report = page.getByRole("region", { name: "Compte rendu de l'import" });
    await report.waitFor({ timeout: 90_000 });
    assert.match(await report.innerText(), new RegExp(`reçu le ${t0}, département 80\\.`));
    const counters = report.getByRole("table", { name: "Compteurs" });
    const headers = (await counters.getByRole("columnheader").allInnerTexts()).map((t) => t.trim());
    const cells = (await counters.getByRole("cell").allInnerTexts()).map((t) => t.trim());
    assert.deepEqual(Object.fromEntries(headers.map((h, i) => [h, cells[i]])), {
      Foyers: "1",
      Personnes: "1",
      Créées: "0",
      "Mises à jour": "1",
      Inchangées: "0",
      "En quarantaine": "0",
      "Nouveaux entrants": "1",
    });
    await screenshot(page, "49-import-flux-caf");
    await checkAccessibility(page, "/imports/cnaf (compte rendu)");

    // one file for Mathilde, the one she logs in with: the flow updated it (no second person created)
    await page.goto(new URL(`/personnes?q=${MATHILDE_FILE.birthName}`, journey.baseUrl).href);
    await page.getByRole("link", { name: MATHILDE_NAME, exact: true }).first().waitFor();
    assert.equal(await page.getByRole("link", { name: MATHILDE_NAME, exact: true }).count(), 1);
  });

  test("le chargé d'orientation complète les critères de Mathilde et décide son orientation", {
    timeout: 120_000,
  }, async () => {
    assert.ok(t0, "l'étape précédente n'a pas importé le flux");
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, ORIENTATION);
    await page.getByRole("main").getByRole("link", { name: "Personnes à orienter" }).click();
    await expectH1(page, "Personnes à orienter");
    // the queue runs from the most to the least urgent: Mathilde, due in 15 days, is on a late page
    const table = page.getByRole("table", {
      name: "Orientations à décider, de la plus urgente à la moins urgente",
    });
    const link = table.getByRole("link", { name: MATHILDE_NAME, exact: true });
    for (let n = 2; ; n++) {
      await table.waitFor();
      await eventually(async () => assert.ok((await table.getByRole("row").count()) > 1));
      if ((await link.count()) > 0) break;
      assert.ok(n <= 20, "Mathilde absente de la file des personnes à orienter");
      await page.goto(new URL(`/orientation?page=${n}`, journey.baseUrl).href);
      await expectH1(page, "Personnes à orienter");
    }
    const row = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: MATHILDE_NAME, exact: true }) });
    // 15 days from T0, the date the Département received the flow (T0 is the first of them)
    const due = frDate(orientationDueDate(t0));
    assert.equal(due, frDate(addDays(t0, 14)));
    const dueCell = await row.getByRole("cell").nth(3).innerText();
    assert.ok(dueCell.includes(due), `à notifier au plus tard le ${due} : « ${dueCell} »`);
    await link.click();
    await expectH1(page, `Orientation de ${MATHILDE_NAME}`);

    // the flow told her birth date and address: the rest comes from the chargé d'orientation
    await page.getByRole("button", { name: "Modifier les critères" }).click();
    const form = page.getByRole("form", { name: "Modifier les critères d'orientation" });
    for (const [key, value] of criteria)
      await form.getByRole("combobox", { name: criterionLabels[key], exact: true }).selectOption(value);
    await form.getByRole("button", { name: "Enregistrer les critères" }).click();
    // the proposal is computed again from the complete criteria
    await eventually(async () => {
      assert.deepEqual(await page.getByRole("alert").allInnerTexts(), [], "critères refusés");
      assert.match(
        await page.getByRole("region", { name: "Proposition calculée" }).innerText(),
        /(Mission locale|France Travail) — Parcours emploi/,
      );
    });
    await checkAccessibility(page, "/orientation/:id (critères complétés)");

    const structure = page.getByRole("combobox", { name: /^Structure qui accompagnera la personne/ });
    structureName = (await structure.locator("option:checked").innerText()).trim();
    assert.ok(staffOf[structureName], `structure présélectionnée : « ${structureName} »`);
    await page.getByRole("button", { name: "Valider l'orientation" }).click();
    await page.getByRole("status").filter({ hasText: "Orientation décidée" }).waitFor();
  });

  test("la structure invite Mathilde à son premier rendez-vous", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, { email: staffOf[structureName]!, kind: "professional" });
    await openMathildeFile(page, journey.baseUrl, "Rendez-vous");
    await expectH1(
      page,
      `Rendez-vous de ${MATHILDE_FILE.firstNames} ${MATHILDE_FILE.birthName.toUpperCase()}`,
    );
    await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText("L'invitation a été envoyée à la personne.").waitFor();
    await checkAccessibility(page, "/personnes/:id/rendez-vous");
  });

  test("Mathilde choisit un créneau en ligne dans son espace", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, MATHILDE);
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
      const rows = page.getByRole("table").getByRole("row").filter({ hasText: MATHILDE.email });
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
    await openMathildeFile(page, journey.baseUrl, "Rendez-vous");
    await page.getByRole("button", { name: "Présent·e" }).first().click();
    await eventually(async () =>
      assert.match(await page.getByRole("main").innerText(), /honoré \(présent·e\)/i),
    );

    await openMathildeFile(page, journey.baseUrl, "Diagnostic");
    await page.getByRole("button", { name: "Commencer le diagnostic" }).click();
    await page.getByRole("button", { name: "Enregistrer la première version" }).click();
    await eventually(async () =>
      assert.ok(await page.getByRole("button", { name: "Enregistrer une nouvelle version" }).isVisible()),
    );
    await checkAccessibility(page, "/personnes/:id/diagnostic");

    await openMathildeFile(page, journey.baseUrl, "Contrat d'engagement");
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

  test("Mathilde signe son contrat, télécharge le PDF et voit les accès des professionnels", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, MATHILDE);
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
    // the Département's manager who imported the flow and the chargé d'orientation are there too
    for (const role of [roleLabels.manager_territorial, roleLabels.charge_orientation])
      assert.ok(text.includes(role), `accès du rôle « ${role} » visible`);
    await screenshot(page, "51-journal-mathilde");
    await checkAccessibility(page, "/mon-espace/journal");

    // the rest of her personal space
    for (const path of ["/mon-espace/rendez-vous", "/mon-espace/dossier", "/mon-espace/mes-donnees", "/"])
      await visitAndCheck(page, journey.baseUrl, path, path);
  });
});
