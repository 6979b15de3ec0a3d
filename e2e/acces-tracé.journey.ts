// Story: *une conseillère consulte le dossier d'une personne, la personne voit cet accès dans « Qui a
// consulté mon dossier »* — and a professional of another structure who opens the same file by its
// address is refused, in French, and the person sees that refused attempt too.
// The steps share one app and run in order: each test starts from what the previous one left.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Locator, Page } from "playwright-core";
import { DEMO_PERSON_EMAIL } from "../src/server/demo/demo-territory";
import { checkAccessibility } from "./support/axe";
import { journeySkip } from "./support/browser";
import { setUpJourney } from "./support/journey";
import { eventually, expectH1, logIn, logOut, pathOf, screenshot, textOf } from "./support/steps";

const CONSEILLER = { email: "conseiller@demo.socle.fr", kind: "professional" as const };
// Mission locale du Grand Amiénois: same zone d'emploi as Léa, but it does not follow her
const OTHER_STRUCTURE = { email: "admin@demo.socle.fr", kind: "professional" as const };
const PERSON = { email: DEMO_PERSON_EMAIL, kind: "person" as const };
const LEA = "DURAND Léa";
const SEARCH_LABEL = "Rechercher une personne (nom, NIR ou numéro France Travail)";

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** The value (dd) of a label (dt) in a facts block. */
function fact(page: Page, label: string): Locator {
  return page
    .locator("dt", { hasText: new RegExp(`^${label.replace(/[()]/g, "\\$&")}$`) })
    .locator("xpath=following-sibling::dd[1]");
}

/** Today in Paris as the access log writes it: "23 novembre 2026", "1er mars 2026". */
function todayInParis(): string {
  const d = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date());
  return d.replace(/^1 /, "1er ");
}

/** The cells of each row of the access log's table whose text contains `organisation`. */
async function logRows(page: Page, organisation: string): Promise<string[][]> {
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: organisation });
  const out: string[][] = [];
  // textContent, not innerText: the "Accès refusé" badge is uppercased by CSS only
  for (const row of await rows.all())
    out.push((await row.getByRole("cell").allTextContents()).map((t) => t.trim()));
  return out;
}

describe("Accès tracé : une conseillère consulte le dossier de Léa Durand, Léa voit cet accès dans « Qui a consulté mon dossier »", {
  skip: journeySkip(),
}, () => {
  const journey = setUpJourney();
  let leaPath = "";

  test("la conseillère référente trouve Léa Durand dans ses personnes suivies et ouvre son identité (NIR masqué)", {
    timeout: 90_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, CONSEILLER);
    await expectH1(page, "Espace conseiller·ère référent·e");

    await page
      .getByRole("navigation", { name: "Menu principal" })
      .getByRole("link", { name: "Personnes suivies" })
      .click();
    await expectH1(page, "Mes personnes suivies");
    await page
      .getByRole("status")
      .filter({ hasText: /personnes? trouvées?/ })
      .waitFor();
    assert.ok(
      (await page.getByRole("table").getByRole("row").count()) > 1,
      "la liste des personnes suivies n'est pas vide",
    );
    await screenshot(page, "20-personnes-suivies");
    await checkAccessibility(page, "/personnes (conseillère)");

    await page.getByRole("searchbox", { name: SEARCH_LABEL }).fill("Durand");
    await page.getByRole("button", { name: "Rechercher" }).click();
    await eventually(async () => assert.equal(new URL(page.url()).searchParams.get("q"), "Durand"));
    const results = page.getByRole("table", { name: "Résultats de la recherche « Durand »" });
    // (for one render after the search, the new caption sits above the previous, unfiltered rows)
    await eventually(async () => {
      const names = (await results.getByRole("link").allInnerTexts()).map((t) => t.trim());
      assert.ok(names.includes(LEA), `« ${LEA} » dans les résultats : ${JSON.stringify(names)}`);
      assert.ok(
        names.every((n) => /^DURAND /.test(n)),
        `résultats qui ne sont pas des Durand : ${JSON.stringify(names)}`,
      );
    });
    await screenshot(page, "21-recherche-durand");

    await results.getByRole("link", { name: LEA, exact: true }).click();
    await expectH1(page, LEA);
    leaPath = pathOf(page);
    assert.match(leaPath, /^\/personnes\/[0-9a-f-]{36}$/);
    assert.equal(await page.title(), `Dossier : ${LEA} — Socle`);

    // NIR: sex and year/month of birth shown, the rest masked; consistent with the date of birth
    const nir = await textOf(fact(page, "NIR (numéro de sécurité sociale)"));
    const masked = /^2 (\d\d) (\d\d) •• ••• ••• \d\d$/.exec(nir);
    assert.ok(masked, `NIR masqué attendu (« 2 AA MM •• ••• ••• CC »), affiché : « ${nir} »`);
    const birth = await textOf(fact(page, "Date de naissance"));
    const [, , monthName, year] = /^(1er|\d{1,2}) (\p{L}+) (\d{4})$/u.exec(birth) ?? [];
    assert.equal(masked[1], year?.slice(2), `année du NIR et date de naissance « ${birth} »`);
    assert.equal(
      Number(masked[2]),
      MONTHS.indexOf(monthName ?? "") + 1,
      `mois du NIR et date de naissance « ${birth} »`,
    );
    const text = await textOf(page.getByRole("main"));
    assert.doesNotMatch(text, /\d{13}/, "aucun NIR en clair sur la page");

    const followUp = page.getByRole("region", { name: "Suivi" });
    assert.ok(await followUp.getByText("France Travail Amiens Nord").isVisible());
    assert.match(await textOf(followUp), /Référent·e : Camille Lefebvre/);
    await screenshot(page, "22-dossier-identite");
    await checkAccessibility(page, "/personnes/:id (identité)");

    await logOut(page, journey.baseUrl);
  });

  test("une professionnelle d'une autre structure (Mission locale) qui ouvre l'adresse du dossier est refusée, en français", {
    timeout: 90_000,
  }, async () => {
    assert.ok(leaPath, "l'étape précédente n'a pas trouvé le dossier de Léa");
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, OTHER_STRUCTURE);

    // her own list does not show Léa
    await page.goto(`${journey.baseUrl}/personnes?q=Durand`);
    await expectH1(page, "Mes personnes suivies");
    await page
      .getByRole("status")
      .filter({ hasText: /trouvée/ })
      .waitFor();
    assert.equal(
      await page.getByRole("link", { name: LEA, exact: true }).count(),
      0,
      "Léa absente de la liste de la Mission locale",
    );

    await page.goto(`${journey.baseUrl}${leaPath}`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.equal(await textOf(alert.getByRole("heading")), "Accès refusé");
    assert.match(await textOf(alert), /Vous n'avez pas accès à cette information\./);
    await expectH1(page, "Dossier d'une personne");
    assert.equal(
      await page.getByRole("region", { name: "Identifiants" }).count(),
      0,
      "aucune donnée du dossier affichée",
    );
    assert.doesNotMatch(await textOf(page.getByRole("main")), /DURAND|•• •••/, "ni nom ni NIR affichés");
    await screenshot(page, "23-dossier-acces-refuse");
    await checkAccessibility(page, "/personnes/:id (accès refusé)");

    await logOut(page, journey.baseUrl);
  });

  test("Léa voit dans « Qui a consulté mon dossier » l'accès de France Travail Amiens Nord et la tentative refusée", {
    timeout: 90_000,
  }, async () => {
    const { page } = await journey.newUser();
    await logIn(page, journey.baseUrl, PERSON);
    await expectH1(page, "Mon espace");
    await page.getByRole("main").getByRole("link", { name: "Qui a consulté mon dossier" }).click();
    await expectH1(page, "Qui a consulté mon dossier");
    assert.equal(pathOf(page), "/mon-espace/journal");
    await page
      .getByRole("table", { name: "Consultations de votre dossier, de la plus récente à la plus ancienne" })
      .waitFor();

    const header = (await page.getByRole("table").getByRole("columnheader").allInnerTexts()).map((t) =>
      t.trim(),
    );
    assert.deepEqual(header, [
      "Date",
      "Organisme",
      "Rôle",
      "Partie du dossier",
      "Raison de l'accès",
      "Résultat",
    ]);

    const today = todayInParis();
    // the conseillère found Léa by a search, then opened her identity: two lines
    const byConseillere = await logRows(page, "France Travail Amiens Nord");
    assert.deepEqual(
      byConseillere.map((cells) => cells[3]).sort(),
      ["Identité", "Recherche"],
      `accès de France Travail Amiens Nord : ${JSON.stringify(byConseillere)}`,
    );
    const search = byConseillere.find((cells) => cells[3] === "Recherche")!;
    assert.deepEqual(search.slice(1), [
      "France Travail Amiens Nord",
      "Conseiller·ère référent·e",
      "Recherche",
      "Suivre son parcours d'insertion",
      "Accès autorisé",
    ]);
    const [allowedAt, ...allowedRest] = byConseillere.find((cells) => cells[3] === "Identité")!;
    assert.ok(allowedAt?.startsWith(`${today} à `), `date « ${allowedAt} » = aujourd'hui (${today})`);
    assert.deepEqual(allowedRest, [
      "France Travail Amiens Nord",
      "Conseiller·ère référent·e",
      "Identité",
      "Identifier la personne",
      "Accès autorisé",
    ]);

    const denied = await logRows(page, "Mission locale du Grand Amiénois");
    assert.equal(denied.length, 1, `une tentative de la Mission locale : ${JSON.stringify(denied)}`);
    const [deniedAt, organisation, role, ...deniedRest] = denied[0]!;
    assert.ok(deniedAt?.startsWith(`${today} à `), `date « ${deniedAt} » = aujourd'hui (${today})`);
    assert.equal(organisation, "Mission locale du Grand Amiénois");
    assert.deepEqual(role?.split(", ").sort(), [
      "Administrateur·rice de structure",
      "Conseiller·ère référent·e",
    ]);
    assert.deepEqual(deniedRest, ["Identité", "Identifier la personne", "Accès refusé"]);

    // most recent first: the refused attempt came after the conseillère's access
    const order = (await page.getByRole("table").getByRole("row").allInnerTexts()).map((t) =>
      t.includes("Mission locale du Grand Amiénois")
        ? "refus"
        : t.includes("Identité")
          ? "identité"
          : "autre",
    );
    assert.ok(order.indexOf("refus") < order.indexOf("identité"), `ordre des lignes : ${order.join(", ")}`);

    // the person's view names organisations and roles, not the professionals
    assert.doesNotMatch(await textOf(page.getByRole("table")), /Camille Lefebvre|Nadia Benali/);
    await screenshot(page, "30-qui-a-consulte-mon-dossier");
    await checkAccessibility(page, "/mon-espace/journal");

    await logOut(page, journey.baseUrl);
  });
});
