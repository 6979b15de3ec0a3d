import { type AuditEntryView, auditPurposeLabels, auditSectionLabels } from "../../shared/audit/audit.schema";
import { type ProfessionalRole, roleLabels } from "../../shared/identity/identity.schema";
import type { auditRepository } from "./audit.repository";

type Row = Awaited<ReturnType<typeof auditRepository.listForPerson>>[number];

function roleLabel(kind: string, role: string | null): string | null {
  if (kind === "person") return "Vous-même";
  if (kind === "system") return "Traitement automatique";
  if (!role) return null;
  return role
    .split(",")
    .map((r) => roleLabels[r as ProfessionalRole] ?? r)
    .join(", ");
}

export function presentAuditEntry(r: Row): AuditEntryView {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorKind: r.actorKind,
    actorName: r.actorFirstName ? `${r.actorFirstName} ${r.actorLastName}` : null,
    actorRole: roleLabel(r.actorKind, r.actorRole),
    structureName: r.structureName,
    action: r.action,
    section: r.section,
    sectionLabel: auditSectionLabels[r.section] ?? r.section,
    purpose: r.purpose,
    purposeLabel: auditPurposeLabels[r.purpose],
    channel: r.channel,
    outcome: r.outcome,
  };
}
