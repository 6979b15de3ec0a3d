// Pure rules of the registration: what a submission requires, the département of a commune, the
// orientation origin of a channel, the criteria handed to the orientation, abandonment dates and the
// structure that goes to meet a person who left their registration unfinished. No I/O, no clock.
import { checkNir, normalizeNir } from "../identity/nir";
import { addDays, type LocalDate } from "../kernel/dates";
import { fieldLabels, prefillSourceLabels } from "./registration.labels";
import {
  type Frein,
  freinTypes,
  type PrefillSource,
  type RegistrationChannel,
  type RegistrationData,
  type RegistrationIssue,
} from "./registration.schema";

export const REQUIRED = "Ce champ est obligatoire pour envoyer l'inscription.";

/** ⚙ inscription.abandonJours (parcours.md §1.4) */
export const DEFAULT_ABANDON_DAYS = 7;
/** An « aller vers » work item is due within 7 days and flagged as due soon after 3. */
export const OUTREACH_DUE_DAYS = 7;
export const OUTREACH_DUE_SOON_DAYS = 3;
/** A possible duplicate is examined within 15 days. */
export const DUPLICATE_REVIEW_DUE_DAYS = 14;
export const DUPLICATE_REVIEW_DUE_SOON_DAYS = 7;

/** A registration may be sent from 16 years of age. */
const MINIMUM_AGE = 16;

type Pending = { prefilled: Record<string, { source: PrefillSource }>; confirmed: Record<string, unknown> };

/**
 * Everything that blocks the submission, field by field, in French: required fields, conditional
 * ones, the consistency of the NIR with the birth date, and pre-filled values not yet confirmed or
 * corrected (PS-06).
 */
export function missingForSubmission(
  data: RegistrationData,
  ctx: { today: LocalDate; nirKnown: boolean; nirBody?: string | null } & Pending,
): RegistrationIssue[] {
  const issues: RegistrationIssue[] = [];
  const need = (path: string, present: unknown) => {
    if (present === undefined || present === null || (Array.isArray(present) && present.length === 0)) {
      issues.push({ path, message: REQUIRED });
    }
  };
  const id = data.identite ?? {};
  need("identite.nomFamille", id.nomFamille);
  need("identite.prenoms", id.prenoms);
  need("identite.dateNaissance", id.dateNaissance);
  need("identite.nationalite", id.nationalite);
  need("identite.adresse.ligne", id.adresse?.ligne);
  need("identite.adresse.codePostal", id.adresse?.codePostal);
  need("identite.adresse.codeCommune", id.adresse?.codeCommune);
  if (id.dateNaissance) {
    if (id.dateNaissance > ctx.today) {
      issues.push({
        path: "identite.dateNaissance",
        message: "La date de naissance ne peut pas être dans le futur.",
      });
    } else if (id.dateNaissance > addYears(ctx.today, -MINIMUM_AGE)) {
      issues.push({
        path: "identite.dateNaissance",
        message: `L'inscription est ouverte à partir de ${MINIMUM_AGE} ans : vérifiez la date de naissance.`,
      });
    }
    const body = ctx.nirBody ?? (id.nir ? nirBodyOf(id.nir) : null);
    if (body && !nirMatchesBirthDate(body, id.dateNaissance)) {
      issues.push({
        path: "identite.nir",
        message:
          "Le NIR ne correspond pas à la date de naissance (ses chiffres 2 à 5 donnent l'année et le mois de naissance) : vérifiez l'un ou l'autre.",
      });
    }
  }

  const s = data.situation ?? {};
  need("situation.situationFamiliale", s.situationFamiliale);
  need("situation.situationLogement", s.situationLogement);
  need("situation.situationProfessionnelle", s.situationProfessionnelle);
  need("situation.niveauLangue", s.niveauLangue);
  if (id.nationalite === "HORS_UE") need("situation.titreSejour", s.titreSejour);
  if (s.organismeRattachement === "CAF" || s.organismeRattachement === "MSA") {
    need("situation.numeroAllocataire", s.numeroAllocataire);
  }

  need("competences.niveauEtude", data.competences?.niveauEtude);

  const p = data.projet ?? {};
  need("projet.projetExiste", p.projetExiste);
  need("projet.disponibilite", p.disponibilite);
  need("projet.positionnementRechercheEmploi", p.positionnementRechercheEmploi);
  need("projet.motifInscription", p.motifInscription);

  for (const type of freinTypes) {
    const f: Frein | undefined = data.freins?.[type];
    if (!f)
      issues.push({
        path: `freins.${type}.declare`,
        message: "Répondez par oui, non ou « je ne sais pas ».",
      });
    else if (f.declare === "OUI" && !f.impact) {
      issues.push({
        path: `freins.${type}.impact`,
        message: "Indiquez si cette difficulté gêne votre recherche d'emploi.",
      });
    }
  }

  for (const [path, p2] of Object.entries(ctx.prefilled)) {
    if (!(path in ctx.confirmed)) {
      issues.push({
        path,
        message: `Information pré-remplie (source : ${prefillSourceLabels[p2.source]}) : confirmez-la ou corrigez-la.`,
      });
    }
  }
  return issues;
}

/** The French label of a path ("identite.adresse.codePostal" → "Code postal"). */
export function fieldLabel(path: string): string {
  if (fieldLabels[path]) return fieldLabels[path];
  const parts = path.split(".");
  while (parts.length > 1) {
    parts.pop();
    const l = fieldLabels[parts.join(".")];
    if (l) return l;
  }
  return path;
}

function addYears(date: LocalDate, years: number): LocalDate {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February of a non-leap target year counts as 28 February
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, "0")}-${md === "02-29" && !leap ? "02-28" : md}`;
}

/** The 13-character body of a NIR typed with or without its key, or null when it is not one. */
export function nirBodyOf(raw: string): string | null {
  const r = checkNir(raw);
  return r.ok ? r.nir13 : null;
}

/**
 * Characters 2-3 of the NIR are the birth year, 4-5 the birth month (20 and above, or 99: unknown
 * month, as for people born abroad without a civil-status record).
 */
export function nirMatchesBirthDate(nirBody: string, birthDate: LocalDate): boolean {
  const n = normalizeNir(nirBody);
  const yy = n.slice(1, 3);
  const mm = Number(n.slice(3, 5));
  if (yy !== birthDate.slice(2, 4)) return false;
  if (mm >= 20 || mm === 0) return true;
  return mm === Number(birthDate.slice(5, 7));
}

/** INSEE commune code → département code ("80021" → "80", "2A004" → "2A", "97411" → "974"). */
export function departementOfCommune(communeCode: string): string {
  return communeCode.startsWith("97") || communeCode.startsWith("98")
    ? communeCode.slice(0, 3)
    : communeCode.slice(0, 2);
}

/** Orientation origin of a channel [API kit], parcours.md §1.1. */
export function originOfChannel(
  channel: RegistrationChannel,
): "INSCRIPTION_VOLONTAIRE" | "INSCRIPTION_CONSEILLER_CD" {
  return channel === "CONSEILLER" ? "INSCRIPTION_CONSEILLER_CD" : "INSCRIPTION_VOLONTAIRE";
}

/**
 * The orientation criteria known at registration (parcours.md §3.1), with the codes of the partner
 * API as listed in shared/orientation/orientation.criteria.ts. Barriers give the `contrainte_*`
 * codes as a first estimate that the orienting professional confirms; « je ne sais pas » leaves the
 * criterion missing. The raw answers travel too, under `inscription`.
 */
export function registrationCriteria(data: RegistrationData): Record<string, unknown> {
  const id = data.identite ?? {};
  const s = data.situation ?? {};
  const f = data.freins ?? {};
  const out: Record<string, unknown> = {};
  if (id.dateNaissance) out.date_naissance = id.dateNaissance;
  if (id.adresse?.codeCommune && id.adresse.codePostal && id.adresse.libelleCommune) {
    out.adresse = {
      code_commune: id.adresse.codeCommune,
      libelle_commune: id.adresse.libelleCommune,
      code_postal: id.adresse.codePostal,
      ...(id.adresse.ligne ? { numero_type_libelle_voie: id.adresse.ligne } : {}),
    };
  }
  if (s.aidesPrestations || data.projet?.motifInscription) {
    out.brsa = (s.aidesPrestations ?? []).includes("RSA") || data.projet?.motifInscription === "RSA";
  }
  const situationCodes = {
    JAMAIS_TRAVAILLE: "JAMAIS",
    SANS_EMPLOI_MOINS_UN_AN: "SANS_EMPLOI_MOINS_1_AN",
    SANS_EMPLOI_PLUS_UN_AN: "SANS_EMPLOI_1_AN_ET_PLUS",
    EN_EMPLOI: "EN_EMPLOI",
    EN_FORMATION: "EN_FORMATION",
  } as const;
  if (s.situationProfessionnelle) out.situation_professionnelle = situationCodes[s.situationProfessionnelle];
  if (data.competences?.niveauEtude) out.niveau_etude = data.competences.niveauEtude;
  if (data.projet?.projetExiste) out.projet_pro = data.projet.projetExiste;

  const scale = (x: Frein | undefined) =>
    !x || x.declare === "NE_SAIT_PAS"
      ? undefined
      : x.declare === "NON" || x.impact === "AUCUN" || !x.impact
        ? "AUCUNE"
        : x.impact === "FORT"
          ? "IMPACT_FORT_RECHERCHE_EMPLOI"
          : "IMPACT_FAIBLE_RECHERCHE_EMPLOI";
  const set = (key: string, v: string | undefined) => {
    if (v) out[key] = v;
  };
  set("contrainte_sante", scale(f.SANTE));
  set("contrainte_financiere", scale(f.FINANCIERE));
  set("contrainte_administrative_juridique", scale(f.ADMINISTRATIVE_JUDICIAIRE));
  const rank = ["AUCUNE", "IMPACT_FAIBLE_RECHERCHE_EMPLOI", "IMPACT_FORT_RECHERCHE_EMPLOI"];
  const langue = [scale(f.SAVOIRS_DE_BASE), scale(f.NIVEAU_LANGUE)];
  if (langue.every((v) => v !== undefined)) {
    set(
      "contrainte_francais_calcul",
      langue.sort((a, b) => rank.indexOf(b ?? "") - rank.indexOf(a ?? ""))[0],
    );
  }
  const declared = (x: Frein | undefined) =>
    !x || x.declare === "NE_SAIT_PAS" ? undefined : x.declare === "OUI" && x.impact !== "AUCUN";
  const logement = declared(f.LOGEMENT);
  if (s.situationLogement === "SANS_LOGEMENT") out.contrainte_logement = "SANS_LOGEMENT";
  else if (
    s.situationLogement === "HEBERGEMENT_SOCIAL" ||
    s.situationLogement === "HEBERGE_FAMILLE_AMIS" ||
    logement
  )
    out.contrainte_logement = "LOGEMENT_PRECAIRE";
  else if (logement === false) out.contrainte_logement = "AUCUNE";
  const mobilite = declared(f.MOBILITE);
  if (mobilite !== undefined) out.contrainte_mobilite = mobilite ? "MOBILITE_LIMITEE" : "AUCUNE";
  const famille = declared(f.SITUATION_FAMILIALE);
  if (famille !== undefined)
    out.contrainte_familiale = !famille
      ? "AUCUNE"
      : (s.enfantsACharge ?? 0) > 0
        ? "GARDE_ENFANT"
        : "AIDANT_FAMILIAL";
  const numerique = declared(f.NUMERIQUE);
  if (numerique !== undefined) out.contrainte_numerique = numerique ? "DIFFICULTES_USAGES" : "AUCUNE";

  const inscription: Record<string, unknown> = {};
  if (s.situationLogement) inscription.situationLogement = s.situationLogement;
  if (data.projet?.souhaitStructure) inscription.souhaitStructure = data.projet.souhaitStructure;
  if (data.freins) inscription.freins = data.freins;
  if (Object.keys(inscription).length > 0) out.inscription = inscription;
  return out;
}

// ── abandonment (parcours.md §1.4) ──────────────────────────────────────────────────────────────

/** A draft whose last activity was on `lastActivity` is abandoned once `days` full days have passed. */
export function isAbandoned(lastActivity: LocalDate, today: LocalDate, days = DEFAULT_ABANDON_DAYS): boolean {
  return addDays(lastActivity, days) <= today;
}

export type OutreachCandidate = { structureId: string; kind: string; coveredCommunes: number };

/**
 * Who goes to meet the person: the counter that started the registration, else the Département's
 * service covering the person's commune (the smallest territory wins, i.e. the local social
 * services before the direction), else any structure covering the commune, else the
 * département's queue (null).
 */
export function outreachStructure(
  startedByStructureId: string | null,
  covering: OutreachCandidate[],
): string | null {
  if (startedByStructureId) return startedByStructureId;
  const sorted = [...covering].sort(
    (a, b) =>
      Number(b.kind === "conseil_departemental") - Number(a.kind === "conseil_departemental") ||
      a.coveredCommunes - b.coveredCommunes ||
      a.structureId.localeCompare(b.structureId),
  );
  return sorted[0]?.structureId ?? null;
}

// ── helpers shared by the form and the server ───────────────────────────────────────────────────

/** Drops empty strings, empty arrays and objects left empty, recursively (form values → block). */
export function compactBlock<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v) => compactBlock(v)).filter((v) => v !== undefined) as T;
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compactBlock(v);
      if (c === undefined || c === "" || c === null) continue;
      if (Array.isArray(c) && c.length === 0) continue;
      if (typeof c === "object" && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out as T;
  }
  if (typeof value === "string" && value.trim() === "") return undefined as T;
  return value;
}

/** The value at a dotted path ("identite.adresse.codePostal"). */
export function valueAt(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const key of path.split(".")) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Structural equality of JSON values, key order ignored. */
export function sameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}
