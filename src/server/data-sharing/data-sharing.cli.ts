// `socle export liste-minimale --departement 80 --mois 2026-11 --format csv|xlsx|json [--output fichier|-]` and
// `socle import liste-minimale <fichier> --departement 33 [--json] [--taille-lot 500]`: the same file and import
// as the steering page, run as the command line (the operator already has the database).
import { readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Actor } from "../kernel/access";
import type { Deps } from "../kernel/deps";
import { exportListeMinimale } from "./use-cases/export-liste-minimale";
import { importListeMinimale } from "./use-cases/import-liste-minimale";

const cli: Actor = { kind: "system", id: "cli", channel: "cli" };

export async function runListeMinimaleExportCli(
  deps: Deps,
  o: { departement: string; mois: string; format?: string; output?: string },
): Promise<void> {
  const file = await exportListeMinimale(deps, cli, {
    departement: o.departement,
    mois: o.mois,
    // checked by the use case's schema: a wrong value gets the French message of the API
    format: (o.format ?? "csv") as never,
  });
  if (o.output === "-") {
    process.stdout.write(file.content);
    return;
  }
  const path = resolve(o.output ?? file.fileName);
  writeFileSync(path, file.content);
  console.log(
    `Liste minimale exportée : ${path} (données personnelles : à transmettre par un canal sécurisé).`,
  );
}

export async function runListeMinimaleImportCli(
  deps: Deps,
  fichier: string,
  o: { departement: string; json?: boolean; tailleLot?: string },
): Promise<void> {
  const r = await importListeMinimale(deps, cli, {
    departement: o.departement,
    fileName: basename(fichier),
    content: readFileSync(fichier),
    batchSize: o.tailleLot ? Number(o.tailleLot) : undefined,
  });
  if (o.json) {
    console.log(JSON.stringify(r));
    return;
  }
  console.log(
    `${r.dejaImporte ? "Fichier déjà importé, rien à refaire. " : ""}Liste minimale du département ${r.departement} : ${r.lignes} ligne(s), ${r.creees} créée(s), ${r.misesAJour} mise(s) à jour, ${r.inchangees} inchangée(s), ${r.quarantaine} en quarantaine.`,
  );
  for (const q of r.rejets)
    console.log(
      `  ligne ${q.ligne}${q.idParcours ? ` (parcours ${q.idParcours})` : ""} : ${q.motifs.map((m) => `${m.colonne} : ${m.message}`).join(" ; ")}`,
    );
}
