import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { testDb } from "../../test-support/db";
import type { DbHandle } from "./connect";
import { unnestInsert } from "./unnest";

let h: DbHandle;
before(async () => {
  h = await testDb();
  await sql`CREATE TABLE unnest_probe (n int4, t text, b bool, d date, at timestamptz, tags text[], j jsonb)`.execute(
    h.db,
  );
});
after(() => h.close());

type Row = {
  n: number | null;
  t: string | null;
  b: boolean | null;
  d: string | null;
  at: Date | null;
  tags: string[] | null;
  j: Record<string, unknown> | null;
};

test("unnest inserts keep every value as given: NULL, quotes, backslashes, braces, commas, « NULL », empty, unicode, text[], jsonb, in order", async () => {
  const tricky = ['a"b', "c\\d", "{x,y}", "NULL", "", "  espaces  ", "É’œ€ 🇫🇷", 'tout "à la fois" \\ {,}'];
  const rows: Row[] = tricky.map((t, i) => ({
    n: i,
    t,
    b: i % 2 === 0,
    d: "2026-02-28",
    at: new Date(Date.UTC(2026, 1, 28, 10, i)),
    tags: [t, "simple", "NULL"],
    j: { t, i, nested: { ok: true } },
  }));
  rows.push({ n: null, t: null, b: null, d: null, at: null, tags: null, j: null });
  rows.push({ n: 99, t: "x", b: false, d: null, at: null, tags: [], j: { quote: '"' } });
  await unnestInsert(
    "unnest_probe",
    [
      ["n", "int4"],
      ["t", "text"],
      ["b", "bool"],
      ["d", "date"],
      ["at", "timestamptz"],
      ["tags", "text[]"],
      ["j", "jsonb"],
    ],
    rows,
  ).execute(h.db);
  const back =
    await sql<Row>`SELECT n, t, b, to_char(d, 'YYYY-MM-DD') AS d, at, tags, j FROM unnest_probe ORDER BY ctid`.execute(
      h.db,
    );
  assert.equal(back.rows.length, rows.length);
  back.rows.forEach((r, i) => {
    const want = rows[i]!;
    assert.equal(r.n, want.n);
    assert.equal(r.t, want.t);
    assert.equal(r.b, want.b);
    assert.equal(r.d, want.d);
    assert.equal(r.at?.toISOString() ?? null, want.at?.toISOString() ?? null);
    assert.deepEqual(r.tags, want.tags);
    assert.deepEqual(r.j, want.j);
  });
});
