import { z } from "zod";
import { defineRoute } from "../kernel/route";

export const healthViewSchema = z.object({
  status: z.literal("ok"),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    serverVersion: z.string(),
    migration: z.string().nullable(),
  }),
  mode: z.enum(["demo", "test", "production"]),
  version: z.string(),
});
export type HealthView = z.infer<typeof healthViewSchema>;

export const testClockBodySchema = z.object({
  minutes: z
    .number()
    .int()
    .positive("Le temps ne peut qu'avancer.")
    .max(60 * 24 * 400, "Au plus 400 jours."),
});
export const testClockViewSchema = z.object({ now: z.string(), offsetMinutes: z.number() });

export const platformRoutes = {
  getHealth: defineRoute({
    method: "GET",
    url: "/api/health",
    summary: "État de la plateforme (base de données, version de migration)",
    tags: ["plateforme"],
    auth: false,
    response: healthViewSchema,
  }),
  /** Only on SOCLE_ENV=test servers (browser journeys): lets time pass. Not bound in demo or production. */
  advanceTestClock: defineRoute({
    method: "POST",
    url: "/api/test/horloge",
    summary: "Fait avancer l'horloge d'un serveur de test (parcours navigateur uniquement)",
    tags: ["plateforme"],
    auth: false,
    body: testClockBodySchema,
    response: testClockViewSchema,
  }),
};
