// What the steering page offers about the liste minimale, mirroring server/data-sharing/data-sharing.policy.ts
// (the server decides; this only hides what would be refused): the file holds personal identifiers, so only
// the département's own pilot, manager territorial or conseil départemental administrator see it.
import type { SessionView } from "../../shared/identity/identity.schema";

type Pro = Extract<SessionView, { kind: "professional" }>;

function scopeDepartement(s: Pro): string | null {
  if (s.scope) return s.scope.level === "departement" ? s.scope.code : null;
  return s.structure.departement;
}

function isDepartementAdmin(s: Pro, departement: string): boolean {
  if (s.roles.includes("manager_territorial") && scopeDepartement(s) === departement) return true;
  return (
    s.roles.includes("admin_structure") &&
    s.structure.kind === "conseil_departemental" &&
    s.structure.departement === departement
  );
}

export function canExportListeMinimale(session: SessionView, departement: string): boolean {
  if (session.kind !== "professional") return false;
  if (isDepartementAdmin(session, departement)) return true;
  return session.roles.includes("pilotage") && scopeDepartement(session) === departement;
}

export function canImportListeMinimale(session: SessionView, departement: string): boolean {
  return session.kind === "professional" && isDepartementAdmin(session, departement);
}
