// Configuration, parsed once at startup from the environment. The only file that reads process.env.
// Defaults are safe on a laptop (demo mode, embedded PGlite); production refuses demo secrets.
import { z } from "zod";

export const DEMO_SESSION_SECRET = "demo-session-secret-do-not-use-in-production-0000";
export const DEMO_OIDC_CLIENT_SECRET = "demo-oidc-client-secret";
export const DEMO_NIR_SECRET = "demo-nir-secret-do-not-use-in-production-000000";

const envSchema = z.object({
  SOCLE_ENV: z.enum(["demo", "test", "production"]).default("demo"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  SOCLE_DATA_DIR: z.string().default(".socle"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  SESSION_SECRET: z.string().min(32).default(DEMO_SESSION_SECRET),
  // protects the NIR: encryption key and blind-index key derive from it (PS-43)
  NIR_SECRET: z.string().min(32).default(DEMO_NIR_SECRET),
  SESSION_IDLE_MINUTES_PRO: z.coerce.number().int().positive().default(30),
  SESSION_IDLE_MINUTES_PERSON: z.coerce.number().int().positive().default(15),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().positive().default(12),
  // OIDC: unset issuers = the bundled local provider (demo/test only).
  OIDC_PRO_ISSUER: z.string().url().optional(),
  OIDC_PRO_CLIENT_ID: z.string().default("socle-pro"),
  OIDC_PRO_CLIENT_SECRET: z.string().default(DEMO_OIDC_CLIENT_SECRET),
  OIDC_PRO_SCOPES: z.string().default("openid email given_name usual_name siret"),
  OIDC_PERSON_ISSUER: z.string().url().optional(),
  OIDC_PERSON_CLIENT_ID: z.string().default("socle-person"),
  OIDC_PERSON_CLIENT_SECRET: z.string().default(DEMO_OIDC_CLIENT_SECRET),
  OIDC_PERSON_SCOPES: z.string().default("openid given_name family_name birthdate email"),
  RATE_LIMIT_LOGIN_PER_MINUTE: z.coerce.number().int().positive().default(20),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().positive().default(300),
  DEMO_DEPARTEMENT: z.string().default("80"),
  DEMO_PERSONS: z.coerce.number().int().min(0).default(2000),
  SOCLE_SKIP_WEB_BUILD: z.enum(["0", "1"]).default("0"),
  // largest document attached to a dossier partagé, in bytes (PS-54)
  SHARED_FILE_MAX_DOCUMENT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  // PS-15: after a reorientation, days during which the former follow-up group still reads the file
  REORIENTATION_READ_ACCESS_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  // outbound e-mail: smtp:// or smtps://user:password@host:port; unset in demo/test = the bundled catcher
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Socle <ne-pas-repondre@socle.localhost>"),
});

export type Config = z.infer<typeof envSchema> & {
  isProduction: boolean;
  /** true when the bundled OIDC provider runs (demo and test modes) */
  localOidc: boolean;
  publicUrl: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration invalide :\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const isProduction = c.SOCLE_ENV === "production";
  if (isProduction) {
    const problems: string[] = [];
    if (!c.DATABASE_URL)
      problems.push("DATABASE_URL est obligatoire en production (PGlite est réservé à la démo).");
    if (c.SESSION_SECRET === DEMO_SESSION_SECRET)
      problems.push("SESSION_SECRET doit être défini (secret de démo refusé).");
    if (c.NIR_SECRET === DEMO_NIR_SECRET)
      problems.push("NIR_SECRET doit être défini (secret de démo refusé).");
    if (!c.OIDC_PRO_ISSUER) problems.push("OIDC_PRO_ISSUER (ProConnect) est obligatoire en production.");
    if (!c.OIDC_PERSON_ISSUER)
      problems.push("OIDC_PERSON_ISSUER (FranceConnect) est obligatoire en production.");
    if (c.OIDC_PRO_CLIENT_SECRET === DEMO_OIDC_CLIENT_SECRET)
      problems.push("OIDC_PRO_CLIENT_SECRET doit être défini (secret de démo refusé).");
    if (c.OIDC_PERSON_CLIENT_SECRET === DEMO_OIDC_CLIENT_SECRET)
      problems.push("OIDC_PERSON_CLIENT_SECRET doit être défini (secret de démo refusé).");
    if (!c.PUBLIC_URL) problems.push("PUBLIC_URL (adresse publique https) est obligatoire en production.");
    if (!c.SMTP_URL) problems.push("SMTP_URL (serveur d'envoi des courriels) est obligatoire en production.");
    if (problems.length > 0) {
      throw new Error(`Démarrage refusé en mode production :\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, "");
  // the bundled provider serves whichever kind of login has no issuer configured (never in production)
  return {
    ...c,
    isProduction,
    localOidc: !isProduction && (!c.OIDC_PRO_ISSUER || !c.OIDC_PERSON_ISSUER),
    publicUrl,
  };
}
