// Benchmark of the steering dashboards on a national-scale dataset (not part of `npm test`).
//   npx tsx bench/indicators/indicators.bench.ts --persons 2000000 --engine postgres --runs 5
//   npx tsx bench/indicators/indicators.bench.ts --persons 20000            (a few minutes)
//   --generate-only --keep: generate and keep the database, time later with --reuse
// Creates its own database (PostgreSQL: `socle_bench_indicators` on the server of --url, dropped after unless
// --keep; --reuse keeps an existing one generated with the same --persons, --seed and --today, and applies
// any new migration to it), migrates it, loads the reference data as the server does at start, generates
// the dataset in SQL (bench/indicators/generate-dataset.ts), then times in the same run, --runs times each:
//   (1) the département dashboard (--departement, default 59) and (2) the national dashboard: the use case
//       the route GET /api/indicateurs calls (getIndicators: transaction, access check, every indicator of
//       the catalogue, audit row), with the query the /pilotage page sends by default (monthly, the 12
//       months ending with the last complete month before --today);
//   (0) the baseline: a bare full scan of `appointments`, the largest events table the indicators read;
// and prints the medians and the ratios to the baseline, the generation time and the tables' sizes.
// The dashboards read the steering fact tables (ADR 0005): the benchmark rebuilds them when persons wait
// (timed), times an incremental refresh of --refresh-persons persons, and with --check compares the
// département's report with the one computed from the fact views (the oracle).
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { connect, type DbHandle } from "../../src/server/db/connect";
import { migrate } from "../../src/server/db/migrate";
import type { ProfessionalActor } from "../../src/server/kernel/access";
import { fixedClock, parisToday, systemClock } from "../../src/server/kernel/clock";
import { loadConfig } from "../../src/server/kernel/config";
import type { Deps } from "../../src/server/kernel/deps";
import { randomIds } from "../../src/server/kernel/ids";
import { createLogger } from "../../src/server/kernel/logger";
import { createSecrets } from "../../src/server/kernel/secrets";
import { loadReferenceData } from "../../src/server/reference-data/load-reference-data";
import {
  rebuildSteeringFacts,
  refreshSteeringFacts,
  steeringFactsBacklog,
} from "../../src/server/steering/steering.facts";
import { computeIndicators } from "../../src/server/steering/steering.indicators";
import { steeringViewsRepository } from "../../src/server/steering/steering.views.repository";
import { steeringFactsRepository } from "../../src/server/steering/steering-facts.repository";
import { getIndicators } from "../../src/server/steering/use-cases/get-indicators";
import { indicatorCatalogue } from "../../src/shared/steering/steering.catalogue";
import type { IndicatorsReport } from "../../src/shared/steering/steering.schema";
import { periodFromSearch, queryRange } from "../../src/web/steering/dashboard.paths";
import { DATASET_TABLES, generateDataset } from "./generate-dataset";

const { values: args } = parseArgs({
  options: {
    persons: { type: "string", default: "20000" },
    engine: { type: "string", default: "postgres" },
    runs: { type: "string", default: "5" },
    /** the national dashboard's runs, when fewer than --runs (it is the slow one) */
    "national-runs": { type: "string" },
    seed: { type: "string", default: "42" },
    departement: { type: "string", default: "59" },
    today: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    "no-detail": { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    db: { type: "string", default: "socle_bench_indicators" },
    /** writes the département and national reports as JSON (to compare two versions of the queries) */
    save: { type: "string" },
    /** also computes the département's report from the fact views and checks it equals the fact tables' */
    check: { type: "boolean", default: false },
    /** persons marked as written to time an incremental refresh of the fact tables (0: none) */
    "refresh-persons": { type: "string", default: "1000" },
  },
});
const N = Number(args.persons);
const engine = args.engine === "pglite" ? "pglite" : "postgres";
const runs = Math.max(1, Number(args.runs));
const nationalRuns = Math.min(runs, Math.max(0, Number(args["national-runs"] ?? runs)));
const seed = Number(args.seed);
const dep = args.departement!;
const today = args.today ?? parisToday(systemClock);
const BENCH_DB = args.db!;
if (!/^[a-z_][a-z0-9_]*$/.test(BENCH_DB)) throw new Error(`--db : nom de base invalide : ${BENCH_DB}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const fmt = (x: number) => Math.round(x).toLocaleString("fr-FR");
const ms = (x: number) => `${fmt(x)} ms`;
const log = (...a: unknown[]) => console.log(...a);

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: args.url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
const benchUrl = () => {
  const url = new URL(args.url!);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
};

type Meta = { persons: number; seed: number; today: string; generated_ms: number };

/** The existing bench database when --reuse and it holds the same dataset; else undefined. */
async function reusable(): Promise<{ h: DbHandle; meta: Meta } | undefined> {
  if (engine !== "postgres" || !args.reuse) return undefined;
  const exists = await admin((c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [BENCH_DB]));
  if (exists.rowCount === 0) return undefined;
  const h = await connect({ kind: "postgres", url: benchUrl(), max: 4 });
  const meta = await sql<Meta>`SELECT persons, seed, today::text AS today, generated_ms FROM bench_meta`
    .execute(h.db)
    .then((r) => r.rows[0])
    .catch(() => undefined);
  if (meta && meta.persons === N && meta.seed === seed && meta.today === today) return { h, meta };
  await h.close();
  return undefined;
}

async function freshDb(): Promise<DbHandle> {
  if (engine === "pglite") return connect({ kind: "pglite" });
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DB}`);
  });
  return connect({ kind: "postgres", url: benchUrl(), max: 4 });
}

const actor = (scope: ProfessionalActor["scope"], departement: string): ProfessionalActor => ({
  kind: "professional",
  id: randomIds.uuid(),
  structureId: randomIds.uuid(),
  structureKind: "conseil_departemental",
  departement,
  roles: ["pilotage"],
  scope,
  channel: "web",
});

async function main() {
  log(
    `# Tableaux de bord de pilotage — ${fmt(N)} personnes, moteur ${engine}, ${runs} mesures, département ${dep}, date du calcul ${today}`,
  );
  let h: DbHandle;
  let generatedMs: number;
  const reused = await reusable();
  if (reused) {
    h = reused.h;
    generatedMs = reused.meta.generated_ms;
    const m = await migrate(h);
    // a new migration's indexes have no statistics yet (a server's autovacuum would gather them)
    if (m.applied.length > 0) await sql`ANALYZE`.execute(h.db);
    log(
      `base ${BENCH_DB} réutilisée (générée en ${ms(generatedMs)})${m.applied.length ? ` ; migrations appliquées : ${m.applied.join(", ")}` : ""}`,
    );
  } else {
    h = await freshDb();
    let t = performance.now();
    await migrate(h);
    const ref = await loadReferenceData(h.db, systemClock);
    log(
      `base migrée, référentiels chargés en ${ms(performance.now() - t)} (${ref.map((r) => `${r.dataset} ${r.rows} lignes`).join(", ")})`,
    );
    t = performance.now();
    const steps = await generateDataset(h.db, { persons: N, seed, today });
    if (engine === "postgres") {
      const v = performance.now();
      await sql`VACUUM ANALYZE`.execute(h.db);
      steps.push({ step: "VACUUM ANALYZE", ms: performance.now() - v });
    }
    generatedMs = performance.now() - t;
    log(`jeu de données généré en ${ms(generatedMs)} :`);
    for (const s of steps) log(`  ${s.step.padEnd(44)} ${ms(s.ms).padStart(12)}`);
    await sql`CREATE TABLE bench_meta (persons int, seed int, today date, generated_ms float8)`.execute(h.db);
    await sql`INSERT INTO bench_meta VALUES (${N}, ${seed}, ${today}, ${generatedMs})`.execute(h.db);
  }

  try {
    await sizes(h);
    // the fact tables the dashboards read (ADR 0005): rebuilt when persons wait for them (a new dataset, or the
    // migration that created them on a reused one)
    const backlog = await steeringFactsBacklog(h.db);
    if (backlog > 0) {
      const t = performance.now();
      await rebuildSteeringFacts(h.db);
      const rebuilt = performance.now() - t;
      if (engine === "postgres") await sql`VACUUM ANALYZE`.execute(h.db);
      log(`tables de faits du pilotage reconstruites en ${ms(rebuilt)} (${fmt(backlog)} personnes marquées)`);
    }
    await factSizes(h);
    if (args["generate-only"]) return;
    const period = periodFromSearch(new URLSearchParams(), today);
    const range = queryRange(period);
    const query = (niveau: "departement" | "national") => ({
      niveau,
      ...(niveau === "departement" ? { code: dep } : {}),
      ...range,
      granularite: period.granularite,
    });
    log(
      `requête du tableau de bord (celle de la page /pilotage par défaut) : granularité ${period.granularite}, de ${range.de} à ${range.a}, ${indicatorCatalogue.length} indicateurs`,
    );
    const deps: Deps = {
      db: h.db,
      clock: fixedClock(`${today}T11:00:00Z`),
      ids: randomIds,
      log: createLogger("silent"),
      config: loadConfig({ SOCLE_ENV: "test", LOG_LEVEL: "silent" }),
      secrets: createSecrets("bench-nir-secret-0123456789abcdef0123456789"),
    };
    const depPilot = actor({ level: "departement", code: dep }, dep);
    const nationalPilot = actor({ level: "national", code: null }, dep);

    const base: number[] = [];
    const depTimes: number[] = [];
    const natTimes: number[] = [];
    let depReport: IndicatorsReport | undefined;
    let natReport: IndicatorsReport | undefined;
    let scanned = 0;
    for (let r = 0; r < runs; r++) {
      let t = performance.now();
      scanned = (await sql<{ n: number }>`SELECT count(status)::int AS n FROM appointments`.execute(h.db))
        .rows[0]!.n;
      base.push(performance.now() - t);
      t = performance.now();
      depReport = await getIndicators(deps, depPilot, query("departement"));
      depTimes.push(performance.now() - t);
      if (r < nationalRuns) {
        t = performance.now();
        natReport = await getIndicators(deps, nationalPilot, query("national"));
        natTimes.push(performance.now() - t);
      }
      log(
        `  mesure ${r + 1}/${runs} : parcours complet de appointments ${ms(base.at(-1)!)}, département ${dep} ${ms(depTimes.at(-1)!)}${r < nationalRuns ? `, national ${ms(natTimes.at(-1)!)}` : ""}`,
      );
    }

    const refreshPersons = Number(args["refresh-persons"]);
    let refreshMs: number | undefined;
    let refreshed = 0;
    if (refreshPersons > 0) {
      // maintenance on write: mark persons of the département as a day's writes would, then refresh them
      await sql`SELECT steering_mark(ARRAY(SELECT person_id FROM parcours WHERE departement = ${dep} ORDER BY person_id LIMIT ${refreshPersons}))`.execute(
        h.db,
      );
      const t = performance.now();
      refreshed = await refreshSteeringFacts(h.db);
      refreshMs = performance.now() - t;
      log(`actualisation incrémentale des faits de ${fmt(refreshed)} personnes : ${ms(refreshMs)}`);
    }
    if (args.check) {
      const t = performance.now();
      const request = {
        territory: { niveau: "departement" as const, code: dep, nom: depReport!.territoire.nom },
        de: range.de,
        a: range.a,
        granularite: period.granularite,
        today,
      };
      const facts = await computeIndicators(h.db, request);
      const views = await computeIndicators(h.db, { ...request, queries: steeringViewsRepository });
      const same = JSON.stringify(facts.indicateurs) === JSON.stringify(views.indicateurs);
      log(
        `vérification : le tableau de bord du département ${dep} calculé sur les vues ind_* (${ms(performance.now() - t)}) est ${same ? "identique" : "DIFFÉRENT"} à celui des tables de faits`,
      );
      if (!same) process.exitCode = 1;
    }

    if (args.save)
      writeFileSync(args.save, JSON.stringify({ departement: depReport, national: natReport }, null, 1));
    if (!args["no-detail"]) {
      log(`détail par indicateur, département ${dep} puis national (une mesure, computeIndicators seul) :`);
      const detail = async (niveau: "departement" | "national") => {
        const out = new Map<string, number>();
        for (const def of indicatorCatalogue) {
          const t = performance.now();
          await computeIndicators(h.db, {
            territory: { niveau, code: niveau === "national" ? null : dep, nom: "" },
            de: range.de,
            a: range.a,
            granularite: period.granularite,
            today,
            only: [def.id],
          });
          out.set(def.id, performance.now() - t);
        }
        return out;
      };
      const d = await detail("departement");
      const n = nationalRuns > 0 ? await detail("national") : new Map<string, number>();
      for (const def of indicatorCatalogue)
        log(
          `  ${def.id.padEnd(14)} ${ms(d.get(def.id)!).padStart(10)} ${n.has(def.id) ? ms(n.get(def.id)!).padStart(12) : ""}`,
        );
    }

    log("");
    log(
      `valeurs du dernier mois (${range.a}), département ${dep} / national (total ; « provisoire » : cohorte immature) :`,
    );
    for (const i of depReport!.indicateurs) {
      const cell = (rep: IndicatorsReport) => {
        const ind = rep.indicateurs.find((x) => x.id === i.id)!;
        if (!ind.disponible) return "non disponible";
        const v = ind.valeurs.filter((x) => x.modalite === null).at(-1)!;
        const mature = [...ind.valeurs]
          .reverse()
          .find((x) => x.modalite === null && x.statut === "definitif");
        const show = (x: typeof v) =>
          `${x.valeur ?? "—"}${x.denominateur !== null ? ` (${x.numerateur}/${x.denominateur})` : ""}`;
        return v.statut === "definitif"
          ? show(v)
          : `${v.statut}; ${mature ? `${mature.periode} : ${show(mature)}` : "—"}`;
      };
      log(`  ${i.id.padEnd(14)} ${cell(depReport!).padEnd(40)} ${natReport ? cell(natReport) : ""}`);
    }
    log("");
    const b = median(base);
    log(
      `(0) référence : parcours complet de appointments (SELECT count(status), ${fmt(scanned)} lignes) : médiane ${ms(b)}`,
    );
    log(
      `(1) tableau de bord du département ${dep} : médiane ${ms(median(depTimes))} (${(median(depTimes) / b).toFixed(2)} × la référence) — cible < 1 000 ms : ${median(depTimes) < 1000 ? "atteinte" : "NON atteinte"}`,
    );
    if (natTimes.length > 0)
      log(
        `(2) tableau de bord national : médiane ${ms(median(natTimes))} sur ${natTimes.length} mesure(s) (${(median(natTimes) / b).toFixed(2)} × la référence)`,
      );
    log(`génération du jeu de données : ${ms(generatedMs)}`);
    if (refreshMs !== undefined)
      log(`actualisation de ${fmt(refreshed)} personnes marquées : ${ms(refreshMs)}`);
  } finally {
    await h.close();
    if (engine === "postgres" && !args.keep)
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`)).catch(() => undefined);
  }
}

/** Row counts and on-disk sizes of the fact tables. */
async function factSizes(h: DbHandle) {
  await sizes(h, Object.keys(await steeringFactsRepository.sizes(h.db)), "tables de faits");
}

/** Row counts and on-disk sizes (table + indexes) of the generated tables. */
async function sizes(h: DbHandle, tables: readonly string[] = DATASET_TABLES, title = "tables") {
  const rows: string[] = [];
  let total = 0;
  for (const t of tables) {
    const n = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(t)}`.execute(h.db))
      .rows[0]!.n;
    const size =
      engine === "postgres"
        ? (await sql<{ b: string }>`SELECT pg_total_relation_size(${t}::regclass)::text AS b`.execute(h.db))
            .rows[0]!.b
        : "0";
    total += Number(size);
    rows.push(
      `  ${t.padEnd(28)} ${fmt(n).padStart(12)} lignes${engine === "postgres" ? `  ${fmt(Number(size) / 1e6).padStart(7)} Mo` : ""}`,
    );
  }
  log(`${title} (lignes${engine === "postgres" ? ", taille avec index" : ""}) :`);
  for (const r of rows) log(r);
  if (engine === "postgres") {
    const db = (
      await sql<{ b: string }>`SELECT pg_database_size(current_database())::text AS b`.execute(h.db)
    ).rows[0]!.b;
    log(`  total de ces tables ${fmt(total / 1e6)} Mo ; base entière ${fmt(Number(db) / 1e6)} Mo`);
  }
}

await main();
