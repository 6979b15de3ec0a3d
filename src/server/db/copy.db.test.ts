import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "kysely";
import { testDb, testEngine } from "../../test-support/db";
import type { DbHandle } from "./connect";
import { COPY_PIECE, copyPieces, copyRows, copyStatement, copyText, supportsCopy } from "./copy";
import type { UnnestColumn } from "./unnest";

let h: DbHandle;
before(async () => {
  h = await testDb();
  await sql`CREATE TABLE copy_probe (id int GENERATED ALWAYS AS IDENTITY, n int4, t text, b bool, d date, at timestamptz, tags text[], j jsonb)`.execute(
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
  j: Record<string, unknown> | string | null;
};
const columns: UnnestColumn<Row>[] = [
  ["n", "int4"],
  ["t", "text"],
  ["b", "bool"],
  ["d", "date"],
  ["at", "timestamptz"],
  ["tags", "text[]"],
  ["j", "jsonb"],
];

test("COPY text: tab-separated fields, \\N for NULL, backslash, tab, newline and carriage return escaped", () => {
  assert.equal(
    copyText(columns, [
      { n: 1, t: "a\tb\nc\\d\re", b: true, d: "2026-02-28", at: null, tags: ['x"y', "z"], j: { k: "v\t" } },
    ]),
    '1\ta\\tb\\nc\\\\d\\re\tt\t2026-02-28\t\\N\t{"x\\\\"y","z"}\t{"k":"v\\\\t"}\n',
  );
});

test("COPY text by pieces: whole lines, each under COPY_PIECE characters (unless one line is longer), the same text once joined", () => {
  const rows: Row[] = Array.from({ length: 3000 }, (_, i) => ({
    n: i,
    t: `ligne ${i}\t${"é".repeat(i % 50)}`,
    b: i % 3 === 0,
    d: null,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, i % 60)),
    tags: i % 2 ? [`t${i}`] : null,
    j: { i },
  }));
  const pieces = copyPieces(columns, rows);
  assert.ok(pieces.length > 1);
  for (const p of pieces) {
    assert.ok(p.length <= COPY_PIECE);
    assert.ok(p.endsWith("\n"));
  }
  const one = rows.map((r) => copyText(columns, [r])).join("");
  assert.equal(pieces.join(""), one);
  assert.equal(copyText(columns, rows), one);
  // a line longer than a piece goes alone
  const long = copyPieces(columns, [rows[0]!, { ...rows[1]!, t: "x".repeat(COPY_PIECE + 10) }, rows[2]!]);
  assert.equal(long.length, 3);
  assert.equal(copyRows("copy_probe", []), undefined);
});

test("the database runs COPY on the server only (PGlite writes with unnest)", () => {
  assert.equal(supportsCopy(h.db), testEngine() === "postgres");
});

test("COPY keeps every value as given (NULL, « \\N », tabs, newlines, backslashes, quotes, unicode, text[], jsonb) and the order of the rows, in the caller's transaction", async (t) => {
  if (!supportsCopy(h.db)) return t.skip("COPY FROM STDIN: PostgreSQL server only");
  const tricky = [
    "\\N",
    "tab\there",
    "line\nbreak",
    "cr\rlf",
    "back\\slash",
    'a"b',
    "{x,y}",
    "NULL",
    "",
    "É’œ€ 🇫🇷",
  ];
  const rows: Row[] = tricky.map((text, i) => ({
    n: i,
    t: text,
    b: i % 2 === 0,
    d: "2026-02-28",
    at: new Date(Date.UTC(2026, 1, 28, 10, i)),
    tags: [text, "simple", "NULL"],
    j: i % 2 === 0 ? { text, i, nested: { ok: true } } : JSON.stringify({ text, i }),
  }));
  rows.push({ n: null, t: null, b: null, d: null, at: null, tags: null, j: null });
  rows.push({ n: 99, t: "x", b: false, d: null, at: null, tags: [], j: { quote: '"' } });
  await h.db.transaction().execute((tx) => copyStatement("copy_probe", columns, rows).execute(tx));
  // many pieces in one COPY, in order
  const many: Row[] = Array.from({ length: 4000 }, (_, i) => ({
    n: 1000 + i,
    t: `n° ${i}\t${"x".repeat(i % 40)}`,
    b: null,
    d: null,
    at: null,
    tags: null,
    j: null,
  }));
  assert.ok(copyPieces(columns, many).length > 2);
  await h.db.transaction().execute((tx) => copyStatement("copy_probe", columns, many).execute(tx));
  const back2 = await sql<{
    n: number;
    t: string;
  }>`SELECT n, t FROM copy_probe WHERE n >= 1000 ORDER BY id`.execute(h.db);
  assert.deepEqual(
    back2.rows,
    many.map((r) => ({ n: r.n, t: r.t })),
  );
  await sql`DELETE FROM copy_probe WHERE n >= 1000`.execute(h.db);
  const back = await sql<Row & { id: number }>`
    SELECT id, n, t, b, to_char(d, 'YYYY-MM-DD') AS d, at, tags, j FROM copy_probe ORDER BY id`.execute(h.db);
  assert.equal(back.rows.length, rows.length);
  back.rows.forEach((r, i) => {
    const want = rows[i]!;
    assert.equal(r.id, i + 1, "identity ids follow the given order");
    assert.equal(r.n, want.n);
    assert.equal(r.t, want.t);
    assert.equal(r.b, want.b);
    assert.equal(r.d, want.d);
    assert.equal(r.at?.toISOString() ?? null, want.at?.toISOString() ?? null);
    assert.deepEqual(r.tags, want.tags);
    assert.deepEqual(r.j, typeof want.j === "string" ? JSON.parse(want.j) : want.j);
  });
});

test("a failed COPY rolls its transaction back and leaves the connection usable", async (t) => {
  if (!supportsCopy(h.db)) return t.skip("COPY FROM STDIN: PostgreSQL server only");
  const before = await sql<{ c: number }>`SELECT count(*)::int AS c FROM copy_probe`.execute(h.db);
  await assert.rejects(
    h.db.transaction().execute(async (tx) => {
      await copyStatement("copy_probe", columns, [
        { n: 1, t: "ok", b: true, d: null, at: null, tags: null, j: null },
      ]).execute(tx);
      // not a date: the server refuses the COPY, the transaction is rolled back
      await copyStatement("copy_probe", columns, [
        { n: 2, t: "ko", b: true, d: "pas une date", at: null, tags: null, j: null },
      ]).execute(tx);
    }),
    /date/,
  );
  const after = await sql<{ c: number }>`SELECT count(*)::int AS c FROM copy_probe`.execute(h.db);
  assert.equal(after.rows[0]!.c, before.rows[0]!.c);
  // the pooled connections still answer
  const again = await Promise.all(
    [1, 2, 3].map(() => sql<{ one: number }>`SELECT 1 AS one`.execute(h.db).then((r) => r.rows[0]!.one)),
  );
  assert.deepEqual(again, [1, 1, 1]);
});
