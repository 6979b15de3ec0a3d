// Bulk inserts with COPY … FROM STDIN on the PostgreSQL server (the CAF import's big tables). COPY skips what
// an INSERT … SELECT FROM unnest() pays for each batch: parsing one array literal per column, the function
// scan, the sort on the ordinality. The rows travel as COPY text (tab-separated, `\N` for NULL), in the given
// order, so identity columns (the audit chain) follow it, as with unnestInsert.
//
// Kysely has no COPY: the pool handed to its dialect is wrapped (`copyCapablePool`) so that a statement
// `COPY t (cols) FROM STDIN` executed with a single parameter streams that parameter as the data
// (pg-copy-streams), on the connection (and so in the transaction) the statement was executed on. PGlite
// has no such pool: callers use unnestInsert there (`supportsCopy`).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CompiledQuery } from "kysely";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Db } from "./connect";
import type { UnnestColumn } from "./unnest";

const COPY_FROM_STDIN = /^COPY\s[^;]*\sFROM\s+STDIN\s*$/i;

/** One field of a COPY text line: `\N`, or the text with backslash, tab, newline and carriage return escaped. */
function field(v: unknown, type: string): string {
  if (v === null || v === undefined) return "\\N";
  let text: string;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  if (type === "jsonb" && typeof v !== "string") text = JSON.stringify(v);
  else if (Array.isArray(v)) text = arrayLiteral(v);
  else text = String(v);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, escapeChar) : text;
}
const escapeChar = (c: string) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r");

/** A text[] value as its array literal (every element quoted, NULL kept). */
function arrayLiteral(xs: unknown[]): string {
  return `{${xs.map((x) => (x === null || x === undefined ? "NULL" : `"${String(x).replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/** The rows as COPY text, one line per row, columns in the order given. */
export function copyText<R extends object>(columns: readonly UnnestColumn<R>[], rows: readonly R[]): string {
  let out = "";
  for (const r of rows) {
    const o = r as Record<string, unknown>;
    let line = "";
    for (let i = 0; i < columns.length; i++) {
      const [c, type] = columns[i]!;
      line += (i === 0 ? "" : "\t") + field(o[c], type);
    }
    out += `${line}\n`;
  }
  return out;
}

/**
 * The statement copying rows into a table (built now, executed by the caller, possibly later, on a database
 * whose pool is copyCapablePool).
 */
export function copyStatement<R extends object>(
  table: string,
  columns: readonly UnnestColumn<R>[],
  rows: readonly R[],
): { execute(db: Db): Promise<void> } {
  const query = CompiledQuery.raw(
    `COPY "${table}" (${columns.map(([c]) => `"${c}"`).join(", ")}) FROM STDIN`,
    [copyText(columns, rows)],
  );
  return {
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
  await pipeline(Readable.from([typeof data === "string" ? data : String(data)]), stream);
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
