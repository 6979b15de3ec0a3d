// The only home of registrations' SQL, plus the few writes a submission makes to a person's identity
// and follow-ups (the persons capability exports no such function yet: see the note in
// submit-registration.ts).
import { sql } from "kysely";
import type {
  RegistrationData,
  RegistrationLastStep,
  RegistrationOutcome,
} from "../../shared/registration/registration.schema";
import type { Db } from "../db/connect";
import type { RegistrationsTable } from "./registration.tables";

/** Provenance of a pre-filled value as stored: the display value and the raw one, to tell a correction. */
export type StoredProvenance = {
  source: "FLUX_CAF_MSA" | "DOSSIER_SOCLE" | "INSCRIPTION_PRECEDENTE";
  dateSource: string;
  importeLe: string;
  valeur: string;
  brut: unknown;
};
export type StoredConfirmation = {
  etat: "CONFIRME" | "CORRIGE";
  at: string;
  canal: "EN_LIGNE" | "GUICHET" | "CONSEILLER";
  par: "personne" | "professionnel";
};

const columns = [
  "r.id",
  "r.person_id as personId",
  "r.status",
  "r.channel",
  "r.departement",
  "r.started_by_kind as startedByKind",
  "r.started_by_id as startedById",
  "r.started_by_structure_id as startedByStructureId",
  "r.last_step as lastStep",
  "r.data",
  "r.nir_cipher as nirCipher",
  "r.nir_index as nirIndex",
  "r.provenance",
  "r.confirmations",
  "r.started_at as startedAt",
  "r.updated_at as updatedAt",
  "r.submitted_at as submittedAt",
  "r.outcome",
  "r.abandonment_reported_at as abandonmentReportedAt",
  "r.version",
] as const;

export type RegistrationRecord = Omit<
  NonNullable<Awaited<ReturnType<typeof selectOne>>>,
  "data" | "provenance" | "confirmations"
> & {
  data: RegistrationData;
  provenance: Record<string, StoredProvenance>;
  confirmations: Record<string, StoredConfirmation>;
};

function selectOne(db: Db, id: string) {
  return db
    .selectFrom("registrations as r")
    .leftJoin("structures as s", "s.id", "r.started_by_structure_id")
    .select([...columns, "s.name as startedByStructureName"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}
const asRecord = (r: Awaited<ReturnType<typeof selectOne>>): RegistrationRecord | undefined =>
  r ? (r as unknown as RegistrationRecord) : undefined;

const json = (v: unknown) => JSON.stringify(v) as unknown as Record<string, unknown>;

export const registrationsRepository = {
  async get(db: Db, id: string): Promise<RegistrationRecord | undefined> {
    return asRecord(await selectOne(db, id));
  },

  /** Locks the row for the rest of the transaction (two submissions never both pass). */
  async getForUpdate(db: Db, id: string): Promise<RegistrationRecord | undefined> {
    await db.selectFrom("registrations").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
    return asRecord(await selectOne(db, id));
  },

  async openDraftOf(db: Db, personId: string): Promise<RegistrationRecord | undefined> {
    const row = await db
      .selectFrom("registrations")
      .select("id")
      .where("person_id", "=", personId)
      .where("status", "=", "BROUILLON")
      .executeTakeFirst();
    return row ? registrationsRepository.get(db, row.id) : undefined;
  },

  async latestOf(db: Db, personId: string): Promise<RegistrationRecord | undefined> {
    const row = await db
      .selectFrom("registrations")
      .select("id")
      .where("person_id", "=", personId)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? registrationsRepository.get(db, row.id) : undefined;
  },

  /** Every registration of the person, drafts included, newest first (« Mes données »). */
  async allOf(db: Db, personId: string): Promise<RegistrationRecord[]> {
    const rows = await db
      .selectFrom("registrations")
      .select("id")
      .where("person_id", "=", personId)
      .orderBy("started_at", "desc")
      .orderBy("id", "desc")
      .execute();
    const out: RegistrationRecord[] = [];
    for (const r of rows) {
      const one = await registrationsRepository.get(db, r.id);
      if (one) out.push(one);
    }
    return out;
  },

  async lastSubmittedOf(db: Db, personId: string): Promise<RegistrationRecord | undefined> {
    const row = await db
      .selectFrom("registrations")
      .select("id")
      .where("person_id", "=", personId)
      .where("status", "=", "SOUMISE")
      .orderBy("submitted_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? registrationsRepository.get(db, row.id) : undefined;
  },

  async insert(
    db: Db,
    r: Omit<
      RegistrationsTable,
      | "version"
      | "data"
      | "provenance"
      | "confirmations"
      | "submitted_at"
      | "submitted_by_kind"
      | "submitted_by_id"
      | "outcome"
      | "abandonment_reported_at"
    > & {
      data: RegistrationData;
      provenance: Record<string, StoredProvenance>;
    },
  ) {
    await db
      .insertInto("registrations")
      .values({
        ...r,
        data: json(r.data),
        provenance: json(r.provenance),
        confirmations: json({}),
        submitted_at: null,
        submitted_by_kind: null,
        submitted_by_id: null,
        outcome: null,
        abandonment_reported_at: null,
      })
      .execute();
  },

  /** Optimistic update of a draft: applies only if the stored version is still `version`; returns the new one. */
  async saveDraft(
    db: Db,
    id: string,
    version: number,
    patch: {
      data: RegistrationData;
      nirCipher: string | null;
      nirIndex: string | null;
      confirmations: Record<string, StoredConfirmation>;
      lastStep: RegistrationLastStep;
      departement: string;
      at: Date;
    },
  ): Promise<number | undefined> {
    const r = await db
      .updateTable("registrations")
      .set({
        data: json(patch.data),
        nir_cipher: patch.nirCipher,
        nir_index: patch.nirIndex,
        confirmations: json(patch.confirmations),
        last_step: patch.lastStep,
        departement: patch.departement,
        updated_at: patch.at,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("status", "=", "BROUILLON")
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async markSubmitted(
    db: Db,
    id: string,
    p: {
      personId: string;
      outcome: RegistrationOutcome;
      by: { kind: "person" | "professional"; id: string };
      departement: string;
      at: Date;
    },
  ) {
    await db
      .updateTable("registrations")
      .set({
        status: "SOUMISE",
        person_id: p.personId,
        outcome: p.outcome,
        submitted_at: p.at,
        submitted_by_kind: p.by.kind,
        submitted_by_id: p.by.id,
        last_step: "recapitulatif",
        departement: p.departement,
        updated_at: p.at,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .execute();
  },

  listDraftsOfStructure(db: Db, structureId: string) {
    return db
      .selectFrom("registrations as r")
      .leftJoin("persons as p", "p.id", "r.person_id")
      .select([
        "r.id",
        "r.status",
        "r.channel",
        "r.person_id as personId",
        "r.last_step as lastStep",
        "r.data",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "r.started_at as startedAt",
        "r.updated_at as updatedAt",
        "r.submitted_at as submittedAt",
      ])
      .where("r.started_by_structure_id", "=", structureId)
      .where("r.status", "=", "BROUILLON")
      .orderBy("r.updated_at", "desc")
      .limit(100)
      .execute();
  },

  /** Drafts not yet reported whose last activity is before `before` (a superset: the rule decides). */
  draftsIdleSince(db: Db, before: Date) {
    return db
      .selectFrom("registrations as r")
      .leftJoin("persons as p", "p.id", "r.person_id")
      .select([
        "r.id",
        "r.person_id as personId",
        "r.departement",
        "r.data",
        "r.started_by_structure_id as startedByStructureId",
        "r.updated_at as updatedAt",
        "p.commune_code as personCommune",
        "p.departement as personDepartement",
      ])
      .where("r.status", "=", "BROUILLON")
      .where("r.abandonment_reported_at", "is", null)
      .where("r.updated_at", "<", before)
      .orderBy("r.updated_at")
      .orderBy("r.id")
      .execute();
  },

  async markAbandonmentReported(db: Db, id: string, at: Date) {
    await db.updateTable("registrations").set({ abandonment_reported_at: at }).where("id", "=", id).execute();
  },

  /** Structures whose territory includes the commune, with the size of their territory. */
  coveringStructures(db: Db, communeCode: string) {
    return db
      .selectFrom("structure_coverage as c")
      .innerJoin("structures as s", "s.id", "c.structure_id")
      .select((eb) => [
        "s.id as structureId",
        "s.kind",
        eb
          .selectFrom("structure_coverage as c2")
          .select((e2) => e2.fn.countAll<number>().as("n"))
          .whereRef("c2.structure_id", "=", "s.id")
          .as("coveredCommunes"),
      ])
      .where("c.commune_code", "=", communeCode)
      .execute();
  },

  communesByPostalCode(db: Db, postalCode: string) {
    return db
      .selectFrom("communes")
      .select(["code", "name"])
      .where(sql<boolean>`${postalCode} = ANY(postal_codes)`)
      .orderBy("name")
      .limit(50)
      .execute();
  },

  async hasOpenParcours(db: Db, personId: string): Promise<boolean> {
    const r = await db
      .selectFrom("parcours")
      .select("id")
      .where("person_id", "=", personId)
      .where("statut_suivi", "<>", "CLOS")
      .executeTakeFirst();
    return r !== undefined;
  },

  /** What Socle already knows of a person, for the pre-fill. */
  personForPrefill(db: Db, personId: string) {
    return db
      .selectFrom("persons as p")
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .select([
        "p.id",
        "p.status",
        "p.nir_cipher as nirCipher",
        "p.nir_index as nirIndex",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "p.sex",
        "p.birth_date as birthDate",
        "p.birth_place as birthPlace",
        "p.nationality",
        "p.email",
        "p.phone",
        "p.address_line as addressLine",
        "p.postal_code as postalCode",
        "p.commune_code as communeCode",
        "c.name as communeName",
        "p.departement",
        "p.france_travail_id as franceTravailId",
        "p.caf_organisme as cafOrganisme",
        "p.caf_matricule as cafMatricule",
        "p.household_role as householdRole",
        "p.updated_at as updatedAt",
      ])
      .where("p.id", "=", personId)
      .executeTakeFirst();
  },

  /** The structure's active follow-up of a person, if any. */
  async structureFollows(db: Db, personId: string, structureId: string): Promise<boolean> {
    const r = await db
      .selectFrom("follow_ups")
      .select("id")
      .where("person_id", "=", personId)
      .where("structure_id", "=", structureId)
      .where("ended_at", "is", null)
      .executeTakeFirst();
    return r !== undefined;
  },

  // ── writes to the persons capability's tables (see the note in submit-registration.ts) ────────
  async updatePersonIdentity(
    db: Db,
    personId: string,
    patch: {
      birthName: string;
      usageName: string | null;
      firstNames: string;
      sex: "F" | "M" | null;
      birthDate: string;
      birthPlace: string | null;
      nationality: string | null;
      email: string | null;
      phone: string | null;
      addressLine: string | null;
      postalCode: string | null;
      communeCode: string | null;
      departement: string;
      searchText: string;
      nir?: { cipher: string; index: string; lastDigits: string };
      franceTravailId?: string;
      at: Date;
    },
  ) {
    await db
      .updateTable("persons")
      .set({
        birth_name: patch.birthName,
        usage_name: patch.usageName,
        first_names: patch.firstNames,
        sex: patch.sex,
        birth_date: patch.birthDate,
        birth_place: patch.birthPlace,
        nationality: patch.nationality,
        email: patch.email,
        phone: patch.phone,
        address_line: patch.addressLine,
        postal_code: patch.postalCode,
        commune_code: patch.communeCode,
        departement: patch.departement,
        search_text: patch.searchText,
        ...(patch.nir
          ? {
              nir_cipher: patch.nir.cipher,
              nir_index: patch.nir.index,
              nir_last_digits: patch.nir.lastDigits,
            }
          : {}),
        ...(patch.franceTravailId ? { france_travail_id: patch.franceTravailId } : {}),
        updated_at: patch.at,
        version: sql`version + 1`,
      })
      .where("id", "=", personId)
      .execute();
  },

  async insertFollowUp(
    db: Db,
    f: { id: string; personId: string; structureId: string; professionalId: string; at: Date },
  ) {
    await db
      .insertInto("follow_ups")
      .values({
        id: f.id,
        person_id: f.personId,
        structure_id: f.structureId,
        professional_id: f.professionalId,
        role: "membre",
        started_at: f.at,
        ended_at: null,
      })
      .execute();
  },
};
