// The diagnostic socio-professionnel partagé (parcours.md §5): the content of one version (domains,
// themes with situations and needs, opinions), the restricted compartment kept apart from it, the views
// and the bodies of the diagnostic routes. Types are inferred from the schemas.
import { z } from "zod";
import { localDateSchema } from "../kernel/dates";
import { appellationRefSchema, niveauxEtude } from "../registration/registration.schema";
import {
  type DiagnosticThemeCode,
  diagnosticReferentiel,
  diagnosticThemeCodes,
} from "./diagnostic.referentiel";

const text = (max: number) => z.string().trim().max(max, `Ce texte est limité à ${max} caractères.`);
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: "Choisissez une réponse dans la liste." });

export const diagnosticThemeSchema = z.enum(diagnosticThemeCodes);

export const impacts = ["AUCUN", "FAIBLE", "FORT"] as const;
export type Impact = (typeof impacts)[number];
export const impactLabels: Record<Impact, string> = {
  AUCUN: "Sans effet sur la recherche d'emploi",
  FAIBLE: "Effet limité sur la recherche d'emploi",
  FORT: "Freine fortement la recherche d'emploi",
};
export const themeStatuts = ["IDENTIFIE", "EN_COURS", "LEVE", "SANS_SOLUTION"] as const;
export type ThemeStatut = (typeof themeStatuts)[number];
export const themeStatutLabels: Record<ThemeStatut, string> = {
  IDENTIFIE: "Identifié",
  EN_COURS: "En cours de traitement",
  LEVE: "Levé",
  SANS_SOLUTION: "Sans solution",
};
export const diagnosticFormats = ["INDIVIDUEL", "COLLECTIF"] as const;
export type DiagnosticFormat = (typeof diagnosticFormats)[number];
export const diagnosticFormatLabels: Record<DiagnosticFormat, string> = {
  INDIVIDUEL: "Entretien individuel",
  COLLECTIF: "Atelier collectif",
};

export const maturitesProjet = ["A_CONSTRUIRE", "A_PRECISER", "DEFINI"] as const;
export const maturiteProjetLabels: Record<(typeof maturitesProjet)[number], string> = {
  A_CONSTRUIRE: "Projet à construire",
  A_PRECISER: "Projet à préciser",
  DEFINI: "Projet défini",
};
export const mobilitesGeographiques = ["COMMUNE", "DEPARTEMENT", "REGION", "FRANCE", "ETRANGER"] as const;
export const mobiliteGeographiqueLabels: Record<(typeof mobilitesGeographiques)[number], string> = {
  COMMUNE: "Sa commune et les environs",
  DEPARTEMENT: "Le département",
  REGION: "La région",
  FRANCE: "Toute la France",
  ETRANGER: "Y compris à l'étranger",
};
export const niveauxAutonomie = ["AUTONOME", "PARTIELLEMENT_AUTONOME", "NON_AUTONOME"] as const;
export const niveauAutonomieLabels: Record<(typeof niveauxAutonomie)[number], string> = {
  AUTONOME: "Autonome",
  PARTIELLEMENT_AUTONOME: "Partiellement autonome",
  NON_AUTONOME: "Pas autonome",
};

/** One theme of the diagnostic: situations and needs are codes of that theme in the référentiel. */
export const themeEntrySchema = z.object({
  situations: z.array(z.string().max(60)).max(20).default([]),
  besoins: z.array(z.string().max(60)).max(20).default([]),
  /** null while not yet assessed (a barrier pre-filled from registration without an impact) */
  impact: choice(impacts).nullable().default(null),
  statut: choice(themeStatuts).default("IDENTIFIE"),
  echeance: localDateSchema.optional(),
  commentaireProfessionnel: text(2000).optional(),
  avisPersonne: text(2000).optional(),
});
export type ThemeEntry = z.infer<typeof themeEntrySchema>;

const themesSchema = z.partialRecord(diagnosticThemeSchema, themeEntrySchema).superRefine((themes, ctx) => {
  for (const [code, entry] of Object.entries(themes)) {
    if (!entry) continue;
    const ref = diagnosticReferentiel[code as DiagnosticThemeCode];
    for (const [key, list] of [
      ["situations", ref.situations],
      ["besoins", ref.besoins],
    ] as const) {
      entry[key].forEach((c, i) => {
        if (!list.some((e) => e.code === c))
          ctx.addIssue({
            code: "custom",
            path: [code, key, i],
            message: `« ${c} » n'est pas ${key === "situations" ? "une situation" : "un besoin"} du thème ${ref.libelle.toLowerCase()}.`,
          });
      });
      if (new Set(entry[key]).size !== entry[key].length)
        ctx.addIssue({ code: "custom", path: [code, key], message: "Un même code est coché deux fois." });
    }
  }
});

/** The domains of parcours.md §5.1. */
export const domainesSchema = z.object({
  competences: z
    .object({
      niveauEtude: choice(niveauxEtude).optional(),
      diplomes: z.array(text(200)).max(20).default([]),
      experiences: z.array(appellationRefSchema).max(30).default([]),
      savoirEtre: text(2000).optional(),
      commentaire: text(2000).optional(),
    })
    .default({ diplomes: [], experiences: [] }),
  projetProfessionnel: z
    .object({
      maturite: choice(maturitesProjet).optional(),
      /** target jobs: ROME 4.0 appellations (code OGR and label) */
      metiersCibles: z.array(appellationRefSchema).max(5, "Cinq métiers au plus.").default([]),
      mobiliteGeographique: choice(mobilitesGeographiques).optional(),
      rayonKm: z.number().int().min(0).max(1000).optional(),
      salaireSouhaiteMensuelNet: z.number().int().min(0).max(100_000).optional(),
      besoinFormation: z.boolean().optional(),
      creationEntreprise: z.boolean().optional(),
      commentaire: text(2000).optional(),
    })
    .default({ metiersCibles: [] }),
  confrontationMarche: z
    .object({
      demarchesRecentes: z.boolean().optional(),
      connaissanceMarche: choice(niveauxAutonomie).optional(),
      commentaire: text(2000).optional(),
    })
    .default({}),
  situationGlobale: z
    .object({
      autonomieRechercheEmploi: choice(niveauxAutonomie).optional(),
      commentaire: text(2000).optional(),
    })
    .default({}),
  numeriqueSavoirsDeBase: z
    .object({
      autonomieNumerique: choice(niveauxAutonomie).optional(),
      savoirsDeBaseAcquis: z.boolean().optional(),
      commentaire: text(2000).optional(),
    })
    .default({}),
  droitsDevoirs: z
    .object({ informee: z.boolean().optional(), commentaire: text(2000).optional() })
    .default({}),
  /** the person's own goals */
  projetDeVie: text(2000).optional(),
});

/** What every follower of the person shares (never the restricted compartment). */
export const diagnosticContentSchema = z.object({
  domaines: domainesSchema.default({
    competences: { diplomes: [], experiences: [] },
    projetProfessionnel: { metiersCibles: [] },
    confrontationMarche: {},
    situationGlobale: {},
    numeriqueSavoirsDeBase: {},
    droitsDevoirs: {},
  }),
  themes: themesSchema.default({}),
  avisProfessionnel: text(4000).optional(),
  avisPersonne: text(4000).optional(),
});
export type DiagnosticContent = z.infer<typeof diagnosticContentSchema>;
export type DiagnosticContentInput = z.input<typeof diagnosticContentSchema>;

/**
 * The restricted compartment (parcours.md §5.4): health, addiction and family-violence details. Stored in
 * its own column, shown only to the référents and to the person, never in lists, exports or extracts.
 */
export const confidentielSchema = z.object({
  sante: text(4000).optional(),
  addictions: text(4000).optional(),
  violencesFamiliales: text(4000).optional(),
});
export type Confidentiel = z.infer<typeof confidentielSchema>;

// ── views and bodies ────────────────────────────────────────────────────────────────────────
export const personIdSchema = z.string().uuid();

const who = z.object({ id: z.string(), name: z.string() });
export const diagnosticVersionSummarySchema = z.object({
  numero: z.number().int(),
  createdAt: z.string(),
  format: z.enum(diagnosticFormats),
  author: who.nullable(),
  structure: who.nullable(),
});
export type DiagnosticVersionSummary = z.infer<typeof diagnosticVersionSummarySchema>;

export const diagnosticVersionViewSchema = diagnosticVersionSummarySchema.extend({
  content: diagnosticContentSchema,
  /** null when the reader may not see the restricted compartment */
  confidentiel: confidentielSchema.nullable(),
});
export type DiagnosticVersionView = z.infer<typeof diagnosticVersionViewSchema>;

export const prefillSourceLabels = {
  INSCRIPTION: "Inscription",
  CRITERES_ORIENTATION: "Critères d'orientation",
} as const;
export const diagnosticPrefillSchema = z.object({
  content: diagnosticContentSchema,
  /** where each pre-filled part comes from, by path (`themes.LOGEMENT`, `domaines.projetProfessionnel.metiersCibles`) */
  provenance: z.record(z.string(), z.enum(["INSCRIPTION", "CRITERES_ORIENTATION"])),
});
export type DiagnosticPrefill = z.infer<typeof diagnosticPrefillSchema>;

export const diagnosticViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  person: z.object({ firstNames: z.string(), lastName: z.string() }),
  /** the optimistic-lock counter to send back when saving */
  version: z.number().int(),
  /** the version shown: the current one unless another was asked for; null before the first save */
  shown: diagnosticVersionViewSchema.nullable(),
  currentNumero: z.number().int().nullable(),
  versions: z.array(diagnosticVersionSummarySchema),
  /** before the first version: what registration and orientation already know (« dites-le nous une fois ») */
  prefill: diagnosticPrefillSchema.nullable(),
  actions: z.object({ canWrite: z.boolean(), canSeeConfidentiel: z.boolean() }),
});
export type DiagnosticView = z.infer<typeof diagnosticViewSchema>;

export const saveDiagnosticVersionBodySchema = z.object({
  version: z.number().int().min(1),
  format: z.enum(diagnosticFormats).default("INDIVIDUEL"),
  content: diagnosticContentSchema,
  /** omitted: the compartment of the previous version is kept as it is */
  confidentiel: confidentielSchema.optional(),
});
export type SaveDiagnosticVersionBody = z.input<typeof saveDiagnosticVersionBodySchema>;

export const myDiagnosticViewSchema = z.object({
  current: diagnosticVersionViewSchema.nullable(),
});
export type MyDiagnosticView = z.infer<typeof myDiagnosticViewSchema>;

// ── the needs that feed the contract ────────────────────────────────────────────────────────
export type DiagnosticNeed = {
  theme: DiagnosticThemeCode;
  code: string;
  libelle: string;
  impact: Impact | null;
  statut: ThemeStatut;
  echeance: string | null;
};
