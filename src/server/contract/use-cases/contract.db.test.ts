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
import type { DbHandle } from "../../db/connect";
import { contractRepository } from "../contract.repository";
import { createContract } from "./create-contract";
import { getContract, getMyContract } from "./get-contract";
import { newContractVersion } from "./new-contract-version";
import { refuseContract } from "./refuse-contract";
import { signContract } from "./sign-contract";
import { updateContractDraft } from "./update-contract-draft";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

/** A person followed by France Travail Nord: a référente and a co-référent there; a stranger elsewhere. */
async function followed() {
  const ft = await insertStructure(h.db, { kind: "france_travail", departement: "80" });
  const other = await insertStructure(h.db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(h.db, { structure: ft, roles: ["conseiller"] });
  const coReferent = await insertProfessional(h.db, { structure: ft, roles: ["conseiller"] });
  const stranger = await insertProfessional(h.db, { structure: other, roles: ["conseiller"] });
  const person = await insertPerson(h.db, {});
  await insertFollowUp(h.db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  await insertFollowUp(h.db, {
    personId: person.id,
    structureId: ft.id,
    professionalId: coReferent.id,
    role: "co_referent",
  });
  return { ft, referente, coReferent, stranger, person };
}

const intensive = (hours: [string, number][]): ContractContent => ({
  couchParcours: "Recherche active d'emploi dans les métiers de l'aide à domicile.",
  engagementsIndividuels: ["Passer le code de la route avant l'été"],
  planAction: [
    {
      theme: "MOBILITE",
      objectifs: [
        {
          libelle: "Obtenir le permis B",
          echeance: "2026-09-30",
          accordPersonne: true,
          actions: [
            {
              libelle: "S'inscrire à l'auto-école sociale",
              porteur: "PERSONNE",
              activiteCode: "3.3",
              statut: "PREVUE",
            },
          ],
        },
      ],
    },
  ],
  programme: {
    semaineIso: "2026-W11",
    activites: hours.map(([code, heuresPrevues]) => ({ code, heuresPrevues, source: "SAISIE" as const })),
    cibleHeures: 15,
  },
});

const auditActions = async (personId: string) =>
  (
    await h.db
      .selectFrom("audit_events")
      .select(["action", "actor_id as actorId"])
      .where("person_id", "=", personId)
      .where("section", "=", "contrat")
      .orderBy("id")
      .execute()
  ).map((r) => r.action);

describe("contract lifecycle", () => {
  test("a person without a contract gets « none yet » from their space, and nothing is written in the audit trail", async () => {
    const { person } = await followed();
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    assert.deepEqual(await getMyContract(deps, person.actor, {}), { contract: null });
    const rows = await h.db
      .selectFrom("audit_events")
      .select("action")
      .where("person_id", "=", person.id)
      .execute();
    assert.deepEqual(rows, []);
  });

  test("drafted with a 15-hour programme, signed by the person in their space: review item due 6 months later", async () => {
    const { referente, person } = await followed();
    const { deps } = testDeps(h, "2026-03-10T09:00:00Z");
    const draft = await createContract(deps, referente.actor, {
      personId: person.id,
      content: intensive([
        ["7.1", 3],
        ["3.3", 2],
        ["13.3", 10],
      ]),
    });
    assert.equal(draft.state, "A_SIGNER");
    assert.deepEqual(draft.totals, {
      planned: 15,
      done: 0,
      target: 15,
      targetMet: true,
      missing: 0,
      structuring: 10,
      accompaniment: 5,
    });
    assert.deepEqual(draft.actions.sort(), ["edit", "sign", "refuse"].sort());

    const mine = (await getMyContract(deps, person.actor, {})).contract!;
    assert.deepEqual(mine.actions.sort(), ["refuse", "sign"]);
    const signed = await signContract(deps, person.actor, { contractId: draft.id, version: mine.version });
    assert.equal(signed.state, "SIGNE");
    assert.equal(signed.current.signatureMode, "ELECTRONIQUE");
    assert.equal(signed.reviewDueDate, "2026-09-10");
    const item = await h.db
      .selectFrom("work_items")
      .select(["type", "structure_id as structureId", "assignee_id as assigneeId", "due_soon_date as soon"])
      .where("subject_id", "=", draft.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, {
      type: "CONTRAT_A_REVISER",
      structureId: referente.structureId,
      assigneeId: referente.id,
      soon: "2026-08-11",
    });
    assert.deepEqual(await auditActions(person.id), [
      "contract.created",
      "contract.read_own",
      "contract.signed",
    ]);
    assert.deepEqual(
      (await contractRepository.transitions(h.db, draft.id)).map((t) => `${t.from ?? "∅"}→${t.to}`),
      ["∅→A_SIGNER", "A_SIGNER→SIGNE"],
    );
  });

  test("a new version after a re-orientation goes back to « à signer »; the signed one stays readable", async () => {
    const { referente, person } = await followed();
    const { deps } = testDeps(h);
    const c = await createContract(deps, referente.actor, {
      personId: person.id,
      content: intensive([["8.1", 15]]),
    });
    const signed = await signContract(deps, referente.actor, {
      contractId: c.id,
      version: c.version,
      accuseReceptionPersonne: true,
    });
    assert.equal(signed.current.signatureMode, "PAPIER");
    const v2 = await newContractVersion(deps, referente.actor, {
      contractId: c.id,
      version: signed.version,
      motif: "REORIENTATION",
      content: intensive([["8.1", 10]]),
    });
    assert.equal(v2.state, "A_SIGNER");
    assert.deepEqual(
      v2.versions.map((v) => [v.numero, v.motif, v.state]),
      [
        [2, "REORIENTATION", "A_SIGNER"],
        [1, "INITIAL", "SIGNE"],
      ],
    );
    assert.deepEqual(v2.totals && [v2.totals.planned, v2.totals.missing, v2.totals.targetMet], [
      10,
      5,
      false,
    ]);
    // the person refuses the new version; the refusal is recorded, nothing else happens by itself
    const refused = await refuseContract(deps, person.actor, {
      contractId: c.id,
      version: v2.version,
      motif: "Je ne suis pas d'accord avec la réorientation",
    });
    assert.equal(refused.state, "REFUSE");
    assert.equal(refused.current.refusalReason, "Je ne suis pas d'accord avec la réorientation");
    // … and may sign it later
    assert.equal(
      (await signContract(deps, person.actor, { contractId: c.id, version: refused.version })).state,
      "SIGNE",
    );
  });
});

describe("wrong paths", () => {
  test("two professionals edit at once: the second change is rejected with a clear message, nothing overwritten", async () => {
    const { referente, coReferent, person } = await followed();
    const { deps } = testDeps(h);
    const c = await createContract(deps, referente.actor, {
      personId: person.id,
      content: intensive([["7.1", 3]]),
    });
    const first = await updateContractDraft(deps, referente.actor, {
      contractId: c.id,
      version: c.version,
      content: intensive([["7.1", 5]]),
    });
    await assert.rejects(
      updateContractDraft(deps, coReferent.actor, {
        contractId: c.id,
        version: c.version,
        content: intensive([["9.1", 2]]),
      }),
      (e: { code: string; status: number; message: string }) => {
        assert.equal(e.code, "contract.version_conflict");
        assert.equal(e.status, 409);
        assert.match(
          e.message,
          /modifié par quelqu'un d'autre depuis que vous l'avez ouvert : rechargez la page/,
        );
        return true;
      },
    );
    const now = await getContract(deps, referente.actor, { contractId: c.id });
    assert.equal(now.version, first.version);
    assert.deepEqual(
      now.current.content.programme?.activites.map((a) => [a.code, a.heuresPrevues]),
      [["7.1", 5]],
    );
  });

  test("a professional who does not follow the person can neither read nor draft; the attempt is audited", async () => {
    const { referente, stranger, person } = await followed();
    const { deps } = testDeps(h);
    await assert.rejects(
      createContract(deps, stranger.actor, { personId: person.id, content: intensive([]) }),
      { code: "access.forbidden" },
    );
    const c = await createContract(deps, referente.actor, { personId: person.id, content: intensive([]) });
    await assert.rejects(getContract(deps, stranger.actor, { contractId: c.id }), {
      code: "access.forbidden",
    });
    const denied = await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("actor_id", "=", stranger.id)
      .orderBy("id")
      .execute();
    assert.deepEqual(denied, [
      { action: "contract.create", outcome: "denied" },
      { action: "contract.read", outcome: "denied" },
    ]);
  });

  test("a signed version cannot be edited; a professional must record the person's acknowledgement; one contract per person", async () => {
    const { referente, person } = await followed();
    const { deps } = testDeps(h);
    const c = await createContract(deps, referente.actor, { personId: person.id, content: intensive([]) });
    await assert.rejects(signContract(deps, referente.actor, { contractId: c.id, version: c.version }), {
      code: "contract.acknowledgement_required",
    });
    const s = await signContract(deps, person.actor, { contractId: c.id, version: c.version });
    await assert.rejects(
      updateContractDraft(deps, referente.actor, {
        contractId: c.id,
        version: s.version,
        content: intensive([]),
      }),
      { code: "contract.not_editable" },
    );
    await assert.rejects(signContract(deps, person.actor, { contractId: c.id, version: s.version }), {
      code: "contract.transition_not_allowed",
    });
    await assert.rejects(
      createContract(deps, referente.actor, { personId: person.id, content: intensive([]) }),
      {
        code: "contract.already_exists",
      },
    );
  });
});
