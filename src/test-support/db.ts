// Test database harness: the same suites run on PGlite (default) and on a PostgreSQL server
// (SOCLE_TEST_ENGINE=postgres with TEST_DATABASE_URL). Each call gets a fresh, migrated database.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type DbHandle } from "../server/db/connect";
import { migrate } from "../server/db/migrate";

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
    const h = await connect({ kind: "pglite" });
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
