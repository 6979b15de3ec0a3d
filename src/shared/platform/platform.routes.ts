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

export const platformRoutes = {
  getHealth: defineRoute({
    method: "GET",
    url: "/api/health",
    summary: "État de la plateforme (base de données, version de migration)",
    tags: ["plateforme"],
    auth: false,
    response: healthViewSchema,
  }),
};
