// The only home of the diagnostic's SQL: the diagnostic row (one per person, optimistic `version`) and
// its append-only versions. The restricted compartment is read by `version` only when asked for.
import { sql } from "kysely";
import type {
  Confidentiel,
  DiagnosticContent,
  DiagnosticFormat,
} from "../../shared/diagnostic/diagnostic.schema";
import type { Db } from "../db/connect";

/** jsonb values are written as JSON text: both engines then store the same document. */
const json = <T>(v: T) => JSON.stringify(v) as unknown as Record<string, unknown>;

export type DiagnosticRecord = NonNullable<Awaited<ReturnType<typeof diagnosticRepository.ofPerson>>>;
export type DiagnosticVersionSummaryRecord = Awaited<
  ReturnType<typeof diagnosticRepository.versions>
>[number];

const summaryColumns = [
  "v.numero",
  "v.format",
  "v.created_at as createdAt",
  "v.author_id as authorId",
  "a.first_name as authorFirstName",
  "a.last_name as authorLastName",
  "v.structure_id as structureId",
  "s.name as structureName",
] as const;

export const diagnosticRepository = {
  ofPerson(db: Db, personId: string) {
    return db
      .selectFrom("diagnostics")
      .select([
        "id",
        "person_id as personId",
        "current_numero as currentNumero",
        "version",
        "created_at as createdAt",
      ])
      .where("person_id", "=", personId)
      .executeTakeFirst();
  },

  async insert(db: Db, d: { id: string; personId: string; startedBy: string | null; now: Date }) {
    await db
      .insertInto("diagnostics")
      .values({
        id: d.id,
        person_id: d.personId,
        current_numero: null,
        started_by: d.startedBy,
        created_at: d.now,
        updated_at: d.now,
      })
      .execute();
  },

  /**
   * Optimistic update: moves the diagnostic to version `numero` only if its lock counter is still
   * `version`; returns the new counter, or undefined when someone else saved in between.
   */
  async advance(db: Db, id: string, version: number, numero: number, now: Date) {
    const r = await db
      .updateTable("diagnostics")
      .set({ current_numero: numero, updated_at: now, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async insertVersion(
    db: Db,
    v: {
      diagnosticId: string;
      numero: number;
      content: DiagnosticContent;
      confidential: Confidentiel | null;
      authorId: string;
      structureId: string;
      format: DiagnosticFormat;
      now: Date;
    },
  ) {
    await db
      .insertInto("diagnostic_versions")
      .values({
        diagnostic_id: v.diagnosticId,
        numero: v.numero,
        content: json(v.content),
        confidential: v.confidential ? json(v.confidential) : null,
        author_id: v.authorId,
        structure_id: v.structureId,
        format: v.format,
        created_at: v.now,
      })
      .execute();
  },

  /** Every version, newest first, with its author and structure (never the content). */
  versions(db: Db, diagnosticId: string) {
    return db
      .selectFrom("diagnostic_versions as v")
      .innerJoin("professionals as a", "a.id", "v.author_id")
      .innerJoin("structures as s", "s.id", "v.structure_id")
      .select(summaryColumns)
      .where("v.diagnostic_id", "=", diagnosticId)
      .orderBy("v.numero", "desc")
      .execute();
  },

  /** One version's shared content; its restricted compartment only with `withConfidential`. */
  async version(db: Db, diagnosticId: string, numero: number, withConfidential: boolean) {
    const row = await db
      .selectFrom("diagnostic_versions as v")
      .innerJoin("professionals as a", "a.id", "v.author_id")
      .innerJoin("structures as s", "s.id", "v.structure_id")
      .select([...summaryColumns, "v.content"])
      .$if(withConfidential, (q) => q.select("v.confidential"))
      .where("v.diagnostic_id", "=", diagnosticId)
      .where("v.numero", "=", numero)
      .executeTakeFirst();
    if (!row) return undefined;
    const { confidential, ...rest } = row as typeof row & { confidential?: unknown };
    return { ...rest, confidential: withConfidential ? (confidential ?? null) : undefined };
  },

  /**
   * Every version with its shared content, newest first, and whether it has a restricted compartment —
   * never the compartment itself (« Mes données »: it stays out of any export, PS-07).
   */
  sharedContents(db: Db, diagnosticId: string) {
    return db
      .selectFrom("diagnostic_versions as v")
      .innerJoin("professionals as a", "a.id", "v.author_id")
      .innerJoin("structures as s", "s.id", "v.structure_id")
      .select([
        ...summaryColumns,
        "v.content",
        sql<boolean>`v.confidential IS NOT NULL`.as("hasConfidential"),
      ])
      .where("v.diagnostic_id", "=", diagnosticId)
      .orderBy("v.numero", "desc")
      .execute();
  },

  /** The restricted compartment of a version (to carry it over to the next one). */
  async confidentialOf(db: Db, diagnosticId: string, numero: number): Promise<unknown> {
    const row = await db
      .selectFrom("diagnostic_versions")
      .select("confidential")
      .where("diagnostic_id", "=", diagnosticId)
      .where("numero", "=", numero)
      .executeTakeFirst();
    return row?.confidential ?? null;
  },

  person(db: Db, personId: string) {
    return db
      .selectFrom("persons")
      .select(["id", "first_names as firstNames", "birth_name as birthName", "usage_name as usageName"])
      .where("id", "=", personId)
      .executeTakeFirst();
  },
};
