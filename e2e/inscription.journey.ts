// Story: *une conseillère inscrit une personne au guichet : elle remplit les cinq étapes avec elle, une
// erreur s'affiche à côté du champ concerné sans rien perdre, l'inscription est envoyée, le dossier de la
// personne est créé et son parcours ouvert ; la personne connue du département retrouve, dans son espace,
// une inscription pré-remplie dont chaque information indique sa source.*
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, pathOf, screenshot } from "./support/steps";

const CONSEILLER = { email: "conseiller@demo.socle.fr", kind: "professional" as const };
const PERSONNE = { email: "personne@demo.socle.fr", kind: "person" as const };

async function continueTo(page: Page, stepTitle: string) {
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await eventually(async () => {
    const title = await page.locator(".fr-stepper__title").innerText();
    assert.match(
      title,
      new RegExp(`^${stepTitle}`),
      `étape « ${stepTitle} » attendue, affichée : « ${title} » ; alertes : ${await page.locator(".fr-alert, .fr-error-text, .fr-message--error").allInnerTexts()}`,
    );
  });
}

describe("Inscription : au guichet, puis en ligne", { skip: journeySkip() }, () => {
  const journey = setUpJourney();

  test("une conseillère inscrit une personne au guichet, étape par étape ; le dossier est créé", {
    timeout: 120_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, CONSEILLER);
    await page.goto(`${journey.baseUrl}/personnes`);
    await page.getByRole("link", { name: "Inscrire une personne" }).click();
    await expectH1(page, "Inscrire une personne");
    await checkAccessibility(page, "/inscriptions/nouvelle");
    await page.getByRole("button", { name: "Commencer l'inscription" }).click();
    await page.waitForURL((u) => /^\/inscriptions\/[0-9a-f-]{36}$/.test(u.pathname));
    await expectH1(page, "Inscrire une personne");

    // Identité et coordonnées
    await page.getByRole("textbox", { name: "Nom de naissance" }).fill("PARCOURSTEST");
    await page.getByRole("textbox", { name: "Prénoms" }).fill("Jeanne Marie");
    await page.getByLabel("Date de naissance").fill("1990-04-12");
    await page.getByRole("combobox", { name: "Nationalité" }).selectOption({ label: "Française" });
    await page.getByRole("textbox", { name: "Numéro et voie" }).fill("3 rue du Parcours");
    await page.getByRole("textbox", { name: "Code postal" }).fill("80000");
    const commune = page.getByRole("combobox", { name: "Commune" });
    await eventually(async () =>
      assert.ok((await commune.locator("option").count()) > 0, "communes de 80000 chargées"),
    );
    await eventually(async () =>
      assert.equal(await commune.inputValue(), "80021", "Amiens, seule commune du 80000"),
    );
    await page.getByRole("textbox", { name: "Téléphone portable (facultatif)" }).fill("12");
    await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
    await eventually(async () =>
      assert.ok(await page.getByText("Numéro de téléphone invalide (exemple : 06 12 34 56 78).").isVisible()),
    );
    assert.equal(
      await page.getByRole("textbox", { name: "Nom de naissance" }).inputValue(),
      "PARCOURSTEST",
      "rien n'est perdu",
    );
    await screenshot(page, "50-inscription-erreur-champ");
    await checkAccessibility(page, "/inscriptions/:id (identité, erreur)");
    await page.getByRole("textbox", { name: "Téléphone portable (facultatif)" }).fill("06 12 34 56 78");
    await continueTo(page, "Situation personnelle");

    // Situation personnelle
    await page
      .getByRole("group", { name: "Situation familiale" })
      .getByText("Seul·e", { exact: true })
      .click();
    await page.getByRole("combobox", { name: "Logement" }).selectOption({ label: "Locataire" });
    await page
      .getByRole("combobox", { name: "Situation professionnelle" })
      .selectOption({ label: "Sans emploi depuis un an ou plus" });
    await page
      .getByRole("combobox", { name: "Niveau de français" })
      .selectOption({ label: "Langue maternelle" });
    await checkAccessibility(page, "/inscriptions/:id (situation)");
    await continueTo(page, "Formation et expériences");

    // Formation et expériences
    await page
      .getByRole("combobox", { name: "Niveau de diplôme le plus élevé" })
      .selectOption({ label: "CAP ou BEP" });
    await continueTo(page, "Projet professionnel");

    // Projet professionnel
    await page
      .getByRole("group", { name: "Quel est votre projet ?" })
      .getByText("Trouver un emploi", { exact: true })
      .click();
    await page
      .getByRole("group", { name: "Quand pouvez-vous commencer ?" })
      .getByText("Tout de suite", { exact: true })
      .click();
    await page
      .getByRole("group", { name: "Où en êtes-vous de votre recherche d'emploi ?" })
      .getByText("Je cherche activement", { exact: true })
      .click();
    await page
      .getByRole("combobox", { name: "Pourquoi vous inscrivez-vous ?" })
      .selectOption({ label: "Je demande ou je perçois le RSA" });
    await continueTo(page, "Difficultés éventuelles");

    // Difficultés éventuelles: the nine barriers
    const groups = page
      .getByRole("group")
      .filter({ has: page.getByRole("radio", { name: "Je ne sais pas" }) });
    assert.equal(await groups.count(), 9);
    for (const g of await groups.all()) await g.getByText("Non", { exact: true }).click();
    await checkAccessibility(page, "/inscriptions/:id (difficultés)");
    await continueTo(page, "Vérification et envoi");

    // Vérification et envoi
    await eventually(async () =>
      assert.ok(
        await page.getByText("Vérifiez les informations ci-dessous, puis envoyez l'inscription.").isVisible(),
      ),
    );
    assert.ok(await page.getByText("PARCOURSTEST").first().isVisible());
    await screenshot(page, "51-inscription-verification");
    await checkAccessibility(page, "/inscriptions/:id (vérification)");
    await page.getByRole("button", { name: "Envoyer l'inscription" }).click();
    await eventually(async () =>
      assert.ok(await page.getByRole("heading", { name: "L'inscription a été envoyée" }).isVisible()),
    );
    await page.getByRole("link", { name: "Voir le dossier de la personne" }).click();
    await expectH1(page, /PARCOURSTEST Jeanne Marie/);
    assert.match(pathOf(page), /^\/personnes\/[0-9a-f-]{36}$/);
  });

  test("une personne connue ouvre « M'inscrire » : ce que le département sait d'elle est pré-rempli avec sa source", {
    timeout: 90_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, PERSONNE);
    await page.setViewportSize({ width: 390, height: 844 }); // a phone: persons register from theirs
    await page.getByRole("link", { name: "M'inscrire" }).click();
    await page.waitForURL((u) => /^\/inscriptions\/[0-9a-f-]{36}$/.test(u.pathname));
    await expectH1(page, "Mon inscription");
    await eventually(async () =>
      assert.ok((await page.getByText(/Information pré-remplie — source : /).count()) > 0),
    );
    assert.notEqual(await page.getByRole("textbox", { name: "Nom de naissance" }).inputValue(), "");
    assert.ok(
      await page
        .getByRole("checkbox", { name: /J'ai vérifié les informations pré-remplies de cette étape/ })
        .isVisible(),
    );
    await screenshot(page, "52-inscription-pre-remplie");
    await checkAccessibility(page, "/inscriptions/:id (en ligne, pré-remplie)");
  });
});
