// Forward-only SQL migrations applied in name order at start. Each file is checksummed; a changed
// applied file stops the start. Views in db/views are dropped before and re-created after.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { DbHandle } from "./connect";

const here = fileURLToPath(new URL(".", import.meta.url));
export const migrationsDir = join(here, "migrations");
export const viewsDir = join(here, "views");

type Migration = { name: string; checksum: string; script: string };

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{12}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const script = readFileSync(join(dir, name), "utf8");
      return { name, script, checksum: createHash("sha256").update(script).digest("hex") };
    });
}

function listViews(): { name: string; script: string }[] {
  let files: string[] = [];
  try {
    files = readdirSync(viewsDir).filter((f) => f.endsWith(".sql"));
  } catch {
    return [];
  }
  return files
    .sort()
    .map((f) => ({ name: f.replace(/\.sql$/, ""), script: readFileSync(join(viewsDir, f), "utf8") }));
}

export type MigrationReport = { applied: string[]; version: string | null };

export async function migrate(h: DbHandle): Promise<MigrationReport> {
  await h.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    );`);
  const done = await sql<{
    name: string;
    checksum: string;
  }>`SELECT name, checksum FROM schema_migrations`.execute(h.db);
  const applied = new Map(done.rows.map((r) => [r.name, r.checksum]));
  const migrations = listMigrations();
  for (const m of migrations) {
    const previous = applied.get(m.name);
    if (previous && previous !== m.checksum) {
      throw new Error(
        `La migration ${m.name} a été modifiée après son application (somme de contrôle différente).`,
      );
    }
  }
  const views = listViews();
  const pending = migrations.filter((m) => !applied.has(m.name));
  if (pending.length > 0 && views.length > 0) {
    await h.exec(views.map((v) => `DROP VIEW IF EXISTS ${v.name} CASCADE;`).join("\n"));
  }
  for (const m of pending) {
    // one implicit transaction per script (simple query protocol): the record and the change land together
    await h.exec(
      `BEGIN;\n${m.script}\n;INSERT INTO schema_migrations (name, checksum) VALUES ('${m.name}', '${m.checksum}');\nCOMMIT;`,
    );
  }
  for (const v of views) await h.exec(`CREATE OR REPLACE VIEW ${v.name} AS ${v.script}`);
  return { applied: pending.map((m) => m.name), version: migrations.at(-1)?.name ?? null };
}

export async function currentMigration(h: DbHandle): Promise<string | null> {
  const r = await sql<{ name: string }>`SELECT max(name) AS name FROM schema_migrations`.execute(h.db);
  return r.rows[0]?.name ?? null;
}
