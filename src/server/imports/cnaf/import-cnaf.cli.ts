// `socle import cnaf <fichier> --departement 80 [--recu-le AAAA-MM-JJ] [--json]`: runs the import with a
// progress bar on a terminal, then prints the summary in French (or as JSON). Exit code 1 when the import
// stopped on an error; the households imported before it are listed all the same.
import cliProgress from "cli-progress";
import type { CnafImportSummary } from "../../../shared/imports/imports.schema";
import { SocleError } from "../../../shared/kernel/errors";
import type { Deps } from "../../kernel/deps";
import { cnafImportSummary, importCnafFlux } from "./import-cnaf-flux";

export type CnafCliOptions = { departement: string; recuLe?: string; json?: boolean; tailleLot?: string };

const n = (x: number) => x.toLocaleString("fr-FR");

export function formatCnafSummary(s: CnafImportSummary): string {
  const lines: string[] = [];
  if (s.status === "deja_importe") {
    lines.push(
      `Flux « ${s.fileName} » déjà importé pour le département ${s.departement} : aucune modification.`,
    );
    return lines.join("\n");
  }
  const state =
    s.status === "termine" ? "terminé" : s.status === "echec" ? "arrêté sur une erreur" : "interrompu";
  lines.push(
    `Import du flux CAF/MSA « ${s.fileName} » ${state} — département ${s.departement}, flux ${s.typeflux} de référence ${s.dtref}, reçu le ${s.receivedDate}.`,
    `  Foyers lus : ${n(s.households)}${s.announcedHouseholds !== null ? ` (annoncés par le fichier : ${n(s.announcedHouseholds)})` : ""}`,
    `  Personnes : ${n(s.persons)} — créées ${n(s.created)}, mises à jour ${n(s.updated)}, inchangées ${n(s.unchanged)}`,
    `  Enregistrements en quarantaine : ${n(s.rejected)}`,
    `  Nouveaux entrants : ${n(s.newEntrants)} (orientation à décider dans les 15 jours à compter du ${s.receivedDate})`,
  );
  if (s.veillesStarted + s.veillesEnded + s.pathwaysClosed > 0) {
    lines.push(
      `  Suivis : ${n(s.veillesStarted)} mis en veille (plus soumis aux droits et devoirs), ${n(s.veillesEnded)} repris (de nouveau soumis dans les 12 mois), ${n(s.pathwaysClosed)} parcours clos avant un nouveau (retour après plus de 12 mois)`,
    );
  }
  if (s.divergences + s.possibleDuplicates > 0) {
    lines.push(
      `  À vérifier : ${n(s.divergences)} divergence(s) d'identité, ${n(s.possibleDuplicates)} doublon(s) possible(s)`,
    );
  }
  for (const w of s.warnings) lines.push(`  Attention : ${w}`);
  if (s.errorMessage) lines.push(`  Erreur : ${s.errorMessage}`);
  if (s.quarantined.length > 0) {
    lines.push("Quarantaine (motifs) :");
    const shown = s.quarantined.slice(0, 20);
    for (const q of shown) lines.push(`  - ${q.key}${q.line ? ` (ligne ${q.line})` : ""} : ${q.reason}`);
    if (s.rejected > shown.length)
      lines.push(
        `  … et ${n(s.rejected - shown.length)} autre(s) : voir le compte rendu de l'import ${s.importId}.`,
      );
  }
  return lines.join("\n");
}

export async function runCnafImportCli(cliDeps: Deps, file: string, opts: CnafCliOptions): Promise<void> {
  // the command prints its own report and errors: keep the standard output free of log lines (--json)
  const deps: Deps = { ...cliDeps, log: cliDeps.log.child({}, { level: "error" }) };
  const showBar = !opts.json && process.stdout.isTTY === true;
  const bar = showBar
    ? new cliProgress.SingleBar(
        {
          format: "Import CAF/MSA [{bar}] {percentage} % | {value}/{total} Mo | {households} foyers",
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  const mb = (b: number) => Math.round(b / 1e5) / 10;
  let started = false;
  try {
    const summary = await importCnafFlux(
      deps,
      {
        filePath: file,
        departement: opts.departement,
        recuLe: opts.recuLe,
        batchSize: opts.tailleLot ? Number(opts.tailleLot) : undefined,
        startedBy: "cli",
      },
      {
        onProgress: (p) => {
          if (!bar) return;
          if (!started) {
            bar.start(mb(p.totalBytes), 0, { households: 0 });
            started = true;
          }
          bar.update(mb(p.bytesRead), { households: n(p.households) });
        },
      },
    );
    bar?.stop();
    console.log(opts.json ? JSON.stringify(summary, null, 2) : formatCnafSummary(summary));
  } catch (e) {
    bar?.stop();
    const importId = (e as { importId?: string }).importId;
    const partial = importId ? await cnafImportSummary(deps.db, importId).catch(() => undefined) : undefined;
    if (opts.json) {
      const error =
        e instanceof SocleError
          ? { code: e.code, message: e.message }
          : { code: "internal", message: String(e) };
      console.log(JSON.stringify({ ...(partial ?? {}), erreur: error }, null, 2));
    } else {
      // the partial report already carries the error message
      if (partial?.errorMessage) console.log(formatCnafSummary(partial));
      else console.error(e instanceof Error ? e.message : String(e));
    }
    process.exitCode = 1;
  }
}
