// COPY … FROM STDIN of plain rows (the import's big tables on the PostgreSQL server), cheap to build: each
// row is one flat line made by a single join, and the text goes by pieces of at most COPY_PIECE characters
// (at most 120 KiB even as two-byte text), one COPY each. db/copy.ts sends one text per statement, built by
// `+=` (a string of thousands of pieces that the driver flattens again); beyond 128 KiB, V8 allocates a
// string apart (large object space, fresh pages each time), several times slower per byte on a small
// machine than a string of the young generation. Same text format as db/copy.ts: tab-separated, `\N` for
// NULL, backslash, tab, newline and carriage return escaped; columns in the order of the first row's keys
// (every row of a table is built by the same code).
import { CompiledQuery } from "kysely";
import type { Db } from "../../db/connect";

export const COPY_PIECE = 60 * 1024;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const escapeChar = (c: string) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r");
const escaped = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, escapeChar) : text);

/** A text[] value as its array literal (every element quoted, NULL kept). */
function arrayLiteral(xs: readonly unknown[]): string {
  if (xs.length === 0) return "{}";
  return `{${xs.map((x) => (x === null || x === undefined ? "NULL" : `"${String(x).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

export type CopyRows = { rows: number; execute(db: Db): Promise<void> };

/** The COPY of `rows` into `table`, built now, executed later (in the caller's transaction). */
export function copyRows(table: string, rows: readonly object[]): CopyRows | undefined {
  if (rows.length === 0) return undefined;
  const columns = Object.keys(rows[0]!);
  const statement = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  // the same Date object (the batch's `now`) is on every row
  let lastDate: Date | undefined;
  let lastIso = "";
  const fields: string[] = new Array(columns.length);
  const pieces: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows as Record<string, unknown>[]) {
    for (let i = 0; i < columns.length; i++) {
      const v = row[columns[i]!];
      if (typeof v === "string") fields[i] = escaped(v);
      else if (v === null || v === undefined) fields[i] = "\\N";
      else if (typeof v === "boolean") fields[i] = v ? "t" : "f";
      else if (typeof v === "number") fields[i] = String(v);
      else if (v instanceof Date) {
        if (v !== lastDate) {
          lastDate = v;
          lastIso = v.toISOString();
        }
        fields[i] = lastIso;
      } else if (Array.isArray(v)) fields[i] = escaped(arrayLiteral(v));
      else fields[i] = escaped(JSON.stringify(v));
    }
    const line = fields.join("\t");
    if (size + line.length >= COPY_PIECE && lines.length > 0) {
      pieces.push(lines.join(""));
      lines = [];
      size = 0;
    }
    lines.push(line, "\n");
    size += line.length + 1;
  }
  if (lines.length > 0) pieces.push(lines.join(""));
  return {
    rows: rows.length,
    async execute(db: Db) {
      for (const text of pieces) await db.executeQuery(CompiledQuery.raw(statement, [text]));
    },
  };
}
