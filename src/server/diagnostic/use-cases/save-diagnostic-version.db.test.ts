import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { DiagnosticContentInput } from "../../../shared/diagnostic/diagnostic.schema";
import { testDb, testEngine } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { diagnosticTeam, followedPerson } from "../diagnostic.fixtures";
import { getDiagnostic } from "./get-diagnostic";
import { saveDiagnosticVersion } from "./save-diagnostic-version";
import { startDiagnostic } from "./start-diagnostic";

let h: DbHandle;
let team: Awaited<ReturnType<typeof diagnosticTeam>>;
before(async () => {
  h = await testDb();
  team = await diagnosticTeam(h.db);
});
after(() => h.close());

const NOW = "2026-04-02T08:30:00Z";
const content: DiagnosticContentInput = {
  domaines: {
    projetProfessionnel: {
      maturite: "A_PRECISER",
      metiersCibles: [{ codeOgr: "38566", libelle: "Agent / Agente d'entretien des locaux" }],
    },
  },
  themes: {
    LOGEMENT: {
      situations: ["LOGEMENT_HEBERGE_TIERS"],
      besoins: ["LOGEMENT_ACCES_SOCIAL"],
      impact: "FORT",
      statut: "EN_COURS",
      echeance: "2026-07-31",
      commentaireProfessionnel: "Demande de logement social déposée en mars.",
    },
    SANTE: { situations: ["SANTE_SANS_SUIVI"], impact: "FAIBLE" },
  },
  avisProfessionnel: "Motivée, projet à préciser.",
  avisPersonne: "Je veux d'abord un logement.",
};
const SECRET = "Suivi en addictologie au CSAPA d'Amiens";

async function started() {
  const { deps, clock } = testDeps(h, NOW);
  const person = await followedPerson(h.db, team.referent);
  const view = await startDiagnostic(deps, team.referent.actor, { personId: person.id });
  return { deps, clock, person, view };
}

describe("right paths", () => {
  test("each save is a new version, kept with its author, structure and date; any version stays readable", async () => {
    const { deps, clock, person } = await started();
    const v1 = await saveDiagnosticVersion(deps, team.referent.actor, {
      personId: person.id,
      version: 1,
      content,
      confidentiel: { addictions: SECRET },
    });
    assert.equal(v1.currentNumero, 1);
    assert.equal(v1.version, 2);
    assert.equal(v1.prefill, null, "no pre-fill once a version exists");
    assert.equal(v1.shown?.content.themes.LOGEMENT?.statut, "EN_COURS");
    assert.equal(v1.shown?.confidentiel?.addictions, SECRET);

    clock.set("2026-05-02T08:30:00Z");
    const v2 = await saveDiagnosticVersion(deps, team.colleague.actor, {
      personId: person.id,
      version: v1.version,
      format: "COLLECTIF",
      content: { ...content, themes: { LOGEMENT: { ...content.themes?.LOGEMENT, statut: "LEVE" } } },
    });

    assert.equal(v2.currentNumero, 2);
    assert.deepEqual(
      v2.versions.map((v) => [v.numero, v.createdAt, v.format, v.author?.name, v.structure?.name]),
      [
        [2, "2026-05-02T08:30:00.000Z", "COLLECTIF", "Dominique Collègue", "France Travail Amiens"],
        [1, "2026-04-02T08:30:00.000Z", "INDIVIDUEL", "Camille Référente", "France Travail Amiens"],
      ],
    );
    const first = await getDiagnostic(deps, team.referent.actor, { personId: person.id, numero: 1 });
    assert.equal(first.shown?.numero, 1);
    assert.equal(first.shown?.content.themes.LOGEMENT?.statut, "EN_COURS");
    assert.ok(first.shown?.content.themes.SANTE);

    const current = await getDiagnostic(deps, team.referent.actor, { personId: person.id });
    assert.equal(current.shown?.numero, 2);
    assert.equal(current.shown?.content.themes.LOGEMENT?.statut, "LEVE");
    assert.equal(
      current.shown?.confidentiel?.addictions,
      SECRET,
      "a colleague's save carries the restricted compartment over untouched",
    );

    const rows = await h.db
      .selectFrom("diagnostic_versions")
      .select(["numero", "author_id as authorId"])
      .where("diagnostic_id", "=", v2.id)
      .orderBy("numero")
      .execute();
    assert.deepEqual(rows, [
      { numero: 1, authorId: team.referent.id },
      { numero: 2, authorId: team.colleague.id },
    ]);
    const audit = await h.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("person_id", "=", person.id)
      .where("action", "=", "diagnostic.version_saved")
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.details),
      [
        { diagnosticId: v2.id, numero: 1, themes: ["LOGEMENT", "SANTE"], confidentielModifie: true },
        { diagnosticId: v2.id, numero: 2, themes: ["LOGEMENT"], confidentielModifie: false },
      ],
    );
    assert.doesNotMatch(JSON.stringify(audit), /CSAPA|logement social/, "the audit never holds content");
  });

  test("versions can be neither changed nor deleted in the database", async () => {
    const { deps, person } = await started();
    const v1 = await saveDiagnosticVersion(deps, team.referent.actor, {
      personId: person.id,
      version: 1,
      content,
    });
    await assert.rejects(
      h.db
        .updateTable("diagnostic_versions")
        .set({ format: "COLLECTIF" })
        .where("diagnostic_id", "=", v1.id)
        .execute(),
      /append-only/,
    );
    await assert.rejects(
      h.db.deleteFrom("diagnostic_versions").where("diagnostic_id", "=", v1.id).execute(),
      /append-only/,
    );
  });
});

describe("wrong paths", () => {
  test("a save from a stale screen is refused (409) with a clear message, and writes nothing", async () => {
    const { deps, person } = await started();
    // both professionals opened the diagnostic at version 1
    await saveDiagnosticVersion(deps, team.referent.actor, { personId: person.id, version: 1, content });
    await assert.rejects(
      saveDiagnosticVersion(deps, team.colleague.actor, { personId: person.id, version: 1, content: {} }),
      {
        code: "diagnostic.version_conflict",
        status: 409,
        message:
          "Ce diagnostic a été modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page pour voir la dernière version.",
      },
    );
    const view = await getDiagnostic(deps, team.referent.actor, { personId: person.id });
    assert.deepEqual(
      view.versions.map((v) => v.author?.id),
      [team.referent.id],
    );
  });

  test("two saves at the same instant: exactly one wins (PostgreSQL only: PGlite has one connection)", {
    skip: testEngine() !== "postgres",
  }, async () => {
    const { deps, person } = await started();
    const results = await Promise.allSettled([
      saveDiagnosticVersion(deps, team.referent.actor, { personId: person.id, version: 1, content }),
      saveDiagnosticVersion(deps, team.colleague.actor, { personId: person.id, version: 1, content }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    assert.equal((rejected?.reason as { code?: string } | undefined)?.code, "diagnostic.version_conflict");
  });

  test("a colleague who is not a référent cannot write the restricted compartment (403, audited)", async () => {
    const { deps, person } = await started();
    await assert.rejects(
      saveDiagnosticVersion(deps, team.colleague.actor, {
        personId: person.id,
        version: 1,
        content,
        confidentiel: { sante: "Diabète" },
      }),
      { code: "access.forbidden", details: { action: "diagnostic.write_confidential" } },
    );
    const denied = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(denied, [{ action: "diagnostic.write_confidential" }]);
  });

  test("a professional who does not follow the person cannot save; nor can a diagnostic not started", async () => {
    const { deps, person } = await started();
    await assert.rejects(
      saveDiagnosticVersion(deps, team.outsider.actor, { personId: person.id, version: 1, content }),
      { code: "access.forbidden", status: 403 },
    );
    const other = await followedPerson(h.db, team.referent);
    await assert.rejects(
      saveDiagnosticVersion(deps, team.referent.actor, { personId: other.id, version: 1, content }),
      { code: "diagnostic.not_started", status: 404 },
    );
  });

  test("a situation that does not belong to its theme is refused (400)", async () => {
    const { deps, person } = await started();
    await assert.rejects(
      saveDiagnosticVersion(deps, team.referent.actor, {
        personId: person.id,
        version: 1,
        content: { themes: { MOBILITE: { situations: ["LOGEMENT_SANS_LOGEMENT"] } } },
      }),
      { code: "validation.invalid", status: 400 },
    );
  });
});
