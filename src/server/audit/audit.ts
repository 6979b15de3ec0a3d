// `audit.record(tx, clock, actor, …)`: the explicit call every use case makes when it reads or writes a
// person's data, inside its own transaction (PS-18).
import type { AuditPurpose } from "../../shared/audit/audit.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import { actorRole } from "../kernel/access";
import type { Clock } from "../kernel/clock";
import { type ChainBody, type ChainedContent, chainBodiesFor } from "./audit.chain";
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
  recordGroups(tx: Db, clock: Clock, actor: Actor, groups: AuditGroup[]) {
    return audit.appendPrepared(tx, audit.prepareGroups(clock, actor, groups));
  },
  /**
   * The rows of `groups`, with their canonical bodies, prepared before the transaction that appends them
   * (only hashing waits for the previous row of the chain): the CAF import prepares batch k+1's rows while
   * batch k is written.
   */
  prepareGroups(clock: Clock, actor: Actor, groups: AuditGroup[]): PreparedAudit {
    const at = clock.now();
    return groups.flatMap((e) => {
      const content: Omit<ChainedContent, "personId"> = {
        at,
        actorKind: actor.kind,
        actorId: actor.id,
        actorRole: actorRole(actor),
        structureId: actor.kind === "professional" ? actor.structureId : null,
        action: e.action,
        section: e.section,
        purpose: e.purpose,
        channel: actor.channel,
        outcome: e.outcome ?? "allowed",
        requestId: actor.requestId ?? null,
        details: e.details ?? {},
      };
      // the rows of a group differ only by their person: one canonical body, each person set into it
      const bodies = chainBodiesFor(content, e.personIds);
      return e.personIds.map((personId, i) => ({ ...content, personId, body: bodies[i]! }));
    });
  },
  /** Appends prepared rows, in order, to the chain (inside the caller's transaction). */
  appendPrepared(tx: Db, ...prepared: PreparedAudit[]) {
    return auditRepository.appendMany(tx, prepared.flat());
  },
  /** The same by COPY, on a database that runs it (`supportsCopy`): the CAF import's large appends. */
  appendPreparedByCopy(tx: Db, ...prepared: PreparedAudit[]) {
    return auditRepository.appendMany(tx, prepared.flat(), { copy: true });
  },
};

export type AuditGroup = Omit<AuditEntry, "personId"> & { personIds: (string | null)[] };
export type PreparedAudit = (ChainedContent & { body: ChainBody })[];
