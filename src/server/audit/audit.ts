// `audit.record(tx, clock, actor, …)`: the explicit call every use case makes when it reads or writes a
// person's data, inside its own transaction (PS-18).
import type { AuditPurpose } from "../../shared/audit/audit.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import { actorRole } from "../kernel/access";
import type { Clock } from "../kernel/clock";
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
  record(tx: Db, clock: Clock, actor: Actor, e: AuditEntry): Promise<void> {
    return audit.recordMany(tx, clock, actor, [e.personId], e);
  },
  /** One row per person (lists and search hits count as reads of each file, PS-18). */
  recordMany(
    tx: Db,
    clock: Clock,
    actor: Actor,
    personIds: (string | null)[],
    e: Omit<AuditEntry, "personId">,
  ) {
    return audit.recordGroups(tx, clock, actor, [{ ...e, personIds }]);
  },
  /** Several kinds of rows in one append to the chain (a batch of an import: created, updated, opened). */
  async recordGroups(
    tx: Db,
    clock: Clock,
    actor: Actor,
    groups: (Omit<AuditEntry, "personId"> & { personIds: (string | null)[] })[],
  ) {
    const at = clock.now();
    await auditRepository.appendMany(
      tx,
      groups.flatMap((e) =>
        e.personIds.map((personId) => ({
          at,
          actorKind: actor.kind,
          actorId: actor.id,
          actorRole: actorRole(actor),
          structureId: actor.kind === "professional" ? actor.structureId : null,
          personId,
          action: e.action,
          section: e.section,
          purpose: e.purpose,
          channel: actor.channel,
          outcome: e.outcome ?? "allowed",
          requestId: actor.requestId ?? null,
          details: e.details ?? {},
        })),
      ),
    );
  },
};
