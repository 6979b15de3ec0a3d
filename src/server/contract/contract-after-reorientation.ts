// A new orientation sends the contract back to « à signer » (parcours.md §6.4–6.6, issue 4): when a
// reorientation is decided, a signed or refused contract gets a new version (motif REORIENTATION) holding
// the content in force, for the new référent to revise with the person. A contract already « à signer »
// stays as it is; a suspended one waits for its resumption. Runs inside the decision's transaction.
import type { ContractContent } from "../../shared/contract/contract.schema";
import { nextContractState } from "../../shared/contract/contract.status";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { contractRepository } from "./contract.repository";

export async function contractBackToSignatureAfterReorientation(
  tx: Db,
  clock: Clock,
  actor: Actor,
  f: { personId: string; orientationId: string },
): Promise<{ contractId: string; numero: number } | null> {
  const c = await contractRepository.openOf(tx, f.personId);
  if (!c || (c.state !== "SIGNE" && c.state !== "REFUSE")) return null;
  const [current] = await contractRepository.versions(tx, c.id);
  if (!current) return null;
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
  if (updated === undefined) return null; // changed meanwhile by its référent: they see the new orientation
  await contractRepository.insertVersion(tx, {
    contractId: c.id,
    numero,
    motif: "REORIENTATION",
    content: current.content as ContractContent,
    createdBy: null,
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
    personId: f.personId,
    details: { contractId: c.id, numero, motif: "REORIENTATION", orientationId: f.orientationId },
  });
  return { contractId: c.id, numero };
}
