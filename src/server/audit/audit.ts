// `audit.record(tx, actor, …)`: the explicit call every use case makes when it reads or writes a
// person's data, inside its own transaction (PS-18).
import type { AuditPurpose } from "../../shared/audit/audit.schema";
import type { Actor } from "../kernel/access";
import { actorRole } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import type { Db } from "../db/connect";
import { auditRepository } from "./audit.repository";

export type AuditEntry = {
  action: string;
  section: string;
  purpose: AuditPurpose;
  personId: string | null;
  outcome?: "allowed" | "denied";
  details?: Record<string, unknown>;
};

export const audit = {
  async record(tx: Db, clock: Clock, actor: Actor, e: AuditEntry): Promise<void> {
    await auditRepository.append(tx, {
      at: clock.now(),
      actorKind: actor.kind,
      actorId: actor.id,
      actorRole: actorRole(actor),
      structureId: actor.kind === "professional" ? actor.structureId : null,
      personId: e.personId,
      action: e.action,
      section: e.section,
      purpose: e.purpose,
      channel: actor.channel,
      outcome: e.outcome ?? "allowed",
      requestId: actor.requestId ?? null,
      details: e.details ?? {},
    });
  },
  /** Records one read per person (lists and search hits count as reads, PS-18). */
  async recordMany(tx: Db, clock: Clock, actor: Actor, personIds: string[], e: Omit<AuditEntry, "personId">) {
    for (const personId of personIds) await audit.record(tx, clock, actor, { ...e, personId });
  },
};
