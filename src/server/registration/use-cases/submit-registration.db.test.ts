import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { aNir, insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { mergePersons } from "../../persons/use-cases/merge-persons";
import { checkRegistrationDuplicates } from "./check-registration-duplicates";
import { getDuplicateReview } from "./get-duplicate-review";
import { fillRegistration } from "./registration.fixture";
import { resolveDuplicateReview } from "./resolve-duplicate-review";
import { startRegistration } from "./start-registration";
import { submitRegistration } from "./submit-registration";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const countPersons = async (birthName: string) =>
  Number(
    (
      await h.db
        .selectFrom("persons")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("birth_name", "=", birthName)
        .executeTakeFirstOrThrow()
    ).n,
  );
const openItems = (personId: string) =>
  h.db
    .selectFrom("work_items")
    .select([
      "type",
      "subject_id as subjectId",
      "status",
      "structure_id as structureId",
      "due_date as dueDate",
    ])
    .where("person_id", "=", personId)
    .orderBy("type")
    .execute();

describe("right paths", () => {
  test("at a counter, a new person's file is created and their pathway opens with T0 = submission date", async () => {
    const { deps } = testDeps(h, "2026-03-02T22:30:00Z"); // 23:30 in Paris: still 2 March
    const s = await insertStructure(h.db, { kind: "mission_locale" });
    const pro = await insertProfessional(h.db, { structure: s });
    const nir = aNir(601);
    const draft = await startRegistration(deps, pro.actor, { canal: "CONSEILLER" });
    const filled = await fillRegistration(deps, pro.actor, draft, {
      identite: { nomFamille: "NOUVELLEPERSONNE", nir },
    });
    assert.deepEqual(filled.missing, []);

    const r = await submitRegistration(deps, pro.actor, {
      registrationId: draft.id,
      version: filled.version,
    });
    assert.equal(r.outcome, "DOSSIER_CREE");
    assert.equal(r.parcoursOuvert, true);
    assert.equal(r.registration.status, "SOUMISE");
    assert.equal(r.registration.personId, r.personId);

    const person = await h.db
      .selectFrom("persons")
      .selectAll()
      .where("id", "=", r.personId)
      .executeTakeFirstOrThrow();
    assert.equal(person.birth_name, "NOUVELLEPERSONNE");
    assert.equal(person.first_names, "Camille");
    assert.equal(person.commune_code, "80021");
    assert.equal(person.departement, "80");
    assert.equal(person.nir_index, deps.secrets.nirIndex(nir.slice(0, 13)));
    assert.equal(deps.secrets.decryptNir(person.nir_cipher ?? ""), nir);
    const follow = await h.db
      .selectFrom("follow_ups")
      .select(["structure_id", "professional_id", "role"])
      .where("person_id", "=", r.personId)
      .execute();
    assert.deepEqual(follow, [{ structure_id: s.id, professional_id: pro.id, role: "membre" }]);

    const parcours = await h.db
      .selectFrom("parcours")
      .select(["t0_date", "origine", "statut_suivi"])
      .where("person_id", "=", r.personId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(parcours, {
      t0_date: "2026-03-02",
      origine: "INSCRIPTION_CONSEILLER_CD",
      statut_suivi: "A_ORIENTER",
    });
    const orientation = await h.db
      .selectFrom("orientations")
      .select(["origine", "criteria"])
      .where("person_id", "=", r.personId)
      .executeTakeFirstOrThrow();
    assert.equal(orientation.origine, "INSCRIPTION_CONSEILLER_CD");
    const criteria = orientation.criteria as Record<string, unknown>;
    assert.equal(criteria.date_naissance, "1985-05-14");
    assert.equal(criteria.contrainte_mobilite, "MOBILITE_LIMITEE");
    assert.equal(criteria.projet_pro, "EMPLOI");
    const items = await openItems(r.personId);
    assert.deepEqual(
      items.map((i) => i.type),
      ["DECISION_ORIENTATION_A_PRENDRE"],
    );
    const audit = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", r.personId)
      .orderBy("id")
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ["registration.submitted", "persons.created"],
    );
  });

  test("online, the person's own file is completed; the pathway's origin is a voluntary registration", async () => {
    const { deps } = testDeps(h, "2026-03-04T10:00:00Z");
    const person = await insertPerson(h.db, {
      birthName: "ENLIGNE",
      firstNames: "Maël",
      birthDate: "1992-02-02",
      nir: null,
    });
    const draft = await startRegistration(deps, person.actor, {});
    const filled = await fillRegistration(deps, person.actor, draft, {
      identite: {
        adresse: {
          ligne: "3 place du Test",
          codePostal: "80100",
          codeCommune: "80001",
          libelleCommune: "Abbeville",
        },
      },
    });
    const r = await submitRegistration(deps, person.actor, {
      registrationId: draft.id,
      version: filled.version,
    });
    assert.equal(r.outcome, "DOSSIER_MIS_A_JOUR");
    assert.equal(r.personId, person.id);
    const p = await h.db
      .selectFrom("persons")
      .select(["birth_name", "address_line", "commune_code", "version"])
      .where("id", "=", person.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(p, {
      birth_name: "ENLIGNE",
      address_line: "3 place du Test",
      commune_code: "80001",
      version: 2,
    });
    const parcours = await h.db
      .selectFrom("parcours")
      .select(["t0_date", "origine"])
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(parcours, { t0_date: "2026-03-04", origine: "INSCRIPTION_VOLONTAIRE" });
    // a pathway is open: no second registration
    await assert.rejects(startRegistration(deps, person.actor, {}), {
      code: "registration.already_registered",
    });
  });
});

describe("duplicates", () => {
  test("same NIR and birth date: the registration completes the existing file, never a second one", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const nir = aNir(602);
    const existing = await insertPerson(h.db, {
      birthName: "DEJACONNUE",
      birthDate: "1985-05-14",
      nir,
      followedBy: await insertStructure(h.db),
    });
    const draft = await startRegistration(deps, pro.actor, { canal: "GUICHET" });
    const filled = await fillRegistration(deps, pro.actor, draft, {
      identite: { nomFamille: "DEJACONNUE", nir },
    });

    const check = await checkRegistrationDuplicates(deps, pro.actor, { registrationId: draft.id });
    assert.equal(check.items.length, 1);
    assert.equal(check.items[0]?.matchedOn, "NIR");
    assert.equal(check.items[0]?.strength, "FORT");
    assert.equal(check.items[0]?.personId, null, "a file the professional cannot read is not named");
    assert.match(check.items[0]?.message ?? "", /aucun nouveau dossier ne sera créé/);

    const r = await submitRegistration(deps, pro.actor, {
      registrationId: draft.id,
      version: filled.version,
    });
    assert.equal(r.outcome, "DOSSIER_MIS_A_JOUR");
    assert.equal(r.personId, existing.id);
    assert.equal(await countPersons("DEJACONNUE"), 1);
  });

  test("same NIR, another birth date: refused, never resolved automatically", async () => {
    const { deps } = testDeps(h);
    const pro = await insertProfessional(h.db);
    const nir = aNir(603);
    await insertPerson(h.db, { birthName: "CONFLIT", birthDate: "1985-05-15", nir });
    const draft = await startRegistration(deps, pro.actor, { canal: "GUICHET" });
    const filled = await fillRegistration(deps, pro.actor, draft, {
      identite: { nomFamille: "CONFLIT", nir },
    });
    await assert.rejects(
      submitRegistration(deps, pro.actor, { registrationId: draft.id, version: filled.version }),
      (e: { code: string; status: number; message: string }) => {
        assert.equal(e.code, "registration.identity_conflict");
        assert.equal(e.status, 409);
        assert.match(e.message, /^Même NIR qu'un dossier existant, mais une date de naissance différente/);
        return true;
      },
    );
    assert.equal(await countPersons("CONFLIT"), 1);
  });

  test("same names and birth date: offered for merge (DOUBLON_A_EXAMINER), merged by a human on the review screen", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const conseiller = await insertProfessional(h.db, { structure: s });
    const admin = await insertProfessional(h.db, { structure: s, roles: ["admin_structure"] });
    const existing = await insertPerson(h.db, {
      birthName: "HOMONYME",
      firstNames: "Camille Rose",
      birthDate: "1985-05-14",
      nir: null,
      followedBy: s,
    });
    const draft = await startRegistration(deps, conseiller.actor, { canal: "GUICHET" });
    const filled = await fillRegistration(deps, conseiller.actor, draft, {
      identite: { nomFamille: "Homonyme", nir: aNir(604) },
    });

    const check = await checkRegistrationDuplicates(deps, conseiller.actor, { registrationId: draft.id });
    assert.equal(check.items.length, 1);
    assert.equal(check.items[0]?.strength, "FAIBLE");
    assert.equal(check.items[0]?.personId, existing.id);
    assert.equal(check.items[0]?.canLink, true);
    assert.equal(check.items[0]?.summary?.displayName, "HOMONYME Camille Rose");

    const r = await submitRegistration(deps, conseiller.actor, {
      registrationId: draft.id,
      version: filled.version,
      doublon: { decision: "NOUVEAU_DOSSIER" },
    });
    assert.equal(r.outcome, "DOSSIER_CREE_DOUBLON_A_EXAMINER");
    assert.equal(r.doublonsSignales, 1);
    assert.equal((await countPersons("Homonyme")) + (await countPersons("HOMONYME")), 2);
    const items = await openItems(r.personId);
    const dup = items.find((i) => i.type === "DOUBLON_A_EXAMINER");
    assert.equal(dup?.subjectId, existing.id);
    assert.equal(dup?.structureId, s.id);
    // never merged automatically
    const statuses = await h.db
      .selectFrom("persons")
      .select("status")
      .where("id", "in", [existing.id, r.personId])
      .execute();
    assert.deepEqual(
      statuses.map((x) => x.status),
      ["active", "active"],
    );
    // sending twice does not create a third file
    await assert.rejects(
      submitRegistration(deps, conseiller.actor, {
        registrationId: draft.id,
        version: r.registration.version,
      }),
      { code: "registration.already_submitted" },
    );

    // the review: both files side by side, merged by the administrator, then the item is closed
    const workItemId = (
      await h.db
        .selectFrom("work_items")
        .select("id")
        .where("type", "=", "DOUBLON_A_EXAMINER")
        .where("person_id", "=", r.personId)
        .executeTakeFirstOrThrow()
    ).id;
    const review = await getDuplicateReview(deps, admin.actor, { workItemId });
    assert.equal(review.canMerge, true);
    assert.ok(review.evidence.includes("Même date de naissance"));
    assert.ok(review.evidence.includes("Même nom de naissance"));
    await assert.rejects(
      resolveDuplicateReview(deps, admin.actor, {
        workItemId,
        decision: "FUSIONNES",
        motif: "Même personne",
      }),
      { code: "registration.merge_not_done" },
    );
    await mergePersons(deps, admin.actor, {
      personId: existing.id,
      absorbedId: r.personId,
      reason: "Même personne inscrite au guichet",
    });
    const done = await resolveDuplicateReview(deps, admin.actor, {
      workItemId,
      decision: "FUSIONNES",
      motif: "Même personne",
    });
    assert.equal(done.status, "FAIT");
    assert.equal(done.canResolve, false);
    await assert.rejects(getDuplicateReview(deps, conseiller.actor, { workItemId }), {
      code: "access.forbidden",
    });
  });

  test("same names and birth date: a professional who can edit that file attaches the registration to it", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const existing = await insertPerson(h.db, {
      birthName: "RATTACHEE",
      birthDate: "1985-05-14",
      firstNames: "Camille",
      nir: null,
      followedBy: s,
    });
    const stranger = await insertPerson(h.db, {
      birthName: "RATTACHEE",
      birthDate: "1985-05-14",
      firstNames: "Camille",
      nir: null,
    });
    const draft = await startRegistration(deps, pro.actor, { canal: "GUICHET" });
    const filled = await fillRegistration(deps, pro.actor, draft, { identite: { nomFamille: "RATTACHEE" } });
    await assert.rejects(
      submitRegistration(deps, pro.actor, {
        registrationId: draft.id,
        version: filled.version,
        doublon: { decision: "RATTACHER", personId: stranger.id },
      }),
      { code: "registration.link_not_allowed" },
    );
    const r = await submitRegistration(deps, pro.actor, {
      registrationId: draft.id,
      version: filled.version,
      doublon: { decision: "RATTACHER", personId: existing.id },
    });
    assert.equal(r.outcome, "DOSSIER_MIS_A_JOUR");
    assert.equal(r.personId, existing.id);
    assert.equal(await countPersons("RATTACHEE"), 2);
  });
});

describe("wrong paths", () => {
  test("an incomplete registration is refused with the missing fields in French", async () => {
    const { deps } = testDeps(h);
    const person = await insertPerson(h.db);
    const draft = await startRegistration(deps, person.actor, {});
    await assert.rejects(
      submitRegistration(deps, person.actor, { registrationId: draft.id, version: draft.version }),
      (e: { code: string; status: number; issues: { path: string; message: string }[] }) => {
        assert.equal(e.code, "registration.incomplete");
        assert.equal(e.status, 400);
        const paths = e.issues.map((i) => i.path);
        assert.ok(paths.includes("situation.situationLogement"));
        assert.ok(paths.includes("freins.SANTE.declare"));
        assert.ok(
          e.issues.some(
            (i) => i.path === "identite.nomFamille" && /confirmez-la ou corrigez-la/.test(i.message),
          ),
        );
        return true;
      },
    );
    assert.equal(
      (await h.db.selectFrom("parcours").select("id").where("person_id", "=", person.id).execute()).length,
      0,
    );
  });
});
