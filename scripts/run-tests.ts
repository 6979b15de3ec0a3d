// Finds test files by suffix and hands them to node's test runner (Node 20 neither expands globs
// nor looks for .ts files). Usage: tsx scripts/run-tests.ts unit db http [--engine=postgres]
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const engine = args.find((a) => a.startsWith("--engine="))?.split("=")[1] ?? "pglite";
const kinds = args.filter((a) => !a.startsWith("--"));
const roots = ["src", "scripts", "bench"];

function walk(dir: string, out: string[] = []): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const matchers: Record<string, (f: string) => boolean> = {
  unit: (f) => /\.test\.tsx?$/.test(f) && !/\.(db|http|manual)\.test\.ts$/.test(f),
  db: (f) => f.endsWith(".db.test.ts"),
  http: (f) => f.endsWith(".http.test.ts"),
  journey: (f) => f.endsWith(".journey.ts"),
};
const files = (kinds.includes("journey") ? walk("e2e") : [])
  .concat(roots.flatMap((r) => walk(r)))
  .filter((f) => kinds.some((k) => matchers[k]?.(f)))
  .sort();

if (files.length === 0) {
  console.error(`Aucun fichier de test trouvé pour : ${kinds.join(", ")}`);
  process.exit(1);
}
console.log(`# engine: ${engine} · suites: ${kinds.join(", ")} · ${files.length} fichiers`);
const concurrency = process.env.TEST_CONCURRENCY ?? (kinds.includes("journey") ? "1" : "2");
// A test that never settles fails after this many milliseconds instead of stalling the run, and a file whose
// tests are done exits even if a library left a timer or socket open (--test-force-exit): a hang is a
// failure with a name, never a silent CI timeout.
const timeoutMs = process.env.TEST_TIMEOUT_MS ?? (kinds.includes("journey") ? "600000" : "300000");
const r = spawnSync(
  process.execPath,
  [
    "--import",
    "tsx",
    "--test",
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${timeoutMs}`,
    "--test-force-exit",
    "--test-reporter=spec",
    ...files,
  ],
  { stdio: "inherit", env: { ...process.env, SOCLE_TEST_ENGINE: engine, SOCLE_ENV: "test" } },
);
process.exit(r.status ?? 1);
