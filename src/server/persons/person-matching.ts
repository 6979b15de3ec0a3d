// Identity matching of an inbound record (CAF/MSA flow, registration) against Socle's persons
// (parcours.md §1.5), in this order: (1) same NIR-13 (blind index); (2) same France Travail number;
// (3) same CAF/MSA file + household role + birth date → same person. (4) Same birth name, first name and
// birth date with missing or different strong identifiers → possible duplicate, never merged automatically.
// A strong identifier pointing to a record whose other strong facts differ (same NIR, other birth date…)
// is a conflict, never resolved automatically. E-mail or phone never match.
// `decideMatch` is pure; `personMatchingRepository` reads the candidates and writes the outcome
// (a new person, or the empty fields of the matched one filled).
import { sql } from "kysely";
import type { LocalDate } from "../../shared/kernel/dates";
import { normalizeSearchText } from "../../shared/persons/search-text";
import type { Db } from "../db/connect";
import { copyStatement } from "../db/copy";
import { type UnnestColumn, unnestInsert } from "../db/unnest";
import type { PersonsTable } from "./persons.tables";

export type CafFileKey = { organisme: "CAF" | "MSA"; numorg: string; matricule: string; role: string };

export type IncomingIdentity = {
  /** blind index (HMAC) of the 13-character NIR body */
  nirIndex: string | null;
  franceTravailId: string | null;
  caf: CafFileKey | null;
  birthName: string;
  firstNames: string;
  birthDate: LocalDate;
};

/** An active person as the matching sees it, with the identity fields an import may fill. */
export type MatchCandidate = {
  id: string;
  nirIndex: string | null;
  franceTravailId: string | null;
  cafOrganisme: "CAF" | "MSA" | null;
  cafNumorg: string | null;
  cafMatricule: string | null;
  householdRole: "DEM" | "CJT" | "ENF" | "AUT" | null;
  birthName: string;
  usageName: string | null;
  firstNames: string;
  birthDate: LocalDate;
  sex: "F" | "M" | null;
  birthPlace: string | null;
  addressLine: string | null;
  postalCode: string | null;
  communeCode: string | null;
  departement: string;
};

export type MatchedBy = "nir" | "france_travail" | "caf";
export type MatchDecision =
  | { kind: "same_person"; personId: string; by: MatchedBy }
  | { kind: "new_person" }
  | { kind: "possible_duplicate"; candidateIds: string[] }
  | { kind: "conflict"; personId: string; by: MatchedBy; conflict: "birth_date" | "nir"; message: string };

const normalizedName = (s: string) => normalizeSearchText(s);

/** Same first name: one normalised list of given names is the other or starts it (« LEA » and « Léa Marie »). */
export function sameFirstName(a: string, b: string): boolean {
  const x = normalizedName(a);
  const y = normalizedName(b);
  if (!x || !y) return false;
  return x === y || x.startsWith(`${y} `) || y.startsWith(`${x} `);
}

const conflictMessages = {
  birth_date: (by: MatchedBy) =>
    `${by === "nir" ? "Même NIR" : by === "france_travail" ? "Même identifiant France Travail" : "Même dossier CAF/MSA"} qu'un dossier existant, mais une date de naissance différente : conflit d'identité à examiner, aucun rapprochement automatique.`,
  nir: (by: MatchedBy) =>
    `${by === "france_travail" ? "Même identifiant France Travail" : "Même dossier CAF/MSA, rôle et date de naissance"} qu'un dossier existant, mais un NIR différent : conflit d'identité à examiner, aucun rapprochement automatique.`,
};

export function decideMatch(
  incoming: IncomingIdentity,
  candidates: readonly MatchCandidate[],
): MatchDecision {
  const conflict = (c: MatchCandidate, by: MatchedBy, kind: "birth_date" | "nir"): MatchDecision => ({
    kind: "conflict",
    personId: c.id,
    by,
    conflict: kind,
    message: conflictMessages[kind](by),
  });
  const nirDiffers = (c: MatchCandidate) =>
    !!incoming.nirIndex && !!c.nirIndex && incoming.nirIndex !== c.nirIndex;

  // (1) NIR
  if (incoming.nirIndex) {
    const c = candidates.find((x) => x.nirIndex === incoming.nirIndex);
    if (c)
      return c.birthDate === incoming.birthDate
        ? { kind: "same_person", personId: c.id, by: "nir" }
        : conflict(c, "nir", "birth_date");
  }
  // (2) France Travail number
  if (incoming.franceTravailId) {
    const c = candidates.find((x) => x.franceTravailId === incoming.franceTravailId);
    if (c) {
      if (nirDiffers(c)) return conflict(c, "france_travail", "nir");
      if (c.birthDate !== incoming.birthDate) return conflict(c, "france_travail", "birth_date");
      return { kind: "same_person", personId: c.id, by: "france_travail" };
    }
  }
  // (3) CAF/MSA file + role + birth date
  const caf = incoming.caf;
  if (caf) {
    const c = candidates.find(
      (x) =>
        x.cafOrganisme === caf.organisme &&
        x.cafNumorg === caf.numorg &&
        x.cafMatricule === caf.matricule &&
        x.householdRole === caf.role &&
        x.birthDate === incoming.birthDate,
    );
    if (c)
      return nirDiffers(c) ? conflict(c, "caf", "nir") : { kind: "same_person", personId: c.id, by: "caf" };
  }
  // (4) birth name + first name + birth date
  const birthName = normalizedName(incoming.birthName);
  const same = candidates.filter(
    (x) =>
      x.birthDate === incoming.birthDate &&
      normalizedName(x.birthName) === birthName &&
      sameFirstName(x.firstNames, incoming.firstNames),
  );
  if (same.length > 0) return { kind: "possible_duplicate", candidateIds: same.map((x) => x.id) };
  return { kind: "new_person" };
}

/** What the candidate query needs from each inbound record. */
export type MatchKeys = {
  nirIndex: string | null;
  franceTravailId: string | null;
  caf: { organisme: string; numorg: string; matricule: string } | null;
  birthDate: LocalDate;
  birthName: string;
  /** normalizeSearchText(birthName), when the caller has it already */
  birthNameKey?: string;
};

type CandidateRow = {
  id: string;
  nir_index: string | null;
  france_travail_id: string | null;
  caf_organisme: "CAF" | "MSA" | null;
  caf_numorg: string | null;
  caf_matricule: string | null;
  household_role: "DEM" | "CJT" | "ENF" | "AUT" | null;
  birth_name: string;
  usage_name: string | null;
  first_names: string;
  birth_date: string;
  sex: "F" | "M" | null;
  birth_place: string | null;
  address_line: string | null;
  postal_code: string | null;
  commune_code: string | null;
  departement: string;
};

const toCandidate = (r: CandidateRow): MatchCandidate => ({
  id: r.id,
  nirIndex: r.nir_index,
  franceTravailId: r.france_travail_id,
  cafOrganisme: r.caf_organisme,
  cafNumorg: r.caf_numorg,
  cafMatricule: r.caf_matricule,
  householdRole: r.household_role,
  birthName: r.birth_name,
  usageName: r.usage_name,
  firstNames: r.first_names,
  birthDate: r.birth_date,
  sex: r.sex,
  birthPlace: r.birth_place,
  addressLine: r.address_line,
  postalCode: r.postal_code,
  communeCode: r.commune_code,
  departement: r.departement,
});

export type NewPersonRow = Omit<PersonsTable, "status" | "version" | "merged_into">;
export type IdentityFill = Partial<
  Pick<
    PersonsTable,
    | "nir_cipher"
    | "nir_index"
    | "nir_last_digits"
    | "usage_name"
    | "sex"
    | "birth_place"
    | "france_travail_id"
    | "caf_organisme"
    | "caf_numorg"
    | "caf_matricule"
    | "household_role"
    | "address_line"
    | "postal_code"
    | "commune_code"
    | "departement"
    | "search_text"
  >
>;

// Columns written by insertMany, with their SQL types for unnest (one array parameter per column:
// a multi-row VALUES list costs PostgreSQL far more to parse than a handful of arrays).
const insertColumns: UnnestColumn<NewPersonRow>[] = [
  ["id", "uuid"],
  ["nir_cipher", "text"],
  ["nir_index", "text"],
  ["nir_last_digits", "text"],
  ["birth_name", "text"],
  ["usage_name", "text"],
  ["first_names", "text"],
  ["sex", "text"],
  ["birth_date", "date"],
  ["birth_place", "text"],
  ["nationality", "text"],
  ["email", "text"],
  ["phone", "text"],
  ["address_line", "text"],
  ["postal_code", "text"],
  ["commune_code", "text"],
  ["departement", "text"],
  ["france_travail_id", "text"],
  ["caf_organisme", "text"],
  ["caf_numorg", "text"],
  ["caf_matricule", "text"],
  ["household_role", "text"],
  ["search_text", "text"],
  ["created_at", "timestamptz"],
  ["updated_at", "timestamptz"],
];

export const personMatchingRepository = {
  /** Active persons sharing a strong identifier, or a birth date and birth name, with any of the records. */
  async findCandidates(db: Db, keys: readonly MatchKeys[]): Promise<MatchCandidate[]> {
    if (keys.length === 0) return [];
    // each key once (a household's persons share their CAF file; a name and birth date may come twice)
    const nirs = [...new Set(keys.flatMap((k) => (k.nirIndex ? [k.nirIndex] : [])))];
    const fts = [...new Set(keys.flatMap((k) => (k.franceTravailId ? [k.franceTravailId] : [])))];
    const cafs = new Map<string, { organisme: string; numorg: string; matricule: string }>();
    for (const k of keys) if (k.caf) cafs.set(`${k.caf.organisme}|${k.caf.numorg}|${k.caf.matricule}`, k.caf);
    // names as a range of search_text (« nom » → [« nom  », « nom! »[): the index on (birth_date, search_text)
    // answers it, where a LIKE with a pattern from a join could not use the index
    const named = new Map<string, { d: string; n: string }>();
    for (const k of keys) {
      const n = k.birthNameKey ?? normalizeSearchText(k.birthName);
      named.set(`${k.birthDate}|${n}`, { d: k.birthDate, n });
    }
    const caf = [...cafs.values()];
    const names = [...named.values()];
    const cols = sql.raw(
      "p.id, p.nir_index, p.france_travail_id, p.caf_organisme, p.caf_numorg, p.caf_matricule, p.household_role, p.birth_name, p.usage_name, p.first_names, p.birth_date, p.sex, p.birth_place, p.address_line, p.postal_code, p.commune_code, p.departement",
    );
    // four index-friendly branches (nir, France Travail, CAF file, birth date + name prefix of search_text)
    // that find ids only (the union deduplicates narrow rows), then each person read once by its id;
    // LATERAL … OFFSET 0 keeps each key an index lookup, whatever the table statistics say (a first
    // import fills an empty table: the planner would otherwise hash-join a full scan)
    const r = await sql<CandidateRow>`
      WITH found AS (
        SELECT q.id FROM persons q WHERE q.status = 'active' AND q.nir_index = ANY(${nirs}::text[])
        UNION
        SELECT q.id FROM persons q WHERE q.status = 'active' AND q.france_travail_id = ANY(${fts}::text[])
        UNION
        SELECT f.id FROM unnest(${caf.map((c) => c.organisme)}::text[], ${caf.map((c) => c.numorg)}::text[], ${caf.map((c) => c.matricule)}::text[]) AS k(o, n, m)
          CROSS JOIN LATERAL (SELECT q.id FROM persons q WHERE q.caf_organisme = k.o AND q.caf_numorg = k.n AND q.caf_matricule = k.m
            AND q.status = 'active' AND q.caf_matricule IS NOT NULL OFFSET 0) f
        UNION
        SELECT f.id FROM unnest(${names.map((k) => k.d)}::date[], ${names.map((k) => `${k.n} `)}::text[], ${names.map((k) => `${k.n}!`)}::text[]) AS k(d, lo, hi)
          CROSS JOIN LATERAL (SELECT q.id FROM persons q WHERE q.birth_date = k.d AND q.search_text ~>=~ k.lo AND q.search_text ~<~ k.hi
            AND q.status = 'active' OFFSET 0) f
      )
      SELECT ${cols} FROM found JOIN LATERAL (SELECT * FROM persons q WHERE q.id = found.id OFFSET 0) p ON true`.execute(
      db,
    );
    return r.rows.map(toCandidate);
  },

  /**
   * The statement inserting new persons (built now, executed by the caller, possibly later): COPY when the
   * database runs it (`supportsCopy`), else one INSERT from unnest() arrays.
   */
  insertManyStatement(rows: readonly NewPersonRow[], opts: { copy?: boolean } = {}) {
    if (rows.length === 0) return undefined;
    return opts.copy
      ? copyStatement("persons", insertColumns, rows)
      : unnestInsert("persons", insertColumns, rows);
  },

  /**
   * Fills identity fields of a matched person. Each field is only written while still empty in the
   * database (`coalesce`), so a concurrent edit is never overwritten; `departement` follows the RSA file.
   */
  async fillIdentity(db: Db, personId: string, fill: IdentityFill, now: Date): Promise<void> {
    const set: Record<string, unknown> = { updated_at: now, version: sql`version + 1` };
    for (const [k, v] of Object.entries(fill)) {
      if (v === undefined) continue;
      set[k] = k === "departement" || k === "search_text" ? v : sql`coalesce(${sql.ref(k)}, ${v})`;
    }
    await db
      .updateTable("persons")
      .set(set)
      .where("id", "=", personId)
      .where("status", "=", "active")
      .execute();
  },
};
