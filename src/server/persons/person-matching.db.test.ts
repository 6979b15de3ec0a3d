import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson } from "../../test-support/builders";
import { testDb } from "../../test-support/db";
import { testSecrets } from "../../test-support/deps";
import type { DbHandle } from "../db/connect";
import { decideMatch, personMatchingRepository } from "./person-matching";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

const keys = {
  nirIndex: null,
  franceTravailId: null,
  caf: null,
  birthDate: "1900-01-01",
  birthName: "personne",
};

describe("personMatchingRepository", () => {
  test("finds candidates by NIR index, France Travail number, CAF file, and birth date + birth name (accents and case aside)", async () => {
    const byNir = await insertPerson(h.db, { birthName: "NIRTEST" });
    const byFt = await insertPerson(h.db, { franceTravailId: "7654321Z", nir: null });
    const byName = await insertPerson(h.db, {
      birthName: "Lefèvre-Dupré",
      firstNames: "Zoé",
      birthDate: "1979-03-04",
      nir: null,
    });
    await insertPerson(h.db, { birthName: "Lefèvre-Dupré", birthDate: "1979-03-05", nir: null });
    const merged = await insertPerson(h.db, { franceTravailId: "1111111A" });
    await h.db
      .updateTable("persons")
      .set({ status: "merged", merged_into: byNir.id })
      .where("id", "=", merged.id)
      .execute();
    const cafId = await insertPerson(h.db, { nir: null, birthDate: "1990-12-12" });
    await h.db
      .updateTable("persons")
      .set({ caf_organisme: "CAF", caf_numorg: "801", caf_matricule: "9876543", household_role: "CJT" })
      .where("id", "=", cafId.id)
      .execute();

    const found = await personMatchingRepository.findCandidates(h.db, [
      { ...keys, nirIndex: testSecrets.nirIndex(byNir.nir!.slice(0, 13)) },
      { ...keys, franceTravailId: "7654321Z" },
      { ...keys, franceTravailId: "1111111A" },
      { ...keys, caf: { organisme: "CAF", numorg: "801", matricule: "9876543" } },
      { ...keys, birthDate: "1979-03-04", birthName: "LEFEVRE DUPRE" },
    ]);
    assert.deepEqual(new Set(found.map((c) => c.id)), new Set([byNir.id, byFt.id, byName.id, cafId.id]));
    const caf = found.find((c) => c.id === cafId.id)!;
    assert.deepEqual([caf.cafMatricule, caf.householdRole, caf.birthDate], ["9876543", "CJT", "1990-12-12"]);
    // the pure decision on what the query returned: same names and birth date, no strong identifier → duplicate
    assert.deepEqual(
      decideMatch(
        {
          nirIndex: null,
          franceTravailId: null,
          caf: null,
          birthName: "LEFEVRE-DUPRE",
          firstNames: "ZOE",
          birthDate: "1979-03-04",
        },
        found,
      ),
      { kind: "possible_duplicate", candidateIds: [byName.id] },
    );
    assert.deepEqual(await personMatchingRepository.findCandidates(h.db, []), []);
  });

  test("inserts persons in bulk and fills only the empty identity fields", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const id = "0e000000-0000-4000-8000-0000000abc01";
    await personMatchingRepository
      .insertManyStatement([
        {
          id,
          nir_cipher: null,
          nir_index: null,
          nir_last_digits: null,
          birth_name: "BULK",
          usage_name: null,
          first_names: "ANNE",
          sex: null,
          birth_date: "1980-02-29",
          birth_place: null,
          nationality: null,
          email: null,
          phone: null,
          address_line: null,
          postal_code: null,
          commune_code: null,
          departement: "80",
          france_travail_id: null,
          caf_organisme: null,
          caf_numorg: null,
          caf_matricule: null,
          household_role: null,
          search_text: "bulk anne",
          created_at: now,
          updated_at: now,
        },
      ])!
      .execute(h.db);
    await h.db.updateTable("persons").set({ sex: "F" }).where("id", "=", id).execute();
    await personMatchingRepository.fillIdentity(
      h.db,
      id,
      { sex: "M", birth_place: "AMIENS", departement: "02" },
      now,
    );
    const p = await h.db
      .selectFrom("persons")
      .select(["sex", "birth_place", "departement", "birth_date", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(p, {
      sex: "F",
      birth_place: "AMIENS",
      departement: "02",
      birth_date: "1980-02-29",
      version: 2,
    });
  });
});
