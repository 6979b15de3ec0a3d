// Starts the platform: configuration, database (migrated), reference data, demo territory (demo mode),
// HTTP server with the web app. Prints the URL and the demo logins.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./app";
import { bootstrap } from "./bootstrap";
import { DEMO_PERSON_EMAIL, demoLogins } from "./demo/demo-territory";
import { seedDemo } from "./demo/seed-demo";
import { loadConfig } from "./kernel/config";
import { startMessaging } from "./messaging/start-messaging";
import { loadReferenceData } from "./reference-data/load-reference-data";
import { catchUpSteeringFacts, startSteeringRefresher } from "./steering/steering.refresher";

const root = fileURLToPath(new URL("../..", import.meta.url));

export async function start() {
  const started = performance.now();
  const config = loadConfig();
  const { deps, handle } = await bootstrap(config);
  const step = (label: string) =>
    console.log(`  ✓ ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  step(
    `base de données ${handle.kind === "pglite" ? `PGlite (${join(config.SOCLE_DATA_DIR, "pglite")})` : "PostgreSQL"} migrée`,
  );
  const ref = await loadReferenceData(deps.db, deps.clock);
  step(
    `référentiels : ${ref.map((r) => `${r.dataset} ${r.version}${r.skipped ? " (à jour)" : ` (${r.rows} lignes)`}`).join(", ")}`,
  );
  if (!config.isProduction && config.DEMO_PERSONS > 0) {
    const seed = await seedDemo(deps.db, deps.clock, deps.secrets, { persons: config.DEMO_PERSONS });
    step(
      `territoire de démonstration (Somme) : ${seed.structures} structures, ${seed.professionals} professionnels, ${seed.personsTotal} personnes (dont l'historique de 18 mois du pilotage${seed.historyPersonsCreated > 0 ? `, ${seed.historyPersonsCreated} personnes créées` : ""})`,
    );
  }
  const messaging = await startMessaging(deps, handle);
  step(
    `messages : ${messaging.catcherUrl ? `récepteur de démonstration ${messaging.catcherUrl}` : "serveur SMTP configuré"}`,
  );
  // the steering fact tables follow the writes: caught up now (the demo's history at the first start, the
  // facts of an existing base after the migration that creates them), then every minute
  const facts = await catchUpSteeringFacts(deps);
  if (facts.persons > 0)
    step(
      `tableaux de bord du pilotage : faits ${facts.rebuilt ? "calculés" : "actualisés"} pour ${facts.persons} personnes`,
    );
  const steering = startSteeringRefresher(deps);
  const app = await buildApp(deps, handle, { webDist: join(root, "dist/web") });
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = config.publicUrl;
  console.log(`\nSocle est prêt : ${url}  (API : ${url}/api/docs)`);
  if (!config.isProduction) {
    console.log("\nComptes de démonstration (mot de passe : demo) :");
    for (const l of demoLogins) console.log(`  ${l.email.padEnd(34)} ${l.label}`);
    console.log(`  ${DEMO_PERSON_EMAIL.padEnd(34)} Personne accompagnée (Léa Durand)`);
  }
  const stop = async () => {
    await app.close();
    steering.stop();
    await steering.idle();
    await messaging.stop();
    await handle.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return app;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  start().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
