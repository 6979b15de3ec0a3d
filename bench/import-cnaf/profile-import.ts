// Where the CPU of one CAF/MSA import goes (not part of `npm test`): runs the import alone on a fresh
// PostgreSQL database and prints the CPU time of each thread of this process (main thread, the reading
// worker, V8's GC helpers…) and of the PostgreSQL backends that served it (Linux only: /proc).
//   npx tsx bench/import-cnaf/profile-import.ts --households 20000 [--runs 2] [--keep-file /tmp/flux.xml]
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { connect } from "../../src/server/db/connect";
import { migrate } from "../../src/server/db/migrate";
import { writeCnafFlux } from "../../src/server/imports/cnaf/fixtures/generate-cnaf-flux";
import { importCnafFlux } from "../../src/server/imports/cnaf/import-cnaf-flux";
import { systemClock } from "../../src/server/kernel/clock";
import { loadConfig } from "../../src/server/kernel/config";
import { randomIds } from "../../src/server/kernel/ids";
import { createLogger } from "../../src/server/kernel/logger";
import { createSecrets } from "../../src/server/kernel/secrets";

const { values: args } = parseArgs({
  options: {
    households: { type: "string", default: "20000" },
    runs: { type: "string", default: "1" },
    batch: { type: "string", default: "1000" },
    file: { type: "string" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    db: { type: "string", default: "socle_cnaf_profile" },
    keep: { type: "boolean", default: false },
    /** reuse the migrated template database of a previous run (else migrated anew) */
    "reuse-template": { type: "boolean", default: false },
  },
});
const N = Number(args.households);
const file = args.file ?? `/tmp/socle-cnaf-profile-${N}.xml`;
const TICK = 100; // USER_HZ

type Cpu = Map<string, number>;
/** CPU seconds per thread name of a process (threads of the same name summed). */
function threadsCpu(pid: number | "self"): Cpu {
  const out: Cpu = new Map();
  const dir = `/proc/${pid}/task`;
  for (const tid of readdirSync(dir)) {
    try {
      const stat = readFileSync(`${dir}/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const s = (Number(f[11]) + Number(f[12])) / TICK;
      const key = tid === String(process.pid) ? "main" : `${name}#${tid}`;
      out.set(key, (out.get(key) ?? 0) + s);
    } catch {
      // thread gone
    }
  }
  return out;
}
function procCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return Number.NaN;
  }
}
const diff = (a: Cpu, b: Cpu): Cpu => {
  const out: Cpu = new Map();
  for (const [k, v] of b) out.set(k, v - (a.get(k) ?? 0));
  return out;
};

async function admin(q: string) {
  const c = new pg.Client({ connectionString: args.url });
  await c.connect();
  try {
    return await c.query(q);
  } finally {
    await c.end();
  }
}

async function main() {
  if (!existsSync(file)) {
    await writeCnafFlux(file, { households: N, invalidRate: 0.03, entrantRate: 0.02, seed: 42 });
  }
  const template = `${args.db}_template`;
  const urlOf = (db: string) => {
    const url = new URL(args.url!);
    url.pathname = `/${db}`;
    return url.toString();
  };
  const exists = (await admin(`SELECT 1 FROM pg_database WHERE datname = '${template}'`)).rowCount === 1;
  if (!exists || !args["reuse-template"]) {
    await admin(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${template}`);
    const t = await connect({ kind: "postgres", url: urlOf(template), max: 1 });
    await migrate(t);
    await t.close();
  }
  for (let r = 0; r < Number(args.runs); r++) {
    await admin(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${args.db} TEMPLATE ${template}`);
    const h = await connect({ kind: "postgres", url: urlOf(args.db!), max: 4 });
    const backends = new Map<number, number>();
    const sample = async () => {
      const rows = await admin(
        `SELECT pid FROM pg_stat_activity WHERE datname = '${args.db}' AND pid <> pg_backend_pid()`,
      );
      for (const { pid } of rows.rows as { pid: number }[])
        if (!backends.has(pid)) backends.set(pid, procCpu(pid));
    };
    await sample();
    // --heap-sample FILE: allocations of the main thread, garbage included (a .heapprofile for DevTools)
    const session = process.env.CNAF_HEAP_SAMPLE ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post("HeapProfiler.startSampling", {
        samplingInterval: 32768,
        includeObjectsCollectedByMajorGC: true,
        includeObjectsCollectedByMinorGC: true,
      } as never);
    }
    const before = threadsCpu("self");
    const t = performance.now();
    // threads that end during the import (the reading worker) are seen by sampling
    const seen: Cpu = new Map();
    const look = () => {
      for (const [k, v] of threadsCpu("self")) seen.set(k, Math.max(v, seen.get(k) ?? 0));
    };
    const timer = setInterval(() => {
      look();
      void sample();
    }, 100);
    const summary = await importCnafFlux(
      {
        db: h.db,
        clock: systemClock,
        ids: randomIds,
        log: createLogger("silent"),
        config: loadConfig({ SOCLE_ENV: "test", LOG_LEVEL: "silent" }),
        secrets: createSecrets("bench-nir-secret-0123456789abcdef0123456789"),
      },
      { filePath: file, departement: "80", batchSize: Number(args.batch) },
    );
    const ms = performance.now() - t;
    if (session) {
      const { profile } = await session.post("HeapProfiler.stopSampling");
      writeFileSync(process.env.CNAF_HEAP_SAMPLE!, JSON.stringify(profile));
      session.disconnect();
    }
    clearInterval(timer);
    await sample();
    look();
    const after = seen;
    let pgCpu = 0;
    for (const [pid, start] of backends) {
      const now = procCpu(pid);
      if (Number.isFinite(now) && Number.isFinite(start)) pgCpu += now - start;
    }
    await h.close();
    const d = [...diff(before, after)].filter(([, v]) => v >= 0.05).sort((a, b) => b[1] - a[1]);
    const total = d.reduce((a, [, v]) => a + v, 0);
    console.log(
      `run ${r + 1}: ${Math.round(ms)} ms, ${summary.persons} persons → ${Math.round((summary.persons / ms) * 1000)} persons/s; node CPU ${total.toFixed(2)} s (${d.map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}); PostgreSQL backends ${pgCpu.toFixed(2)} s (pids ${[...backends.keys()].join(",")})`,
    );
  }
  if (!args.keep) await admin(`DROP DATABASE IF EXISTS ${args.db} WITH (FORCE)`);
}

await main();
