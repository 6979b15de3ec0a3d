// Reads an uploaded list into a header line and rows of text cells. CSV: UTF-8 (with or without BOM)
// or Windows-1252 (what French spreadsheet software often writes), separator « ; », « , » or tab,
// guessed from the header line. XLSX: the first worksheet (exceljs); dates become "YYYY-MM-DD", numbers
// are written in full (a NIR typed as a number keeps its 15 digits).
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { tabularImportErrors } from "../../../shared/imports/tabular/tabular-import.errors";
import { TABULAR_MAX_ROWS } from "../../../shared/imports/tabular/tabular-import.schema";

export type TabularFile = { format: "CSV" | "XLSX"; headers: string[]; rows: string[][] };

export function formatOf(fileName: string): "CSV" | "XLSX" {
  return /\.xlsx$/i.test(fileName) ? "XLSX" : "CSV";
}

export async function readTabularFile(fileName: string, bytes: Buffer): Promise<TabularFile> {
  const format = formatOf(fileName);
  const table = format === "XLSX" ? await readXlsx(bytes) : readCsv(bytes);
  // trailing empty lines and columns are noise of spreadsheet software
  const rows = table.filter((r) => r.some((c) => c.trim() !== ""));
  const [headers, ...data] = rows;
  if (!headers || data.length === 0) throw tabularImportErrors.empty();
  if (data.length > TABULAR_MAX_ROWS) throw tabularImportErrors.tooManyRows(TABULAR_MAX_ROWS);
  let width = headers.length;
  while (
    width > 0 &&
    (headers[width - 1] ?? "").trim() === "" &&
    data.every((r) => (r[width - 1] ?? "").trim() === "")
  )
    width -= 1;
  return {
    format,
    headers: headers.slice(0, width).map((h, i) => h.trim() || `Colonne ${i + 1}`),
    rows: data.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")),
  };
}

/** Text of a CSV file: UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function decodeText(bytes: Buffer): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

function readCsv(bytes: Buffer): string[][] {
  const text = decodeText(bytes);
  if (text.includes("\u0000"))
    throw tabularImportErrors.unreadable(
      "ce n'est pas un fichier texte CSV (enregistrez la feuille au format CSV ou XLSX).",
    );
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter =
    [";", ",", "\t"].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]?.d ?? ";";
  try {
    return parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw tabularImportErrors.unreadable(
      `le format CSV est incorrect${line ? ` vers la ligne ${line}` : ""} (guillemets non fermés ?).`,
    );
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw tabularImportErrors.unreadable(
      "ce n'est pas un classeur XLSX valide (enregistrez-le à nouveau au format .xlsx, ou en CSV).",
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw tabularImportErrors.empty();
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    out[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  return Array.from(out, (r) => r ?? []);
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isInteger(v) ? BigInt(v).toString() : String(v);
  if (typeof v === "string" || typeof v === "boolean") return String(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    if ("error" in v) return "";
  }
  return String(v);
}
