import { defineRoute } from "../kernel/route";
import { sessionViewSchema } from "./identity.schema";

export const identityRoutes = {
  getSession: defineRoute({
    method: "GET",
    url: "/api/session",
    summary: "Session en cours (401 si non connecté) ; fournit le jeton CSRF",
    tags: ["identite"],
    response: sessionViewSchema,
  }),
};
