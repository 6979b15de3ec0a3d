// The `socle` command line: migrate, seed, audit verify, serve, reference data. Later capabilities
// add their imports/exports here (one line each).
import { Command } from "commander";
import { verifyAuditChain } from "../server/audit/verify-audit-chain";
import { bootstrap } from "../server/bootstrap";
import { seedDemo } from "../server/demo/seed-demo";
import { runCnafImportCli } from "../server/imports/cnaf/import-cnaf.cli";
import { loadConfig } from "../server/kernel/config";
import { loadReferenceData } from "../server/reference-data/load-reference-data";
import type { IndicatorsCliOptions } from "../server/steering/steering.cli";

const program = new Command()
  .name("socle")
  .description("Socle — plateforme partagée du réseau pour l'emploi (outils en ligne de commande)")
  .showHelpAfterError();

async function withDeps<T>(fn: (ctx: Awaited<ReturnType<typeof bootstrap>>) => Promise<T>): Promise<T> {
  const ctx = await bootstrap(loadConfig({ LOG_LEVEL: "warn", ...process.env }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.close();
  }
}

program
  .command("migrate")
  .description("applique les migrations en attente (PGlite par défaut, PostgreSQL si DATABASE_URL)")
  .action(() =>
    withDeps(async ({ migrated, handle }) => {
      console.log(
        migrated.length
          ? `Migrations appliquées (${handle.kind}) : ${migrated.join(", ")}`
          : `Base à jour (${handle.kind}).`,
      );
    }),
  );

program
  .command("seed")
  .description(
    "charge les référentiels et le territoire de démonstration (Somme), de façon déterministe et idempotente",
  )
  .option("--persons <n>", "nombre de personnes de démonstration", "2000")
  .action((opts: { persons: string }) =>
    withDeps(async ({ deps }) => {
      const n = Number(opts.persons);
      if (!Number.isInteger(n) || n < 0) throw new Error("--persons attend un nombre entier positif.");
      for (const r of await loadReferenceData(deps.db, deps.clock)) {
        console.log(
          `Référentiel ${r.dataset} ${r.version} : ${r.skipped ? "déjà à jour" : `${r.rows} lignes chargées`}`,
        );
      }
      const s = await seedDemo(deps.db, deps.clock, deps.secrets, { persons: n });
      console.log(
        `Territoire de démonstration : ${s.structures} structures, ${s.professionals} professionnels, ${s.personsTotal} personnes (${s.personsCreated} créées).`,
      );
    }),
  );

const auditCmd = program.command("audit").description("journal des accès");
auditCmd
  .command("verify")
  .description("vérifie le chaînage du journal des accès (détecte une ligne modifiée, insérée ou supprimée)")
  .action(() =>
    withDeps(async ({ deps }) => {
      const r = await verifyAuditChain(deps.db);
      if (r.ok) {
        console.log(`Journal intègre : ${r.rows} entrées vérifiées.`);
      } else {
        console.error(`Journal ALTÉRÉ à l'entrée n° ${r.brokenAt} : ${r.reason} (${r.rows} entrées lues).`);
        process.exitCode = 2;
      }
    }),
  );

const registrationsCmd = program.command("registrations").description("inscriptions");
registrationsCmd
  .command("detect-abandoned")
  .description(
    "signale aux structures les inscriptions laissées inachevées (« aller vers »), une fois par brouillon",
  )
  .option("--jours <n>", "délai d'abandon en jours (⚙ inscription.abandonJours)", "7")
  .option("--json", "résumé en JSON")
  .action((opts: { jours: string; json?: boolean }) =>
    withDeps(async ({ deps }) => {
      const days = Number(opts.jours);
      if (!Number.isInteger(days) || days < 1)
        throw new Error("--jours attend un nombre entier de jours (1 ou plus).");
      const { detectAbandonedRegistrations } = await import(
        "../server/registration/use-cases/detect-abandoned-registrations"
      );
      const r = await detectAbandonedRegistrations(
        deps,
        { kind: "system", id: "cli", channel: "cli" },
        { abandonDays: days },
      );
      const summary = { examined: r.examined, reported: r.reported, withoutFile: r.withoutFile };
      console.log(
        opts.json
          ? JSON.stringify(summary)
          : `Inscriptions inachevées signalées : ${r.reported} (brouillons examinés : ${r.examined}, sans dossier à rattacher : ${r.withoutFile}).`,
      );
    }),
  );

const suiviCmd = program.command("suivi").description("suivi des personnes accompagnées");
suiviCmd
  .command("detecter")
  .description(
    "ouvre les activités de suivi : points d'étape, corde de rappel à 6 mois, risques de décrochage (une fois par personne et par type) ; clôt les contrats suspendus depuis 12 mois et les parcours en veille depuis plus de 12 mois",
  )
  .option("--semaines <n>", "délai sans contact en semaines, pour tous les départements (⚙ décrochage)")
  .option("--json", "résumé en JSON")
  .action((opts: { semaines?: string; json?: boolean }) =>
    withDeps(async ({ deps }) => {
      const weeks = opts.semaines === undefined ? undefined : Number(opts.semaines);
      if (weeks !== undefined && (!Number.isInteger(weeks) || weeks < 1))
        throw new Error("--semaines attend un nombre entier de semaines (1 ou plus).");
      const { detectFollowUpSignals } = await import(
        "../server/follow-up/use-cases/detect-follow-up-signals"
      );
      const r = await detectFollowUpSignals(
        deps,
        { kind: "system", id: "cli", channel: "cli" },
        { dropoutWeeks: weeks },
      );
      console.log(
        opts.json
          ? JSON.stringify(r)
          : `Suivi : ${r.examined} personnes examinées ; ouvertes : ${r.opened.POINT_ETAPE_A_REALISER} point(s) d'étape, ${r.opened.CORDE_DE_RAPPEL} corde(s) de rappel, ${r.opened.DECROCHAGE_A_TRAITER} risque(s) de décrochage ; ${r.dropoutsResolved} risque(s) levé(s) ; ${r.readAccessEnded} accès en lecture d'anciens référents clos (réorientation) ; ${r.contractsClosed} contrat(s) suspendu(s) depuis 12 mois clôturé(s) ; ${r.veillesClosed} parcours en veille et ${r.suspensionsClosed} parcours au droit suspendu depuis plus de 12 mois clos.`,
      );
    }),
  );

const pilotageCmd = program.command("pilotage").description("pilotage : indicateurs partagés");
pilotageCmd
  .command("actualiser")
  .description(
    "met à jour les tables de faits des tableaux de bord pour les personnes modifiées depuis la dernière actualisation (un serveur démarré le fait chaque minute)",
  )
  .option("--reconstruire", "recalcule toutes les tables de faits en une passe")
  .option("--json", "résumé en JSON")
  .action((opts: { reconstruire?: boolean; json?: boolean }) =>
    withDeps(async ({ deps }) => {
      const { rebuildSteeringFacts, refreshSteeringFacts, steeringFactsBacklog } = await import(
        "../server/steering/steering.facts"
      );
      const started = performance.now();
      const waiting = await steeringFactsBacklog(deps.db);
      let persons = waiting;
      if (opts.reconstruire) await rebuildSteeringFacts(deps.db);
      else persons = await refreshSteeringFacts(deps.db);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        opts.json
          ? JSON.stringify({ rebuilt: opts.reconstruire === true, persons, seconds })
          : opts.reconstruire
            ? `Tables de faits du pilotage reconstruites en ${seconds.toFixed(1)} s.`
            : `Tables de faits du pilotage actualisées : ${persons} personne(s) en ${seconds.toFixed(1)} s.`,
      );
    }),
  );

const importCmd = program.command("import").description("imports de données des partenaires");
importCmd
  .command("cnaf <fichier>")
  .description(
    "importe un flux bénéficiaires RSA CAF/MSA (VRSB 08.01, windows-1252) : idempotent, reprend après interruption",
  )
  .requiredOption(
    "--departement <code>",
    "département qui importe le flux (ex. 80) ; les foyers d'un autre département sont mis en quarantaine",
  )
  .option(
    "--recu-le <date>",
    "date de réception du flux par le département, AAAA-MM-JJ (T0 des nouveaux entrants ; par défaut DTCREAFLUX)",
  )
  .option("--taille-lot <n>", "foyers par transaction", "1000")
  .option("--json", "affiche le compte rendu en JSON")
  .action(
    (fichier: string, opts: { departement: string; recuLe?: string; tailleLot?: string; json?: boolean }) =>
      withDeps(({ deps }) => runCnafImportCli(deps, fichier, opts)),
  );

const exportCmd = program.command("export").description("exports de pilotage");
exportCmd
  .command("indicators")
  .description(
    "exporte les indicateurs de pilotage d'un territoire (agrégats seulement), en données ouvertes avec --open-data",
  )
  .requiredOption("--level <niveau>", "zone_emploi, departement, region ou national")
  .option("--code <code>", "code du territoire (ex. 80, 32, 3207) ; absent pour national")
  .requiredOption("--from <AAAA-MM>", "premier mois")
  .requiredOption("--to <AAAA-MM>", "dernier mois")
  .option("--format <format>", "csv, xlsx ou json", "csv")
  .option("--granularity <granularite>", "mois, trimestre, annee ou glissant_12_mois", "mois")
  .option(
    "--open-data",
    "secret statistique : cellules de moins de --threshold personnes masquées, et secret secondaire",
  )
  .option("--threshold <k>", "seuil du secret statistique (⚙ seuil_secret)", "11")
  .option(
    "--output <fichier>",
    "fichier écrit (par défaut le nom proposé, dans le dossier courant ; « - » : sortie standard)",
  )
  .action((opts: IndicatorsCliOptions) =>
    withDeps(async ({ deps }) => {
      const { runIndicatorsExportCli } = await import("../server/steering/steering.cli");
      await runIndicatorsExportCli(deps, opts);
    }),
  );
exportCmd
  .command("liste-minimale")
  .description(
    "exporte la liste minimale des données à partager d'un département pour un mois (données personnelles, pas de données ouvertes)",
  )
  .requiredOption("--departement <code>", "département (ex. 80)")
  .requiredOption(
    "--mois <AAAA-MM>",
    "mois de référence : les parcours ouverts pendant le mois, les faits connus à sa fin",
  )
  .option("--format <format>", "csv, xlsx ou json", "csv")
  .option("--output <fichier>", "fichier écrit (par défaut le nom proposé ; « - » : sortie standard)")
  .action((opts: { departement: string; mois: string; format?: string; output?: string }) =>
    withDeps(async ({ deps }) => {
      const { runListeMinimaleExportCli } = await import("../server/data-sharing/data-sharing.cli");
      await runListeMinimaleExportCli(deps, opts);
    }),
  );
importCmd
  .command("liste-minimale <fichier>")
  .description(
    "importe la liste minimale d'un département qui a son propre système (CSV ou XLSX) : faits externes, quarantaine, idempotent, reprend après interruption",
  )
  .requiredOption("--departement <code>", "département qui transmet le fichier (ex. 33)")
  .option("--taille-lot <n>", "lignes par transaction", "500")
  .option("--json", "affiche le compte rendu en JSON")
  .action((fichier: string, opts: { departement: string; json?: boolean; tailleLot?: string }) =>
    withDeps(async ({ deps }) => {
      const { runListeMinimaleImportCli } = await import("../server/data-sharing/data-sharing.cli");
      await runListeMinimaleImportCli(deps, fichier, opts);
    }),
  );

program
  .command("serve")
  .description("démarre la plateforme (API, application web, fournisseur d'identité de démonstration)")
  .action(async () => {
    const { start } = await import("../server/main");
    await start();
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
