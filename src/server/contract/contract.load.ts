// Reads shared by the contract use cases: a contract with its versions and the person's file scope, and
// the view an actor gets of it. Use cases do not call each other.

import { contractErrors } from "../../shared/contract/contract.errors";
import { programmeTotals } from "../../shared/contract/contract.programme";
import {
  type ContractContent,
  type ContractView,
  contractContentSchema,
  SOCLE_COMMUN,
} from "../../shared/contract/contract.schema";
import { allowedContractEvents } from "../../shared/contract/contract.status";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { personsRepository } from "../persons/persons.repository";
import { workItemsRepository } from "../work-items/work-items.repository";
import { contractPolicy } from "./contract.policy";
import { type ContractRecord, type ContractVersionRecord, contractRepository } from "./contract.repository";

export type LoadedContract = { c: ContractRecord; versions: ContractVersionRecord[]; file: PersonFileScope };

export async function fileOf(tx: Db, personId: string): Promise<PersonFileScope> {
  const file = await personsRepository.fileScope(tx, personId);
  if (!file) throw contractErrors.notFound(personId);
  return file;
}

export async function loadContract(tx: Db, contractId: string): Promise<LoadedContract> {
  const c = await contractRepository.get(tx, contractId);
  if (!c) throw contractErrors.notFound(contractId);
  return { c, versions: await contractRepository.versions(tx, c.id), file: await fileOf(tx, c.person_id) };
}

const contentOf = (v: ContractVersionRecord): ContractContent =>
  contractContentSchema.parse(typeof v.content === "string" ? JSON.parse(v.content) : v.content);

export async function contractView(tx: Db, actor: Actor, loaded: LoadedContract): Promise<ContractView> {
  const { c, versions, file } = loaded;
  const name = await contractRepository.personName(tx, c.person_id);
  const views = versions.map((v) => ({
    numero: v.numero,
    motif: v.motif,
    state: v.state,
    content: contentOf(v),
    createdAt: v.created_at.toISOString(),
    signedAt: v.signed_at?.toISOString() ?? null,
    refusedAt: v.refused_at?.toISOString() ?? null,
    refusalReason: v.refusal_reason,
    signatureMode: v.signature_mode,
  }));
  const current = views.find((v) => v.numero === c.current_version)!;
  const review = await workItemsRepository.forSubject(tx, "CONTRAT_A_REVISER", c.id);
  const canDraft = contractPolicy.draft(actor, file);
  const canSign = contractPolicy.sign(actor, file);
  const events = allowedContractEvents(c.state).filter((e) =>
    e === "sign" || e === "refuse"
      ? canSign && current.state === "A_SIGNER"
      : e === "new_version" && canDraft,
  );
  return {
    id: c.id,
    personId: c.person_id,
    personName: name ? `${name.firstNames} ${name.usageName ?? name.birthName}` : "",
    state: c.state,
    version: c.version,
    socleCommun: SOCLE_COMMUN,
    current,
    versions: views,
    totals: current.content.programme ? programmeTotals(current.content.programme) : null,
    actions: [...events, ...(canDraft && current.state === "A_SIGNER" ? (["edit"] as const) : [])],
    reviewDueDate: review && review.status !== "FAIT" ? review.dueDate : null,
  };
}
