import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { insertPerson, insertProfessional, insertStructure } from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { getPerson } from "./get-person";
import { updatePersonContact } from "./update-person-contact";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

describe("right paths", () => {
  test("a référent updates the contact; the version moves on and the audit names the fields, not the values", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const person = await insertPerson(h.db, { followedBy: s });

    const view = await updatePersonContact(deps, pro.actor, {
      personId: person.id,
      version: 1,
      email: "lea.test@exemple.fr",
      phone: "06 12 34 56 78",
    });

    assert.equal(view.version, 2);
    assert.equal(view.contact.email, "lea.test@exemple.fr");
    const row = await h.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("person_id", "=", person.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.action, "persons.contact_updated");
    assert.deepEqual(row.details, { changed: ["email", "phone"], fromVersion: 1, toVersion: 2 });
    assert.doesNotMatch(JSON.stringify(row.details), /exemple/);
  });
});

describe("wrong paths", () => {
  test("two professionals edit the same file: the second, stale edit is rejected with a clear message and nothing is overwritten", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const first = await insertProfessional(h.db, { structure: s });
    const second = await insertProfessional(h.db, { structure: s });
    const person = await insertPerson(h.db, { followedBy: s });
    const readByBoth = (await getPerson(deps, second.actor, { personId: person.id })).version;

    await updatePersonContact(deps, first.actor, {
      personId: person.id,
      version: readByBoth,
      email: "premier@exemple.fr",
      phone: null,
    });
    await assert.rejects(
      updatePersonContact(deps, second.actor, {
        personId: person.id,
        version: readByBoth,
        email: "second@exemple.fr",
        phone: null,
      }),
      (e: { code: string; status: number; message: string; details: { currentVersion: number } }) => {
        assert.equal(e.code, "persons.version_conflict");
        assert.equal(e.status, 409);
        assert.match(e.message, /modifié par quelqu'un d'autre/);
        assert.equal(e.details.currentVersion, readByBoth + 1);
        return true;
      },
    );
    assert.equal(
      (await getPerson(deps, first.actor, { personId: person.id })).contact.email,
      "premier@exemple.fr",
    );
  });

  test("invalid e-mail and phone give French field messages", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const pro = await insertProfessional(h.db, { structure: s });
    const person = await insertPerson(h.db, { followedBy: s });
    await assert.rejects(
      updatePersonContact(deps, pro.actor, {
        personId: person.id,
        version: 1,
        email: "pas-un-mail",
        phone: "12",
      }),
      (e: { code: string; issues: { path: string; message: string }[] }) => {
        assert.equal(e.code, "validation.invalid");
        assert.deepEqual(e.issues.map((i) => i.path).sort(), ["email", "phone"]);
        assert.match(e.issues.find((i) => i.path === "email")!.message, /Adresse électronique invalide/);
        return true;
      },
    );
  });

  test("a manager territorial can read but not write", async () => {
    const { deps } = testDeps(h);
    const s = await insertStructure(h.db);
    const manager = await insertProfessional(h.db, {
      roles: ["manager_territorial"],
      scope: { level: "departement", code: "80" },
    });
    const person = await insertPerson(h.db, { followedBy: s });
    await getPerson(deps, manager.actor, { personId: person.id });
    await assert.rejects(
      updatePersonContact(deps, manager.actor, { personId: person.id, version: 1, email: null, phone: null }),
      {
        code: "access.forbidden",
      },
    );
  });
});
