import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { ContractContent } from "../../../shared/contract/contract.schema";
import {
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { pdfText } from "../../../test-support/pdf-text";
import type { DbHandle } from "../../db/connect";
import { createContract } from "./create-contract";
import { getContractDocument } from "./get-contract-document";
import { newContractVersion } from "./new-contract-version";
import { signContract } from "./sign-contract";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

async function followed() {
  const ft = await insertStructure(h.db, { kind: "france_travail", departement: "80" });
  const other = await insertStructure(h.db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(h.db, { structure: ft, roles: ["conseiller"] });
  const stranger = await insertProfessional(h.db, { structure: other, roles: ["conseiller"] });
  const person = await insertPerson(h.db, { firstNames: "Inès", birthName: "LAMBERT" });
  await insertFollowUp(h.db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  return { referente, stranger, person };
}

const content = (hours: number): ContractContent => ({
  couchParcours: "",
  engagementsIndividuels: ["Venir aux rendez-vous"],
  planAction: [],
  programme: {
    semaineIso: "2026-W11",
    activites: [{ code: "8.1", heuresPrevues: hours, source: "SAISIE" }],
    cibleHeures: 15,
  },
});

const documentReads = async (personId: string) =>
  h.db
    .selectFrom("audit_events")
    .select(["action", "outcome"])
    .where("person_id", "=", personId)
    .where("action", "=", "contract.document_read")
    .orderBy("id")
    .execute();

describe("contract document (PDF)", () => {
  test("the person downloads their signed version, and the professional an older one: each read is audited", async () => {
    const { referente, person } = await followed();
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const c = await createContract(deps, referente.actor, { personId: person.id, content: content(15) });
    const signed = await signContract(deps, person.actor, { contractId: c.id, version: c.version });
    await newContractVersion(deps, referente.actor, {
      contractId: c.id,
      version: signed.version,
      motif: "REVISION",
      content: content(12),
    });

    const v1 = await getContractDocument(deps, person.actor, { contractId: c.id, numero: 1 });
    assert.equal(v1.filename, "contrat-engagement-v1.pdf");
    assert.equal(v1.content.subarray(0, 5).toString(), "%PDF-");
    // the dash is WinAnsi 0x97 in the PDF: matched by « . »
    const t1 = pdfText(v1.content);
    assert.match(t1, /Inès LAMBERT/);
    assert.match(t1, /Version 1 . Contrat initial/);
    assert.match(t1, /Signé le 10 mars 2026, dans votre espace personnel/);

    const v2 = await getContractDocument(deps, referente.actor, { contractId: c.id, numero: 2 });
    assert.equal(v2.filename, "contrat-engagement-v2.pdf");
    const t2 = pdfText(v2.content);
    assert.match(t2, /Version 2 . Révision \(clause de revoyure\)/);
    assert.match(t2, /Version à signer : ce document n'est pas encore signé/);

    assert.deepEqual(await documentReads(person.id), [
      { action: "contract.document_read", outcome: "allowed" },
      { action: "contract.document_read", outcome: "allowed" },
    ]);
  });

  test("a professional who does not follow the person is refused, and the refusal is audited", async () => {
    const { referente, stranger, person } = await followed();
    const { deps } = testDeps(h);
    const c = await createContract(deps, referente.actor, { personId: person.id, content: content(15) });
    await assert.rejects(getContractDocument(deps, stranger.actor, { contractId: c.id, numero: 1 }), {
      code: "access.forbidden",
    });
    assert.deepEqual(await documentReads(person.id), [
      { action: "contract.document_read", outcome: "denied" },
    ]);
  });

  test("an unknown version number is a 404", async () => {
    const { referente, person } = await followed();
    const { deps } = testDeps(h);
    const c = await createContract(deps, referente.actor, { personId: person.id, content: content(15) });
    await assert.rejects(getContractDocument(deps, referente.actor, { contractId: c.id, numero: 2 }), {
      code: "contract.version_not_found",
    });
  });
});
