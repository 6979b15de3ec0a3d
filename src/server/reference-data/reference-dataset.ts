// What every reference dataset provides to loadReferenceData: a name, a version, a checksum of its
// source files (computed without parsing them, so an unchanged dataset is skipped cheaply) and a
// load function run inside the dataset's transaction. Also the CSV reader and batching they share.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type { Db } from "../db/connect";

/** The project's `data/` folder (open data copied unchanged, see data/README.md). */
export const dataDir = fileURLToPath(new URL("../../../data/", import.meta.url));

export type LoadOutcome = {
  /** source records written (all tables of the dataset) */
  rows: number;
  /** per-table counts and anomalies worth reporting (e.g. communes without a zone d'emploi) */
  details: Record<string, number>;
};

export type ReferenceDataset = {
  name: string;
  version: string;
  checksum: string;
  load(tx: Db): Promise<LoadOutcome>;
};

/** Bumped when a loader's transformation changes, so already loaded data is reloaded. */
export const LOADER_REVISION = "1";

export type SourceFile = { path: string; content: Buffer };

export function readSources(paths: string[]): SourceFile[] {
  return paths.map((path) => ({ path, content: readFileSync(path) }));
}

/** sha256 over the loader revision, the names and the bytes of the files, plus extra strings. */
export function checksumOf(files: SourceFile[], ...extra: string[]): string {
  const h = createHash("sha256").update(`revision:${LOADER_REVISION}\n`);
  for (const f of files) h.update(`${basename(f.path)}:${f.content.length}\n`).update(f.content);
  for (const e of extra) h.update(`\n${e}`);
  return h.digest("hex");
}

/** Rows of a CSV file with a header line; fails (in French) if an expected column is missing. */
export function readCsv<K extends string>(file: SourceFile, columns: readonly K[]): Record<K, string>[] {
  const rows = parse<Record<string, string>>(file.content, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  const header = rows[0] ? Object.keys(rows[0]) : [];
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new Error(`Fichier ${basename(file.path)} : colonne(s) absente(s) : ${missing.join(", ")}.`);
  }
  // the header was checked above: every row has these columns (csv-parse rejects ragged rows)
  return rows as Record<K, string>[];
}

export const BATCH_SIZE = 1000;

/** Runs `write` on consecutive slices of `rows` (one INSERT statement each). */
export async function inBatches<T>(
  rows: readonly T[],
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) await write(rows.slice(i, i + BATCH_SIZE));
}
