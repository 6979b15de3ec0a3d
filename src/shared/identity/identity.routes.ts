import { z } from "zod";
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
  logout: defineRoute({
    method: "POST",
    url: "/auth/logout",
    summary: "Déconnexion : révoque la session et renvoie l'adresse de déconnexion du fournisseur d'identité",
    tags: ["identite"],
    response: z.object({ redirectTo: z.string() }),
  }),
};
