// A real crash: the import runs in a child process killed with SIGKILL in the middle of the file; a rerun
// completes it with no duplicate and the same counts as an import that was never interrupted.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import pg from "pg";
import { testDb, testEngine } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import { connect, type DbHandle } from "../../db/connect";
import { migrate } from "../../db/migrate";
import { writeCnafFlux } from "./fixtures/generate-cnaf-flux";
import { importCnafFlux } from "./import-cnaf-flux";

const work = mkdtempSync(join(tmpdir(), "socle-cnaf-kill-"));
const flowPath = join(work, "flux.xml");
const child = fileURLToPath(new URL("./fixtures/import-child.ts", import.meta.url));

// a database the child process can reach: a PGlite data directory, or a PostgreSQL database of its own
type Target = { env: string; open(): Promise<DbHandle>; drop(): Promise<void> };
async function target(): Promise<Target> {
  if (testEngine() === "pglite") {
    const dataDir = join(work, "pglite");
    const h = await connect({ kind: "pglite", dataDir });
    await migrate(h);
    await h.close();
    return {
      env: `pglite:${dataDir}`,
      open: () => connect({ kind: "pglite", dataDir }),
      drop: async () => {},
    };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error("TEST_DATABASE_URL manquant");
  const name = `socle_kill_${process.pid}_${randomBytes(3).toString("hex")}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const h = await connect({ kind: "postgres", url: url.toString(), max: 2 });
  await migrate(h);
  await h.close();
  return {
    env: `postgres:${url}`,
    open: () => connect({ kind: "postgres", url: url.toString(), max: 2 }),
    drop: async () => {
      const a = new pg.Client({ connectionString: admin });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

let t: Target;
before(async () => {
  await writeCnafFlux(flowPath, { households: 300, invalidRate: 0.03, entrantRate: 0.1, seed: 11 });
  t = await target();
});
after(() => t.drop());

function killAfter(
  proc: ChildProcess,
  batches: number,
): Promise<{ seen: number; code: number | null; signal: string | null }> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let out = "";
    proc.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const lines = out.split("\n");
      out = lines.pop() ?? "";
      for (const l of lines) {
        if (!l.startsWith("batch ")) continue;
        seen++;
        // killed somewhere inside the next batch's transaction
        if (seen === batches) setTimeout(() => proc.kill("SIGKILL"), 5 + Math.floor(Math.random() * 20));
      }
    });
    let err = "";
    proc.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    proc.on("error", reject);
    proc.on("exit", (code, signal) =>
      signal === "SIGKILL"
        ? resolve({ seen, code, signal })
        : reject(new Error(`le processus s'est terminé sans être tué (${code}) : ${err}`)),
    );
  });
}

test("an import killed with SIGKILL mid-file resumes on rerun: no duplicate, same counts as an uninterrupted import", async () => {
  const proc = spawn(process.execPath, ["--import", "tsx", child], {
    env: { ...process.env, CHILD_DB: t.env, CHILD_FILE: flowPath, CHILD_BATCH: "20", CHILD_PAUSE_MS: "15" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killed = await killAfter(proc, 4);
  assert.equal(killed.signal, "SIGKILL");

  const h = await t.open();
  try {
    const halfway = await h.db
      .selectFrom("flux_imports")
      .select(["status", "processed_households"])
      .executeTakeFirstOrThrow();
    assert.equal(halfway.status, "en_cours");
    assert.ok(
      halfway.processed_households >= 80 && halfway.processed_households < 300,
      `${halfway.processed_households}`,
    );

    const { deps } = testDeps(h);
    const resumed = await importCnafFlux(deps, { filePath: flowPath, departement: "80", batchSize: 20 });
    assert.equal(resumed.status, "termine");

    // the reference: the same file imported in one go on a fresh database
    const ref = await testDb();
    const reference = await importCnafFlux(testDeps(ref).deps, {
      filePath: flowPath,
      departement: "80",
      batchSize: 20,
    });
    await ref.close();
    const pick = (s: typeof resumed) => [
      s.households,
      s.persons,
      s.created,
      s.updated,
      s.unchanged,
      s.rejected,
      s.newEntrants,
    ];
    assert.deepEqual(pick(resumed), pick(reference));

    const n = async (q: ReturnType<typeof sql<{ n: number }>>) => Number((await q.execute(h.db)).rows[0]!.n);
    assert.equal(await n(sql`SELECT count(*)::int AS n FROM persons`), reference.created);
    assert.equal(
      await n(sql`SELECT count(DISTINCT nir_index)::int AS n FROM persons WHERE nir_index IS NOT NULL`),
      await n(sql`SELECT count(nir_index)::int AS n FROM persons`),
    );
    assert.equal(await n(sql`SELECT count(*)::int AS n FROM parcours`), reference.newEntrants);
    assert.equal(await n(sql`SELECT count(*)::int AS n FROM import_quarantine`), reference.rejected);
    assert.equal(
      await n(sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'persons.created'`),
      reference.created,
    );
  } finally {
    await h.close();
  }
});
