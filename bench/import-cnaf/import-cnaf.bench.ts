// Benchmark of the CAF/MSA flow import (not part of `npm test`).
//   npx tsx bench/import-cnaf/import-cnaf.bench.ts --households 100000 --engine postgres
//   npx tsx bench/import-cnaf/import-cnaf.bench.ts --households 10000 --engine pglite
// Generates a synthetic flow of N households (valid against the VRSB 08.01 XSD, ~3 % records rejected by
// Socle's checks, ~2 % of persons flagged entering), then measures in the same run:
//   (a) parse throughput: XML → households (and with the schema and business checks);
//   (b) a bare bulk insert of the person rows alone into a scratch table shaped like `persons` (same
//       indexes), one transaction per batch, with multi-row VALUES and with unnest() arrays;
//   (c) the full import on a fresh database, --import-runs times;
//   (b') right after each import, in its database: the bare bulk insert of every row that import wrote
//       (persons, RSA rights, monthly history, quarantine, pathways, orientations, work items, audit) into
//       scratch copies of those tables, in as many transactions as the import had batches, by each bare
//       method: jsonb_populate_recordset, unnest() arrays, and on PostgreSQL COPY FROM STDIN (the import
//       writes its big tables by COPY there, so the baseline must be able to as well);
// (--pipeline off: each batch read, planned and written in turn, so that the time of each statement of the
// import is its own, without the overlap; printed with the bare insert's time per table, statement by statement)
// and prints medians, the ratio full import / (b') against the FASTEST bare method of each pair, as the
// median of the per-pair ratios (each pair meets the same machine load), and the ratio to (b). PostgreSQL:
// a scratch database (--db, default `socle_bench`) is created on the server (--url, default
// postgres://postgres@127.0.0.1:5432/postgres) and dropped after.
import { spawnSync } from "node:child_process";
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Kysely, type LogEvent, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { connect, type DbHandle, markConcurrent, PG_SESSION_OPTIONS } from "../../src/server/db/connect";
import { copyCapablePool, copyStatement, markCopyCapable } from "../../src/server/db/copy";
import { migrate } from "../../src/server/db/migrate";
import { registerPgParsers } from "../../src/server/db/parsers";
import type { Database } from "../../src/server/db/schema";
import { type UnnestColumn, unnestInsert } from "../../src/server/db/unnest";
import { writeCnafFlux } from "../../src/server/imports/cnaf/fixtures/generate-cnaf-flux";
import { importCnafFlux } from "../../src/server/imports/cnaf/import-cnaf-flux";
import { type HouseholdEvent, parseCnafFlux } from "../../src/server/imports/cnaf/parse-cnaf-flux";
import {
  type CollectedHousehold,
  HouseholdCollector,
  readHousehold,
} from "../../src/server/imports/cnaf/read-household";
import { VRSB_XSD_PATH, vrsbSchema } from "../../src/server/imports/cnaf/vrsb-schema";
import { systemClock } from "../../src/server/kernel/clock";
import { loadConfig } from "../../src/server/kernel/config";
import type { Deps } from "../../src/server/kernel/deps";
import { randomIds } from "../../src/server/kernel/ids";
import { createLogger } from "../../src/server/kernel/logger";
import { createSecrets } from "../../src/server/kernel/secrets";
import type { NewPersonRow } from "../../src/server/persons/person-matching";
import { normalizeSearchText } from "../../src/shared/persons/search-text";

const { values: args } = parseArgs({
  options: {
    households: { type: "string", default: "10000" },
    engine: { type: "string", default: "pglite" },
    runs: { type: "string", default: "3" },
    "import-runs": { type: "string" },
    batch: { type: "string", default: "1000" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    db: { type: "string", default: "socle_bench" },
    /** off: each batch read, planned and written in turn (statement times without overlap) */
    pipeline: { type: "string", default: "on" },
  },
});
const N = Number(args.households);
const engine = args.engine === "postgres" ? "postgres" : "pglite";
const runs = Math.max(1, Number(args.runs));
const importRuns = Math.max(1, Number(args["import-runs"] ?? args.runs));
const batch = Number(args.batch);
const secrets = createSecrets("bench-nir-secret-0123456789abcdef0123456789");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString("fr-FR");
const log = (...a: unknown[]) => console.log(...a);

// ── databases ──────────────────────────────────────────────────────────────────────────────────
const BENCH_DB = args.db!;
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error(`--db : nom de base invalide (${BENCH_DB})`);
async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: args.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
// time spent in the database per statement kind during the full import (Kysely's query log)
const spent = new Map<string, { ms: number; n: number }>();
function statementKind(q: string): string {
  const m =
    /^\s*(insert into|update|delete from|copy)\s+"?(\w+)"?/i.exec(q) ??
    /^\s*select\s+pg_advisory_xact_lock/i.exec(q) ??
    /\bfrom\s+"?(\w+)"?/i.exec(q);
  if (!m) return q.trim().split(/\s+/)[0]!.toLowerCase();
  if (m.length === 1) return "verrou du journal d'audit";
  return m.length === 3 ? `${m[1]!.toLowerCase()} ${m[2]}` : `select ${m[1]}`;
}
function withLog(h: DbHandle): DbHandle {
  const log = (e: LogEvent) => {
    const k = statementKind(e.query.sql);
    const v = spent.get(k) ?? { ms: 0, n: 0 };
    v.ms += e.queryDurationMillis;
    v.n++;
    spent.set(k, v);
  };
  const dialect = h.pglite
    ? new PGliteDialect(h.pglite)
    : new PostgresDialect({ pool: copyCapablePool((h as DbHandle & { pool: pg.Pool }).pool) });
  const db = new Kysely<Database>({ dialect, log });
  if (!h.pglite) {
    markConcurrent(db);
    markCopyCapable(db);
  }
  return { ...h, db };
}

async function freshDb(): Promise<DbHandle> {
  if (engine === "pglite") {
    const h = await connect({ kind: "pglite" });
    await migrate(h);
    return h;
  }
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DB}`);
  });
  const url = new URL(args.url!);
  url.pathname = `/${BENCH_DB}`;
  registerPgParsers();
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4, options: PG_SESSION_OPTIONS });
  pool.on("error", () => undefined); // the scratch database is dropped with its idle connections
  const h = await connect({ kind: "postgres", url: url.toString(), max: 4 });
  await migrate(h);
  await h.close();
  // same pool settings and parsers as connect(), kept reachable for the logging Kysely
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyCapablePool(pool) }) });
  markConcurrent(db);
  markCopyCapable(db);
  return { ...h, db, pool, close: () => db.destroy() } as DbHandle & { pool: pg.Pool };
}
const depsOf = (h: DbHandle): Deps => ({
  db: h.db,
  clock: systemClock,
  ids: randomIds,
  log: createLogger("silent"),
  config: loadConfig({ SOCLE_ENV: "test", LOG_LEVEL: "silent" }),
  secrets,
});

// Tables the import writes, in the order a batch writes them.
const WRITTEN_TABLES = [
  "persons",
  "rsa_rights",
  "droits_devoirs_months",
  "import_quarantine",
  "parcours",
  "orientations",
  "orientation_transitions",
  "work_items",
  "audit_events",
] as const;

/** The bare methods of (b'): COPY only where the import can use it (the PostgreSQL server). */
type BareMethod = "jsonb" | "unnest" | "copy";
const BARE_METHODS: BareMethod[] = engine === "postgres" ? ["jsonb", "unnest", "copy"] : ["jsonb", "unnest"];
const BARE_LABELS: Record<BareMethod, string> = {
  jsonb: "jsonb_populate_recordset",
  unnest: "unnest()",
  copy: "COPY FROM STDIN",
};

/**
 * (b') The bare bulk insert of the very rows the import wrote (read back from the imported database), into
 * scratch copies of the same tables with the same indexes (`LIKE … INCLUDING ALL`; no foreign keys nor
 * triggers, which only makes the baseline faster), split into as many transactions as the import had
 * batches, one statement per table and batch, by each bare method in turn (a rotating order from run to
 * run): `INSERT … SELECT FROM jsonb_populate_recordset`, `INSERT … SELECT FROM unnest(arrays)` and, on
 * PostgreSQL, `COPY … FROM STDIN`. No reads, no matching, no business rule: what writing the import's result
 * costs, nothing else. Returns each method's time.
 */
async function bareInsertOfSameRows(h: DbHandle, batches: number, run: number) {
  type Rows = Record<string, unknown>[];
  const data = new Map<
    string,
    { cols: UnnestColumn<Record<string, unknown>>[]; rows: Rows; textRows: Rows }
  >();
  for (const table of WRITTEN_TABLES) {
    const rows = (
      await sql<{
        j: Record<string, unknown>;
      }>`SELECT to_jsonb(t) AS j FROM ${sql.table(table)} t ORDER BY ctid`.execute(h.db)
    ).rows.map((r) => r.j);
    // identity ids (the audit's, the transitions', the quarantine's) are generated, as by the import
    const columns = (
      await sql<{ name: string; type: string; identity: boolean }>`
        SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attidentity <> '' AS identity
        FROM pg_attribute WHERE attrelid = ${table}::regclass AND attnum > 0 AND NOT attisdropped
        ORDER BY attnum`.execute(h.db)
    ).rows;
    for (const c of columns) if (c.identity) for (const row of rows) delete row[c.name];
    // unnest() and COPY take jsonb values as their JSON text (jsonb_populate_recordset takes the rows as read)
    const jsonb = columns.filter((c) => c.type === "jsonb").map((c) => c.name);
    const textRows =
      jsonb.length === 0
        ? rows
        : rows.map((row) => {
            const out = { ...row };
            for (const c of jsonb) out[c] = JSON.stringify(row[c]);
            return out;
          });
    const present = new Set(rows.length > 0 ? Object.keys(rows[0]!) : []);
    data.set(table, {
      cols: columns.filter((c) => present.has(c.name)).map((c): [string, string] => [c.name, c.type]),
      rows,
      textRows,
    });
  }
  const times = new Map<BareMethod, number>();
  /** per method, the time of each table's statements (summed over the batches) */
  const perTableTimes = new Map<BareMethod, Map<string, number>>();
  const order = BARE_METHODS.map((_, i) => BARE_METHODS[(i + run) % BARE_METHODS.length]!);
  for (const method of order) {
    for (const table of WRITTEN_TABLES) {
      await sql`DROP TABLE IF EXISTS ${sql.table(`bench_${table}`)}`.execute(h.db);
      await sql`CREATE TABLE ${sql.table(`bench_${table}`)} (LIKE ${sql.table(table)} INCLUDING ALL)`.execute(
        h.db,
      );
    }
    const byTable = new Map<string, number>();
    perTableTimes.set(method, byTable);
    const t = performance.now();
    for (let b = 0; b < batches; b++) {
      await h.db.transaction().execute(async (tx) => {
        for (const table of WRITTEN_TABLES) {
          const started = performance.now();
          const { cols, rows, textRows } = data.get(table)!;
          const per = Math.ceil(rows.length / batches);
          const slice = rows.slice(b * per, (b + 1) * per);
          if (slice.length === 0) continue;
          const name = `bench_${table}`;
          const target = sql.table(name);
          const textSlice = textRows.slice(b * per, (b + 1) * per);
          if (method === "copy") await copyStatement(name, cols, textSlice).execute(tx);
          else if (method === "unnest") await unnestInsert(name, cols, textSlice).execute(tx);
          else {
            const list = sql.join(cols.map(([c]) => sql.ref(c)));
            await sql`INSERT INTO ${target} (${list}) SELECT ${list} FROM jsonb_populate_recordset(null::${target}, ${JSON.stringify(slice)}::jsonb)`.execute(
              tx,
            );
          }
          byTable.set(table, (byTable.get(table) ?? 0) + performance.now() - started);
        }
      });
    }
    times.set(method, performance.now() - t);
  }
  const perTable = WRITTEN_TABLES.map((t) => `${t} ${fmt(data.get(t)!.rows.length)}`).join(", ");
  return {
    rows: [...data.values()].reduce((a, d) => a + d.rows.length, 0),
    perTable,
    times,
    perTableTimes,
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "socle-bench-cnaf-"));
  const file = join(dir, `flux-${N}.xml`);
  try {
    log(
      `# Import CAF/MSA — ${fmt(N)} foyers, moteur ${engine}, ${runs} mesures (import complet : ${importRuns})`,
    );
    let t = performance.now();
    const gen = await writeCnafFlux(file, { households: N, invalidRate: 0.03, entrantRate: 0.02, seed: 42 });
    log(
      `flux généré : ${(gen.bytes / 1e6).toFixed(1)} Mo, ${fmt(gen.persons)} personnes dans le fichier, ${fmt(gen.invalid)} foyers porteurs d'un enregistrement invalide (${((100 * gen.invalid) / N).toFixed(1)} %) en ${fmt(performance.now() - t)} ms`,
    );
    const xmllint = spawnSync("xmllint", ["--noout", "--schema", VRSB_XSD_PATH, file], { encoding: "utf8" });
    log(
      xmllint.error
        ? "xmllint absent : validation XSD non vérifiée"
        : `xmllint --schema vrsb0801.xsd : ${xmllint.status === 0 ? "valide" : `INVALIDE\n${xmllint.stderr.slice(0, 500)}`}`,
    );

    // (a) parse ─────────────────────────────────────────────────────────────────────────────────
    vrsbSchema();
    const parseTimes: number[] = [];
    const checkTimes: number[] = [];
    let persons = 0;
    const rows: NewPersonRow[] = [];
    for (let r = 0; r < runs; r++) {
      for (const check of [false, true]) {
        t = performance.now();
        let n = 0;
        // as the import reads: households collected while parsed (no element tree), checks or not
        const source = createReadStream(file, { highWaterMark: 64 * 1024 });
        const events = check
          ? parseCnafFlux(source, (line) => new HouseholdCollector(line))
          : parseCnafFlux(source, () => ({ open() {}, text() {}, close() {}, result: () => null }));
        for await (const ev of events) {
          if (ev.kind !== "household" || ev.node === null) continue;
          const reading = readHousehold(ev as HouseholdEvent<CollectedHousehold>, {
            departement: "80",
            dtref: "2026-02-28",
          });
          if (!reading.ok) continue;
          n += reading.household.persons.length + reading.rejectedPersons.length;
          // the person rows the import would insert, kept once for the bulk baseline
          if (r === 0)
            for (const p of reading.household.persons) {
              const h = reading.household;
              rows.push({
                id: randomIds.uuid(),
                nir_cipher: p.nir ? secrets.encryptNir(p.nir) : null,
                nir_index: p.nir13 ? secrets.nirIndex(p.nir13) : null,
                nir_last_digits: p.nir ? p.nir.slice(13) : null,
                birth_name: p.birthName,
                usage_name: p.usageName,
                first_names: p.firstNames,
                sex: p.sex,
                birth_date: p.birthDate,
                birth_place: p.birthPlace,
                nationality: null,
                email: null,
                phone: null,
                address_line: h.address?.line ?? null,
                postal_code: h.address?.postalCode ?? null,
                commune_code: h.address?.communeCode ?? null,
                departement: "80",
                france_travail_id: p.franceTravailId,
                caf_organisme: h.organisme,
                caf_numorg: h.numorg,
                caf_matricule: h.matricule,
                household_role: p.role,
                search_text: normalizeSearchText(p.birthName, p.usageName, p.firstNames),
                created_at: new Date(),
                updated_at: new Date(),
              });
            }
        }
        const ms = performance.now() - t;
        if (check) {
          checkTimes.push(ms);
          persons = n;
        } else parseTimes.push(ms);
      }
    }
    // one row per NIR and per CAF key, as in `persons` (a generated flow has neither duplicate, but be sure)
    const seen = new Set<string>();
    const bulkRows = rows.filter((r) => {
      const k = `${r.nir_index}|${r.caf_matricule}|${r.household_role}|${r.birth_date}|${r.france_travail_id}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const perStatement = Math.max(1, Math.round((bulkRows.length / N) * batch));

    // (b) bare bulk insert ───────────────────────────────────────────────────────────────────────
    const bulkValues: number[] = [];
    const bulkUnnest: number[] = [];
    {
      const h = await freshDb();
      await sql`CREATE TABLE bench_persons (LIKE persons INCLUDING ALL)`.execute(h.db);
      const cols = Object.keys(bulkRows[0]!) as (keyof NewPersonRow)[];
      const types: Record<string, string> = {
        id: "uuid",
        birth_date: "date",
        created_at: "timestamptz",
        updated_at: "timestamptz",
      };
      for (let r = 0; r < runs; r++) {
        for (const mode of ["values", "unnest"] as const) {
          await sql`TRUNCATE bench_persons`.execute(h.db);
          t = performance.now();
          for (let i = 0; i < bulkRows.length; i += perStatement) {
            const slice = bulkRows.slice(i, i + perStatement);
            await h.db.transaction().execute(async (tx) => {
              if (mode === "values") {
                await tx
                  .insertInto("bench_persons" as "persons")
                  .values(slice)
                  .execute();
              } else {
                const arrays = cols.map(
                  (c) =>
                    sql`${slice.map((x) => (x[c] instanceof Date ? (x[c] as Date).toISOString() : x[c]))}::${sql.raw(types[c] ?? "text")}[]`,
                );
                await sql`INSERT INTO bench_persons (${sql.join(cols.map((c) => sql.ref(c)))}) SELECT * FROM unnest(${sql.join(arrays)})`.execute(
                  tx,
                );
              }
            });
          }
          (mode === "values" ? bulkValues : bulkUnnest).push(performance.now() - t);
        }
      }
      await h.close();
    }

    // (c) full import ────────────────────────────────────────────────────────────────────────────
    const importTimes: number[] = [];
    // (b') right after each import, in the same database: each pair meets the same machine load
    const sameTimes: number[] = [];
    const sameByMethod = new Map<BareMethod, number[]>(BARE_METHODS.map((m) => [m, []]));
    const pairRatios: number[] = [];
    const pairRatiosByMethod = new Map<BareMethod, number[]>(BARE_METHODS.map((m) => [m, []]));
    let sameRows:
      | { rows: number; perTable: string; perTableTimes: Map<BareMethod, Map<string, number>> }
      | undefined;
    let summary: Awaited<ReturnType<typeof importCnafFlux>> | undefined;
    for (let r = 0; r < importRuns; r++) {
      const h = await freshDb();
      spent.clear();
      t = performance.now();
      summary = await importCnafFlux(depsOf(withLog(h)), {
        filePath: file,
        departement: "80",
        batchSize: batch,
        pipeline: args.pipeline === "off" ? false : undefined,
      });
      importTimes.push(performance.now() - t);
      log(`  import ${r + 1}/${importRuns} : ${fmt(importTimes.at(-1)!)} ms`);
      const bare = await bareInsertOfSameRows(h, Math.ceil(N / batch), r);
      sameRows = bare;
      // the pair's baseline is its fastest bare method
      sameTimes.push(Math.min(...bare.times.values()));
      pairRatios.push(sameTimes.at(-1)! / importTimes.at(-1)!);
      for (const [m, ms] of bare.times) {
        sameByMethod.get(m)!.push(ms);
        pairRatiosByMethod.get(m)!.push(ms / importTimes.at(-1)!);
      }
      log(
        `  insertion brute des mêmes lignes ${r + 1}/${importRuns} : ${[...bare.times].map(([m, ms]) => `${BARE_LABELS[m]} ${fmt(ms)} ms`).join(", ")}`,
      );
      await h.close();
    }

    const s = summary!;
    const rate = (count: number, ms: number) => (count / ms) * 1000;
    const parseRate = rate(persons, median(parseTimes));
    const checkRate = rate(persons, median(checkTimes));
    const valuesRate = rate(bulkRows.length, median(bulkValues));
    const unnestRate = rate(bulkRows.length, median(bulkUnnest));
    const bulkRate = Math.max(valuesRate, unnestRate);
    const importRate = rate(s.persons, median(importTimes));
    log("");
    log(
      `fichier : ${(statSync(file).size / 1e6).toFixed(1)} Mo ; import : ${fmt(s.households)} foyers, ${fmt(s.persons)} personnes (créées ${fmt(s.created)}, quarantaine ${fmt(s.rejected)}, nouveaux entrants ${fmt(s.newEntrants)})`,
    );
    log(
      `(a) lecture XML seule               : ${fmt(parseRate)} personnes/s (médiane ${fmt(median(parseTimes))} ms)`,
    );
    log(
      `(a) lecture + contrôles VRSB/métier : ${fmt(checkRate)} personnes/s (médiane ${fmt(median(checkTimes))} ms)`,
    );
    log(
      `(b) insertion brute VALUES          : ${fmt(valuesRate)} lignes/s (médiane ${fmt(median(bulkValues))} ms, ${fmt(bulkRows.length)} lignes, ${perStatement} par transaction)`,
    );
    log(
      `(b) insertion brute unnest          : ${fmt(unnestRate)} lignes/s (médiane ${fmt(median(bulkUnnest))} ms)`,
    );
    log(
      `(c) import complet                  : ${fmt(importRate)} personnes/s (médiane ${fmt(median(importTimes))} ms)`,
    );
    const same = sameRows!;
    const sameRate = rate(s.persons, median(sameTimes));
    log(
      `(b') insertion brute des mêmes lignes, méthode la plus rapide de chaque paire : ${fmt(sameRate)} personnes/s (médiane ${fmt(median(sameTimes))} ms, ${fmt(same.rows)} lignes : ${same.perTable})`,
    );
    for (const m of BARE_METHODS)
      log(
        `     ${BARE_LABELS[m].padEnd(26)} : ${fmt(rate(s.persons, median(sameByMethod.get(m)!)))} personnes/s (médiane ${fmt(median(sameByMethod.get(m)!))} ms) ; ratio import / cette méthode ${(100 * median(pairRatiosByMethod.get(m)!)).toFixed(0)} %`,
      );
    log(
      `ratio import / insertion brute des mêmes lignes (méthode la plus rapide) : ${(100 * median(pairRatios)).toFixed(0)} % (cible ≥ 50 %) — médiane des ${pairRatios.length} paires import + insertion brute mesurées l'une après l'autre (${pairRatios.map((x) => `${(100 * x).toFixed(0)} %`).join(", ")})`,
    );
    log(
      `ratio import / insertion brute de la seule table persons (unnest) : ${((100 * importRate) / bulkRate).toFixed(0)} %`,
    );
    log(`ratio import / insertion brute VALUES         : ${((100 * importRate) / valuesRate).toFixed(0)} %`);
    log(`ratio import / lecture + contrôles            : ${((100 * importRate) / checkRate).toFixed(0)} %`);
    const total = [...spent.values()].reduce((a, b) => a + b.ms, 0);
    log(
      `temps passé en base pendant le dernier import : ${fmt(total)} ms sur ${fmt(importTimes.at(-1)!)} ms`,
    );
    for (const [k, v] of [...spent.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14)) {
      log(`  ${k.padEnd(40)} ${fmt(v.ms).padStart(8)} ms  ${fmt(v.n).padStart(7)} requêtes`);
    }
    // the same tables written bare (last pair), to compare statement by statement
    const fastest = [...same.perTableTimes].sort(
      (a, b) => [...a[1].values()].reduce((x, y) => x + y, 0) - [...b[1].values()].reduce((x, y) => x + y, 0),
    )[0];
    if (fastest)
      log(
        `insertion brute (${BARE_LABELS[fastest[0]]}, dernière paire), par table : ${WRITTEN_TABLES.map((t) => `${t} ${fmt(fastest[1].get(t) ?? 0)} ms`).join(", ")}`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (engine === "postgres")
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)).catch(() => undefined);
  }
}

await main();
