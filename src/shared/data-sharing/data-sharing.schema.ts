// The « liste minimale des données à partager » (pilotage.md §5) as a monthly file: one row per person and
// parcours, the nine fields of the list under the French column names of §5, plus what the common indicators
// need to be computed the same way for a département that runs its own system (orientation history, référent
// periods, contracts). Repeated items sit in one cell, separated by « | », their fields by « : ». No NIR, no
// name, no address, no free text. `parseListeMinimaleRow` checks a row with zod and French messages;
// `formatListeMinimaleRow` writes one, so export and import share one definition.
import { z } from "zod";
import { isValidLocalDate, type LocalDate } from "../kernel/dates";

export const LISTE_MINIMALE_VERSION = "1.0.0";

export const listeMinimaleColumns = [
  "version_schema",
  "code_territoire",
  "mois_reference",
  "id_parcours",
  "id_personne",
  "id_france_travail",
  "id_rsa",
  "code_commune",
  "date_ouverture_droits_rsa",
  "date_notification_departement",
  "date_entree_dispositif",
  "nouvel_entrant",
  "date_rdv_orientation",
  "presence_rdv_orientation",
  "freins_reperes",
  "date_diagnostic",
  "date_orientation",
  "type_parcours",
  "organisme_referent",
  "orientations",
  "periodes_referent",
  "rdv_accompagnement",
  "prestations",
  "contrats_engagement",
  "date_sortie",
  "motif_sortie",
] as const;
export type ListeMinimaleColumn = (typeof listeMinimaleColumns)[number];

export const requiredColumns: readonly ListeMinimaleColumn[] = [
  "version_schema",
  "code_territoire",
  "mois_reference",
  "id_parcours",
  "id_personne",
  "date_notification_departement",
  "date_entree_dispositif",
  "nouvel_entrant",
];

/** What each column holds, in French (shown on the steering page and in the README). */
export const columnDescriptions: Record<ListeMinimaleColumn, string> = {
  version_schema: "Version du format (1.x.y)",
  code_territoire: "Code du département qui transmet",
  mois_reference: "Mois de référence, AAAA-MM : les faits connus à la fin de ce mois",
  id_parcours: "Identifiant du parcours dans le système d'origine, stable d'un envoi à l'autre",
  id_personne: "Identifiant pseudonyme de la personne dans le système d'origine, stable",
  id_france_travail: "Identifiant France Travail (7 chiffres et 1 caractère, ou 11 chiffres)",
  id_rsa: "Organisme payeur, numéro d'organisme, numéro d'allocataire et rôle : CAF-801-1234567-DEM",
  code_commune: "Code INSEE de la commune de résidence",
  date_ouverture_droits_rsa: "Date d'ouverture des droits RSA",
  date_notification_departement: "Date de notification au département de l'ouverture du droit (T0)",
  date_entree_dispositif: "Date d'entrée dans le dispositif (ouverture du parcours)",
  nouvel_entrant: "Nouvel entrant au sens de l'indicateur IND-V2-01 : oui ou non",
  date_rdv_orientation: "Date du rendez-vous d'orientation",
  presence_rdv_orientation: "Présence au rendez-vous d'orientation : present, absent ou excuse",
  freins_reperes:
    "Freins repérés au diagnostic, TYPE:IMPACT séparés par « | » (ex. MOBILITE:FORT|LOGEMENT:FAIBLE)",
  date_diagnostic: "Date du premier entretien de diagnostic",
  date_orientation: "Date de notification de l'orientation ou de désignation du référent (T1)",
  type_parcours: "Type de parcours en cours : PRO, SOCIO_PRO ou SOCIAL",
  organisme_referent: "Organisme référent en cours : FT, ML, CAP_EMPLOI ou CD",
  orientations:
    "Historique des orientations, AAAA-MM-JJ:TYPE:ORGANISME[:AAAA-MM-JJ de fin] séparées par « | »",
  periodes_referent: "Périodes avec un référent nommé, AAAA-MM-JJ[:AAAA-MM-JJ de fin] séparées par « | »",
  rdv_accompagnement:
    "Rendez-vous d'accompagnement, AAAA-MM-JJ:presence:MOTIF (PREMIER_RDV, SUIVI, POINT_ETAPE, COLLECTIF)",
  prestations:
    "Prestations et services, début:fin:durée en heures:code activité:modalité (individuel ou collectif)",
  contrats_engagement:
    "Contrats d'engagement signés, n° du contrat:date de signature:heures hebdomadaires:début du programme:clôture",
  date_sortie: "Date de sortie du parcours",
  motif_sortie: "Motif de sortie (code, ex. EMPLOI)",
};

export const freinTypes = [
  "LOGEMENT",
  "SANTE",
  "MOBILITE",
  "SAVOIRS_DE_BASE",
  "NIVEAU_LANGUE",
  "SITUATION_FAMILIALE",
  "ADMINISTRATIVE_JUDICIAIRE",
  "FINANCIERE",
  "NUMERIQUE",
] as const;
export type FreinType = (typeof freinTypes)[number];
export const freinImpacts = ["FAIBLE", "FORT"] as const;
export const presences = ["present", "absent", "excuse"] as const;
export type Presence = (typeof presences)[number];
export const rdvMotifs = ["PREMIER_RDV", "SUIVI", "POINT_ETAPE", "COLLECTIF"] as const;
export type RdvMotif = (typeof rdvMotifs)[number];
export const parcoursTypes = ["PRO", "SOCIO_PRO", "SOCIAL"] as const;
export const organismes = ["FT", "ML", "CAP_EMPLOI", "CD"] as const;
export const modalites = ["individuel", "collectif"] as const;

export type ListeMinimaleRow = {
  versionSchema: string;
  codeTerritoire: string;
  moisReference: string;
  idParcours: string;
  idPersonne: string;
  idFranceTravail: string | null;
  idRsa: string | null;
  codeCommune: string | null;
  dateOuvertureDroitsRsa: LocalDate | null;
  dateNotificationDepartement: LocalDate;
  dateEntreeDispositif: LocalDate;
  nouvelEntrant: boolean;
  dateRdvOrientation: LocalDate | null;
  presenceRdvOrientation: Presence | null;
  freinsReperes: { type: FreinType; impact: (typeof freinImpacts)[number] }[];
  dateDiagnostic: LocalDate | null;
  dateOrientation: LocalDate | null;
  typeParcours: (typeof parcoursTypes)[number] | null;
  organismeReferent: (typeof organismes)[number] | null;
  orientations: {
    debut: LocalDate;
    type: (typeof parcoursTypes)[number];
    organisme: (typeof organismes)[number];
    fin: LocalDate | null;
  }[];
  periodesReferent: { debut: LocalDate; fin: LocalDate | null }[];
  rdvAccompagnement: { date: LocalDate; presence: Presence; motif: RdvMotif }[];
  prestations: {
    debut: LocalDate;
    fin: LocalDate | null;
    heures: number | null;
    codeActivite: string | null;
    modalite: (typeof modalites)[number] | null;
  }[];
  contratsEngagement: {
    numero: number;
    signature: LocalDate;
    heures: number;
    debutProgramme: LocalDate | null;
    cloture: LocalDate | null;
  }[];
  dateSortie: LocalDate | null;
  motifSortie: string | null;
};

export type RowReason = { colonne: string; message: string };

// ---- cells → values -------------------------------------------------------------------------------------

const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());

const dateMessage = "Date attendue au format AAAA-MM-JJ (ex. 2026-11-03).";
const dateSchema = z.string().refine(isValidLocalDate, dateMessage);
const optionalDate = z.string().transform(blankToNull).pipe(dateSchema.nullable());
const requiredDate = z.string().trim().min(1, "Cette date est obligatoire.").pipe(dateSchema);
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: `${what} : valeur attendue parmi ${values.join(", ")}.` });
const hours = z
  .string()
  .trim()
  .transform((v) => Number(v.replace(",", ".")))
  .pipe(
    z
      .number({ error: "Durée en heures attendue (ex. 4 ou 4,5)." })
      .min(0, "Une durée ne peut pas être négative.")
      .max(1000, "Durée en heures trop grande (1000 au plus)."),
  );

/** A list cell: items separated by « | », each item's fields by « : », parsed by `item`. */
function listOf<T>(item: (fields: string[]) => T | string, example: string) {
  return z.string().transform((cell, ctx): T[] => {
    const items = cell
      .split("|")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    const out: T[] = [];
    for (const [k, raw] of items.entries()) {
      const r = item(raw.split(":").map((f) => f.trim()));
      if (typeof r === "string") {
        ctx.addIssue({
          code: "custom",
          message: `Élément ${k + 1} (« ${raw} ») : ${r} Exemple : ${example}.`,
        });
        return z.NEVER;
      }
      out.push(r);
    }
    return out;
  });
}

/** A field's failure, told apart from a value (which may itself be a string). */
class FieldError {
  constructor(readonly message: string) {}
}
const check = <T>(schema: z.ZodType<T>, value: string | undefined): T | FieldError => {
  const r = schema.safeParse(value ?? "");
  return r.success ? r.data : new FieldError(r.error.issues[0]?.message ?? "valeur invalide.");
};
const firstError = (...values: unknown[]) =>
  values.find((v): v is FieldError => v instanceof FieldError)?.message;

const freinsSchema = listOf((f) => {
  const type = check(oneOf(freinTypes, "Type de frein"), f[0]);
  const impact = check(oneOf(freinImpacts, "Impact"), f[1]);
  const err = f.length !== 2 ? "deux champs attendus, TYPE:IMPACT." : firstError(type, impact);
  return err ?? { type: type as FreinType, impact: impact as (typeof freinImpacts)[number] };
}, "MOBILITE:FORT|LOGEMENT:FAIBLE");

const orientationsSchema = listOf((f) => {
  const debut = check(dateSchema, f[0]);
  const type = check(oneOf(parcoursTypes, "Type de parcours"), f[1]);
  const organisme = check(oneOf(organismes, "Organisme"), f[2]);
  const fin = check(optionalDate, f[3]);
  const err =
    f.length < 3 || f.length > 4
      ? "trois ou quatre champs attendus, date:TYPE:ORGANISME[:date de fin]."
      : firstError(debut, type, organisme, fin);
  if (err) return err;
  if (fin !== null && (fin as string) < (debut as string)) return "la fin précède le début.";
  return {
    debut: debut as string,
    type: type as (typeof parcoursTypes)[number],
    organisme: organisme as (typeof organismes)[number],
    fin: fin as string | null,
  };
}, "2026-01-05:PRO:FT|2026-06-01:SOCIAL:CD");

const periodsSchema = listOf((f) => {
  const debut = check(dateSchema, f[0]);
  const fin = check(optionalDate, f[1]);
  const err = f.length > 2 ? "un ou deux champs attendus, début[:fin]." : firstError(debut, fin);
  if (err) return err;
  if (fin !== null && (fin as string) < (debut as string)) return "la fin précède le début.";
  return { debut: debut as string, fin: fin as string | null };
}, "2026-01-05|2026-02-01:2026-05-31");

const rdvSchema = listOf((f) => {
  const date = check(dateSchema, f[0]);
  const presence = check(oneOf(presences, "Présence"), f[1]);
  const motif = check(oneOf(rdvMotifs, "Motif"), f[2] || "SUIVI");
  const err =
    f.length < 2 || f.length > 3
      ? "deux ou trois champs attendus, date:presence[:MOTIF]."
      : firstError(date, presence, motif);
  return err ?? { date: date as string, presence: presence as Presence, motif: motif as RdvMotif };
}, "2026-01-12:present:PREMIER_RDV|2026-02-02:absent:SUIVI");

const prestationsSchema = listOf((f) => {
  const debut = check(dateSchema, f[0]);
  const fin = check(optionalDate, f[1]);
  const h = f[2] ? check(hours, f[2]) : null;
  const code = f[3] ? (/^[A-Za-z0-9_.-]{1,40}$/.test(f[3]) ? f[3] : "code activité invalide.") : null;
  const modalite = f[4] ? check(oneOf(modalites, "Modalité"), f[4]) : null;
  const err = f.length > 5 ? "cinq champs au plus." : firstError(debut, fin, h, modalite);
  if (err) return err;
  if (code === "code activité invalide.")
    return "code activité invalide (lettres, chiffres, « _ », « . », « - »).";
  if (fin !== null && (fin as string) < (debut as string)) return "la fin précède le début.";
  return {
    debut: debut as string,
    fin: fin as string | null,
    heures: h as number | null,
    codeActivite: code,
    modalite: modalite as (typeof modalites)[number] | null,
  };
}, "2026-02-02:2026-02-08:6:ATELIER_CV:collectif");

const contractsSchema = listOf((f) => {
  const numero = /^[1-9][0-9]{0,3}$/.test(f[0] ?? "")
    ? Number(f[0])
    : new FieldError("numéro de contrat attendu (1, 2…).");
  const signature = check(dateSchema, f[1]);
  const h = check(hours, f[2]);
  const debut = check(optionalDate, f[3]);
  const cloture = check(optionalDate, f[4]);
  const err =
    f.length < 3 || f.length > 5
      ? "trois à cinq champs attendus, n°:date de signature:heures[:début du programme[:clôture]]."
      : firstError(numero, signature, h, debut, cloture);
  return (
    err ?? {
      numero: numero as number,
      signature: signature as string,
      heures: h as number,
      debutProgramme: debut as string | null,
      cloture: cloture as string | null,
    }
  );
}, "1:2026-02-10:15:2026-02-16");

const optionalText = (pattern: RegExp, message: string) =>
  z.string().transform(blankToNull).pipe(z.string().regex(pattern, message).nullable());

const cellsSchema = z.object({
  version_schema: z
    .string()
    .trim()
    .regex(/^1\.\d+\.\d+$/, "Version du format attendue : 1.x.y."),
  code_territoire: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu (ex. 80, 2A, 974)."),
  mois_reference: z
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM (ex. 2026-11)."),
  id_parcours: z
    .string()
    .trim()
    .min(1, "L'identifiant du parcours est obligatoire.")
    .max(64, "Identifiant du parcours trop long (64 caractères au plus)."),
  id_personne: z
    .string()
    .trim()
    .min(1, "L'identifiant de la personne est obligatoire.")
    .max(64, "Identifiant de la personne trop long (64 caractères au plus)."),
  id_france_travail: optionalText(
    /^([0-9]{7}[0-9A-Z]|[0-9]{11})$/,
    "Identifiant France Travail attendu : 7 chiffres et 1 caractère, ou 11 chiffres.",
  ),
  id_rsa: optionalText(
    /^(CAF|MSA)-[0-9A-Z]{1,5}-[0-9A-Z]{1,15}-(DEM|CJT|ENF|AUT)$/,
    "Identifiant RSA attendu : organisme-numéro d'organisme-numéro d'allocataire-rôle (ex. CAF-801-1234567-DEM).",
  ),
  code_commune: optionalText(/^([0-9]{5}|2[AB][0-9]{3})$/, "Code INSEE de commune attendu (5 caractères)."),
  date_ouverture_droits_rsa: optionalDate,
  date_notification_departement: requiredDate,
  date_entree_dispositif: requiredDate,
  nouvel_entrant: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["oui", "non"], { error: "Valeur attendue : oui ou non." }))
    .transform((v) => v === "oui"),
  date_rdv_orientation: optionalDate,
  presence_rdv_orientation: z.string().transform(blankToNull).pipe(oneOf(presences, "Présence").nullable()),
  freins_reperes: freinsSchema,
  date_diagnostic: optionalDate,
  date_orientation: optionalDate,
  type_parcours: z.string().transform(blankToNull).pipe(oneOf(parcoursTypes, "Type de parcours").nullable()),
  organisme_referent: z
    .string()
    .transform(blankToNull)
    .pipe(oneOf(organismes, "Organisme référent").nullable()),
  orientations: orientationsSchema,
  periodes_referent: periodsSchema,
  rdv_accompagnement: rdvSchema,
  prestations: prestationsSchema,
  contrats_engagement: contractsSchema,
  date_sortie: optionalDate,
  motif_sortie: optionalText(
    /^[A-Z][A-Z0-9_]{0,39}$/,
    "Motif de sortie attendu en code (majuscules, ex. EMPLOI).",
  ),
});

/** The end of an AAAA-MM month. */
export function monthEnd(month: string): LocalDate {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/**
 * Checks one row of the file. `departement` is the territory the file is imported for: a row of another
 * territory is refused. Reasons are French, one per column at most.
 */
export function parseListeMinimaleRow(
  cells: Partial<Record<ListeMinimaleColumn, string>>,
  departement: string,
): { ok: true; value: ListeMinimaleRow } | { ok: false; reasons: RowReason[] } {
  const raw = Object.fromEntries(listeMinimaleColumns.map((c) => [c, cells[c] ?? ""]));
  const parsed = cellsSchema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const reasons: RowReason[] = [];
    for (const i of parsed.error.issues) {
      const colonne = String(i.path[0] ?? "");
      if (seen.has(colonne)) continue;
      seen.add(colonne);
      reasons.push({ colonne, message: i.message });
    }
    return { ok: false, reasons };
  }
  const c = parsed.data;
  const reasons: RowReason[] = [];
  if (c.code_territoire !== departement)
    reasons.push({
      colonne: "code_territoire",
      message: `La ligne concerne le territoire ${c.code_territoire}, pas le département ${departement} pour lequel le fichier est importé.`,
    });
  if (c.date_rdv_orientation && !c.presence_rdv_orientation)
    reasons.push({
      colonne: "presence_rdv_orientation",
      message: "Indiquez la présence au rendez-vous d'orientation (present, absent ou excuse).",
    });
  if (c.date_sortie && c.date_sortie < c.date_entree_dispositif)
    reasons.push({
      colonne: "date_sortie",
      message: "La date de sortie précède la date d'entrée dans le dispositif.",
    });
  if (c.motif_sortie && !c.date_sortie)
    reasons.push({ colonne: "motif_sortie", message: "Un motif de sortie demande une date de sortie." });
  // one orientation given by its columns only: the history is that orientation
  const orientations =
    c.orientations.length === 0 && c.type_parcours && c.organisme_referent && c.date_orientation
      ? [{ debut: c.date_orientation, type: c.type_parcours, organisme: c.organisme_referent, fin: null }]
      : [...c.orientations].sort((a, b) => a.debut.localeCompare(b.debut));
  const last = orientations.at(-1);
  if ((c.type_parcours || c.organisme_referent) && orientations.length === 0)
    reasons.push({
      colonne: "orientations",
      message:
        "Un type de parcours demande la date d'orientation et l'organisme référent, ou l'historique des orientations.",
    });
  if (last && c.type_parcours && (c.type_parcours !== last.type || c.organisme_referent !== last.organisme))
    reasons.push({
      colonne: "type_parcours",
      message:
        "Le type de parcours et l'organisme référent doivent être ceux de la dernière orientation de l'historique.",
    });
  // facts dated after the month cannot be known at its end; planned things (a programme, a service) may be
  const end = monthEnd(c.mois_reference);
  const dated: [ListeMinimaleColumn, (string | null)[]][] = [
    ["date_notification_departement", [c.date_notification_departement]],
    ["date_entree_dispositif", [c.date_entree_dispositif]],
    ["date_ouverture_droits_rsa", [c.date_ouverture_droits_rsa]],
    ["date_rdv_orientation", [c.date_rdv_orientation]],
    ["date_diagnostic", [c.date_diagnostic]],
    ["date_orientation", [c.date_orientation]],
    ["orientations", orientations.flatMap((o) => [o.debut, o.fin])],
    ["periodes_referent", c.periodes_referent.flatMap((p) => [p.debut, p.fin])],
    ["rdv_accompagnement", c.rdv_accompagnement.map((r) => r.date)],
    ["contrats_engagement", c.contrats_engagement.flatMap((k) => [k.signature, k.cloture])],
    ["date_sortie", [c.date_sortie]],
  ];
  for (const [colonne, dates] of dated)
    if (dates.some((d) => d !== null && d > end))
      reasons.push({
        colonne,
        message: `Date postérieure au mois de référence ${c.mois_reference} : le fichier décrit les faits connus à la fin du mois.`,
      });
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    value: {
      versionSchema: c.version_schema,
      codeTerritoire: c.code_territoire,
      moisReference: c.mois_reference,
      idParcours: c.id_parcours,
      idPersonne: c.id_personne,
      idFranceTravail: c.id_france_travail,
      idRsa: c.id_rsa,
      codeCommune: c.code_commune,
      dateOuvertureDroitsRsa: c.date_ouverture_droits_rsa,
      dateNotificationDepartement: c.date_notification_departement,
      dateEntreeDispositif: c.date_entree_dispositif,
      nouvelEntrant: c.nouvel_entrant,
      dateRdvOrientation: c.date_rdv_orientation,
      presenceRdvOrientation: c.presence_rdv_orientation,
      freinsReperes: c.freins_reperes,
      dateDiagnostic: c.date_diagnostic,
      dateOrientation: c.date_orientation,
      typeParcours: last?.type ?? null,
      organismeReferent: last?.organisme ?? null,
      orientations,
      periodesReferent: c.periodes_referent,
      rdvAccompagnement: c.rdv_accompagnement,
      prestations: c.prestations,
      contratsEngagement: c.contrats_engagement,
      dateSortie: c.date_sortie,
      motifSortie: c.motif_sortie,
    },
  };
}

// ---- values → cells -------------------------------------------------------------------------------------

const opt = (v: string | number | null) => (v === null ? "" : String(v));
/** Drops the empty optional fields at the end of an item. */
const item = (fields: (string | number | null)[]) => {
  const f = fields.map(opt);
  while (f.length > 0 && f[f.length - 1] === "") f.pop();
  return f.join(":");
};

export function formatListeMinimaleRow(r: ListeMinimaleRow): Record<ListeMinimaleColumn, string> {
  return {
    version_schema: r.versionSchema,
    code_territoire: r.codeTerritoire,
    mois_reference: r.moisReference,
    id_parcours: r.idParcours,
    id_personne: r.idPersonne,
    id_france_travail: opt(r.idFranceTravail),
    id_rsa: opt(r.idRsa),
    code_commune: opt(r.codeCommune),
    date_ouverture_droits_rsa: opt(r.dateOuvertureDroitsRsa),
    date_notification_departement: r.dateNotificationDepartement,
    date_entree_dispositif: r.dateEntreeDispositif,
    nouvel_entrant: r.nouvelEntrant ? "oui" : "non",
    date_rdv_orientation: opt(r.dateRdvOrientation),
    presence_rdv_orientation: opt(r.presenceRdvOrientation),
    freins_reperes: r.freinsReperes.map((f) => `${f.type}:${f.impact}`).join("|"),
    date_diagnostic: opt(r.dateDiagnostic),
    date_orientation: opt(r.dateOrientation),
    type_parcours: opt(r.typeParcours),
    organisme_referent: opt(r.organismeReferent),
    orientations: r.orientations.map((o) => item([o.debut, o.type, o.organisme, o.fin])).join("|"),
    periodes_referent: r.periodesReferent.map((p) => item([p.debut, p.fin])).join("|"),
    rdv_accompagnement: r.rdvAccompagnement.map((x) => item([x.date, x.presence, x.motif])).join("|"),
    prestations: r.prestations
      .map((p) => item([p.debut, p.fin, p.heures, p.codeActivite, p.modalite]))
      .join("|"),
    contrats_engagement: r.contratsEngagement
      .map((k) => item([k.numero, k.signature, k.heures, k.debutProgramme, k.cloture]))
      .join("|"),
    date_sortie: opt(r.dateSortie),
    motif_sortie: opt(r.motifSortie),
  };
}

// ---- HTTP contracts' schemas ----------------------------------------------------------------------------

export const dataSharingFormats = ["csv", "xlsx", "json"] as const;
export const listeMinimaleExportQuerySchema = z.object({
  departement: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu (ex. 80)."),
  mois: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Mois attendu au format AAAA-MM (ex. 2026-11)."),
  format: z.enum(dataSharingFormats).default("csv"),
});
export type ListeMinimaleExportQuery = z.infer<typeof listeMinimaleExportQuerySchema>;

/** 10 MB of file, as for the other tabular imports. */
export const LISTE_MINIMALE_MAX_BYTES = 10 * 1024 * 1024;

export const listeMinimaleUploadBodySchema = z.object({
  departement: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu (ex. 33)."),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/\.(csv|xlsx)$/i, "Fichier CSV ou XLSX attendu."),
  contentBase64: z.string().min(1, "Le fichier est vide."),
});

export const listeMinimaleImportViewSchema = z.object({
  id: z.string().uuid(),
  departement: z.string(),
  fichier: z.string(),
  statut: z.enum(["EN_COURS", "TERMINE"]),
  lignes: z.number().int(),
  traitees: z.number().int(),
  creees: z.number().int(),
  misesAJour: z.number().int(),
  inchangees: z.number().int(),
  quarantaine: z.number().int(),
  dejaImporte: z.boolean(),
  commenceLe: z.string(),
  termineLe: z.string().nullable(),
  rejets: z.array(
    z.object({
      ligne: z.number().int(),
      idParcours: z.string().nullable(),
      motifs: z.array(z.object({ colonne: z.string(), message: z.string() })),
    }),
  ),
});
export type ListeMinimaleImportView = z.infer<typeof listeMinimaleImportViewSchema>;

export const listeMinimaleImportsQuerySchema = z.object({
  departement: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2A|2B)$/, "Code de département attendu (ex. 33)."),
});
export const listeMinimaleImportListSchema = z.object({
  imports: z.array(listeMinimaleImportViewSchema.omit({ rejets: true })),
});
