// Output boundary of the diagnostic: stored rows → the shared views. The restricted compartment is
// presented only when the repository was asked for it (undefined → null).
import {
  type Confidentiel,
  confidentielSchema,
  type DiagnosticVersionSummary,
  type DiagnosticVersionView,
  diagnosticContentSchema,
} from "../../shared/diagnostic/diagnostic.schema";
import type { DiagnosticVersionSummaryRecord } from "./diagnostic.repository";

export function presentVersionSummary(v: DiagnosticVersionSummaryRecord): DiagnosticVersionSummary {
  return {
    numero: v.numero,
    createdAt: new Date(v.createdAt).toISOString(),
    format: v.format,
    author: { id: v.authorId, name: `${v.authorFirstName} ${v.authorLastName}` },
    structure: { id: v.structureId, name: v.structureName },
  };
}

export function presentVersion(
  v: DiagnosticVersionSummaryRecord & { content: unknown; confidential: unknown },
): DiagnosticVersionView {
  return {
    ...presentVersionSummary(v),
    content: diagnosticContentSchema.parse(v.content),
    confidentiel:
      v.confidential === undefined || v.confidential === null ? null : storedConfidentiel(v.confidential),
  };
}

export const storedConfidentiel = (raw: unknown): Confidentiel => confidentielSchema.parse(raw);
