// « Mes données »: everything Socle holds about the logged-in person, as one documented document (right of
// access, GDPR art. 15; PS-19 to PS-21). The structure is stable: keys are French (the domain's words),
// `format` and `version` name it, and `lisezMoi` explains it in plain French inside the file itself. A new
// section is added as a new key; a change of meaning bumps `version` (and the CHANGELOG says so).
import { z } from "zod";
import { auditPurposeSchema } from "../audit/audit.schema";
import { contractVersionViewSchema } from "../contract/contract.schema";
import { diagnosticContentSchema } from "../diagnostic/diagnostic.schema";
import { localDateSchema } from "../kernel/dates";
import { recommendationSchema } from "../orientation/orientation.schema";
import { registrationDataSchema } from "../registration/registration.schema";

export const MY_DATA_FORMAT = "socle.mes-donnees";
export const MY_DATA_VERSION = 1;

const instant = z.string().describe("instant ISO 8601 en UTC, ex. 2026-03-10T09:00:00.000Z");
const nullableText = z.string().nullable();

export const myDataIdentitySchema = z.object({
  nomNaissance: z.string(),
  nomUsage: nullableText,
  prenoms: z.string(),
  sexe: z.enum(["F", "M"]).nullable(),
  dateNaissance: localDateSchema,
  lieuNaissance: nullableText,
  nationalite: nullableText,
  /** the NIR is never written in full: only its last two characters (the key), the rest masked */
  nirMasque: nullableText,
  numeroFranceTravail: nullableText,
  allocataire: z
    .object({
      organisme: z.enum(["CAF", "MSA"]),
      numeroOrganisme: z.string(),
      matricule: z.string(),
      roleDansLeFoyer: z.string(),
    })
    .nullable(),
});

export const myDataContactSchema = z.object({
  email: nullableText,
  telephone: nullableText,
  adresse: z.object({
    ligne: nullableText,
    codePostal: nullableText,
    codeCommune: nullableText,
    commune: nullableText,
  }),
  departement: z.string(),
});

export const myDataRsaRightSchema = z.object({
  organisme: z.enum(["CAF", "MSA"]),
  numeroOrganisme: z.string(),
  matricule: z.string(),
  departement: z.string(),
  roleDansLeFoyer: z.string(),
  numeroDemande: nullableText,
  dateDemande: localDateSchema.nullable(),
  etat: z.object({ code: z.string(), libelle: z.string(), depuis: localDateSchema }),
  suspension: z
    .object({
      nature: z.enum(["droit", "versement"]),
      motif: nullableText,
      depuis: localDateSchema.nullable(),
    })
    .nullable(),
  cloture: z.object({ motif: nullableText, date: localDateSchema.nullable() }).nullable(),
  soumisDroitsEtDevoirs: z.boolean(),
  sansDomicileFixe: z.boolean(),
  misAJourLe: instant,
});

export const myDataRsaMonthSchema = z.object({
  mois: localDateSchema.describe("premier jour du mois"),
  departement: z.string(),
  soumisDroitsEtDevoirs: z.boolean(),
  etatDroit: z.object({ code: z.string(), libelle: z.string() }),
  suspenduDepuis: localDateSchema.nullable(),
});

export const myDataRegistrationSchema = z.object({
  id: z.string(),
  statut: z.enum(["BROUILLON", "SOUMISE"]),
  canal: z.string(),
  departement: z.string(),
  commenceeLe: instant,
  misAJourLe: instant,
  soumiseLe: instant.nullable(),
  /** what was entered or confirmed, step by step; the NIR is never repeated here */
  donnees: registrationDataSchema,
});

export const myDataCriterionSchema = z.object({
  critere: z.string(),
  libelle: z.string(),
  valeur: z.string(),
});

export const myDataOrientationSchema = z.object({
  id: z.string(),
  etat: z.string(),
  origine: z.string(),
  creeeLe: instant,
  criteres: z.array(myDataCriterionSchema),
  /** the computed proposal (never a decision by itself: PS-22) */
  preconisation: recommendationSchema.nullable(),
  decision: z
    .object({
      decision: z.enum(["ACCEPTEE", "REFUSEE"]),
      decideeLe: instant,
      decideePar: nullableText,
      structureDuDecideur: nullableText,
      parcoursRetenu: nullableText,
      organismeRetenu: nullableText,
      structure: nullableText,
      motifChangement: nullableText,
      commentaire: nullableText,
    })
    .nullable(),
  notifieeLe: instant.nullable(),
  historique: z.array(z.object({ le: instant, de: nullableText, vers: z.string(), evenement: z.string() })),
});

export const myDataFollowUpSchema = z.object({
  role: z.enum(["referent", "co_referent", "membre"]),
  libelleRole: z.string(),
  structure: z.string(),
  typeStructure: z.string(),
  professionnel: nullableText,
  depuis: instant,
});

export const myDataDiagnosticVersionSchema = z.object({
  numero: z.number().int(),
  creeeLe: instant,
  format: z.string(),
  auteur: nullableText,
  structure: nullableText,
  contenu: diagnosticContentSchema,
  /** the version has a restricted compartment, not copied into this file (see `diagnostic.informationsConfidentielles`) */
  comporteDesInformationsConfidentielles: z.boolean(),
});

export const myDataContractSchema = z.object({
  id: z.string(),
  etat: z.string(),
  creeLe: instant,
  /** every version, newest first */
  versions: z.array(contractVersionViewSchema),
});

export const myDataStepSchema = z.object({
  type: z.string(),
  libelle: z.string(),
  statut: z.string(),
  structure: nullableText,
  ouverteLe: instant,
  echeance: localDateSchema,
  fermeeLe: instant.nullable(),
});

export const myDataAccessSchema = z.object({
  le: instant,
  typeActeur: z.string(),
  acteur: nullableText,
  role: nullableText,
  structure: nullableText,
  action: z.string(),
  section: z.string(),
  libelleSection: z.string(),
  finalite: auditPurposeSchema,
  libelleFinalite: z.string(),
  canal: z.string(),
  resultat: z.enum(["allowed", "denied"]),
});

export const myDataAppointmentSchema = z.object({
  id: z.string(),
  objet: z.string(),
  statut: z.string(),
  libelleStatut: z.string(),
  debut: instant.nullable(),
  fin: instant.nullable(),
  modalite: nullableText,
  lieu: nullableText,
  structure: nullableText,
  professionnel: nullableText,
  inviteLe: instant.nullable(),
  invitationExpireLe: localDateSchema.nullable(),
  reserveLe: instant.nullable(),
  annuleLe: instant.nullable(),
  motifAnnulation: nullableText,
  presenceNoteeLe: instant.nullable(),
});

export const myDataNoteSchema = z.object({
  id: z.string(),
  le: instant,
  auteur: z.string(),
  structure: z.string(),
  texte: z.string(),
  /** the note this one corrects (a note is never changed: a correction is a new note) */
  corrige: nullableText,
  corrigeePar: nullableText,
});

export const myDataDocumentSchema = z.object({
  id: z.string(),
  le: instant,
  titre: z.string(),
  categorie: z.string(),
  nomFichier: z.string(),
  typeFichier: z.string(),
  tailleOctets: z.number(),
  auteur: z.string(),
  structure: z.string(),
});

export const myDataMessageSchema = z.object({
  id: z.string(),
  le: instant,
  /** who wrote: you (PERSONNE) or one of your référent·es (PROFESSIONNEL) */
  de: z.enum(["PERSONNE", "PROFESSIONNEL"]),
  auteur: z.string(),
  structure: nullableText,
  texte: z.string(),
  /** when the other side first read it */
  luLe: instant.nullable(),
});

export const myDataExportSchema = z.object({
  format: z.literal(MY_DATA_FORMAT),
  version: z.literal(MY_DATA_VERSION),
  genereLe: instant,
  lisezMoi: z.array(z.string()),
  identite: myDataIdentitySchema,
  contact: myDataContactSchema,
  droitsRsa: z.object({ droits: z.array(myDataRsaRightSchema), mois: z.array(myDataRsaMonthSchema) }),
  inscriptions: z.array(myDataRegistrationSchema),
  orientations: z.array(myDataOrientationSchema),
  groupeDeSuivi: z.array(myDataFollowUpSchema),
  diagnostic: z.object({
    versions: z.array(myDataDiagnosticVersionSchema),
    informationsConfidentielles: z.string(),
  }),
  contrats: z.array(myDataContractSchema),
  etapesDuDossier: z.array(myDataStepSchema),
  rendezVous: z.array(myDataAppointmentSchema),
  /** the notes and documents shared with the person (the files themselves are downloaded one by one) */
  notesEtDocuments: z.object({
    notes: z.array(myDataNoteSchema),
    documents: z.array(myDataDocumentSchema),
    explication: z.string(),
  }),
  /** the messages exchanged with your référent·es, oldest first */
  messages: z.array(myDataMessageSchema).default([]),
  journalDesAcces: z.object({ entrees: z.array(myDataAccessSchema), tronque: z.boolean() }),
});
export type MyDataExport = z.infer<typeof myDataExportSchema>;

/** « mes-donnees-2026-03-10.json »: the day of the export (Europe/Paris) in the name. */
export const myDataFilename = (day: string, ext: "json" | "pdf") => `mes-donnees-${day}.${ext}`;
