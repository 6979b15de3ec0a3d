// The only home of the appointments' SQL: slots (with the guarded place counter), appointments (with their
// optimistic-lock version) and the transition log.
import { sql } from "kysely";
import type { AppointmentStatus } from "../../shared/appointments/appointments.status";
import type { Db } from "../db/connect";
import type { Actor } from "../kernel/access";
import type { AppointmentSlotsTable, AppointmentsTable } from "./appointments.tables";

export type SlotRecord = NonNullable<Awaited<ReturnType<typeof appointmentsRepository.slot>>>;
export type AppointmentRecord = NonNullable<Awaited<ReturnType<typeof appointmentsRepository.get>>>;

const slotColumns = [
  "s.id",
  "s.structure_id as structureId",
  "s.professional_id as professionalId",
  "s.starts_at as startsAt",
  "s.ends_at as endsAt",
  "s.capacity",
  "s.booked_count as bookedCount",
  "s.reception",
  "s.title",
  "s.modalite",
  "s.address",
  "pr.first_name as proFirstName",
  "pr.last_name as proLastName",
] as const;

export const appointmentsRepository = {
  async insertSlots(db: Db, slots: Omit<AppointmentSlotsTable, "booked_count">[]): Promise<void> {
    if (slots.length > 0) await db.insertInto("appointment_slots").values(slots).execute();
  },

  slot(db: Db, id: string) {
    return db
      .selectFrom("appointment_slots as s")
      .innerJoin("professionals as pr", "pr.id", "s.professional_id")
      .select(slotColumns)
      .where("s.id", "=", id)
      .executeTakeFirst();
  },

  /** Slots of a structure (optionally one professional) starting in [from, to), by start. */
  slots(
    db: Db,
    f: { structureId: string; professionalId?: string | null; from: Date; to: Date; freeOnly?: boolean },
  ) {
    let q = db
      .selectFrom("appointment_slots as s")
      .innerJoin("professionals as pr", "pr.id", "s.professional_id")
      .select(slotColumns)
      .where("s.structure_id", "=", f.structureId)
      .where("s.starts_at", ">=", f.from)
      .where("s.starts_at", "<", f.to);
    if (f.professionalId) q = q.where("s.professional_id", "=", f.professionalId);
    if (f.freeOnly) q = q.whereRef("s.booked_count", "<", "s.capacity");
    return q.orderBy("s.starts_at").orderBy("s.id").execute();
  },

  /** The booked appointments (and their attendance) of some slots, with the persons' names. */
  bookingsOf(db: Db, slotIds: string[]) {
    if (slotIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom("appointments as a")
      .innerJoin("persons as p", "p.id", "a.person_id")
      .select([
        "a.id as appointmentId",
        "a.slot_id as slotId",
        "a.person_id as personId",
        "a.purpose",
        "a.status",
        "a.version",
        "p.first_names as firstNames",
        "p.usage_name as usageName",
        "p.birth_name as birthName",
      ])
      .where("a.slot_id", "in", slotIds)
      .where("a.status", "in", ["PLANIFIE", "HONORE", "ABSENT", "EXCUSE"])
      .orderBy("p.birth_name")
      .orderBy("a.id")
      .execute();
  },

  /**
   * Takes one place in a slot: applies only while a place is left (row lock + re-checked condition, so two
   * concurrent bookings of the last place cannot both succeed). Returns false when the slot is full.
   */
  async takePlace(db: Db, slotId: string): Promise<boolean> {
    const r = await db
      .updateTable("appointment_slots")
      .set({ booked_count: sql`booked_count + 1` })
      .where("id", "=", slotId)
      .whereRef("booked_count", "<", "capacity")
      .returning("id")
      .executeTakeFirst();
    return r !== undefined;
  },

  async releasePlace(db: Db, slotId: string) {
    await db
      .updateTable("appointment_slots")
      .set({ booked_count: sql`booked_count - 1` })
      .where("id", "=", slotId)
      .where("booked_count", ">", 0)
      .execute();
  },

  async insert(db: Db, a: Omit<AppointmentsTable, "ics_sequence" | "version">): Promise<void> {
    await db.insertInto("appointments").values(a).execute();
  },

  get(db: Db, id: string) {
    return db.selectFrom("appointments").selectAll().where("id", "=", id).executeTakeFirst();
  },

  /** The person's appointments, newest first. */
  ofPerson(db: Db, personId: string) {
    return db
      .selectFrom("appointments as a")
      .leftJoin("appointment_slots as s", "s.id", "a.slot_id")
      .selectAll("a")
      .where("a.person_id", "=", personId)
      .orderBy(sql`coalesce(s.starts_at, a.created_at)`, "desc")
      .orderBy("a.id")
      .execute();
  },

  pendingInvitation(db: Db, personId: string, purpose: AppointmentsTable["purpose"]) {
    return db
      .selectFrom("appointments")
      .select("id")
      .where("person_id", "=", personId)
      .where("purpose", "=", purpose)
      .where("status", "=", "INVITE")
      .executeTakeFirst();
  },

  /** Whether the person already holds a place in the slot. */
  async holdsPlace(db: Db, slotId: string, personId: string): Promise<boolean> {
    const r = await db
      .selectFrom("appointments")
      .select("id")
      .where("slot_id", "=", slotId)
      .where("person_id", "=", personId)
      .where("status", "=", "PLANIFIE")
      .executeTakeFirst();
    return r !== undefined;
  },

  /**
   * Optimistic update: applies only if the stored version is still `version`; returns the new version,
   * or undefined when someone else changed the appointment meanwhile.
   */
  async update(
    db: Db,
    id: string,
    version: number,
    patch: Partial<
      Omit<AppointmentsTable, "id" | "person_id" | "created_at" | "version" | "ics_sequence" | "updated_at">
    > & { bumpSequence?: boolean },
    now: Date,
  ): Promise<number | undefined> {
    const { bumpSequence, ...rest } = patch;
    const r = await db
      .updateTable("appointments")
      .set({
        ...rest,
        updated_at: now,
        version: sql`version + 1`,
        ...(bumpSequence ? { ics_sequence: sql`ics_sequence + 1` } : {}),
      })
      .where("id", "=", id)
      .where("version", "=", version)
      .returning("version")
      .executeTakeFirst();
    return r?.version;
  },

  async addTransition(
    db: Db,
    t: {
      appointmentId: string;
      from: AppointmentStatus | null;
      to: AppointmentStatus;
      event: string;
      actor: Actor;
      at: Date;
      reason?: string | null;
    },
  ) {
    await db
      .insertInto("appointment_transitions")
      .values({
        appointment_id: t.appointmentId,
        from_status: t.from,
        to_status: t.to,
        event: t.event,
        actor_kind: t.actor.kind,
        actor_id: t.actor.id,
        reason: t.reason ?? null,
        at: t.at,
      })
      .execute();
  },

  transitions(db: Db, appointmentId: string) {
    return db
      .selectFrom("appointment_transitions")
      .select(["from_status as from", "to_status as to", "event", "actor_kind as actorKind", "reason"])
      .where("appointment_id", "=", appointmentId)
      .orderBy("id")
      .execute();
  },

  /** What the messages and the letter need about the person. */
  person(db: Db, personId: string) {
    return db
      .selectFrom("persons as p")
      .leftJoin("communes as c", "c.code", "p.commune_code")
      .select([
        "p.id",
        "p.first_names as firstNames",
        "p.usage_name as usageName",
        "p.birth_name as birthName",
        "p.sex",
        "p.email",
        "p.phone",
        "p.address_line as addressLine",
        "p.postal_code as postalCode",
        "c.name as communeName",
      ])
      .where("p.id", "=", personId)
      .executeTakeFirst();
  },

  structure(db: Db, id: string) {
    return db
      .selectFrom("structures")
      .select(["id", "name", "address", "email", "phone"])
      .where("id", "=", id)
      .executeTakeFirst();
  },

  professional(db: Db, id: string) {
    return db
      .selectFrom("professionals")
      .select(["id", "structure_id as structureId", "first_name as firstName", "last_name as lastName"])
      .where("id", "=", id)
      .executeTakeFirst();
  },

  /** The professionals of a structure, for the agenda's filter. */
  professionalsOf(db: Db, structureId: string) {
    return db
      .selectFrom("professionals")
      .select(["id", "first_name as firstName", "last_name as lastName"])
      .where("structure_id", "=", structureId)
      .orderBy("last_name")
      .orderBy("first_name")
      .execute();
  },
};
