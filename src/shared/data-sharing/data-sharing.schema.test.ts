// The liste minimale's row check: a written row reads back the same, and each fault has its French reason.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  formatListeMinimaleRow,
  type ListeMinimaleRow,
  monthEnd,
  parseListeMinimaleRow,
} from "./data-sharing.schema";

const row: ListeMinimaleRow = {
  versionSchema: "1.0.0",
  codeTerritoire: "33",
  moisReference: "2026-11",
  idParcours: "PARC-1",
  idPersonne: "PERS-1",
  idFranceTravail: "1234567A",
  idRsa: "CAF-331-7654321-CJT",
  codeCommune: "33063",
  dateOuvertureDroitsRsa: "2026-09-28",
  dateNotificationDepartement: "2026-10-01",
  dateEntreeDispositif: "2026-10-02",
  nouvelEntrant: true,
  dateRdvOrientation: "2026-10-08",
  presenceRdvOrientation: "present",
  freinsReperes: [
    { type: "LOGEMENT", impact: "FAIBLE" },
    { type: "MOBILITE", impact: "FORT" },
  ],
  dateDiagnostic: "2026-10-20",
  dateOrientation: "2026-10-09",
  typeParcours: "SOCIAL",
  organismeReferent: "CD",
  orientations: [
    { debut: "2026-10-09", type: "PRO", organisme: "FT", fin: "2026-11-03" },
    { debut: "2026-11-03", type: "SOCIAL", organisme: "CD", fin: null },
  ],
  periodesReferent: [{ debut: "2026-10-12", fin: null }],
  rdvAccompagnement: [{ date: "2026-10-15", presence: "absent", motif: "PREMIER_RDV" }],
  prestations: [
    {
      debut: "2026-11-02",
      fin: "2026-11-06",
      heures: 4.5,
      codeActivite: "ATELIER_CV",
      modalite: "collectif",
    },
  ],
  contratsEngagement: [
    { numero: 1, signature: "2026-10-30", heures: 15, debutProgramme: "2026-11-02", cloture: null },
  ],
  dateSortie: null,
  motifSortie: null,
};

describe("right paths", () => {
  test("a row written then read gives the same row", () => {
    const cells = formatListeMinimaleRow(row);
    assert.equal(cells.orientations, "2026-10-09:PRO:FT:2026-11-03|2026-11-03:SOCIAL:CD");
    assert.equal(cells.prestations, "2026-11-02:2026-11-06:4.5:ATELIER_CV:collectif");
    assert.deepEqual(parseListeMinimaleRow(cells, "33"), { ok: true, value: row });
  });

  test("one orientation given by its columns only becomes the history; decimal comma accepted", () => {
    const cells = {
      ...formatListeMinimaleRow(row),
      orientations: "",
      type_parcours: "PRO",
      organisme_referent: "FT",
      contrats_engagement: "1:2026-10-30:12,5",
    };
    const r = parseListeMinimaleRow(cells, "33");
    assert.ok(r.ok);
    assert.deepEqual(r.value.orientations, [
      { debut: "2026-10-09", type: "PRO", organisme: "FT", fin: null },
    ]);
    assert.equal(r.value.contratsEngagement[0]!.heures, 12.5);
  });

  test("the end of a month", () => {
    assert.equal(monthEnd("2024-02"), "2024-02-29");
    assert.equal(monthEnd("2026-12"), "2026-12-31");
  });
});

describe("wrong paths", () => {
  const reasons = (over: Record<string, string>, departement = "33") => {
    const r = parseListeMinimaleRow({ ...formatListeMinimaleRow(row), ...over }, departement);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.reasons.map((x) => `${x.colonne} : ${x.message}`);
  };

  test("malformed cells, one French reason per column", () => {
    assert.deepEqual(reasons({ id_france_travail: "12", date_sortie: "31/12/2026" }), [
      "id_france_travail : Identifiant France Travail attendu : 7 chiffres et 1 caractère, ou 11 chiffres.",
      "date_sortie : Date attendue au format AAAA-MM-JJ (ex. 2026-11-03).",
    ]);
    assert.deepEqual(reasons({ rdv_accompagnement: "2026-10-15:venu" }), [
      "rdv_accompagnement : Élément 1 (« 2026-10-15:venu ») : Présence : valeur attendue parmi present, absent, excuse. Exemple : 2026-01-12:present:PREMIER_RDV|2026-02-02:absent:SUIVI.",
    ]);
    assert.deepEqual(reasons({ orientations: "2026-10-09:PRO:FT:2026-10-01" }), [
      "orientations : Élément 1 (« 2026-10-09:PRO:FT:2026-10-01 ») : la fin précède le début. Exemple : 2026-01-05:PRO:FT|2026-06-01:SOCIAL:CD.",
    ]);
  });

  test("inconsistent rows", () => {
    assert.deepEqual(reasons({}, "80"), [
      "code_territoire : La ligne concerne le territoire 33, pas le département 80 pour lequel le fichier est importé.",
    ]);
    assert.deepEqual(reasons({ type_parcours: "PRO" }), [
      "type_parcours : Le type de parcours et l'organisme référent doivent être ceux de la dernière orientation de l'historique.",
    ]);
    assert.deepEqual(reasons({ presence_rdv_orientation: "" }), [
      "presence_rdv_orientation : Indiquez la présence au rendez-vous d'orientation (present, absent ou excuse).",
    ]);
    assert.deepEqual(reasons({ date_diagnostic: "2026-12-01" }), [
      "date_diagnostic : Date postérieure au mois de référence 2026-11 : le fichier décrit les faits connus à la fin du mois.",
    ]);
  });
});
