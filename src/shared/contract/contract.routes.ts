import { z } from "zod";
import { defineRoute } from "../kernel/route";
import {
  contractIdSchema,
  contractViewSchema,
  createContractBodySchema,
  newContractVersionBodySchema,
  refuseContractBodySchema,
  signContractBodySchema,
  updateContractBodySchema,
} from "./contract.schema";

const params = z.object({ contractId: contractIdSchema });

export const contractRoutes = {
  createContract: defineRoute({
    method: "POST",
    url: "/api/contracts",
    summary: "Rédiger le contrat d'engagement d'une personne (version initiale, à signer)",
    tags: ["contrat"],
    body: createContractBodySchema,
    response: contractViewSchema,
  }),
  getContract: defineRoute({
    method: "GET",
    url: "/api/contracts/:contractId",
    summary: "Un contrat d'engagement : version en cours, toutes les versions, programme de la semaine",
    tags: ["contrat"],
    params,
    response: contractViewSchema,
  }),
  getPersonContract: defineRoute({
    method: "GET",
    url: "/api/persons/:personId/contract",
    summary: "Le contrat d'engagement d'une personne",
    tags: ["contrat"],
    params: z.object({ personId: z.string().uuid() }),
    response: contractViewSchema,
  }),
  updateContract: defineRoute({
    method: "PUT",
    url: "/api/contracts/:contractId/draft",
    summary: "Modifier la version à signer (409 si le contrat a changé depuis son ouverture)",
    tags: ["contrat"],
    params,
    body: updateContractBodySchema,
    response: contractViewSchema,
  }),
  newContractVersion: defineRoute({
    method: "POST",
    url: "/api/contracts/:contractId/versions",
    summary: "Nouvelle version à signer (révision, réorientation, changement essentiel)",
    tags: ["contrat"],
    params,
    body: newContractVersionBodySchema,
    response: contractViewSchema,
  }),
  signContract: defineRoute({
    method: "POST",
    url: "/api/contracts/:contractId/signature",
    summary:
      "Signer la version à signer : par la personne dans son espace, ou enregistrée en sa présence par un·e professionnel·le",
    tags: ["contrat"],
    params,
    body: signContractBodySchema,
    response: contractViewSchema,
  }),
  refuseContract: defineRoute({
    method: "POST",
    url: "/api/contracts/:contractId/refusal",
    summary: "Refuser la version à signer",
    tags: ["contrat"],
    params,
    body: refuseContractBodySchema,
    response: contractViewSchema,
  }),
  getMyContract: defineRoute({
    method: "GET",
    url: "/api/me/contract",
    summary:
      "Mon contrat d'engagement (espace personnel) ; `contract` vaut null quand je n'en ai pas encore (ce n'est pas une erreur)",
    tags: ["contrat"],
    response: z.object({ contract: contractViewSchema.nullable() }),
  }),
};
