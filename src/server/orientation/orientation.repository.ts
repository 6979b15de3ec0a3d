// The only home of orientation's SQL: pathways, orientations and their transition log, rule sets,
// département settings, letters, re-orientation requests, and the follow-up that assigns the chosen
// structure.
import { sql } from "kysely";
import type { LocalDate } from "../../shared/kernel/dates";
import type { OrientationCriteria } from "../../shared/orientation/orientation.criteria";
import type { StoredRuleSet } from "../../shared/orientation/orientation.rules";
import { ruleSetSchema } from "../../shared/orientation/orientation.rules";
import type {
  DelegationFt,
  OrientationEtat,
  Recommendation,
} from "../../shared/orientation/orientation.schema";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { OrientationsTable, ReorientationRequestsTable } from "./orientation.tables";

const orientationColumns = [
  "o.id",
  "o.version",
  "o.person_id as personId",
  "o.parcours_id as parcoursId",
  "o.etat",
  "o.statut",
  "o.origine",
  "o.criteria",
  "o.recommendation",
  "o.rules_version as rulesVersion",
  "o.decision",
  "o.decided_by as decidedBy",
  "o.decided_at as decidedAt",
  "o.organisme_decision as organismeDecision",
  "o.motif_refus as motifRefus",
  "o.commentaire_refus as commentaireRefus",
  "o.parcours_retenu as parcoursRetenu",
  "o.organisme_retenu as organismeRetenu",
  "o.structure_id as structureId",
  "o.notified_at as notifiedAt",
  "o.notification_channel as notificationChannel",
  "o.reorientation_request_id as reorientationRequestId",
  "o.created_at as createdAt",
  "p.departement",
  "p.t0_date as t0",
  "p.statut_suivi as statutSuivi",
] as const;

export type OrientationRecord = NonNullable<Awaited<ReturnType<typeof orientationRepository.get>>>;

/** jsonb values are written as JSON text: both engines then store the same document. */
const json = <T>(v: T) => JSON.stringify(v) as unknown as Record<string, unknown>;

export type OrientationPatch = Partial<
  Pick<
    OrientationsTable,
    | "etat"
    | "statut"
    | "rules_version"
    | "decision"
    | "decided_by"
    | "decided_at"
    | "organisme_decision"
    | "motif_refus"
    | "commentaire_refus"
    | "parcours_retenu"
    | "organisme_retenu"
    | "structure_id"
    | "notified_at"
  >
> & {
  criteria?: OrientationCriteria;
  recommendation?: Recommendation | null;
  notification_channel?: "EMAIL" | "COURRIER";
};

export type NewOrientation = {
  id: string;
  personId: string;
  parcoursId: string;
  etat: OrientationEtat;
  origine: OrientationsTable["origine"];
  criteria: OrientationCriteria;
  recommendation: Recommendation | null;
  reorientationRequestId?: string | null;
  now: Date;
};
export type NewTransition = {
  orientationId: string;
  from: OrientationEtat | null;
  to: OrientationEtat;
  event: string;
  actor: Actor;
  at: Date;
  reason?: string | null;
};
export type NewParcours = {
  id: string;
  personId: string;
  departement: string;
  t0: string;
  origine: "INSCRIPTION_AUTO_CAF" | "INSCRIPTION_CONSEILLER_CD" | "INSCRIPTION_VOLONTAIRE";
  now: Date;
};
const asList = <T>(one: T | readonly T[]): readonly T[] => (Array.isArray(one) ? one : [one as T]);

export const orientationRepository = {
  /** The open pathway (not CLOS) of each person, with its orientation still in progress if any. */
  openPathwaysOf(db: Db, personIds: readonly string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("parcours as p")
      .leftJoin("orientations as o", (j) =>
        j.onRef("o.parcours_id", "=", "p.id").on("o.etat", "in", ["BROUILLON", "EN_ATTENTE", "OUVERT"]),
      )
      .select([
        "p.person_id as personId",
        "p.id as parcoursId",
        "p.departement",
        "p.t0_date as t0",
        "p.statut_suivi as statutSuivi",
        "o.id as orientationId",
        "o.etat as orientationEtat",
      ])
      .where("p.person_id", "in", personIds)
      .where("p.statut_suivi", "<>", "CLOS")
      .execute();
  },

  /**
   * Closes, in one statement, the pathways Socle ends by itself (a follow-up on hold or suspended for too
   * long, parcours.md §2.4), each with its exit reason. Guarded against a concurrent write: only a pathway
   * still in follow-up (ACTIF or EN_VEILLE; still on hold since `veilleSince` when given) closes. Returns the
   * pathways closed.
   */
  async closeLapsedParcours(
    db: Db,
    rows: readonly { parcoursId: string; exitReason: string; veilleSince?: LocalDate }[],
    at: Date,
  ): Promise<{ parcoursId: string; personId: string }[]> {
    if (rows.length === 0) return [];
    const r = await sql<{ parcoursId: string; personId: string }>`
      UPDATE parcours AS p
      SET statut_suivi = 'CLOS', closed_at = ${at}, exit_reason = x.reason, version = p.version + 1
      FROM unnest(${rows.map((x) => x.parcoursId)}::uuid[], ${rows.map((x) => x.exitReason)}::text[],
        ${rows.map((x) => x.veilleSince ?? null)}::date[]) AS x(id, reason, veille_since)
      WHERE p.id = x.id AND p.statut_suivi IN ('ACTIF', 'EN_VEILLE')
        AND (x.veille_since IS NULL OR (p.statut_suivi = 'EN_VEILLE' AND p.veille_since = x.veille_since))
      RETURNING p.id AS "parcoursId", p.person_id AS "personId"`.execute(db);
    return r.rows;
  },

  /**
   * Puts pathways on hold (parcours.md §2.4: no longer subject to droits et devoirs), in one statement:
   * `ACTIF` → `EN_VEILLE` since the given date; the référent and the orientation stay. Guarded against a
   * concurrent write: only a pathway still `ACTIF` moves. Returns the pathways moved.
   */
  async startVeille(
    db: Db,
    rows: readonly { parcoursId: string; since: LocalDate }[],
  ): Promise<{ parcoursId: string; personId: string }[]> {
    if (rows.length === 0) return [];
    const r = await sql<{ parcoursId: string; personId: string }>`
      UPDATE parcours AS p
      SET statut_suivi = 'EN_VEILLE', veille_since = x.since, version = p.version + 1
      FROM unnest(${rows.map((x) => x.parcoursId)}::uuid[], ${rows.map((x) => x.since)}::date[]) AS x(id, since)
      WHERE p.id = x.id AND p.statut_suivi = 'ACTIF'
      RETURNING p.id AS "parcoursId", p.person_id AS "personId"`.execute(db);
    return r.rows;
  },

  /**
   * Ends the veille of pathways whose person is subject again (parcours.md §2.4), in one statement:
   * `EN_VEILLE` → `ACTIF`, `veille_since` cleared, same T0 and référent. Guarded against a concurrent write:
   * only a pathway still on hold since the date read (`since`, null when unknown) moves. Returns those moved.
   */
  async endVeille(
    db: Db,
    rows: readonly { parcoursId: string; since: LocalDate | null }[],
  ): Promise<{ parcoursId: string; personId: string }[]> {
    if (rows.length === 0) return [];
    const r = await sql<{ parcoursId: string; personId: string }>`
      UPDATE parcours AS p
      SET statut_suivi = 'ACTIF', veille_since = NULL, version = p.version + 1
      FROM unnest(${rows.map((x) => x.parcoursId)}::uuid[], ${rows.map((x) => x.since)}::date[]) AS x(id, since)
      WHERE p.id = x.id AND p.statut_suivi = 'EN_VEILLE' AND p.veille_since IS NOT DISTINCT FROM x.since
      RETURNING p.id AS "parcoursId", p.person_id AS "personId"`.execute(db);
    return r.rows;
  },

  /** The pathways on hold since `onOrBefore` or earlier, in every département (the nightly closure's candidates). */
  onHoldSince(db: Db, onOrBefore: LocalDate) {
    return db
      .selectFrom("parcours")
      .select(["id as parcoursId", "person_id as personId", "departement", "veille_since as veilleSince"])
      .where("statut_suivi", "=", "EN_VEILLE")
      .where("veille_since", "<=", onOrBefore)
      .orderBy("id")
      .execute();
  },

  /** Moves the orientations of `parcoursIds` in state `from` to `to` (the state table's decision), in one statement. */
  async moveOrientationsOf(
    db: Db,
    parcoursIds: readonly string[],
    t: { from: OrientationEtat; to: OrientationEtat; at: Date },
  ): Promise<{ id: string; personId: string }[]> {
    if (parcoursIds.length === 0) return [];
    return db
      .updateTable("orientations")
      .set({ etat: t.to, updated_at: t.at, version: sql`version + 1` })
      .where("parcours_id", "in", parcoursIds)
      .where("etat", "=", t.from)
      .returning(["id", "person_id as personId"])
      .execute();
  },

  get(db: Db, id: string) {
    return db
      .selectFrom("orientations as o")
      .innerJoin("parcours as p", "p.id", "o.parcours_id")
      .select(orientationColumns)
      .where("o.id", "=", id)
      .executeTakeFirst();
  },

  /** The person's pending orientation (BROUILLON or EN_ATTENTE), at most one (unique index). */
  pendingOf(db: Db, personId: string) {
    return db
      .selectFrom("orientations as o")
      .innerJoin("parcours as p", "p.id", "o.parcours_id")
      .select(orientationColumns)
      .where("o.person_id", "=", personId)
      .where("o.etat", "in", ["BROUILLON", "EN_ATTENTE"])
      .executeTakeFirst();
  },

  /** The person's orientation in force (OUVERT), at most one (unique index). */
  openOf(db: Db, personId: string) {
    return db
      .selectFrom("orientations as o")
      .innerJoin("parcours as p", "p.id", "o.parcours_id")
      .select(orientationColumns)
      .where("o.person_id", "=", personId)
      .where("o.etat", "=", "OUVERT")
      .executeTakeFirst();
  },

  /** Every orientation of the person, whatever its state, newest first (« Mes données »). */
  allOf(db: Db, personId: string) {
    return db
      .selectFrom("orientations as o")
      .innerJoin("parcours as p", "p.id", "o.parcours_id")
      .select(orientationColumns)
      .where("o.person_id", "=", personId)
      .orderBy("o.created_at", "desc")
      .orderBy("o.id", "desc")
      .execute();
  },

  /** One orientation or many in one statement (the CAF import opens a batch's pathways at once). */
  async insert(db: Db, one: NewOrientation | readonly NewOrientation[]) {
    const list = asList(one);
    if (list.length === 0) return;
    await db
      .insertInto("orientations")
      .values(
        list.map((o) => ({
          id: o.id,
          person_id: o.personId,
          parcours_id: o.parcoursId,
          etat: o.etat,
          statut: o.etat === "EN_ATTENTE" ? "PRECONISE" : null,
          origine: o.origine,
          criteria: json(o.criteria),
          recommendation: o.recommendation ? json(o.recommendation) : null,
          rules_version: o.recommendation?.versionReferentiel ?? null,
          decision: null,
          decided_by: null,
          decided_at: null,
          organisme_decision: null,
          motif_refus: null,
          commentaire_refus: null,
          parcours_retenu: null,
          organisme_retenu: null,
          structure_id: null,
          notified_at: null,
          reorientation_request_id: o.reorientationRequestId ?? null,
          created_at: o.now,
          updated_at: o.now,
        })),
      )
      .execute();
  },

  /** Optimistic update: applies only if the stored version is still `version`; returns the new version. */
  async update(
    db: Db,
    id: string,
    version: number,
    patch: OrientationPatch,
    now: Date,
  ): Promise<number | undefined> {
    const { criteria, recommendation, ...rest } = patch;
    const r = await db
      .updateTable("orientations")
      .set({
        ...rest,
        ...(criteria !== undefined ? { criteria: json(criteria) } : {}),
        ...(recommendation !== undefined
          ? { recommendation: recommendation ? json(recommendation) : null }
          : {}),
        updated_at: now,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async addTransition(db: Db, one: NewTransition | readonly NewTransition[]) {
    const list = asList(one);
    if (list.length === 0) return;
    await db
      .insertInto("orientation_transitions")
      .values(
        list.map((t) => ({
          orientation_id: t.orientationId,
          from_etat: t.from,
          to_etat: t.to,
          event: t.event,
          actor_kind: t.actor.kind,
          actor_id: t.actor.id,
          at: t.at,
          reason: t.reason ?? null,
        })),
      )
      .execute();
  },

  transitions(db: Db, orientationId: string) {
    return db
      .selectFrom("orientation_transitions")
      .select([
        "from_etat as from",
        "to_etat as to",
        "event",
        "actor_kind as actorKind",
        "actor_id as actorId",
        "at",
        "reason",
      ])
      .where("orientation_id", "=", orientationId)
      .orderBy("id")
      .execute();
  },

  // ---- pathway

  openParcoursOf(db: Db, personId: string) {
    return db
      .selectFrom("parcours")
      .select(["id", "departement", "t0_date as t0", "statut_suivi as statutSuivi"])
      .where("person_id", "=", personId)
      .where("statut_suivi", "<>", "CLOS")
      .executeTakeFirst();
  },

  async insertParcours(db: Db, one: NewParcours | readonly NewParcours[]) {
    const list = asList(one);
    if (list.length === 0) return;
    await db
      .insertInto("parcours")
      .values(
        list.map((p) => ({
          id: p.id,
          person_id: p.personId,
          departement: p.departement,
          t0_date: p.t0,
          statut_suivi: "A_ORIENTER",
          origine: p.origine,
          opened_at: p.now,
          veille_since: null,
          closed_at: null,
          exit_reason: null,
        })),
      )
      .execute();
  },

  /** A decided orientation puts the pathway in follow-up (A_ORIENTER → ACTIF). */
  async markParcoursOriented(db: Db, parcoursId: string) {
    await db
      .updateTable("parcours")
      .set({ statut_suivi: "ACTIF", version: sql`version + 1` })
      .where("id", "=", parcoursId)
      .where("statut_suivi", "=", "A_ORIENTER")
      .execute();
  },

  // ---- rule sets and settings

  async publishedRuleSets(db: Db): Promise<StoredRuleSet[]> {
    const rows = await db
      .selectFrom("orientation_rule_sets")
      .select([
        "departement",
        "version",
        "label",
        "effective_from as effectiveFrom",
        "rules",
        "published_at as publishedAt",
      ])
      .where("published_at", "is not", null)
      .orderBy("effective_from")
      .orderBy("version")
      .execute();
    // stored data is parsed like any input: a malformed set fails loudly instead of mis-orienting
    return rows.map((r) => ({
      ...ruleSetSchema.parse({ ...r, rules: r.rules }),
      publishedAt: r.publishedAt,
    }));
  },

  async delegation(db: Db, departement: string): Promise<DelegationFt> {
    const r = await db
      .selectFrom("departement_settings")
      .select("delegation_ft")
      .where("departement", "=", departement)
      .executeTakeFirst();
    return r?.delegation_ft ?? "AUCUNE";
  },

  async setDelegation(db: Db, departement: string, delegation: DelegationFt, now: Date) {
    await db
      .insertInto("departement_settings")
      .values({ departement, delegation_ft: delegation, updated_at: now })
      .onConflict((oc) =>
        oc.column("departement").doUpdateSet({ delegation_ft: delegation, updated_at: now }),
      )
      .execute();
  },

  // ---- structures

  structure(db: Db, id: string) {
    return db
      .selectFrom("structures")
      .select(["id", "name", "kind", "departement", "address", "email", "phone"])
      .where("id", "=", id)
      .executeTakeFirst();
  },

  /**
   * The structures of a département that may receive an orientation, with the number of communes each
   * covers and whether it covers `communeCode` (to suggest the closest one).
   */
  structuresOf(db: Db, departement: string, communeCode: string | null) {
    return db
      .selectFrom("structures as s")
      .select((eb) => [
        "s.id",
        "s.name",
        "s.kind",
        eb
          .selectFrom("structure_coverage as c")
          .select((e) => e.fn.countAll<number>().as("n"))
          .whereRef("c.structure_id", "=", "s.id")
          .as("coverage"),
        eb
          .exists(
            eb
              .selectFrom("structure_coverage as c")
              .select(sql`1`.as("one"))
              .whereRef("c.structure_id", "=", "s.id")
              .where("c.commune_code", "=", communeCode ?? ""),
          )
          .as("coversCommune"),
      ])
      .where("s.departement", "=", departement)
      .orderBy("s.name")
      .execute();
  },

  professionalName(db: Db, id: string) {
    return db
      .selectFrom("professionals as p")
      .innerJoin("structures as s", "s.id", "p.structure_id")
      .select(["p.first_name as firstName", "p.last_name as lastName", "s.name as structureName"])
      .where("p.id", "=", id)
      .executeTakeFirst();
  },

  // ---- person (read only: identity for the decision screen and the letter)

  person(db: Db, personId: string) {
    return db
      .selectFrom("persons as p")
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .select([
        "p.id",
        "p.birth_name as birthName",
        "p.usage_name as usageName",
        "p.first_names as firstNames",
        "p.sex",
        "p.birth_date as birthDate",
        "p.email",
        "p.address_line as addressLine",
        "p.postal_code as postalCode",
        "p.commune_code as communeCode",
        "c.name as communeName",
        "p.departement",
      ])
      .where("p.id", "=", personId)
      .executeTakeFirst();
  },

  /**
   * Assigns the chosen structure: a follow-up row, the référent to be named by the structure (parcours.md
   * §3.3). Earlier follow-ups stay until a human hand-over (PS-24).
   */
  async assignStructure(db: Db, f: { id: string; personId: string; structureId: string; now: Date }) {
    const existing = await db
      .selectFrom("follow_ups")
      .select("id")
      .where("person_id", "=", f.personId)
      .where("structure_id", "=", f.structureId)
      .where("ended_at", "is", null)
      .executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    await db
      .insertInto("follow_ups")
      .values({
        id: f.id,
        person_id: f.personId,
        structure_id: f.structureId,
        professional_id: null,
        role: "referent",
        started_at: f.now,
        ended_at: null,
      })
      .execute();
    return { id: f.id, created: true };
  },

  /**
   * PS-15 hand-over after a reorientation: the référents and co-référents of other structures become mere
   * members (write access ends now) that still read the file until `readUntil`. Returns the rows handed over.
   */
  async handOverPreviousLeads(
    db: Db,
    f: { personId: string; keepStructureId: string; readUntil: Date },
  ): Promise<{ id: string; structureId: string }[]> {
    return db
      .updateTable("follow_ups")
      .set({ role: "membre", read_until: f.readUntil })
      .where("person_id", "=", f.personId)
      .where("structure_id", "<>", f.keepStructureId)
      .where("ended_at", "is", null)
      .where("role", "in", ["referent", "co_referent"])
      .returning(["id", "structure_id as structureId"])
      .execute();
  },

  // ---- letters

  async insertLetter(
    db: Db,
    l: {
      id: string;
      orientationId: string;
      personId: string;
      filename: string;
      content: Buffer;
      sha256: string;
      now: Date;
    },
  ) {
    await db
      .insertInto("orientation_letters")
      .values({
        id: l.id,
        orientation_id: l.orientationId,
        person_id: l.personId,
        filename: l.filename,
        content: l.content,
        sha256: l.sha256,
        created_at: l.now,
      })
      .execute();
  },

  async letterOf(db: Db, orientationId: string) {
    const r = await db
      .selectFrom("orientation_letters")
      .select(["id", "filename", "content", "sha256", "created_at as createdAt"])
      .where("orientation_id", "=", orientationId)
      .executeTakeFirst();
    // pg returns a Buffer, PGlite a Uint8Array
    return r ? { ...r, content: Buffer.from(r.content) } : undefined;
  },

  async hasLetter(db: Db, orientationId: string): Promise<boolean> {
    const r = await db
      .selectFrom("orientation_letters")
      .select("id")
      .where("orientation_id", "=", orientationId)
      .executeTakeFirst();
    return r !== undefined;
  },

  // ---- re-orientation requests

  async insertReorientationRequest(
    db: Db,
    r: Omit<
      ReorientationRequestsTable,
      "version" | "statut" | "motif_decision" | "decided_by" | "decided_at" | "new_orientation_id"
    >,
  ) {
    await db
      .insertInto("reorientation_requests")
      .values({
        ...r,
        statut: "EN_ATTENTE",
        motif_decision: null,
        decided_by: null,
        decided_at: null,
        new_orientation_id: null,
      })
      .execute();
  },

  reorientationRequest(db: Db, id: string) {
    return db
      .selectFrom("reorientation_requests as r")
      .innerJoin("professionals as rp", "rp.id", "r.requested_by")
      .leftJoin("professionals as dp", "dp.id", "r.decided_by")
      .leftJoin("structures as ss", "ss.id", "r.structure_souhaitee_id")
      .select([
        "r.id",
        "r.version",
        "r.person_id as personId",
        "r.orientation_id as orientationId",
        "r.departement",
        "r.requested_by as requestedById",
        sql<string>`rp.first_name || ' ' || rp.last_name`.as("requestedBy"),
        "r.created_at as requestedAt",
        "r.motif",
        "r.parcours_souhaite as parcoursSouhaite",
        "r.organisme_souhaite as organismeSouhaite",
        "r.structure_souhaitee_id as structureSouhaiteeId",
        "ss.name as structureSouhaitee",
        "r.statut",
        "r.motif_decision as motifDecision",
        sql<string | null>`dp.first_name || ' ' || dp.last_name`.as("decidedBy"),
        "r.decided_at as decidedAt",
        "r.new_orientation_id as newOrientationId",
      ])
      .where("r.id", "=", id)
      .executeTakeFirst();
  },

  async pendingReorientationRequestOf(db: Db, personId: string) {
    const r = await db
      .selectFrom("reorientation_requests")
      .select("id")
      .where("person_id", "=", personId)
      .where("statut", "=", "EN_ATTENTE")
      .executeTakeFirst();
    return r?.id;
  },

  async decideReorientationRequest(
    db: Db,
    id: string,
    version: number,
    d: {
      statut: "ACCEPTEE" | "REFUSEE";
      motifDecision: string | null;
      decidedBy: string;
      at: Date;
      newOrientationId: string | null;
    },
  ): Promise<number | undefined> {
    const r = await db
      .updateTable("reorientation_requests")
      .set({
        statut: d.statut,
        motif_decision: d.motifDecision,
        decided_by: d.decidedBy,
        decided_at: d.at,
        new_orientation_id: d.newOrientationId,
        version: sql`version + 1`,
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .where("statut", "=", "EN_ATTENTE")
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },
};
