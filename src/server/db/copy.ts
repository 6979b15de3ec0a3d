// Bulk inserts with COPY … FROM STDIN on the PostgreSQL server (the CAF import's big tables). COPY skips what
// an INSERT … SELECT FROM unnest() pays for each batch: parsing one array literal per column, the function
// scan, the sort on the ordinality. The rows travel as COPY text (tab-separated, `\N` for NULL), in the given
// order, so identity columns (the audit chain) follow it, as with unnestInsert.
//
// Kysely has no COPY: the pool handed to its dialect is wrapped (`copyCapablePool`) so that a statement
// `COPY t (cols) FROM STDIN` executed with a single parameter streams that parameter as the data
// (pg-copy-streams; a text, or an array of texts sent one after the other), on the connection (and so in the transaction) the statement was executed on. PGlite
// has no such pool: callers use unnestInsert there (`supportsCopy`).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CompiledQuery } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./connect";
import type { UnnestColumn } from "./unnest";

const COPY_FROM_STDIN = /^COPY\s[^;]*\sFROM\s+STDIN\s*$/i;

/**
 * Largest piece of COPY text built and sent at once (at most 120 KiB even as two-byte text): beyond 128 KiB,
 * V8 allocates a string apart (large object space, fresh pages each time), several times slower per byte
 * than a string of the young generation; and a text built by `+=` is a rope of thousands of pieces that
 * the driver flattens again. Each row's line is made by one join, the lines of a piece by another.
 */
export const COPY_PIECE = 60 * 1024;

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const escapeChar = (c: string) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r");
/** Backslash, tab, newline and carriage return escaped (COPY text format). */
const escaped = (text: string) => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, escapeChar) : text);

/** A text[] value as its array literal (every element quoted, NULL kept). */
function arrayLiteral(xs: readonly unknown[]): string {
  if (xs.length === 0) return "{}";
  return `{${xs.map((x) => (x === null || x === undefined ? "NULL" : `"${String(x).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/**
 * The rows as COPY text (tab-separated, `\N` for NULL, special characters escaped), one line per row,
 * columns in the order given, cut into pieces of at most about COPY_PIECE characters (whole lines).
 * A jsonb column takes a string as its JSON text and anything else as JSON; another column takes an array
 * as a text[] literal and a Date as its ISO form.
 */
export function copyPieces(
  columns: readonly (readonly [string, string])[],
  rows: readonly object[],
): string[] {
  const names = columns.map(([c]) => c);
  const jsonb = columns.map(([, type]) => type === "jsonb");
  const n = names.length;
  // a batch's rows usually share one Date object (its `now`)
  let lastDate: Date | undefined;
  let lastIso = "";
  const fields: string[] = new Array(n);
  const pieces: string[] = [];
  let lines: string[] = [];
  let size = 0;
  for (const row of rows as Record<string, unknown>[]) {
    for (let i = 0; i < n; i++) {
      const v = row[names[i]!];
      if (typeof v === "string") fields[i] = escaped(v);
      else if (v === null || v === undefined) fields[i] = "\\N";
      else if (typeof v === "boolean") fields[i] = v ? "t" : "f";
      else if (typeof v === "number" || typeof v === "bigint") fields[i] = String(v);
      else if (v instanceof Date) {
        if (v !== lastDate) {
          lastDate = v;
          lastIso = v.toISOString();
        }
        fields[i] = lastIso;
      } else if (Array.isArray(v) && !jsonb[i]) fields[i] = escaped(arrayLiteral(v));
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
  return pieces;
}

/** The rows as one COPY text (see copyPieces). */
export function copyText<R extends object>(columns: readonly UnnestColumn<R>[], rows: readonly R[]): string {
  return copyPieces(columns as readonly (readonly [string, string])[], rows).join("");
}

export type CopyStatement = { rows: number; execute(db: Db): Promise<void> };

/**
 * The statement copying rows into a table (built now, executed by the caller, possibly later, on a database
 * whose pool is copyCapablePool): one COPY, its text streamed by pieces.
 */
export function copyStatement<R extends object>(
  table: string,
  columns: readonly UnnestColumn<R>[],
  rows: readonly R[],
): CopyStatement {
  const query = CompiledQuery.raw(
    `COPY "${table}" (${columns.map(([c]) => `"${c}"`).join(", ")}) FROM STDIN`,
    [copyPieces(columns as readonly (readonly [string, string])[], rows)],
  );
  return {
    rows: rows.length,
    async execute(db: Db) {
      await db.executeQuery(query);
    },
  };
}

type PoolClient = pg.PoolClient;
/** What Kysely's PostgresDialect needs of a pool. */
export type KyselyPgPool = {
  connect(): Promise<Pick<PoolClient, "query" | "release">>;
  end(): Promise<void>;
};

async function runCopy(client: PoolClient, statement: string, data: unknown) {
  const stream = client.query(copyFrom(statement));
  // the text, or its pieces (copyPieces), one chunk each
  const chunks = Array.isArray(data) ? (data as unknown[]).map(String) : [String(data)];
  await pipeline(Readable.from(chunks), stream);
  return { command: "COPY", rowCount: stream.rowCount, rows: [] };
}

/** The pool as Kysely sees it, where `COPY … FROM STDIN` with one parameter streams that parameter. */
export function copyCapablePool(pool: pg.Pool): KyselyPgPool {
  const wrapped = new WeakMap<PoolClient, Pick<PoolClient, "query" | "release">>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        w = {
          query: ((q: unknown, params?: unknown[]) =>
            typeof q === "string" && params?.length === 1 && COPY_FROM_STDIN.test(q)
              ? runCopy(client, q, params[0])
              : client.query(q as string, params)) as PoolClient["query"],
          release: (err?: Error | boolean) => client.release(err),
        };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/** Databases whose pool runs copyStatement (the PostgreSQL server; PGlite uses unnest). */
const copying = new WeakSet<object>();
export const markCopyCapable = (db: Db) => copying.add(db);
export const supportsCopy = (db: Db) => copying.has(db);

/**
 * The COPY of plain rows into `table`, columns in the order of the first row's keys (every row built by the
 * same code; a jsonb column must hold JSON text): the CAF import's persons, rights and months.
 */
export function copyRows(table: string, rows: readonly object[]): CopyStatement | undefined {
  if (rows.length === 0) return undefined;
  return copyStatement(
    table,
    Object.keys(rows[0]!).map((c): [string, string] => [c, "text"]),
    rows as Record<string, unknown>[],
  );
}
