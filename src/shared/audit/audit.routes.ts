import { z } from "zod";
import { defineRoute } from "../kernel/route";
import { auditEntryViewSchema } from "./audit.schema";

export const auditRoutes = {
  getMyAuditLog: defineRoute({
    method: "GET",
    url: "/api/me/audit",
    summary: "Qui a consulté mon dossier (espace personnel)",
    tags: ["journal"],
    response: z.object({ items: z.array(auditEntryViewSchema) }),
  }),
};
