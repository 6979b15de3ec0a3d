// The monthly file of the liste minimale (pilotage.md §5): CSV (UTF-8 without BOM, « ; », « " » quoting, LF,
// one header row), XLSX (exceljs: the rows, then the column descriptions) or JSON (the rows with a manifest:
// schema version, generation time, row count and SHA-256 of the rows). Reading goes through the tabular
// reader of the imports (CSV in UTF-8 or Windows-1252, or the first XLSX sheet) and maps headers to columns.
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { dataSharingErrors } from "../../shared/data-sharing/data-sharing.errors";
import {
  columnDescriptions,
  formatListeMinimaleRow,
  LISTE_MINIMALE_VERSION,
  type ListeMinimaleColumn,
  type ListeMinimaleRow,
  listeMinimaleColumns,
  requiredColumns,
} from "../../shared/data-sharing/data-sharing.schema";
import { readTabularFile } from "../imports/tabular/tabular-file";

export type DataSharingFile = { fileName: string; contentType: string; content: Buffer };

const csvField = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export async function writeListeMinimale(
  rows: readonly ListeMinimaleRow[],
  meta: { departement: string; month: string; format: "csv" | "xlsx" | "json"; generatedAt: Date },
): Promise<DataSharingFile> {
  const base = `liste-minimale_${meta.departement}_${meta.month.replace("-", "")}_1`;
  const cells = rows.map(formatListeMinimaleRow);
  if (meta.format === "csv") {
    const lines = [
      listeMinimaleColumns.join(";"),
      ...cells.map((r) => listeMinimaleColumns.map((c) => csvField(r[c])).join(";")),
    ];
    return {
      fileName: `${base}.csv`,
      contentType: "text/csv; charset=utf-8",
      content: Buffer.from(`${lines.join("\n")}\n`, "utf8"),
    };
  }
  if (meta.format === "json") {
    const lignes = JSON.stringify(cells);
    const body = {
      manifeste: {
        producteur: "Socle",
        versionSchema: LISTE_MINIMALE_VERSION,
        codeTerritoire: meta.departement,
        moisReference: meta.month,
        genereLe: meta.generatedAt.toISOString(),
        nombreLignes: rows.length,
        sha256Lignes: createHash("sha256").update(lignes).digest("hex"),
      },
      lignes: cells,
    };
    return {
      fileName: `${base}.json`,
      contentType: "application/json; charset=utf-8",
      content: Buffer.from(JSON.stringify(body, null, 2), "utf8"),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Socle";
  const sheet = wb.addWorksheet("Liste minimale");
  sheet.columns = listeMinimaleColumns.map((c) => ({ header: c, key: c, width: 18 }));
  for (const r of cells) sheet.addRow(r);
  const about = wb.addWorksheet("Colonnes");
  about.columns = [
    { header: "colonne", key: "colonne", width: 32 },
    { header: "contenu", key: "contenu", width: 110 },
  ];
  for (const c of listeMinimaleColumns) about.addRow({ colonne: c, contenu: columnDescriptions[c] });
  return {
    fileName: `${base}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    content: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}

export type ListeMinimaleTable = {
  format: "CSV" | "XLSX";
  /** the rows as cells by column, with their line number in the file (the header is line 1) */
  rows: { line: number; cells: Partial<Record<ListeMinimaleColumn, string>> }[];
};

/** Reads an uploaded file; refuses it whole when a required column is missing. */
export async function readListeMinimale(fileName: string, bytes: Buffer): Promise<ListeMinimaleTable> {
  const table = await readTabularFile(fileName, bytes);
  const index = new Map<string, number>();
  table.headers.forEach((h, i) => {
    const name = h.trim().toLowerCase();
    if (!index.has(name)) index.set(name, i);
  });
  const missing = requiredColumns.filter((c) => !index.has(c));
  if (missing.length > 0) throw dataSharingErrors.missingColumns(missing);
  return {
    format: table.format,
    rows: table.rows.map((r, k) => ({
      line: k + 2,
      cells: Object.fromEntries(
        listeMinimaleColumns.flatMap((c) => {
          const i = index.get(c);
          return i === undefined ? [] : [[c, r[i] ?? ""]];
        }),
      ),
    })),
  };
}
