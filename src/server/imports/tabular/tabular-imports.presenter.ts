import { maskNir } from "../../../shared/identity/nir";
import type { TabularPerson } from "../../../shared/imports/tabular/tabular-import.rules";
import type {
  TabularCounts,
  TabularField,
  TabularImportView,
  TabularMapping,
} from "../../../shared/imports/tabular/tabular-import.schema";
import { tabularFields } from "../../../shared/imports/tabular/tabular-import.schema";
import type { TabularImportRecord } from "./tabular-imports.repository";

export function presentTabularImport(
  i: TabularImportRecord,
  counts: TabularCounts,
  opts: { alreadyUploaded: boolean; canApply: boolean },
): TabularImportView {
  return {
    id: i.id,
    fileName: i.fileName,
    format: i.format,
    status: i.status,
    headers: i.headers,
    rowCount: i.rowCount,
    mapping: i.mapping,
    departement: i.departement,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt ? i.finishedAt.toISOString() : null,
    uploadedBy: i.uploadedByName,
    alreadyUploaded: opts.alreadyUploaded,
    counts,
    canApply: opts.canApply && i.status !== "TERMINE",
  };
}

/** The mapped cells of a row, as read, the NIR masked (it is shown on screen and in reports). */
export function presentCells(
  cells: string[],
  mapping: TabularMapping,
  parsed?: TabularPerson,
): Partial<Record<TabularField, string>> {
  const out: Partial<Record<TabularField, string>> = {};
  for (const f of tabularFields) {
    const i = mapping[f];
    if (i === undefined) continue;
    const raw = (cells[i] ?? "").trim();
    if (!raw) continue;
    out[f] = f === "nir" ? (parsed?.nir ? maskNir(parsed.nir) : "•••• (invalide)") : raw;
  }
  return out;
}
