// The « nouvel entrant » rule (parcours.md §2.4, pilotage.md IND-V2-01): in reference month M a person is a
// new entrant when (1) the right is payable (ETATDOSRSA = 2), (2) they are subject to droits et devoirs in M
// and were not in M−1 within this département's flow, and (3) no follow-up is in progress.
// Inclusions/exclusions: back after a suspension (or a follow-up on hold) of more than `suspensionMaxMois`
// months → new entrant again; of that long or less → not (the same référent resumes). « More than »: the
// text leaves exactly 12 months undefined, so the boundary is a parameter and exactly 12 is not « more ».
// Pure: facts in, decision out.
import type { AutomaticExitReason } from "../follow-up/follow-up.schema";
import type { LocalDate } from "../kernel/dates";

export type NewEntrantParams = { suspensionMaxMois: number };
export const defaultNewEntrantParams: NewEntrantParams = { suspensionMaxMois: 12 };

export type FollowUpFacts = {
  /** the person's open parcours in this département, if any */
  parcours: "A_ORIENTER" | "ACTIF" | "EN_VEILLE" | null;
  /** start of the « mise en veille » of that parcours */
  veilleDepuis: LocalDate | null;
  /** an active follow-up with the role « referent » */
  referentActif: boolean;
};

export type NewEntrantFacts = {
  /** DTREF of the flow */
  dateReference: LocalDate;
  /** ETATDOSRSA as received (raw) */
  etatDossier: string;
  /** TOPPERSDRODEVORSA of this flow */
  soumisCeMois: boolean;
  /** the person's flag for M−1 in this département; null when Socle holds no flow of M−1 for the département */
  soumisMoisPrecedent: boolean | null;
  /** TOPPERSENTDRODEVORSA (CNAF's own « entrant » flag), used only when M−1 is unknown */
  entrantSelonFlux: boolean | null;
  /** DTDEMRSA, used only when M−1 is unknown: a request made in M−1 or M is a first application */
  demandeRsaDate: LocalDate | null;
  /** the right as Socle last knew it was suspended (ETATDOSRSA 3 or 4): since when; null if it was not */
  suspensionPrecedente: { depuis: LocalDate | null } | null;
  suivi: FollowUpFacts;
};

export type NewEntrantReason =
  | "PREMIERE_DEMANDE"
  | "NOUVELLEMENT_SOUMIS"
  | "RETOUR_APRES_SUSPENSION_LONGUE"
  | "RETOUR_APRES_VEILLE_LONGUE";
export type NotNewEntrantReason =
  | "DROIT_NON_VERSABLE"
  | "NON_SOUMIS"
  | "DEJA_SOUMIS_LE_MOIS_PRECEDENT"
  | "HISTORIQUE_INCONNU"
  | "RETOUR_APRES_SUSPENSION_COURTE"
  | "SUIVI_EN_COURS"
  | "PARCOURS_DEJA_OUVERT";

export type NewEntrantDecision =
  | { nouvelEntrant: true; motif: NewEntrantReason }
  | { nouvelEntrant: false; motif: NotNewEntrantReason };

export const newEntrantReasonLabels: Record<NewEntrantReason | NotNewEntrantReason, string> = {
  PREMIERE_DEMANDE: "Première demande, soumis aux droits et devoirs",
  NOUVELLEMENT_SOUMIS: "Nouvellement soumis aux droits et devoirs, sans accompagnement en cours",
  RETOUR_APRES_SUSPENSION_LONGUE: "Retour après une suspension de plus de 12 mois",
  RETOUR_APRES_VEILLE_LONGUE: "Retour après une mise en veille de plus de 12 mois",
  DROIT_NON_VERSABLE: "Droit non versable",
  NON_SOUMIS: "Non soumis aux droits et devoirs ce mois-ci",
  DEJA_SOUMIS_LE_MOIS_PRECEDENT: "Déjà soumis aux droits et devoirs le mois précédent",
  HISTORIQUE_INCONNU: "Mois précédent inconnu et rien n'indique une entrée dans le dispositif",
  RETOUR_APRES_SUSPENSION_COURTE:
    "Retour après une suspension de 12 mois ou moins : le même référent reprend",
  SUIVI_EN_COURS: "Accompagnement en cours (orientation connue ou référent désigné)",
  PARCOURS_DEJA_OUVERT: "Parcours déjà ouvert, orientation en attente",
};

/** date + n calendar months, clamped to the end of the month (parcours.md §11.3). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** First day of the month of a date. */
export const monthOf = (date: LocalDate): LocalDate => `${date.slice(0, 7)}-01`;

/** Strictly more than `months` months between `since` and `at`. */
export function lastedMoreThan(since: LocalDate, at: LocalDate, months: number): boolean {
  return at > addMonths(since, months);
}

/**
 * Strictly more than `months` months of flows between the start of a veille and a flow. A veille starts at a
 * flow's DTREF, the last day of its month, and is measured to another DTREF: it is counted in months, not in
 * days. By days, 30/09 + 6 months is 30/03, a day before March's DTREF, yet March is only the sixth month
 * since September (a département's setting of 6 months would close it a month early).
 */
export function veilleLastedMoreThan(since: LocalDate, at: LocalDate, months: number): boolean {
  return monthOf(at) > addMonths(monthOf(since), months);
}

export function decideNewEntrant(
  f: NewEntrantFacts,
  p: NewEntrantParams = defaultNewEntrantParams,
): NewEntrantDecision {
  const no = (motif: NotNewEntrantReason): NewEntrantDecision => ({ nouvelEntrant: false, motif });
  if (f.etatDossier !== "2") return no("DROIT_NON_VERSABLE");
  if (!f.soumisCeMois) return no("NON_SOUMIS");
  if (f.suivi.parcours === "A_ORIENTER") return no("PARCOURS_DEJA_OUVERT");

  // back from a suspension: its length decides, whatever the month-to-month flag said meanwhile
  let motif: NewEntrantReason;
  if (f.suspensionPrecedente) {
    const since = f.suspensionPrecedente.depuis;
    // without a start date the length is unknown: the safe reading is « not more than 12 months »
    if (!since || !lastedMoreThan(since, f.dateReference, p.suspensionMaxMois))
      return no("RETOUR_APRES_SUSPENSION_COURTE");
    motif = "RETOUR_APRES_SUSPENSION_LONGUE";
  } else if (f.soumisMoisPrecedent === true) {
    return no("DEJA_SOUMIS_LE_MOIS_PRECEDENT");
  } else {
    const recentRequest =
      f.demandeRsaDate !== null && f.demandeRsaDate >= addMonths(monthOf(f.dateReference), -1);
    const newlySubject =
      f.soumisMoisPrecedent === false ||
      f.entrantSelonFlux === true ||
      (f.entrantSelonFlux === null && recentRequest);
    if (!newlySubject) return no("HISTORIQUE_INCONNU");
    motif = recentRequest ? "PREMIERE_DEMANDE" : "NOUVELLEMENT_SOUMIS";
  }

  // (3) no follow-up in progress; a follow-up on hold for too long counts as closed
  if (f.suivi.parcours === "EN_VEILLE") {
    const since = f.suivi.veilleDepuis;
    if (!since || !veilleLastedMoreThan(since, f.dateReference, p.suspensionMaxMois))
      return no("SUIVI_EN_COURS");
    return {
      nouvelEntrant: true,
      motif: motif === "RETOUR_APRES_SUSPENSION_LONGUE" ? motif : "RETOUR_APRES_VEILLE_LONGUE",
    };
  }
  if (motif !== "RETOUR_APRES_SUSPENSION_LONGUE" && (f.suivi.parcours === "ACTIF" || f.suivi.referentActif)) {
    return no("SUIVI_EN_COURS");
  }
  return { nouvelEntrant: true, motif };
}

/**
 * The exit reason of the follow-up a new entrant's return ends: back after a follow-up on hold or a suspension
 * of more than `suspensionMaxMois` months, the person's open pathway here is over (`CLOS`) and a new one
 * starts with a new T0 (parcours.md §2.4 « Veille or suspension beyond 12 months »); null for the others.
 */
export function lapsedFollowUpExitReason(motif: NewEntrantReason): AutomaticExitReason | null {
  if (motif === "RETOUR_APRES_VEILLE_LONGUE") return "VEILLE_LONGUE";
  if (motif === "RETOUR_APRES_SUSPENSION_LONGUE") return "SUSPENSION_LONGUE";
  return null;
}
