import {
  type ImportReport,
  importStatusLabels,
  type QuarantinedRecord,
} from "../../shared/imports/imports.schema";
import type { FluxImportRecord } from "./imports.repository";

/** The report of an import: counts and quarantined records with their reasons (no raw XML, no identity). */
export function presentImportReport(
  row: FluxImportRecord,
  quarantined: QuarantinedRecord[],
  quarantinedTotal: number,
): ImportReport {
  return {
    importId: row.id,
    kind: row.kind,
    status: row.status,
    statusLabel: importStatusLabels[row.status],
    fileName: row.fileName,
    departement: row.departement,
    typeflux: row.typeflux,
    dtref: row.dtref,
    receivedDate: row.receivedDate,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    runs: row.runs,
    counts: {
      households: row.households,
      persons: row.persons,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      rejected: row.rejected,
      newEntrants: row.newEntrants,
      divergences: row.divergences,
      possibleDuplicates: row.possibleDuplicates,
      veillesStarted: row.veillesStarted,
      veillesEnded: row.veillesEnded,
      pathwaysClosed: row.pathwaysClosed,
    },
    announcedHouseholds: row.announcedHouseholds,
    errorMessage: row.errorMessage,
    quarantinedTotal,
    quarantined,
  };
}
