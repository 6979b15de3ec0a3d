// axe-core in the page under test. The app's CSP forbids inline scripts (addScriptTag would be blocked),
// so axe's source is evaluated through the DevTools protocol, which CSP does not govern: the page keeps
// its real CSP, and the journeys still catch CSP violations of the app itself.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AxeResults, ImpactValue } from "axe-core";
import type { Page } from "playwright-core";
import { ROOT } from "./server";

const AXE_SOURCE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const BLOCKING: ImpactValue[] = ["serious", "critical"];

export type AxeFinding = {
  page: string;
  id: string;
  impact: ImpactValue | null;
  help: string;
  targets: string[];
};

/** Every finding of the run, for the summary printed at the end of a journey file. */
export const axeFindings: AxeFinding[] = [];

/** Runs axe on the page as it is now; prints every violation; fails on serious or critical ones. */
export async function checkAccessibility(page: Page, label: string): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === "object");
  if (!hasAxe) await page.evaluate(`${AXE_SOURCE}\n;0`);
  const results = (await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run(ctx: unknown, opts: unknown): Promise<unknown> };
      document: unknown;
    };
    return g.axe.run(g.document, { resultTypes: ["violations"] });
  })) as AxeResults;
  const findings = results.violations.map((v) => ({
    page: label,
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
  axeFindings.push(...findings);
  console.log(
    findings.length === 0
      ? `  [axe] ${label} : aucune violation`
      : [
          `  [axe] ${label} : ${findings.length} violation(s)`,
          ...findings.map(
            (f) => `    - ${f.impact ?? "?"} ${f.id} : ${f.help} (${f.targets.slice(0, 4).join(" | ")})`,
          ),
        ].join("\n"),
  );
  const blocking = findings.filter((f) => f.impact && BLOCKING.includes(f.impact));
  assert.deepEqual(
    blocking.map((f) => `${f.impact} ${f.id} : ${f.help} (${f.targets.join(" | ")})`),
    [],
    `${label} : violations d'accessibilité graves ou critiques`,
  );
  return findings;
}

export function printAxeSummary(): void {
  if (axeFindings.length === 0) return;
  console.log("# axe : récapitulatif des violations (toutes gravités)");
  for (const f of axeFindings) console.log(`#   ${f.page} — ${f.impact ?? "?"} ${f.id} : ${f.help}`);
}
