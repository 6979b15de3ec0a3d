// A new version of a contract « à signer »: the contract row moves on (optimistic check on its version),
// the version is added, the transition and the audit entry are written. Shared by the professional's new
// version (new-contract-version) and the automatic one after a reorientation (contract-after-reorientation).
import type { Selectable } from "kysely";
import type { ContractContent } from "../../shared/contract/contract.schema";
import { nextContractState } from "../../shared/contract/contract.status";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { contractRepository } from "./contract.repository";
import type { ContractsTable, ContractVersionsTable } from "./contract.tables";

type StoredContract = Pick<
  Selectable<ContractsTable>,
  "id" | "person_id" | "state" | "previous_state" | "version" | "current_version"
>;

/** The new version's number, or undefined when the contract changed meanwhile (stale `c.version`). */
export async function appendContractVersion(
  tx: Db,
  clock: Clock,
  actor: Actor,
  c: StoredContract,
  v: {
    motif: ContractVersionsTable["motif"];
    content: ContractContent;
    /** the professional who wrote it; null for a version the platform made (after a reorientation) */
    createdBy: string | null;
    details?: Record<string, unknown>;
  },
): Promise<number | undefined> {
  const next = nextContractState(c.state, "new_version", c.previous_state);
  const now = clock.now();
  const numero = c.current_version + 1;
  const updated = await contractRepository.update(
    tx,
    c.id,
    c.version,
    { state: next.state, previous_state: next.previous, current_version: numero },
    now,
  );
  if (updated === undefined) return undefined;
  await contractRepository.insertVersion(tx, {
    contractId: c.id,
    numero,
    motif: v.motif,
    content: v.content,
    createdBy: v.createdBy,
    now,
  });
  await contractRepository.addTransition(tx, {
    contractId: c.id,
    from: c.state,
    to: next.state,
    event: "new_version",
    actor,
    at: now,
  });
  await audit.record(tx, clock, actor, {
    action: "contract.new_version",
    section: "contrat",
    purpose: "support",
    personId: c.person_id,
    details: { contractId: c.id, numero, motif: v.motif, ...v.details },
  });
  return numero;
}
