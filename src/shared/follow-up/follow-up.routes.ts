import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  answerJobFollowUpBodySchema,
  followUpViewSchema,
  myJobFollowUpSchema,
  recordCheckpointBodySchema,
  recordExitBodySchema,
  resolveJobDifficultyBodySchema,
} from "./follow-up.schema";

const params = z.object({ personId: z.string().uuid() });

export const followUpRoutes = {
  getFollowUp: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/follow-up",
    summary: "Suivi d'une personne : prochain point d'étape, corde de rappel, signaux de décrochage, sortie",
    tags: ["suivi"],
    params,
    response: followUpViewSchema,
  }),
  recordCheckpoint: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/follow-up/checkpoints",
    summary: "Enregistrer un point d'étape ou une corde de rappel tenus avec la personne",
    tags: ["suivi"],
    params,
    body: recordCheckpointBodySchema,
    response: followUpViewSchema,
  }),
  recordExit: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/follow-up/exit",
    summary:
      "Enregistrer la sortie du parcours avec son motif (clôt l'accompagnement ; suivi dans l'emploi si le motif est l'emploi)",
    tags: ["suivi"],
    params,
    body: recordExitBodySchema,
    response: followUpViewSchema,
  }),
  resolveJobDifficulty: defineRoute({
    method: "POST",
    url: "/api/persons/:personId/follow-up/job-difficulty/resolution",
    summary:
      "« Difficulté traitée » : noter ce qui a été fait pour la difficulté signalée dans l'emploi (clôt l'activité)",
    tags: ["suivi"],
    params,
    body: resolveJobDifficultyBodySchema,
    response: followUpViewSchema,
  }),
  getMyJobFollowUp: defineRoute({
    method: "GET",
    url: "/api/me/job-follow-up",
    summary: "Mon suivi dans l'emploi (espace personnel)",
    tags: ["suivi"],
    response: myJobFollowUpSchema,
  }),
  answerJobFollowUp: defineRoute({
    method: "POST",
    url: "/api/me/job-follow-up/answers",
    summary: "Répondre au message « Comment se passe votre emploi ? »",
    tags: ["suivi"],
    body: answerJobFollowUpBodySchema,
    response: myJobFollowUpSchema,
  }),
};
