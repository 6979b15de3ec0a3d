import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aCompleteCriteria } from "../../../shared/orientation/orientation.builders";
import { insertPerson } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { orientationTerritory, pendingOrientation } from "../../orientation/orientation.fixtures";
import { diagnosticTeam, followedPerson, insertSubmittedRegistration } from "../diagnostic.fixtures";
import { startDiagnostic } from "./start-diagnostic";

let h: DbHandle;
let team: Awaited<ReturnType<typeof diagnosticTeam>>;
before(async () => {
  h = await testDb();
  team = await diagnosticTeam(h.db);
});
after(() => h.close());

const NOW = "2026-04-02T08:30:00Z";
const job = { codeOgr: "38566", libelle: "Agent / Agente d'entretien des locaux" };

describe("right paths", () => {
  test("the référent starts the diagnostic, pre-filled from registration (« dites-le nous une fois »)", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await followedPerson(h.db, team.referent);
    await insertSubmittedRegistration(h.db, {
      id: deps.ids.uuid(),
      personId: person.id,
      at: new Date("2026-03-20T10:00:00Z"),
      data: {
        situation: { situationLogement: "HEBERGE_FAMILLE_AMIS" },
        projet: { metiersRecherches: [job] },
        freins: {
          LOGEMENT: { declare: "OUI", impact: "FORT" },
          MOBILITE: { declare: "NON" },
          NUMERIQUE: { declare: "OUI", impact: "FAIBLE" },
        },
      },
    });

    const view = await startDiagnostic(deps, team.referent.actor, { personId: person.id });

    assert.equal(view.version, 1);
    assert.equal(view.currentNumero, null, "no version until the professional saves one");
    assert.equal(view.shown, null);
    assert.deepEqual(view.versions, []);
    assert.ok(view.prefill);
    assert.deepEqual(Object.keys(view.prefill.content.themes).sort(), ["LOGEMENT", "NUMERIQUE"]);
    assert.deepEqual(view.prefill.content.themes.LOGEMENT?.situations, ["LOGEMENT_HEBERGE_TIERS"]);
    assert.equal(view.prefill.content.themes.LOGEMENT?.impact, "FORT");
    assert.deepEqual(view.prefill.content.domaines.projetProfessionnel.metiersCibles, [job]);
    assert.equal(view.prefill.provenance["themes.LOGEMENT"], "INSCRIPTION");
    assert.deepEqual(view.actions, { canWrite: true, canSeeConfidentiel: true });

    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "section", "purpose", "actor_id as actorId", "outcome"])
      .where("person_id", "=", person.id)
      .execute();
    assert.deepEqual(audit, [
      {
        action: "diagnostic.started",
        section: "diagnostic",
        purpose: "assess",
        actorId: team.referent.id,
        outcome: "allowed",
      },
    ]);
  });

  test("the orientation criteria fill what registration did not say", async () => {
    const { deps } = testDeps(h, NOW);
    const territory = await orientationTerritory(h.db, "02");
    const { person } = await pendingOrientation(h.db, deps, {
      departement: "02",
      followedBy: territory.ft,
      criteria: aCompleteCriteria({
        contrainte_financiere: "IMPACT_FORT_RECHERCHE_EMPLOI",
        contrainte_familiale: "GARDE_ENFANT",
      }),
    });

    const view = await startDiagnostic(deps, territory.conseillerFt.actor, { personId: person.id });

    assert.equal(view.prefill?.content.themes.DIFFICULTES_FINANCIERES?.impact, "FORT");
    assert.deepEqual(view.prefill?.content.themes.CONTRAINTES_FAMILIALES?.situations, [
      "FAMILLE_GARDE_ENFANT",
    ]);
    assert.equal(view.prefill?.provenance["themes.DIFFICULTES_FINANCIERES"], "CRITERES_ORIENTATION");
    assert.equal(view.actions.canSeeConfidentiel, false, "a structure-level follow-up is not a référent");
  });
});

describe("wrong paths", () => {
  test("a second start is refused (409): one diagnostic per person", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await followedPerson(h.db, team.referent);
    const first = await startDiagnostic(deps, team.referent.actor, { personId: person.id });
    await assert.rejects(startDiagnostic(deps, team.colleague.actor, { personId: person.id }), {
      code: "diagnostic.already_started",
      status: 409,
      details: { diagnosticId: first.id },
    });
  });

  test("a professional of a structure that does not follow the person cannot start it; the denial is audited", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await followedPerson(h.db, team.referent);
    await assert.rejects(startDiagnostic(deps, team.outsider.actor, { personId: person.id }), {
      code: "access.forbidden",
      status: 403,
    });
    const rows = await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome", "actor_id as actorId"])
      .where("person_id", "=", person.id)
      .execute();
    assert.deepEqual(rows, [{ action: "diagnostic.start", outcome: "denied", actorId: team.outsider.id }]);
    const stored = await h.db
      .selectFrom("diagnostics")
      .select("id")
      .where("person_id", "=", person.id)
      .execute();
    assert.equal(stored.length, 0);
  });

  test("the person cannot start their own diagnostic, and an unknown person is a 404", async () => {
    const { deps } = testDeps(h, NOW);
    const person = await insertPerson(h.db);
    await assert.rejects(startDiagnostic(deps, person.actor, { personId: person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(
      startDiagnostic(deps, team.referent.actor, { personId: "0e000000-0000-4000-8000-00000000ffff" }),
      { code: "diagnostic.person_not_found", status: 404 },
    );
  });
});
