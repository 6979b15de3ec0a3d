// Story: *chaque utilisateur se connecte par la bonne porte (ProConnect ou FranceConnect), arrive sur
// l'accueil de son rôle, puis se déconnecte de Socle et du fournisseur d'identité.*
// One test per demo account (every entry of demoLogins, plus the demo person).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DEMO_PERSON_EMAIL, demoLogins } from "../src/server/demo/demo-territory";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import {
  type Account,
  eventually,
  expectH1,
  logIn,
  logOut,
  openProviderLogin,
  pathOf,
  screenshot,
  sessionStatus,
  textOf,
} from "./support/steps";

type ExpectedHome = {
  h1: string;
  greeting: string;
  /** main navigation entries, in order */
  navigation: string[];
  /** roles listed under "Vos autres rôles" */
  otherRoles?: string[];
};

// Written out by hand (not derived from the app's role labels) so that a wrong label shows up here.
const expectedHomes: Record<string, ExpectedHome> = {
  "conseiller@demo.socle.fr": {
    h1: "Espace conseiller·ère référent·e",
    greeting: "Bonjour Camille Lefebvre",
    navigation: ["Accueil", "Personnes suivies"],
  },
  "orientation@demo.socle.fr": {
    h1: "Espace chargé·e d'orientation",
    greeting: "Bonjour Julien Moreau",
    navigation: ["Accueil", "Personnes suivies"],
  },
  // admin_structure + conseiller: the home follows the first role of home.roles.ts (conseiller)
  "admin@demo.socle.fr": {
    h1: "Espace conseiller·ère référent·e",
    greeting: "Bonjour Nadia Benali",
    navigation: ["Accueil", "Personnes suivies"],
    otherRoles: ["Administrateur·rice de structure"],
  },
  "manager@demo.socle.fr": {
    h1: "Espace manager territorial",
    greeting: "Bonjour Hélène Dubois",
    navigation: ["Accueil", "Personnes suivies"],
  },
  "entreprises@demo.socle.fr": {
    h1: "Espace chargé·e de relation entreprise",
    greeting: "Bonjour Thomas Garnier",
    navigation: ["Accueil"],
  },
  "pilotage@demo.socle.fr": {
    h1: "Espace pilotage",
    greeting: "Bonjour Sophie Roux",
    navigation: ["Accueil"],
  },
  "pilotage.national@demo.socle.fr": {
    h1: "Espace pilotage",
    greeting: "Bonjour Marc Fontaine",
    navigation: ["Accueil"],
  },
  [DEMO_PERSON_EMAIL]: {
    h1: "Mon espace",
    greeting: "Bonjour Léa DURAND",
    navigation: ["Mon espace", "Qui a consulté mon dossier"],
  },
};

const accounts: (Account & { label: string })[] = [
  ...demoLogins.map((l) => ({ label: l.label, email: l.email, kind: "professional" as const })),
  { label: "Personne accompagnée (Léa Durand)", email: DEMO_PERSON_EMAIL, kind: "person" as const },
];

const slug = (email: string) => email.split("@")[0]!.replace(/\./g, "-");

describe("Connexion par rôle : chaque compte de démonstration arrive sur l'accueil de son rôle, puis se déconnecte", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();

  test("chaque compte de démonstration a un accueil attendu dans ce parcours", () => {
    assert.equal(
      demoLogins.length,
      7,
      "un compte de démonstration a été ajouté ou retiré : mettez à jour expectedHomes",
    );
    assert.deepEqual(
      accounts.map((a) => a.email).filter((e) => !expectedHomes[e]),
      [],
      "comptes sans accueil attendu",
    );
  });

  test("la page de connexion et celle du fournisseur de démonstration sont accessibles", async () => {
    const { page } = await journey.newUser();
    await page.goto(`${journey.baseUrl}/connexion`);
    await expectH1(page, "Connexion à Socle");
    assert.equal(await page.title(), "Connexion — Socle");
    assert.equal(await page.getAttribute("html", "lang"), "fr");
    await screenshot(page, "01-connexion");
    await checkAccessibility(page, "/connexion");

    await openProviderLogin(page, journey.baseUrl, "professional");
    await screenshot(page, "02-fournisseur-connexion-pro");
    await checkAccessibility(page, "fournisseur de démonstration : connexion");
  });

  for (const account of accounts) {
    const expected = expectedHomes[account.email];
    const door = account.kind === "professional" ? "ProConnect" : "FranceConnect";
    test(`${account.label} : ${door} → « ${expected?.h1} » → déconnexion`, { timeout: 90_000 }, async () => {
      assert.ok(expected, `pas d'accueil attendu pour ${account.email}`);
      const { page } = await journey.newUser();

      await logIn(page, journey.baseUrl, account);
      assert.equal(pathOf(page), "/");
      await expectH1(page, expected.h1);
      assert.equal(await page.title(), `${expected.h1} — Socle`);
      const main = page.getByRole("main");
      assert.equal(await textOf(main.getByText(/^Bonjour /)), expected.greeting);
      const nav = page.getByRole("navigation", { name: "Menu principal" });
      assert.deepEqual(
        (await nav.getByRole("link").allInnerTexts()).map((t) => t.trim()),
        expected.navigation,
        "menu principal",
      );
      if (expected.otherRoles) {
        const others = main.getByRole("region", { name: "Vos autres rôles" });
        for (const role of expected.otherRoles) assert.ok(await others.getByText(role).isVisible(), role);
      }
      assert.equal(await sessionStatus(page), 200);
      await screenshot(page, `10-accueil-${slug(account.email)}`);
      await checkAccessibility(page, `accueil ${account.email}`);

      const first = account === accounts[0];
      const { providerConfirmation } = await logOut(page, journey.baseUrl, {
        atProviderConfirmation: first
          ? async () => {
              await screenshot(page, "03-fournisseur-deconnexion");
              await checkAccessibility(page, "fournisseur de démonstration : déconnexion");
            }
          : undefined,
      });
      assert.ok(
        providerConfirmation,
        "le fournisseur d'identité aurait dû demander de confirmer la déconnexion",
      );
      assert.equal(await sessionStatus(page), 401, "la session Socle est fermée");
      assert.ok(
        await page.getByRole("link", { name: "Se connecter" }).isVisible(),
        "« Se connecter » dans l'en-tête",
      );
      // back to "/": the home now sends to /connexion
      await page.goto(`${journey.baseUrl}/`);
      await eventually(async () => assert.equal(pathOf(page), "/connexion"));
      // the provider's session is closed too: it asks for credentials again
      await openProviderLogin(page, journey.baseUrl, account.kind);
    });
  }
});
