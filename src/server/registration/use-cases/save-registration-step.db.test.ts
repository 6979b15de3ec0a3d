import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { anIdentite, aSituation } from "../../../shared/registration/registration.builders";
import { aNir, insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { getRegistration } from "./get-registration";
import { saveRegistrationStep } from "./save-registration-step";
import { startRegistration } from "./start-registration";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

describe("right paths", () => {
  test("a draft is saved step by step and resumed where it was left, with its version", async () => {
    const { deps } = testDeps(h, "2026-03-02T09:00:00Z");
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const draft = await startRegistration(deps, pro.actor, { canal: "GUICHET" });
    assert.equal(draft.status, "BROUILLON");
    assert.equal(draft.canal, "GUICHET");
    assert.equal(draft.personId, null);
    assert.equal(draft.lastStep, "identite");
    assert.deepEqual(draft.prefill, {});

    const nir = aNir(501);
    const saved = await saveRegistrationStep(deps, pro.actor, {
      registrationId: draft.id,
      version: draft.version,
      step: "identite",
      data: anIdentite({ nir }),
    });
    assert.equal(saved.version, draft.version + 1);
    assert.equal(saved.lastStep, "situation");
    assert.equal(saved.data.identite?.nomFamille, "TESTINSCRIT");
    // the NIR is kept encrypted, never in the draft's data nor sent back in clear
    assert.equal(saved.data.identite?.nir, undefined);
    assert.match(saved.nirMasked ?? "", /••/);
    const row = await h.db
      .selectFrom("registrations")
      .select(["data", "nir_cipher", "departement"])
      .where("id", "=", draft.id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(row.data), new RegExp(nir.slice(0, 13)));
    assert.notEqual(row.nir_cipher, null);
    assert.equal(row.departement, "80");

    // resumed later: same draft, same data, the step reached
    const resumed = await getRegistration(deps, pro.actor, { registrationId: draft.id });
    assert.equal(resumed.lastStep, "situation");
    assert.equal(resumed.version, saved.version);
    assert.deepEqual(resumed.data.identite?.prenoms, ["Camille"]);
    assert.ok(resumed.missing.some((m) => m.path === "situation.situationLogement"));
    const actions = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where(sql<boolean>`details @> ${JSON.stringify({ registrationId: draft.id })}::jsonb`)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ["registration.started", "registration.step_saved", "registration.read"],
    );
  });

  test("a person starting twice resumes the same draft; what Socle knows is pre-filled with its source, confirmed or corrected", async () => {
    const { deps } = testDeps(h, "2026-03-02T09:00:00Z");
    const person = await insertPerson(h.db, {
      birthName: "PREREMPLIE",
      firstNames: "Inès",
      birthDate: "1988-07-01",
      email: "ines.preremplie@exemple.fr",
    });
    const first = await startRegistration(deps, person.actor, {});
    const again = await startRegistration(deps, person.actor, {});
    assert.equal(again.id, first.id);
    assert.equal(first.canal, "EN_LIGNE");
    assert.equal(first.data.identite?.nomFamille, "PREREMPLIE");
    assert.equal(first.prefill["identite.nomFamille"]?.source, "DOSSIER_SOCLE");
    assert.equal(first.prefill["identite.nomFamille"]?.sourceLabel, "Votre dossier dans Socle");
    assert.equal(first.prefill["identite.dateNaissance"]?.valeur, "01/07/1988");
    assert.ok(first.prefill["identite.nir"], "the NIR on file is pre-filled (masked)");
    assert.ok(
      first.missing.some(
        (m) => m.path === "identite.nomFamille" && /confirmez-la ou corrigez-la/.test(m.message),
      ),
    );

    const saved = await saveRegistrationStep(deps, person.actor, {
      registrationId: first.id,
      version: first.version,
      step: "identite",
      data: { ...anIdentite(), ...first.data.identite, contact: { email: "ines.nouvelle@exemple.fr" } },
      confirme: Object.keys(first.prefill).filter((p) => p.startsWith("identite.")),
    });
    assert.equal(saved.confirmations["identite.nomFamille"]?.etat, "CONFIRME");
    assert.equal(saved.confirmations["identite.nomFamille"]?.canal, "EN_LIGNE");
    assert.equal(saved.confirmations["identite.nomFamille"]?.par, "personne");
    assert.equal(saved.confirmations["identite.nir"]?.etat, "CONFIRME");
    // a changed value is a correction, even when « confirmed »
    assert.equal(saved.confirmations["identite.contact.email"]?.etat, "CORRIGE");
    assert.ok(!saved.missing.some((m) => m.path.startsWith("identite.") && /pré-remplie/.test(m.message)));
  });
});

describe("wrong paths", () => {
  test("a stale version is refused with 409 and a French message; nothing is overwritten", async () => {
    const { deps } = testDeps(h);
    const person = await insertPerson(h.db, { nir: null });
    const draft = await startRegistration(deps, person.actor, {});
    const tab1 = await saveRegistrationStep(deps, person.actor, {
      registrationId: draft.id,
      version: draft.version,
      step: "situation",
      data: aSituation({ situationLogement: "LOCATAIRE" }),
    });
    await assert.rejects(
      saveRegistrationStep(deps, person.actor, {
        registrationId: draft.id,
        version: draft.version,
        step: "situation",
        data: aSituation({ situationLogement: "SANS_LOGEMENT" }),
      }),
      (e: { code: string; status: number; message: string; details: { currentVersion: number } }) => {
        assert.equal(e.code, "registration.version_conflict");
        assert.equal(e.status, 409);
        assert.match(e.message, /modifiée entre-temps/);
        assert.equal(e.details.currentVersion, tab1.version);
        return true;
      },
    );
    const now = await getRegistration(deps, person.actor, { registrationId: draft.id });
    assert.equal(now.data.situation?.situationLogement, "LOCATAIRE");
  });

  test("invalid values are refused field by field in French; another person's draft is out of reach", async () => {
    const { deps } = testDeps(h);
    const person = await insertPerson(h.db);
    const other = await insertPerson(h.db);
    const draft = await startRegistration(deps, person.actor, {});
    await assert.rejects(
      saveRegistrationStep(deps, person.actor, {
        registrationId: draft.id,
        version: draft.version,
        step: "identite",
        data: { nir: "2850580001001", contact: { telephone: "12" }, adresse: { codePostal: "8000" } },
      }),
      (e: { code: string; issues: { path: string; message: string }[] }) => {
        assert.equal(e.code, "validation.invalid");
        const byPath = Object.fromEntries(e.issues.map((i) => [i.path, i.message]));
        assert.match(byPath["data.nir"] ?? "", /15 caractères/);
        assert.match(byPath["data.contact.telephone"] ?? "", /Numéro de téléphone invalide/);
        assert.match(byPath["data.adresse.codePostal"] ?? "", /Code postal invalide/);
        return true;
      },
    );
    await assert.rejects(getRegistration(deps, other.actor, { registrationId: draft.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(startRegistration(deps, person.actor, { canal: "GUICHET" }), {
      code: "registration.channel_not_allowed",
    });
    await assert.rejects(startRegistration(deps, person.actor, { personId: other.id }), {
      code: "access.forbidden",
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("actor_id", "=", other.id)
      .execute();
    assert.deepEqual(denied, [{ action: "registration.read", outcome: "denied" }]);
    const deniedStart = await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("actor_id", "=", person.id)
      .where("outcome", "=", "denied")
      .execute();
    assert.deepEqual(deniedStart, [{ action: "registration.start", outcome: "denied" }]);
  });

  test("a professional cannot start a registration for a person whose file they cannot read", async () => {
    const { deps } = testDeps(h);
    const pro = await insertProfessional(h.db);
    const stranger = await insertPerson(h.db, { followedBy: await insertStructure(h.db) });
    await assert.rejects(startRegistration(deps, pro.actor, { personId: stranger.id, canal: "CONSEILLER" }), {
      code: "access.forbidden",
    });
  });
});
