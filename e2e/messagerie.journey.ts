// Story: *Léa Durand écrit à sa conseillère depuis son espace ; la conseillère, Camille Lefebvre, lit le
// message dans le dossier de Léa et lui répond ; Léa est prévenue par courriel (sans le contenu), lit la
// réponse et voit la lecture de sa conseillère dans « qui a consulté mon dossier ». Puis le contrat de Léa
// a deux versions : la conseillère et Léa les comparent.*
// The steps share one app and run in order: each test starts from what the previous one left.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { DEMO_PERSON_EMAIL } from "../src/server/demo/demo-territory";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, pathOf, screenshot, textOf } from "./support/steps";

const CONSEILLER = { email: "conseiller@demo.socle.fr", kind: "professional" as const };
const LEA = { email: DEMO_PERSON_EMAIL, kind: "person" as const };
const LEA_NAME = "DURAND Léa";
const QUESTION = "Bonjour, je ne pourrai pas venir jeudi : mon fils est malade. Pouvons-nous décaler ?";
const ANSWER = "Bonjour Léa, bon rétablissement à votre fils. Je vous propose mardi à 10 h.";
const NOTIFICATION_SUBJECT = "Nouveau message de votre conseiller·ère sur Socle";

/** A JSON call from the page, with the session's CSRF token, as the web app makes it. */
async function apiCall(page: Page, method: string, url: string, body?: unknown) {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch("/api/session")).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: { "Content-Type": "application/json", "x-csrf-token": session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    { method, url, body },
  );
}

async function openLeaFile(page: Page, baseUrl: string): Promise<string> {
  await page.goto(new URL("/personnes?q=Durand", baseUrl).href);
  await page.getByRole("link", { name: LEA_NAME, exact: true }).first().click();
  await expectH1(page, LEA_NAME);
  return pathOf(page).split("/")[2]!;
}

describe("Messagerie : Léa écrit à sa conseillère, qui lui répond ; les versions du contrat se comparent", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();
  let leaId = "";

  test("Léa écrit à sa conseillère depuis son espace", { timeout: 120_000 }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, LEA);
    await page.getByRole("link", { name: "Mes messages" }).click();
    await expectH1(page, "Mes messages");
    await page.getByText(/Vos messages sont lus par/).waitFor();
    assert.match(await textOf(page.getByRole("main")), /Camille Lefebvre/);
    await page.getByLabel(/^Votre message/).fill(QUESTION);
    await page.getByRole("button", { name: "Envoyer le message" }).click();
    await page.getByText("Votre message est envoyé.").waitFor();
    const mine = page.getByRole("listitem").filter({ hasText: QUESTION });
    assert.match(await textOf(mine), /Pas encore lu/);
    await screenshot(page, "60-messagerie-lea-ecrit");
    await checkAccessibility(page, "/mon-espace/messages");
  });

  test("la conseillère voit le message non lu dans le dossier de Léa, le lit et répond", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, CONSEILLER);
    leaId = await openLeaFile(page, journey.baseUrl);
    const link = page.getByRole("link", { name: /^Messages/ });
    await eventually(async () => assert.match(await textOf(link), /^Messages 1 non lu$/));
    await link.click();
    await expectH1(page, /^Messages : /);
    await page.getByText(QUESTION).waitFor();
    await page.getByLabel(/^Votre message/).fill(ANSWER);
    await page.getByRole("button", { name: "Envoyer le message" }).click();
    await page.getByText("Votre message est envoyé.").waitFor();
    // read receipt of Léa's message: the conseillère read it when the page opened
    await page.reload();
    await page.getByText(ANSWER).waitFor();
    assert.match(
      await textOf(page.getByRole("listitem").filter({ hasText: ANSWER })),
      /Pas encore lu/,
      "Léa has not read the answer yet",
    );
    await checkAccessibility(page, "/personnes/:id/messages");

    // the notification is in the demo mailbox, without the answer
    await eventually(async () => {
      await page.goto(new URL("/demonstration/messages", journey.baseUrl).href);
      await expectH1(page, "Courriels et SMS envoyés (démonstration)");
      const rows = page.getByRole("table").getByRole("row").filter({ hasText: DEMO_PERSON_EMAIL });
      const subjects = (await rows.allInnerTexts()).filter((s) => s.includes(NOTIFICATION_SUBJECT));
      assert.equal(subjects.length, 1, "one notification");
    }, 30_000);
    await page.getByRole("link", { name: NOTIFICATION_SUBJECT }).first().click();
    await expectH1(page, /.+/);
    await page.getByText(/Vous avez reçu un nouveau message de votre conseiller·ère sur Socle/).waitFor();
    assert.doesNotMatch(await textOf(page.getByRole("main")), /mardi à 10 h/);
  });

  test("Léa voit la réponse non lue depuis son accueil, la lit, et voit la lecture de sa conseillère dans son journal", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, LEA);
    const card = page.getByRole("link", { name: "Mes messages (1 non lu)" });
    await card.waitFor();
    await checkAccessibility(page, "/ (espace personnel, message non lu)");
    await card.click();
    await expectH1(page, "Mes messages");
    const answer = page.getByRole("listitem").filter({ hasText: ANSWER });
    await answer.waitFor();
    assert.match(await textOf(answer), /Nouveau/);
    assert.match(await textOf(page.getByRole("listitem").filter({ hasText: QUESTION })), /Lu le /);
    await screenshot(page, "61-messagerie-lea-lit");
    await page.goto(new URL("/", journey.baseUrl).href);
    await page.getByRole("link", { name: "Mes messages", exact: true }).waitFor();

    await page.goto(new URL("/mon-espace/journal", journey.baseUrl).href);
    await expectH1(page, /.+/);
    await eventually(async () =>
      assert.match(await textOf(page.getByRole("main")), /Messages avec les référent·es/),
    );
  });

  test("le contrat de Léa a deux versions : la conseillère puis Léa les comparent", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, CONSEILLER);
    await openLeaFile(page, journey.baseUrl);
    const content = (engagements: string[], hours71: number) => ({
      couchParcours: "Rechercher activement un emploi d'aide à domicile.",
      engagementsIndividuels: engagements,
      planAction: [],
      programme: {
        semaineIso: "2026-W50",
        activites: [
          { code: "7.1", heuresPrevues: hours71 },
          { code: "13.3", heuresPrevues: 12 },
        ],
      },
    });
    const created = await apiCall(page, "POST", "/api/contracts", {
      personId: leaId,
      content: content(["Venir aux rendez-vous"], 3),
    });
    assert.equal(created.status, 200, JSON.stringify(created.json));
    const contractId = String(created.json.id);
    const signed = await apiCall(page, "POST", `/api/contracts/${contractId}/signature`, {
      version: created.json.version,
      accuseReceptionPersonne: true,
    });
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
    const revised = await apiCall(page, "POST", `/api/contracts/${contractId}/versions`, {
      version: signed.json.version,
      motif: "REVISION",
      content: content(["Venir aux rendez-vous", "Participer à l'atelier CV"], 5),
    });
    assert.equal(revised.status, 200, JSON.stringify(revised.json));

    await page.getByRole("link", { name: "Contrat d'engagement" }).click();
    await expectH1(page, /^Contrat d'engagement/);
    await page.getByRole("link", { name: "Comparer les versions" }).click();
    await expectH1(page, "Comparer les versions du contrat");
    const table = page.getByRole("table", { name: /Différences entre la version 1 et la version 2/ });
    await table.waitFor();
    const added = table.getByRole("row").filter({ hasText: "Participer à l'atelier CV" });
    assert.match(await textOf(added), /Engagements individuels.*Ajouté.*Engagement individuel/);
    assert.match(
      await textOf(table.getByRole("row").filter({ hasText: "Activité 7.1" })),
      /3 h prévues.*5 h prévues/,
    );
    assert.match(await textOf(table.getByRole("row").filter({ hasText: "Total des heures" })), /15 h.*17 h/);
    await screenshot(page, "62-contrat-comparaison");
    await checkAccessibility(page, "/personnes/:id/contrat/versions");

    const lea = await journey.newUser();
    await logIn(lea.page, journey.baseUrl, LEA);
    await lea.page.goto(new URL("/mon-espace/contrat", journey.baseUrl).href);
    await expectH1(lea.page, "Mon contrat d'engagement");
    await lea.page.getByRole("link", { name: "Comparer les versions" }).click();
    await expectH1(lea.page, "Comparer les versions du contrat");
    await lea.page
      .getByRole("table", { name: /Différences entre la version 1 et la version 2/ })
      .getByRole("row")
      .filter({ hasText: "Participer à l'atelier CV" })
      .waitFor();
    await checkAccessibility(lea.page, "/mon-espace/contrat/versions");
  });
});
