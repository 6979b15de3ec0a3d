// Set-based inserts: one array parameter per column, `unnest`ed server-side. A batch of rows travels as a
// fixed number of parameters whatever its size (multi-row VALUES would need one per cell), which is what
// makes the imports fast. `WITH ORDINALITY … ORDER BY` keeps the rows in the given order, so identity
// columns (the audit chain) follow it.
import { type RawBuilder, sql } from "kysely";

/** A column and its PostgreSQL type (`text[]` columns travel as their array literal). */
export type UnnestColumn<R> = [keyof R & string, string];

/** One element of an array literal: NULL, or a double-quoted string with `"` and `\` escaped. */
function element(v: unknown, type: string): string {
  if (v === null || v === undefined) return "NULL";
  let text: string;
  if (v instanceof Date) text = v.toISOString();
  // text[] columns: each element is itself an array literal, cast back per row
  else if (Array.isArray(v)) text = `{${v.map((x) => element(x, "text")).join(",")}}`;
  else if (type === "jsonb" && typeof v !== "string") text = JSON.stringify(v);
  else if (typeof v === "boolean") return v ? "t" : "f";
  else if (typeof v === "number") return String(v);
  else text = String(v);
  return /["\\]/.test(text) ? `"${text.replace(/["\\]/g, "\\$&")}"` : `"${text}"`;
}

/**
 * `SELECT cols FROM unnest($1::t1[], …)` for the rows. Each column travels as one array literal built here,
 * at call time: a caller may build its statements ahead (the CAF import builds batch k+1's while batch k
 * is written) and only send them later.
 */
export function unnestRows<R extends object>(
  columns: readonly UnnestColumn<R>[],
  rows: readonly R[],
): RawBuilder<unknown> {
  const arrays = columns.map(([c, type]) => {
    const literal = `{${rows.map((r) => element((r as Record<string, unknown>)[c], type)).join(",")}}`;
    return sql`${literal}::${sql.raw(type === "text[]" ? "text" : type)}[]`;
  });
  return sql`SELECT ${sql.join(columns.map(([c, type]) => (type === "text[]" ? sql`${sql.ref(c)}::text[]` : sql.ref(c))))} FROM unnest(${sql.join(arrays)}) WITH ORDINALITY AS u(${sql.join(columns.map(([c]) => sql.ref(c)))}, unnest_ordinality) ORDER BY unnest_ordinality`;
}

export function unnestInsert<R extends object>(
  table: string,
  columns: readonly UnnestColumn<R>[],
  rows: readonly R[],
): RawBuilder<unknown> {
  return sql`INSERT INTO ${sql.table(table)} (${sql.join(columns.map(([c]) => sql.ref(c)))}) ${unnestRows(columns, rows)}`;
}
