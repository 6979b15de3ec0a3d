// Every section a use case writes to the audit trail has a French label, so « qui a consulté mon
// dossier » never shows a raw code. The sections are read from the server's source (literal
// `section: "…"` and `SECTION = "…"` constants).
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { auditSectionLabels } from "../../shared/audit/audit.schema";

const serverDir = fileURLToPath(new URL("..", import.meta.url));

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.includes("fixtures")) out.push(p);
  }
  return out;
}

test("every audited section has a French label", () => {
  const used = new Set<string>();
  for (const file of sources(serverDir)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\bsection: "([a-z_]+)"/g)) used.add(m[1]!);
    for (const m of text.matchAll(/\b[A-Z_]*SECTION = "([a-z_]+)"/g)) used.add(m[1]!);
  }
  assert.ok(used.size >= 10, `sections trouvées : ${[...used].join(", ")}`);
  const missing = [...used].filter((s) => !auditSectionLabels[s]).sort();
  assert.deepEqual(missing, [], "sections du journal sans libellé français");
});
