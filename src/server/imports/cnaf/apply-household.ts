// What one household of the flow changes, person by person, as pure functions: the identity fields an
// import may fill (empty ones only; a difference with existing data is a divergence, never overwritten),
// the RSA right row, the month row of the droits-et-devoirs history, and the facts of the new-entrant rule.

import type { NewEntrantFacts } from "../../../shared/imports/new-entrant";
import type { LocalDate } from "../../../shared/kernel/dates";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import type { IdentityFill, MatchCandidate } from "../../persons/person-matching";
import { sameFirstName } from "../../persons/person-matching";
import type { RsaRightRow } from "../imports.repository";
import type { DroitsDevoirsMonthsTable } from "../imports.tables";
import type { CnafHousehold, CnafPerson, Problem, RejectedPerson } from "./read-household";

export type ApplyContext = {
  importId: string;
  departement: string;
  dtref: LocalDate;
  /** first day of the DTREF month, and of the month before */
  month: LocalDate;
  previousMonth: LocalDate;
  /** a complete flow of the previous month is in Socle for this département */
  previousMonthKnown: boolean;
  /** T0 of the new entrants: the date the département received the flow */
  receivedDate: LocalDate;
  now: Date;
};

/** Keys that identify records without personal data, for the quarantine and the report. */
export const householdKey = (index: number) => `foyer ${index}`;
export const personKey = (index: number, rank: number, role: string) =>
  `foyer ${index}, personne ${rank} (${role || "rôle inconnu"})`;

export function quarantineReason(problems: Problem[]): { code: string; reason: string } {
  return { code: problems[0]?.code ?? "inconnu", reason: problems.map((p) => p.message).join(" ; ") };
}

export type Taken = {
  /** another active person already holds this NIR index / France Travail number / CAF key */
  nir(nirIndex: string, self: string): boolean;
  franceTravail(id: string, self: string): boolean;
  caf(key: string, self: string): boolean;
};
export const cafKey = (
  organisme: string,
  numorg: string,
  matricule: string,
  role: string,
  birthDate: string,
) => `${organisme}|${numorg}|${matricule}|${role}|${birthDate}`;

export type IdentityPlan = { fill: IdentityFill; divergences: string[] };

/** Fills the empty identity fields of a matched person; lists what differs from the data already held. */
export function planIdentity(
  existing: MatchCandidate,
  p: CnafPerson,
  h: CnafHousehold,
  nir: { index: string; cipher: string; lastDigits: string } | null,
  taken: Taken,
  departement: string,
): IdentityPlan {
  const fill: IdentityFill = {};
  const divergences: string[] = [];
  if (normalizeSearchText(existing.birthName) !== normalizeSearchText(p.birthName))
    divergences.push("nom de naissance");
  if (!sameFirstName(existing.firstNames, p.firstNames)) divergences.push("prénoms");
  if (existing.sex === null && p.sex) fill.sex = p.sex;
  else if (p.sex && existing.sex !== p.sex) divergences.push("sexe");
  if (existing.usageName === null && p.usageName) {
    fill.usage_name = p.usageName;
    fill.search_text = normalizeSearchText(existing.birthName, p.usageName, existing.firstNames);
  }
  if (existing.birthPlace === null && p.birthPlace) fill.birth_place = p.birthPlace;
  if (nir && existing.nirIndex === null) {
    if (taken.nir(nir.index, existing.id)) divergences.push("NIR (déjà porté par un autre dossier)");
    else
      Object.assign(fill, { nir_index: nir.index, nir_cipher: nir.cipher, nir_last_digits: nir.lastDigits });
  }
  if (p.franceTravailId) {
    if (existing.franceTravailId === null) {
      if (taken.franceTravail(p.franceTravailId, existing.id))
        divergences.push("identifiant France Travail (déjà porté par un autre dossier)");
      else fill.france_travail_id = p.franceTravailId;
    } else if (existing.franceTravailId !== p.franceTravailId) divergences.push("identifiant France Travail");
  }
  if (
    existing.cafMatricule === null &&
    !taken.caf(cafKey(h.organisme, h.numorg, h.matricule, p.role, existing.birthDate), existing.id)
  ) {
    Object.assign(fill, {
      caf_organisme: h.organisme,
      caf_numorg: h.numorg,
      caf_matricule: h.matricule,
      household_role: p.role,
    });
  }
  if (
    h.address &&
    existing.addressLine === null &&
    existing.postalCode === null &&
    existing.communeCode === null
  ) {
    Object.assign(fill, {
      address_line: h.address.line,
      postal_code: h.address.postalCode,
      commune_code: h.address.communeCode,
    });
  }
  // the RSA file now belongs to this département: a move-in
  if (existing.departement !== departement) fill.departement = departement;
  return { fill, divergences };
}

/** The candidate as it reads once the fill is applied (the next record of the batch sees it). */
export function applyFill(c: MatchCandidate, f: IdentityFill): MatchCandidate {
  return {
    ...c,
    nirIndex: c.nirIndex ?? f.nir_index ?? null,
    franceTravailId: c.franceTravailId ?? f.france_travail_id ?? null,
    cafOrganisme: c.cafOrganisme ?? f.caf_organisme ?? null,
    cafNumorg: c.cafNumorg ?? f.caf_numorg ?? null,
    cafMatricule: c.cafMatricule ?? f.caf_matricule ?? null,
    householdRole: c.householdRole ?? f.household_role ?? null,
    usageName: c.usageName ?? f.usage_name ?? null,
    sex: c.sex ?? f.sex ?? null,
    birthPlace: c.birthPlace ?? f.birth_place ?? null,
    addressLine: c.addressLine ?? f.address_line ?? null,
    postalCode: c.postalCode ?? f.postal_code ?? null,
    communeCode: c.communeCode ?? f.commune_code ?? null,
    departement: f.departement ?? c.departement,
  };
}

export const rightKey = (personId: string, h: CnafHousehold) =>
  `${personId}|${h.organisme}|${h.numorg}|${h.matricule}`;

type RightContent = Omit<
  RsaRightRow,
  | "id"
  | "person_id"
  | "organisme"
  | "numorg"
  | "matricule"
  | "etat_date"
  | "last_import_id"
  | "created_at"
  | "updated_at"
>;

function rightContent(h: CnafHousehold, p: CnafPerson): RightContent {
  return {
    departement: h.departement,
    role: p.roleCode,
    numero_demande: h.numeroDemande,
    demande_date: h.demandeDate,
    etat_code: h.etatCode,
    suspension_kind: h.suspension?.kind ?? null,
    suspension_motif: h.suspension?.motif ?? null,
    suspension_since: h.suspension?.since ?? null,
    cloture_motif: h.cloture?.motif ?? null,
    cloture_date: h.cloture?.date ?? null,
    soumis_droits_devoirs: p.soumis === true,
    sans_domicile_fixe: h.sansDomicileFixe,
    unknown_codes: [...new Set([...h.unknownCodes, ...p.unknownCodes])].sort(),
  };
}

/** `stored` may carry more columns than the content: only the content's keys are compared. */
const sameContent = (stored: RightContent, b: RightContent) =>
  (Object.keys(b) as (keyof RightContent)[]).every((k) =>
    k === "unknown_codes"
      ? stored.unknown_codes.join("\n") === b.unknown_codes.join("\n")
      : stored[k] === b[k],
  );

/** The right as this flow states it; `changed` is false when nothing but bookkeeping would differ. */
export function planRight(
  h: CnafHousehold,
  p: CnafPerson,
  personId: string,
  prev: RsaRightRow | undefined,
  ctx: ApplyContext,
  newId: () => string,
): { row: RsaRightRow; changed: boolean } {
  const content = rightContent(h, p);
  if (prev && sameContent(prev, content)) return { row: prev, changed: false };
  return {
    changed: true,
    row: {
      id: prev?.id ?? newId(),
      person_id: personId,
      organisme: h.organisme,
      numorg: h.numorg,
      matricule: h.matricule,
      ...content,
      etat_date: prev && prev.etat_code === content.etat_code ? prev.etat_date : ctx.dtref,
      last_import_id: ctx.importId,
      created_at: prev?.created_at ?? ctx.now,
      updated_at: ctx.now,
    },
  };
}

export type MonthRow = Pick<DroitsDevoirsMonthsTable, "month" | "soumis" | "etat_code" | "suspension_since">;

/** This month's row of the history; `changed` is false when the same facts are already recorded. */
export function planMonth(
  h: CnafHousehold,
  p: CnafPerson,
  personId: string,
  current: MonthRow | undefined,
  ctx: ApplyContext,
): { row: DroitsDevoirsMonthsTable | null; changed: boolean } {
  if (p.soumis === null) return { row: null, changed: false };
  const next: MonthRow = {
    month: ctx.month,
    soumis: p.soumis,
    etat_code: h.etatCode,
    suspension_since: h.suspension?.since ?? null,
  };
  if (
    current &&
    current.soumis === next.soumis &&
    current.etat_code === next.etat_code &&
    current.suspension_since === next.suspension_since
  ) {
    return { row: null, changed: false };
  }
  return {
    changed: true,
    row: {
      person_id: personId,
      departement: ctx.departement,
      ...next,
      import_id: ctx.importId,
      recorded_at: ctx.now,
    },
  };
}

/** The new-entrant facts of a person, from this flow and from what Socle knew before its month. */
export function newEntrantFacts(
  h: CnafHousehold,
  p: CnafPerson,
  before: MonthRow | undefined,
  suivi: NewEntrantFacts["suivi"],
  ctx: ApplyContext,
): NewEntrantFacts {
  const lastMonth = before && before.month === ctx.previousMonth ? before : undefined;
  return {
    dateReference: ctx.dtref,
    etatDossier: h.etatCode,
    soumisCeMois: p.soumis === true,
    soumisMoisPrecedent: lastMonth ? lastMonth.soumis : ctx.previousMonthKnown ? false : null,
    entrantSelonFlux: p.entrant,
    demandeRsaDate: h.demandeDate,
    suspensionPrecedente:
      before && (before.etat_code === "3" || before.etat_code === "4")
        ? { depuis: before.suspension_since }
        : null,
    suivi,
  };
}

export type RejectedRecord = {
  index: number;
  rank: number;
  key: string;
  line: number | null;
  problems: Problem[];
};
export const rejectedPersonRecord = (index: number, r: RejectedPerson): RejectedRecord => ({
  index,
  rank: r.rank,
  key: personKey(index, r.rank, r.roleCode),
  line: r.line,
  problems: r.problems,
});
