// `socle export indicators --level departement --code 33 --from 2025-01 --to 2025-12 --format csv|xlsx|json
// [--open-data] [--threshold 11] [--granularity mois] [--output fichier|-]`: the same file as the HTTP
// download, written to the current folder (or standard output with `--output -`). Runs as the command line
// (national scope: the operator already has the database).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Deps } from "../kernel/deps";
import { exportIndicators } from "./use-cases/export-indicators";

export type IndicatorsCliOptions = {
  level: string;
  code?: string;
  from: string;
  to: string;
  format?: string;
  granularity?: string;
  openData?: boolean;
  threshold?: string;
  output?: string;
};

export async function runIndicatorsExportCli(deps: Deps, o: IndicatorsCliOptions): Promise<void> {
  const file = await exportIndicators(
    deps,
    { kind: "system", id: "cli", channel: "cli" },
    {
      // checked by the use case's schema: a wrong value gets the French message of the API
      niveau: o.level as never,
      code: o.code,
      de: o.from,
      a: o.to,
      format: (o.format ?? "csv") as never,
      granularite: (o.granularity ?? "mois") as never,
      donneesOuvertes: o.openData === true,
      seuil: o.threshold === undefined ? undefined : Number(o.threshold),
    },
  );
  if (o.output === "-") {
    process.stdout.write(file.content);
    return;
  }
  const path = resolve(o.output ?? file.fileName);
  writeFileSync(path, file.content);
  console.log(
    `Indicateurs exportés : ${path}${o.openData ? " (données ouvertes, secret statistique appliqué)" : ""}.`,
  );
}
