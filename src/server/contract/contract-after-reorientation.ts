// A new orientation sends the contract back to « à signer » (parcours.md §6.4–6.6, issue 4): when a
// reorientation is decided, a signed or refused contract gets a new version (motif REORIENTATION) holding
// the content in force, for the new référent to revise with the person. A contract already « à signer »
// stays as it is; a suspended one waits for its resumption. Runs inside the decision's transaction.
import type { ContractContent } from "../../shared/contract/contract.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { appendContractVersion } from "./append-contract-version";
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
  const numero = await appendContractVersion(tx, clock, actor, c, {
    motif: "REORIENTATION",
    content: current.content as ContractContent,
    createdBy: null,
    details: { orientationId: f.orientationId },
  });
  if (numero === undefined) return null; // changed meanwhile by its référent: they see the new orientation
  return { contractId: c.id, numero };
}
