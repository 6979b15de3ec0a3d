// Test database harness: the same suites run on PGlite (default) and on a PostgreSQL server
// (SOCLE_TEST_ENGINE=postgres with TEST_DATABASE_URL). Each call gets a fresh, migrated database.
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { connect, type DbHandle } from "../server/db/connect";
import { listMigrations, migrate } from "../server/db/migrate";

export type TestEngine = "pglite" | "postgres";

export function testEngine(): TestEngine {
  const e = process.env.SOCLE_TEST_ENGINE ?? "pglite";
  if (e !== "pglite" && e !== "postgres") throw new Error(`SOCLE_TEST_ENGINE inconnu : ${e}`);
  return e;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "SOCLE_TEST_ENGINE=postgres exige TEST_DATABASE_URL (ex. postgres://postgres@127.0.0.1:5432/test) : pas de repli silencieux sur PGlite.",
    );
  }
  return url;
}

/** A fresh migrated database; `close()` drops it (PostgreSQL) or discards it (PGlite). */
export async function testDb(): Promise<DbHandle> {
  if (testEngine() === "pglite") {
    const h = await connect({ kind: "pglite", loadDataDir: await pgliteTemplate() });
    await migrate(h);
    return h;
  }
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  const name = `socle_t_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const h = await connect({ kind: "postgres", url: url.toString(), max: 5 });
  await migrate(h);
  return {
    ...h,
    close: async () => {
      await h.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * A migrated PGlite data directory, made once per set of migrations and kept in the temp folder:
 * loading it is several times faster than PGlite's initdb for every test file.
 */
async function pgliteTemplate(): Promise<Blob> {
  const key = createHash("sha256")
    .update(
      listMigrations()
        .map((m) => m.checksum)
        .join(","),
    )
    .digest("hex")
    .slice(0, 16);
  const path = join(tmpdir(), `socle-pglite-template-${key}.tar.gz`);
  if (!existsSync(path)) {
    const h = await connect({ kind: "pglite" });
    await migrate(h);
    const raw = (h as DbHandle & { pglite?: PGlite }).pglite;
    if (!raw) throw new Error("pglite handle expected");
    const dump = await raw.dumpDataDir("gzip");
    await h.close();
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, path); // atomic: concurrent test files never read a half-written template
  }
  return new Blob([readFileSync(path)]);
}
