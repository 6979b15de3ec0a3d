// The only home of the contract's SQL: contracts (with their optimistic-lock version), their versions
// (none ever deleted) and the transition log.
import { sql } from "kysely";
import type { ContractContent } from "../../shared/contract/contract.schema";
import type { ContractState } from "../../shared/contract/contract.status";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { ContractsTable, ContractVersionsTable } from "./contract.tables";

const json = (v: unknown) => JSON.stringify(v);

export type ContractRecord = NonNullable<Awaited<ReturnType<typeof contractRepository.get>>>;
export type ContractVersionRecord = Awaited<ReturnType<typeof contractRepository.versions>>[number];

export const contractRepository = {
  get(db: Db, id: string) {
    return db.selectFrom("contracts").selectAll().where("id", "=", id).executeTakeFirst();
  },

  /** The person's contract that is not closed (at most one: unique index). */
  openOf(db: Db, personId: string) {
    return db
      .selectFrom("contracts")
      .selectAll()
      .where("person_id", "=", personId)
      .where("state", "<>", "CLOTURE")
      .executeTakeFirst();
  },

  /** Suspended contracts with the moment of their latest suspension (the nightly closure after 12 months). */
  suspended(db: Db) {
    return db
      .selectFrom("contracts as c")
      .innerJoin("contract_transitions as t", (j) =>
        j.onRef("t.contract_id", "=", "c.id").on("t.event", "=", "suspend"),
      )
      .select([
        "c.id",
        "c.person_id as personId",
        "c.version",
        "c.state",
        "c.previous_state as previousState",
      ])
      .select((eb) => eb.fn.max("t.at").as("suspendedAt"))
      .where("c.state", "=", "SUSPENDU")
      .groupBy(["c.id", "c.person_id", "c.version", "c.state", "c.previous_state"])
      .execute();
  },

  /** Every contract of the person, closed ones included, newest first (« Mes données »). */
  allOf(db: Db, personId: string) {
    return db
      .selectFrom("contracts")
      .selectAll()
      .where("person_id", "=", personId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .execute();
  },

  /** Every version, newest first. */
  versions(db: Db, contractId: string) {
    return db
      .selectFrom("contract_versions")
      .selectAll()
      .where("contract_id", "=", contractId)
      .orderBy("numero", "desc")
      .execute();
  },

  async insert(
    db: Db,
    c: { id: string; personId: string; createdBy: string | null; content: ContractContent; now: Date },
  ) {
    await db
      .insertInto("contracts")
      .values({
        id: c.id,
        person_id: c.personId,
        state: "A_SIGNER",
        previous_state: null,
        current_version: 1,
        created_by: c.createdBy,
        created_at: c.now,
        updated_at: c.now,
      })
      .execute();
    await contractRepository.insertVersion(db, {
      contractId: c.id,
      numero: 1,
      motif: "INITIAL",
      content: c.content,
      createdBy: c.createdBy,
      now: c.now,
    });
  },

  async insertVersion(
    db: Db,
    v: {
      contractId: string;
      numero: number;
      motif: ContractVersionsTable["motif"];
      content: ContractContent;
      createdBy: string | null;
      now: Date;
    },
  ) {
    await db
      .insertInto("contract_versions")
      .values({
        contract_id: v.contractId,
        numero: v.numero,
        motif: v.motif,
        content: json(v.content),
        state: "A_SIGNER",
        signed_at: null,
        refused_at: null,
        refusal_reason: null,
        signature_mode: null,
        recorded_by_kind: null,
        recorded_by: null,
        created_by: v.createdBy,
        created_at: v.now,
        updated_at: v.now,
      })
      .execute();
  },

  /**
   * Optimistic update of the contract row: applies only if the stored version is still `version`;
   * returns the new version, or undefined when someone else changed the contract meanwhile.
   */
  async update(
    db: Db,
    id: string,
    version: number,
    patch: Partial<Pick<ContractsTable, "state" | "previous_state" | "current_version">>,
    now: Date,
  ): Promise<number | undefined> {
    const r = await db
      .updateTable("contracts")
      .set({ ...patch, updated_at: now, version: sql`version + 1` })
      .where("id", "=", id)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async updateVersion(
    db: Db,
    contractId: string,
    numero: number,
    patch: Partial<
      Pick<
        ContractVersionsTable,
        | "state"
        | "signed_at"
        | "refused_at"
        | "refusal_reason"
        | "signature_mode"
        | "recorded_by_kind"
        | "recorded_by"
      >
    > & { content?: ContractContent },
    now: Date,
  ) {
    const { content, ...rest } = patch;
    await db
      .updateTable("contract_versions")
      .set({ ...rest, ...(content ? { content: json(content) } : {}), updated_at: now })
      .where("contract_id", "=", contractId)
      .where("numero", "=", numero)
      .execute();
  },

  async addTransition(
    db: Db,
    t: {
      contractId: string;
      from: ContractState | null;
      to: ContractState;
      event: string;
      actor: Actor;
      at: Date;
    },
  ) {
    await db
      .insertInto("contract_transitions")
      .values({
        contract_id: t.contractId,
        from_state: t.from,
        to_state: t.to,
        event: t.event,
        actor_kind: t.actor.kind,
        actor_id: t.actor.id,
        at: t.at,
      })
      .execute();
  },

  transitions(db: Db, contractId: string) {
    return db
      .selectFrom("contract_transitions")
      .select(["from_state as from", "to_state as to", "event", "actor_kind as actorKind", "at"])
      .where("contract_id", "=", contractId)
      .orderBy("id")
      .execute();
  },

  /** The name shown on the contract and its PDF. */
  personName(db: Db, personId: string) {
    return db
      .selectFrom("persons")
      .select(["first_names as firstNames", "usage_name as usageName", "birth_name as birthName"])
      .where("id", "=", personId)
      .executeTakeFirst();
  },
};
