// Actors and the explicit access check. Policies are pure functions per capability
// (e.g. persons/persons.policy.ts); `assertCan` turns a refusal into a 403 that the use-case
// helper also records in the audit trail.

import type { AuditPurpose } from "../../shared/audit/audit.schema";
import type { ProfessionalRole, StructureKind } from "../../shared/identity/identity.schema";
import { ForbiddenError } from "../../shared/kernel/errors";

export type Channel = "web" | "api" | "cli" | "import" | "system";

type ActorBase = { channel: Channel; requestId?: string };

export type ProfessionalActor = ActorBase & {
  kind: "professional";
  id: string;
  structureId: string;
  structureKind: StructureKind;
  /** département of the professional's structure */
  departement: string;
  roles: ProfessionalRole[];
  scope: { level: "national" | "region" | "departement"; code: string | null } | null;
};
export type PersonActor = ActorBase & { kind: "person"; id: string };
export type SystemActor = ActorBase & { kind: "system"; id: string };
export type Actor = ProfessionalActor | PersonActor | SystemActor;

export const actorRole = (a: Actor): string =>
  a.kind === "professional" ? a.roles.join(",") : a.kind === "person" ? "personne" : "systeme";

/** What a denied attempt was about, so it can be written to the audit trail. */
export type DeniedSubject = { personId?: string; section: string; purpose: AuditPurpose };

export class AccessDenied extends ForbiddenError {
  constructor(
    readonly action: string,
    readonly subject?: DeniedSubject,
  ) {
    super("access.forbidden", "Vous n'avez pas accès à cette information.", { action });
  }
}

export function assertCan(allowed: boolean, action: string, subject?: DeniedSubject): void {
  if (!allowed) throw new AccessDenied(action, subject);
}
