// Enforces the boundaries that matter: shared/ imports nothing from server/ or web/, nor Node built-ins,
// React or Kysely; web/ never imports server/; no focused tests (.only) are committed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e)) out.push(p);
  }
  return out;
}

const problems: string[] = [];
const importRe = /(?:import|export)[^"']*from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

for (const file of [...walk("src"), ...walk("e2e")]) {
  const text = readFileSync(file, "utf8");
  const imports = [...text.matchAll(importRe)].map((m) => m[1] ?? m[2] ?? "");
  const isTest = /\.test\.tsx?$/.test(file);
  if (file.startsWith(join("src", "shared")) && !isTest) {
    for (const i of imports) {
      if (
        /\/(server|web)\//.test(i) ||
        i.startsWith("node:") ||
        i === "react" ||
        i === "kysely" ||
        i.startsWith("@fastify")
      )
        problems.push(`${file} : shared/ ne doit pas importer ${i}`);
    }
  }
  if (file.startsWith(join("src", "web"))) {
    for (const i of imports)
      if (/\/server\//.test(i) || i.startsWith("node:"))
        problems.push(`${file} : web/ ne doit pas importer ${i}`);
  }
  if (/\.(test|journey)\.tsx?$/.test(file) || file.endsWith(".journey.ts")) {
    if (/\b(it|test|describe)\.only\(|\bonly:\s*true/.test(text))
      problems.push(`${file} : test focalisé (.only) interdit`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log("Structure conforme.");
