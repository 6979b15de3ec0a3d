import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  duplicateReviewListSchema,
  duplicateReviewViewSchema,
  resolveDuplicateBodySchema,
} from "./duplicate-review.schema";
import {
  communeOptionsSchema,
  communesQuerySchema,
  duplicateCandidatesSchema,
  myRegistrationSchema,
  registrationIdSchema,
  registrationListSchema,
  registrationViewSchema,
  saveRegistrationStepBodySchema,
  startRegistrationBodySchema,
  submitRegistrationBodySchema,
  submitResultSchema,
} from "./registration.schema";

const registrationParams = z.object({ registrationId: registrationIdSchema });
const reviewParams = z.object({ workItemId: z.string().uuid() });

export const registrationRoutes = {
  startRegistration: defineRoute({
    method: "POST",
    url: "/api/registrations",
    summary:
      "Commencer (ou reprendre) une inscription : en ligne par la personne, au guichet ou en entretien par un·e professionnel·le",
    tags: ["inscription"],
    body: startRegistrationBodySchema,
    response: registrationViewSchema,
  }),
  getMyRegistration: defineRoute({
    method: "GET",
    url: "/api/registrations/mine",
    summary: "Mon inscription (espace personnel)",
    tags: ["inscription"],
    response: myRegistrationSchema,
  }),
  listRegistrations: defineRoute({
    method: "GET",
    url: "/api/registrations",
    summary: "Inscriptions commencées par ma structure et pas encore envoyées",
    tags: ["inscription"],
    response: registrationListSchema,
  }),
  searchCommunes: defineRoute({
    method: "GET",
    url: "/api/registrations/communes",
    summary: "Communes d'un code postal (pour l'adresse)",
    tags: ["inscription"],
    query: communesQuerySchema,
    response: communeOptionsSchema,
  }),
  getRegistration: defineRoute({
    method: "GET",
    url: "/api/registrations/:registrationId",
    summary: "Une inscription (brouillon ou envoyée), avec la provenance des informations pré-remplies",
    tags: ["inscription"],
    params: registrationParams,
    response: registrationViewSchema,
  }),
  saveRegistrationStep: defineRoute({
    method: "PUT",
    url: "/api/registrations/:registrationId/draft",
    summary: "Enregistrer une étape du brouillon (contrôle de version : 409 si l'inscription a changé)",
    tags: ["inscription"],
    params: registrationParams,
    body: saveRegistrationStepBodySchema,
    response: registrationViewSchema,
  }),
  checkRegistrationDuplicates: defineRoute({
    method: "GET",
    url: "/api/registrations/:registrationId/duplicates",
    summary:
      "Dossiers existants qui pourraient être ceux de la personne (NIR, puis nom et date de naissance)",
    tags: ["inscription"],
    params: registrationParams,
    response: duplicateCandidatesSchema,
  }),
  submitRegistration: defineRoute({
    method: "POST",
    url: "/api/registrations/:registrationId/submission",
    summary: "Envoyer l'inscription : le dossier est créé ou complété et le parcours est ouvert",
    tags: ["inscription"],
    params: registrationParams,
    body: submitRegistrationBodySchema,
    response: submitResultSchema,
  }),
  listDuplicateReviews: defineRoute({
    method: "GET",
    url: "/api/duplicate-reviews",
    summary: "Doublons possibles à examiner (ma structure ou mon département)",
    tags: ["inscription"],
    response: duplicateReviewListSchema,
  }),
  getDuplicateReview: defineRoute({
    method: "GET",
    url: "/api/duplicate-reviews/:workItemId",
    summary: "Un doublon possible : les deux dossiers côte à côte",
    tags: ["inscription"],
    params: reviewParams,
    response: duplicateReviewViewSchema,
  }),
  resolveDuplicateReview: defineRoute({
    method: "POST",
    url: "/api/duplicate-reviews/:workItemId/resolution",
    summary: "Clore l'examen d'un doublon possible : dossiers fusionnés, ou deux personnes différentes",
    tags: ["inscription"],
    params: reviewParams,
    body: resolveDuplicateBodySchema,
    response: duplicateReviewViewSchema,
  }),
};
