import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  addMonths,
  decideNewEntrant,
  lapsedFollowUpExitReason,
  lastedMoreThan,
  type NewEntrantFacts,
  newEntrantReasonLabels,
} from "./new-entrant";

const DTREF = "2026-02-28";
const base: NewEntrantFacts = {
  dateReference: DTREF,
  etatDossier: "2",
  soumisCeMois: true,
  soumisMoisPrecedent: false,
  entrantSelonFlux: null,
  demandeRsaDate: "2019-05-02",
  suspensionPrecedente: null,
  suivi: { parcours: null, veilleDepuis: null, referentActif: false },
};
const facts = (
  over: Partial<Omit<NewEntrantFacts, "suivi">> & { suivi?: Partial<NewEntrantFacts["suivi"]> },
): NewEntrantFacts => ({
  ...base,
  ...over,
  suivi: { ...base.suivi, ...over.suivi },
});

describe("included (pilotage.md IND-V2-01)", () => {
  const cases: [string, NewEntrantFacts, string][] = [
    [
      "first-time applicant, Socle holding last month's flow",
      facts({ demandeRsaDate: "2026-02-03" }),
      "PREMIERE_DEMANDE",
    ],
    [
      "first-time applicant, last month unknown, request this month",
      facts({ soumisMoisPrecedent: null, demandeRsaDate: "2026-02-03" }),
      "PREMIERE_DEMANDE",
    ],
    [
      "last month unknown, CNAF's entrant flag set",
      facts({ soumisMoisPrecedent: null, entrantSelonFlux: true }),
      "NOUVELLEMENT_SOUMIS",
    ],
    ["struck off earlier, back and subject (old pathway closed)", facts({}), "NOUVELLEMENT_SOUMIS"],
    [
      "just moved into the département (absent from last month's flow here)",
      facts({}),
      "NOUVELLEMENT_SOUMIS",
    ],
    ["joined an RSA household and became subject", facts({ demandeRsaDate: null }), "NOUVELLEMENT_SOUMIS"],
    ["fell below the €500 threshold", facts({}), "NOUVELLEMENT_SOUMIS"],
    [
      "suspended more than 12 months, subject again",
      facts({ suspensionPrecedente: { depuis: "2024-12-01" } }),
      "RETOUR_APRES_SUSPENSION_LONGUE",
    ],
    [
      "suspended more than 12 months, the old follow-up never closed",
      facts({
        suspensionPrecedente: { depuis: "2024-12-01" },
        suivi: { parcours: "ACTIF", referentActif: true },
      }),
      "RETOUR_APRES_SUSPENSION_LONGUE",
    ],
    [
      "support on hold for more than 12 months",
      facts({ suivi: { parcours: "EN_VEILLE", veilleDepuis: "2024-12-01", referentActif: true } }),
      "RETOUR_APRES_VEILLE_LONGUE",
    ],
  ];
  for (const [name, f, motif] of cases) {
    test(name, () => assert.deepEqual(decideNewEntrant(f), { nouvelEntrant: true, motif }));
  }
});

describe("excluded", () => {
  const cases: [string, NewEntrantFacts, string][] = [
    ["not subject (activity income above €500)", facts({ soumisCeMois: false }), "NON_SOUMIS"],
    ["right not payable (versement suspendu)", facts({ etatDossier: "4" }), "DROIT_NON_VERSABLE"],
    ["right closed", facts({ etatDossier: "5" }), "DROIT_NON_VERSABLE"],
    ["unknown state code", facts({ etatDossier: "9" }), "DROIT_NON_VERSABLE"],
    ["already subject last month", facts({ soumisMoisPrecedent: true }), "DEJA_SOUMIS_LE_MOIS_PRECEDENT"],
    [
      "flag flipping with variable earnings: support on hold, not closed",
      facts({ suivi: { parcours: "EN_VEILLE", veilleDepuis: "2025-11-01" } }),
      "SUIVI_EN_COURS",
    ],
    [
      "suspended less than 12 months",
      facts({ suspensionPrecedente: { depuis: "2025-06-01" } }),
      "RETOUR_APRES_SUSPENSION_COURTE",
    ],
    [
      "suspended exactly 12 months (boundary not « more than »)",
      facts({ suspensionPrecedente: { depuis: "2025-02-28" } }),
      "RETOUR_APRES_SUSPENSION_COURTE",
    ],
    [
      "suspended, start date unknown",
      facts({ suspensionPrecedente: { depuis: null } }),
      "RETOUR_APRES_SUSPENSION_COURTE",
    ],
    ["a référent is designated", facts({ suivi: { referentActif: true } }), "SUIVI_EN_COURS"],
    ["oriented, pathway active", facts({ suivi: { parcours: "ACTIF" } }), "SUIVI_EN_COURS"],
    [
      "pathway already opened, orientation pending",
      facts({ suivi: { parcours: "A_ORIENTER" } }),
      "PARCOURS_DEJA_OUVERT",
    ],
    ["last month unknown, old request, no flag", facts({ soumisMoisPrecedent: null }), "HISTORIQUE_INCONNU"],
    [
      "last month unknown, CNAF says not entering",
      facts({ soumisMoisPrecedent: null, entrantSelonFlux: false, demandeRsaDate: "2026-02-03" }),
      "HISTORIQUE_INCONNU",
    ],
  ];
  for (const [name, f, motif] of cases) {
    test(name, () => assert.deepEqual(decideNewEntrant(f), { nouvelEntrant: false, motif }));
  }
  test("the boundary is a parameter", () => {
    const f = facts({ suspensionPrecedente: { depuis: "2025-06-01" } });
    assert.equal(decideNewEntrant(f, { suspensionMaxMois: 6 }).nouvelEntrant, true);
    assert.equal(decideNewEntrant(f, { suspensionMaxMois: 12 }).nouvelEntrant, false);
  });
});

describe("every combination of facts", () => {
  const etats = ["0", "1", "2", "3", "4", "5", "6", "9"];
  const bools = [true, false];
  const tri = [true, false, null];
  const demandes = ["2026-02-10", "2026-01-05", "2025-12-31", "2018-01-01", null];
  const suspensions = [
    null,
    { depuis: null },
    { depuis: "2025-09-01" },
    { depuis: "2025-02-28" },
    { depuis: "2025-02-27" },
    { depuis: "2020-01-01" },
  ];
  const parcours = [null, "A_ORIENTER", "ACTIF", "EN_VEILLE"] as const;
  const veilles = [null, "2025-12-01", "2024-01-15"];
  const all: NewEntrantFacts[] = [];
  for (const etatDossier of etats)
    for (const soumisCeMois of bools)
      for (const soumisMoisPrecedent of tri)
        for (const entrantSelonFlux of tri)
          for (const demandeRsaDate of demandes)
            for (const suspensionPrecedente of suspensions)
              for (const p of parcours)
                for (const veilleDepuis of veilles)
                  for (const referentActif of bools)
                    all.push({
                      dateReference: DTREF,
                      etatDossier,
                      soumisCeMois,
                      soumisMoisPrecedent,
                      entrantSelonFlux,
                      demandeRsaDate,
                      suspensionPrecedente,
                      suivi: {
                        parcours: p,
                        veilleDepuis: p === "EN_VEILLE" ? veilleDepuis : null,
                        referentActif,
                      },
                    });

  test("criteria (1) and (2) are necessary, a pathway awaiting orientation is never opened twice", () => {
    assert.ok(all.length > 50_000);
    let yes = 0;
    for (const f of all) {
      const d = decideNewEntrant(f);
      if (!d.nouvelEntrant) continue;
      yes++;
      assert.equal(f.etatDossier, "2");
      assert.equal(f.soumisCeMois, true);
      assert.notEqual(f.suivi.parcours, "A_ORIENTER");
      assert.notEqual(f.soumisMoisPrecedent === true && !f.suspensionPrecedente, true);
    }
    assert.ok(yes > 0);
  });

  test("a follow-up in progress excludes, unless the suspension or the hold lasted more than 12 months", () => {
    for (const f of all) {
      const d = decideNewEntrant(f);
      if (!d.nouvelEntrant) continue;
      const longSuspension = f.suspensionPrecedente?.depuis
        ? lastedMoreThan(f.suspensionPrecedente.depuis, DTREF, 12)
        : false;
      const longHold = f.suivi.veilleDepuis ? lastedMoreThan(f.suivi.veilleDepuis, DTREF, 12) : false;
      if (f.suivi.parcours === "EN_VEILLE") assert.ok(longHold, JSON.stringify(f));
      else if (f.suivi.parcours === "ACTIF" || f.suivi.referentActif)
        assert.ok(longSuspension, JSON.stringify(f));
    }
  });

  test("a new entrant whose pathway is still open (ACTIF or EN_VEILLE) always has it closed, with its reason", () => {
    let reentries = 0;
    for (const f of all) {
      const d = decideNewEntrant(f);
      if (!d.nouvelEntrant) continue;
      const reason = lapsedFollowUpExitReason(d.motif);
      if (f.suivi.parcours === "ACTIF" || f.suivi.parcours === "EN_VEILLE") {
        reentries++;
        assert.equal(
          reason,
          d.motif === "RETOUR_APRES_SUSPENSION_LONGUE" ? "SUSPENSION_LONGUE" : "VEILLE_LONGUE",
          JSON.stringify(f),
        );
      } else if (d.motif !== "RETOUR_APRES_SUSPENSION_LONGUE") assert.equal(reason, null);
    }
    assert.ok(reentries > 0);
  });

  test("a suspension of 12 months or less always excludes; every decision has a French label", () => {
    for (const f of all) {
      const d = decideNewEntrant(f);
      assert.ok(newEntrantReasonLabels[d.motif]);
      const s = f.suspensionPrecedente;
      if (
        s &&
        (!s.depuis || !lastedMoreThan(s.depuis, DTREF, 12)) &&
        f.etatDossier === "2" &&
        f.soumisCeMois &&
        f.suivi.parcours !== "A_ORIENTER"
      ) {
        assert.deepEqual(d, { nouvelEntrant: false, motif: "RETOUR_APRES_SUSPENSION_COURTE" });
      }
    }
  });
});

describe("month arithmetic", () => {
  test("addMonths clamps to the end of the month", () => {
    assert.equal(addMonths("2025-01-31", 1), "2025-02-28");
    assert.equal(addMonths("2024-01-31", 1), "2024-02-29");
    assert.equal(addMonths("2025-02-28", 12), "2026-02-28");
    assert.equal(addMonths("2026-03-15", -3), "2025-12-15");
  });
  test("lastedMoreThan is strict and monotonic in the end date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 1, max: 24 }),
        (d, days, n) => {
          const since = d.toISOString().slice(0, 10);
          const at = new Date(Date.parse(`${since}T00:00:00Z`) + days * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const later = new Date(Date.parse(`${at}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
          assert.equal(lastedMoreThan(since, addMonths(since, n), n), false);
          if (lastedMoreThan(since, at, n)) assert.equal(lastedMoreThan(since, later, n), true);
        },
      ),
    );
  });
});
