import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { nirKey } from "../../identity/nir";
import {
  identityKeyOf,
  mappingIssues,
  parseDate,
  suggestMapping,
  validateTabularRow,
} from "./tabular-import.rules";

describe("suggested mapping", () => {
  test("French and partner header names are recognised, each column once", () => {
    assert.deepEqual(
      suggestMapping([
        "N°",
        "NOM",
        "Nom d'usage",
        "Prénom(s)",
        "Né(e) le",
        "Sexe",
        "N° Sécu",
        "Identifiant Pôle emploi",
        "Mail",
        "Tél. portable",
        "Adresse",
        "CP",
        "Code INSEE",
      ]),
      {
        nomFamille: 1,
        nomUsage: 2,
        prenoms: 3,
        dateNaissance: 4,
        sexe: 5,
        nir: 6,
        numeroFranceTravail: 7,
        email: 8,
        telephone: 9,
        adresse: 10,
        codePostal: 11,
        codeCommune: 12,
      },
    );
    assert.deepEqual(suggestMapping(["Colonne A", "Colonne B"]), {});
  });

  test("mapping problems are listed in French", () => {
    assert.deepEqual(mappingIssues({ nomFamille: 0, prenoms: 0, dateNaissance: 5 }, 3), [
      "La même colonne est choisie pour « Nom de naissance » et « Prénoms ».",
      "Date de naissance : la colonne choisie n'existe pas dans le fichier.",
    ]);
  });
});

describe("row validation", () => {
  const mapping = {
    nomFamille: 0,
    prenoms: 1,
    dateNaissance: 2,
    nir: 3,
    sexe: 4,
    telephone: 5,
    codePostal: 6,
    codeCommune: 7,
  };
  const body = "2850580001001";

  test("a valid row is normalised", () => {
    const r = validateTabularRow(
      [
        "  DUPONT ",
        "Léa  Marie",
        "14/05/1985",
        `${body} ${nirKey(body)}`,
        "Femme",
        "06.12.34.56.78",
        "1000",
        "1053",
      ],
      mapping,
    );
    assert.deepEqual(r, {
      ok: true,
      value: {
        nomFamille: "DUPONT",
        prenoms: "Léa Marie",
        dateNaissance: "1985-05-14",
        nir: `${body}${nirKey(body)}`,
        sexe: "F",
        telephone: "06 12 34 56 78",
        codePostal: "01000",
        codeCommune: "01053",
      },
    });
  });

  test("every problem of a row is reported at once, in French, without repeating the NIR", () => {
    const r = validateTabularRow(
      ["", "Léa", "1985-13-01", "2850580001001 99", "X", "12", "ABCDE", "800"],
      mapping,
    );
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(
      r.reasons.map((x) => x.field),
      ["nomFamille", "dateNaissance", "sexe", "nir", "telephone", "codePostal", "codeCommune"],
    );
    const nirReason = r.reasons.find((x) => x.field === "nir")?.message ?? "";
    assert.match(nirReason, /^NIR invalide : La clé du NIR ne correspond pas/);
    assert.doesNotMatch(nirReason, /2850580001001/);
  });

  test("dates: French formats and ISO; impossible dates refused (property: every valid date round-trips)", () => {
    assert.equal(parseDate("14/05/1985"), "1985-05-14");
    assert.equal(parseDate("4.5.1985"), "1985-05-04");
    assert.equal(parseDate("14/05/85"), "1985-05-14");
    assert.equal(parseDate("1985-05-14T00:00:00.000Z"), "1985-05-14");
    assert.equal(parseDate("29/02/2023"), null);
    assert.equal(parseDate("demain"), null);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2100-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          assert.equal(parseDate(`${day}/${m}/${y}`), iso);
        },
      ),
    );
  });

  test("the identity key prefers the NIR, then the France Travail number, then names and birth date", () => {
    assert.equal(
      identityKeyOf({ nomFamille: "A", prenoms: "B", dateNaissance: "1985-05-14", nir: "285058000100142" }),
      "nir:2850580001001",
    );
    assert.equal(
      identityKeyOf({
        nomFamille: "A",
        prenoms: "B",
        dateNaissance: "1985-05-14",
        numeroFranceTravail: "1234567A",
      }),
      "ft:1234567A",
    );
    assert.equal(
      identityKeyOf({ nomFamille: "Dupont-Élie", prenoms: "Léa Marie", dateNaissance: "1985-05-14" }),
      "id:dupont elie|lea|1985-05-14",
    );
  });
});
