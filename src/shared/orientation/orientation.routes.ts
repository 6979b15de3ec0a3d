import { z } from "zod";
import { defineRoute } from "../kernel/route";
import { ruleSetSchema } from "./orientation.rules";
import {
  decideOrientationBodySchema,
  decideReorientationBodySchema,
  myOrientationViewSchema,
  orientationIdSchema,
  orientationViewSchema,
  reorientationRequestViewSchema,
  requestReorientationBodySchema,
  updateCriteriaBodySchema,
} from "./orientation.schema";

const orientationParams = z.object({ orientationId: orientationIdSchema });
const requestParams = z.object({ requestId: z.string().uuid() });

export const orientationRoutes = {
  getOrientation: defineRoute({
    method: "GET",
    url: "/api/orientations/:orientationId",
    summary: "Une orientation : critères, proposition calculée et son explication, décision",
    tags: ["orientation"],
    params: orientationParams,
    response: orientationViewSchema,
  }),
  updateOrientationCriteria: defineRoute({
    method: "PUT",
    url: "/api/orientations/:orientationId/criteria",
    summary:
      "Modifier les critères d'orientation (la proposition est recalculée ; 409 si l'orientation a changé)",
    tags: ["orientation"],
    params: orientationParams,
    body: updateCriteriaBodySchema,
    response: orientationViewSchema,
  }),
  decideOrientation: defineRoute({
    method: "POST",
    url: "/api/orientations/:orientationId/decision",
    summary:
      "Décider l'orientation : valider la proposition, ou choisir une autre orientation avec un motif. La personne est notifiée (courrier PDF et courriel).",
    tags: ["orientation"],
    params: orientationParams,
    body: decideOrientationBodySchema,
    response: orientationViewSchema,
  }),
  getMyOrientation: defineRoute({
    method: "GET",
    url: "/api/me/orientation",
    summary: "Mon orientation (espace personnel)",
    tags: ["orientation"],
    response: myOrientationViewSchema,
  }),
  requestReorientation: defineRoute({
    method: "POST",
    url: "/api/orientations/:orientationId/reorientation-requests",
    summary: "Demander une réorientation (référent·e)",
    tags: ["orientation"],
    params: orientationParams,
    body: requestReorientationBodySchema,
    response: reorientationRequestViewSchema,
  }),
  getReorientationRequest: defineRoute({
    method: "GET",
    url: "/api/reorientation-requests/:requestId",
    summary: "Une demande de réorientation",
    tags: ["orientation"],
    params: requestParams,
    response: reorientationRequestViewSchema,
  }),
  decideReorientationRequest: defineRoute({
    method: "POST",
    url: "/api/reorientation-requests/:requestId/decision",
    summary: "Accepter ou refuser (avec motif) une demande de réorientation",
    tags: ["orientation"],
    params: requestParams,
    body: decideReorientationBodySchema,
    response: reorientationRequestViewSchema,
  }),
  listRuleSets: defineRoute({
    method: "GET",
    url: "/api/orientation-rule-sets",
    summary: "Référentiels d'orientation en vigueur (national et départemental), publiés et versionnés",
    tags: ["orientation"],
    query: z.object({ departement: z.string().regex(/^(\d{2,3}|2[AB])$/) }),
    response: z.object({
      versionReferentiel: z.string().nullable(),
      ruleSets: z.array(ruleSetSchema.extend({ publishedAt: z.string() })),
    }),
  }),
};
