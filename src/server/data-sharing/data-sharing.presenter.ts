import type { Selectable } from "kysely";
import type { ListeMinimaleImportView, RowReason } from "../../shared/data-sharing/data-sharing.schema";
import type { ListeMinimaleImportsTable } from "./data-sharing.tables";

type ImportRecord = Selectable<ListeMinimaleImportsTable>;

export function presentImport(
  i: ImportRecord,
  o: {
    alreadyImported: boolean;
    rejected: { line: number; source_id: string | null; reasons: RowReason[] }[];
  },
): ListeMinimaleImportView {
  return {
    id: i.id,
    departement: i.departement,
    fichier: i.file_name,
    statut: i.status,
    lignes: i.row_count,
    traitees: i.processed_rows,
    creees: i.created,
    misesAJour: i.updated,
    inchangees: i.unchanged,
    quarantaine: i.quarantined,
    dejaImporte: o.alreadyImported,
    commenceLe: i.started_at.toISOString(),
    termineLe: i.finished_at ? i.finished_at.toISOString() : null,
    rejets: o.rejected.map((r) => ({ ligne: r.line, idParcours: r.source_id, motifs: r.reasons })),
  };
}
