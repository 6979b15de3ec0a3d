import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type InsertedPerson,
  type InsertedProfessional,
  type InsertedStructure,
  insertFollowUp,
  insertPerson,
  insertProfessional,
  insertStructure,
} from "../../../test-support/builders";
import { testDb } from "../../../test-support/db";
import { testDeps } from "../../../test-support/deps";
import type { DbHandle } from "../../db/connect";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { appointmentsRepository } from "../appointments.repository";
import { bookAppointment } from "./book-appointment";
import { cancelAppointment } from "./cancel-appointment";
import { convokePerson } from "./convoke-person";
import { createSlots } from "./create-slots";
import { getAgenda } from "./get-agenda";
import { getAppointmentCalendar, getConvocationDocument } from "./get-appointment-documents";
import { invitePerson } from "./invite-person";
import { listMyAppointments, listPersonAppointments } from "./list-appointments";
import { listFreeSlots, listSlotsForAppointment } from "./list-free-slots";
import { recordAttendance } from "./record-attendance";

let h: DbHandle;
before(async () => {
  h = await testDb();
});
after(() => h.close());

// Monday 7 December 2026, 10:00 in Paris
const NOW = "2026-12-07T09:00:00Z";

type World = {
  ft: InsertedStructure;
  referente: InsertedProfessional;
  stranger: InsertedProfessional;
  person: InsertedPerson;
};

/** A person followed by a France Travail agency (e-mail and phone known); a conseiller elsewhere. */
async function world(): Promise<World> {
  const ft = await insertStructure(h.db, { kind: "france_travail", departement: "80" });
  const other = await insertStructure(h.db, { kind: "mission_locale", departement: "80" });
  const referente = await insertProfessional(h.db, { structure: ft, roles: ["conseiller"] });
  const stranger = await insertProfessional(h.db, { structure: other, roles: ["conseiller"] });
  const person = await personFollowedBy(ft, referente);
  return { ft, referente, stranger, person };
}

async function personFollowedBy(ft: InsertedStructure, referente: InsertedProfessional) {
  const person = await insertPerson(h.db, { email: "lea.rdv@exemple.fr" });
  await h.db.updateTable("persons").set({ phone: "06 12 34 56 78" }).where("id", "=", person.id).execute();
  await insertFollowUp(h.db, { personId: person.id, structureId: ft.id, professionalId: referente.id });
  return person;
}

/** One slot on Thursday 10 December 2026, 10:00–10:45 Paris. */
async function aSlot(w: World, over: Partial<Parameters<typeof createSlots>[2]> = {}) {
  const { deps } = testDeps(h, NOW);
  const { slots } = await createSlots(deps, w.referente.actor, {
    date: "2026-12-10",
    startTime: "10:00",
    endTime: "10:45",
    modalite: "SUR_PLACE",
    address: "12 rue des Trois Cailloux, 80000 Amiens",
    ...over,
  });
  return slots[0]!;
}

const messages = (appointmentId: string) =>
  h.db
    .selectFrom("outbound_messages")
    .select(["message_key as key", "channel", "status", "send_after as sendAfter", "attachments", "subject"])
    .where("related_kind", "=", "appointment")
    .where("related_id", "=", appointmentId)
    .orderBy("message_key")
    .execute();

const auditActions = async (personId: string) =>
  (
    await h.db
      .selectFrom("audit_events")
      .select(["action", "outcome"])
      .where("person_id", "=", personId)
      .where("section", "=", "rendez_vous")
      .orderBy("id")
      .execute()
  ).map((r) => `${r.action}:${r.outcome}`);

describe("agenda", () => {
  test("a single slot and a weekly series of 3 weeks; the week's agenda shows them with who is booked", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const single = await aSlot(w);
    assert.equal(single.startsAt, "2026-12-10T09:00:00.000Z");
    assert.equal(single.capacity, 1);
    const series = await createSlots(deps, w.referente.actor, {
      date: "2026-12-08",
      startTime: "14:00",
      endTime: "16:00",
      reception: "COLLECTIF",
      title: "Information collective droits et devoirs",
      capacity: 8,
      modalite: "SUR_PLACE",
      repeatWeeks: 3,
    });
    assert.deepEqual(
      series.slots.map((s) => s.startsAt),
      ["2026-12-08T13:00:00.000Z", "2026-12-15T13:00:00.000Z", "2026-12-22T13:00:00.000Z"],
    );
    const invitation = await invitePerson(deps, w.referente.actor, {
      personId: w.person.id,
      purpose: "SUIVI",
    });
    await bookAppointment(deps, w.person.actor, {
      appointmentId: invitation.id,
      slotId: single.id,
      version: invitation.version,
    });

    const agenda = await getAgenda(deps, w.referente.actor, { week: "2026-12-09" });
    assert.equal(agenda.week, "2026-12-07");
    assert.deepEqual(
      agenda.slots.map((s) => [s.startsAt, s.bookedCount, s.bookings.map((b) => b.personId)]),
      [
        ["2026-12-08T13:00:00.000Z", 0, []],
        ["2026-12-10T09:00:00.000Z", 1, [w.person.id]],
      ],
    );
    assert.ok((await auditActions(w.person.id)).includes("appointments.agenda_read:allowed"));
  });

  test("wrong paths: a colleague of another structure, a slot in the past, another structure's agenda", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    await assert.rejects(
      createSlots(deps, w.referente.actor, {
        professionalId: w.stranger.id,
        date: "2026-12-10",
        startTime: "10:00",
        endTime: "10:30",
        modalite: "TELEPHONE",
      }),
      { code: "appointments.professional_not_in_structure" },
    );
    await assert.rejects(
      createSlots(deps, w.referente.actor, {
        date: "2026-12-07",
        startTime: "08:00",
        endTime: "08:30",
        modalite: "TELEPHONE",
      }),
      { code: "appointments.slot_in_past" },
    );
    await assert.rejects(
      createSlots(deps, w.referente.actor, {
        date: "2026-12-10",
        startTime: "10:00",
        endTime: "10:30",
        reception: "COLLECTIF",
        capacity: 5,
        modalite: "VISIO",
      }),
      { code: "validation.invalid" },
    );
    await assert.rejects(getAgenda(deps, w.referente.actor, { professionalId: w.stranger.id }), {
      code: "appointments.professional_not_in_structure",
    });
  });
});

describe("invitation and online booking", () => {
  test("invited: e-mail and SMS now, reminder at J+3; the person books a free slot: convocation with .ics and PDF, reminder 48 h before, first-appointment item closed", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const slot = await aSlot(w);
    await workItemsRepository.open(h.db, {
      id: "7e000000-0000-4000-8000-000000000001",
      type: "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE",
      personId: w.person.id,
      subjectId: null,
      departement: "80",
      structureId: w.ft.id,
      createdAt: new Date(NOW),
      dueDate: "2026-12-14",
      dueSoonDate: "2026-12-12",
    });

    const invitation = await invitePerson(deps, w.referente.actor, {
      personId: w.person.id,
      purpose: "PREMIER_RDV_ACCOMPAGNEMENT",
    });
    assert.equal(invitation.status, "INVITE");
    assert.equal(invitation.invitationExpiresOn, "2026-12-17");
    const id = invitation.id;
    assert.deepEqual(
      (await messages(id)).map((m) => [m.key, m.channel, m.status, m.sendAfter.toISOString()]),
      [
        [`appointment:${id}:invitation`, "EMAIL", "A_ENVOYER", "2026-12-07T09:00:00.000Z"],
        [`appointment:${id}:invitation:sms`, "SMS", "A_ENVOYER", "2026-12-07T09:00:00.000Z"],
        [`appointment:${id}:relance-invitation`, "EMAIL", "A_ENVOYER", "2026-12-10T09:00:00.000Z"],
        [`appointment:${id}:relance-invitation:sms`, "SMS", "A_ENVOYER", "2026-12-10T09:00:00.000Z"],
      ],
    );
    await assert.rejects(
      invitePerson(deps, w.referente.actor, { personId: w.person.id, purpose: "PREMIER_RDV_ACCOMPAGNEMENT" }),
      { code: "appointments.already_invited" },
    );

    const mine = await listMyAppointments(deps, w.person.actor, {});
    assert.deepEqual(
      mine.items.map((a) => [a.id, a.actions]),
      [[id, ["book", "cancel"]]],
    );
    const offered = await listSlotsForAppointment(deps, w.person.actor, { appointmentId: id });
    assert.deepEqual(
      offered.slots.map((s) => s.id),
      [slot.id],
    );

    const booked = await bookAppointment(deps, w.person.actor, {
      appointmentId: id,
      slotId: slot.id,
      version: mine.items[0]!.version,
    });
    assert.equal(booked.status, "PLANIFIE");
    assert.equal(booked.bookedByKind, "person");
    assert.equal(booked.slot?.startsAt, "2026-12-10T09:00:00.000Z");
    assert.deepEqual(booked.actions, ["cancel"]);

    const after = await messages(id);
    const byKey = new Map(after.map((m) => [m.key, m]));
    assert.equal(byKey.get(`appointment:${id}:relance-invitation`)?.status, "ANNULE");
    assert.equal(byKey.get(`appointment:${id}:relance-invitation:sms`)?.status, "ANNULE");
    const convocation = byKey.get(`appointment:${id}:convocation`)!;
    assert.equal(convocation.status, "A_ENVOYER");
    assert.match(convocation.subject, /jeudi 10 décembre 2026 à 10:00/);
    const files = (
      typeof convocation.attachments === "string"
        ? JSON.parse(convocation.attachments)
        : convocation.attachments
    ) as { filename: string; contentType: string; contentBase64: string }[];
    assert.deepEqual(
      files.map((f) => f.filename),
      ["rendez-vous.ics", "convocation-rendez-vous-2026-12-10.pdf"],
    );
    const ics = Buffer.from(files[0]!.contentBase64, "base64").toString("utf8");
    assert.match(ics, new RegExp(`UID:${id}@rendez-vous.socle`));
    assert.match(ics, /DTSTART:20261210T090000Z/);
    assert.match(ics, /METHOD:REQUEST/);
    assert.equal(Buffer.from(files[1]!.contentBase64, "base64").subarray(0, 5).toString(), "%PDF-");
    assert.equal(
      byKey.get(`appointment:${id}:rappel-48h`)?.sendAfter.toISOString(),
      "2026-12-08T09:00:00.000Z",
    );
    assert.equal(byKey.get(`appointment:${id}:rappel-48h:sms`)?.channel, "SMS");

    const item = await h.db
      .selectFrom("work_items")
      .select("status")
      .where("person_id", "=", w.person.id)
      .where("type", "=", "PREMIER_RDV_ACCOMPAGNEMENT_A_PRENDRE")
      .executeTakeFirstOrThrow();
    assert.equal(item.status, "FAIT");
    assert.deepEqual(
      (await appointmentsRepository.transitions(h.db, id)).map((t) => [t.from, t.to, t.event, t.actorKind]),
      [
        [null, "INVITE", "invite", "professional"],
        ["INVITE", "PLANIFIE", "book", "person"],
      ],
    );
    assert.deepEqual(await auditActions(w.person.id), [
      "appointments.invited:allowed",
      "appointments.read:allowed",
      "appointments.booked:allowed",
    ]);
    // the slot is no longer offered
    assert.deepEqual((await listFreeSlots(deps, w.referente.actor, {})).slots, []);
  });

  test("two persons booking the last place at once: one gets it, the other a French conflict", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const slot = await aSlot(w, { reception: "COLLECTIF", title: "Atelier CV", capacity: 1 });
    const other = await personFollowedBy(w.ft, w.referente);
    const i1 = await invitePerson(deps, w.referente.actor, { personId: w.person.id, purpose: "COLLECTIF" });
    const i2 = await invitePerson(deps, w.referente.actor, { personId: other.id, purpose: "COLLECTIF" });
    const results = await Promise.allSettled([
      bookAppointment(deps, w.person.actor, { appointmentId: i1.id, slotId: slot.id, version: i1.version }),
      bookAppointment(deps, other.actor, { appointmentId: i2.id, slotId: slot.id, version: i2.version }),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ["fulfilled", "rejected"]);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    assert.equal(failure.reason.code, "appointments.slot_full");
    assert.match(failure.reason.message, /il n'y a plus de place/);
    const stored = await appointmentsRepository.slot(h.db, slot.id);
    assert.equal(stored?.bookedCount, 1);
  });

  test("wrong paths: another structure's slot, a stale version, someone else's invitation", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const elsewhere = await insertProfessional(h.db, { roles: ["conseiller"] });
    const { slots } = await createSlots(deps, elsewhere.actor, {
      date: "2026-12-10",
      startTime: "11:00",
      endTime: "11:30",
      modalite: "TELEPHONE",
    });
    const own = await aSlot(w);
    const inv = await invitePerson(deps, w.referente.actor, { personId: w.person.id, purpose: "SUIVI" });
    await assert.rejects(
      bookAppointment(deps, w.person.actor, {
        appointmentId: inv.id,
        slotId: slots[0]!.id,
        version: inv.version,
      }),
      { code: "appointments.slot_other_structure" },
    );
    await assert.rejects(
      bookAppointment(deps, w.person.actor, {
        appointmentId: inv.id,
        slotId: own.id,
        version: inv.version + 5,
      }),
      { code: "appointments.version_conflict" },
    );
    const intruder = await insertPerson(h.db, {});
    await assert.rejects(
      bookAppointment(deps, intruder.actor, { appointmentId: inv.id, slotId: own.id, version: inv.version }),
      { code: "access.forbidden" },
    );
    assert.deepEqual(await auditActions(w.person.id), [
      "appointments.invited:allowed",
      "appointments.book:denied",
    ]);
  });
});

describe("convocation, cancellation, attendance", () => {
  test("convoked by the référente; the person cancels with a reason: place given back, reminders cancelled, cancellation sent", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const slot = await aSlot(w);
    const convoked = await convokePerson(deps, w.referente.actor, {
      personId: w.person.id,
      slotId: slot.id,
      purpose: "POINT_ETAPE",
    });
    assert.equal(convoked.status, "PLANIFIE");
    assert.equal(convoked.bookedByKind, "professional");
    const pdf = await getConvocationDocument(deps, w.referente.actor, { appointmentId: convoked.id });
    assert.equal(pdf.content.subarray(0, 5).toString(), "%PDF-");
    assert.equal(pdf.filename, "convocation-rendez-vous-2026-12-10.pdf");

    const cancelled = await cancelAppointment(deps, w.person.actor, {
      appointmentId: convoked.id,
      version: convoked.version,
      reason: "Je commence une formation ce jour-là",
    });
    assert.equal(cancelled.status, "ANNULE");
    assert.equal(cancelled.cancelReason, "Je commence une formation ce jour-là");
    assert.equal((await appointmentsRepository.slot(h.db, slot.id))?.bookedCount, 0);
    const byKey = new Map((await messages(convoked.id)).map((m) => [m.key, m.status]));
    assert.equal(byKey.get(`appointment:${convoked.id}:rappel-48h`), "ANNULE");
    assert.equal(byKey.get(`appointment:${convoked.id}:rappel-48h:sms`), "ANNULE");
    assert.equal(byKey.get(`appointment:${convoked.id}:annulation`), "A_ENVOYER");
    const ics = await getAppointmentCalendar(deps, w.person.actor, { appointmentId: convoked.id });
    assert.match(ics.content, /METHOD:CANCEL/);
    assert.match(ics.content, /SEQUENCE:1/);
    await assert.rejects(
      cancelAppointment(deps, w.person.actor, {
        appointmentId: convoked.id,
        version: cancelled.version,
        reason: "x",
      }),
      { code: "appointments.transition_not_allowed" },
    );
  });

  test("convoking a person who has a pending invitation for the same motif books that invitation", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    const slot = await aSlot(w);
    const inv = await invitePerson(deps, w.referente.actor, { personId: w.person.id, purpose: "SUIVI" });
    const convoked = await convokePerson(deps, w.referente.actor, {
      personId: w.person.id,
      slotId: slot.id,
      purpose: "SUIVI",
    });
    assert.equal(convoked.id, inv.id);
    assert.equal(convoked.status, "PLANIFIE");
    assert.equal(convoked.bookedByKind, "professional");
    const list = await listPersonAppointments(deps, w.referente.actor, { personId: w.person.id });
    assert.deepEqual(
      list.items.map((a) => a.id),
      [inv.id],
    );
    const byKey = new Map((await messages(inv.id)).map((m) => [m.key, m.status]));
    assert.equal(byKey.get(`appointment:${inv.id}:relance-invitation`), "ANNULE");
    assert.equal(byKey.get(`appointment:${inv.id}:convocation`), "A_ENVOYER");
  });

  test("attendance: not before the day; an unexcused absence opens RDV_ABSENCE for the référent's structure; another structure may not record it", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, NOW);
    const slot = await aSlot(w);
    const a = await convokePerson(deps, w.referente.actor, {
      personId: w.person.id,
      slotId: slot.id,
      purpose: "SUIVI",
    });
    await assert.rejects(
      recordAttendance(deps, w.referente.actor, {
        appointmentId: a.id,
        version: a.version,
        status: "ABSENT",
      }),
      { code: "appointments.attendance_too_early" },
    );
    clock.set("2026-12-10T10:00:00Z");
    await assert.rejects(
      recordAttendance(deps, w.stranger.actor, { appointmentId: a.id, version: a.version, status: "ABSENT" }),
      { code: "access.forbidden" },
    );
    const absent = await recordAttendance(deps, w.referente.actor, {
      appointmentId: a.id,
      version: a.version,
      status: "ABSENT",
    });
    assert.equal(absent.status, "ABSENT");
    assert.deepEqual(absent.actions, []);
    const item = await h.db
      .selectFrom("work_items")
      .select(["type", "structure_id as structureId", "assignee_id as assigneeId", "due_date as due"])
      .where("subject_id", "=", a.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, {
      type: "RDV_ABSENCE",
      structureId: w.ft.id,
      assigneeId: w.referente.id,
      due: "2026-12-15",
    });
    const list = await listPersonAppointments(deps, w.referente.actor, { personId: w.person.id });
    assert.deepEqual(
      list.items.map((x) => x.status),
      ["ABSENT"],
    );
    assert.match(list.personName, /^Léa NOMTEST/);
  });

  test("a present person closes nothing and opens nothing; an excuse may be recorded before the day", async () => {
    const w = await world();
    const { deps, clock } = testDeps(h, NOW);
    const s1 = await aSlot(w);
    const s2 = await aSlot(w, { startTime: "11:00", endTime: "11:45" });
    const a1 = await convokePerson(deps, w.referente.actor, {
      personId: w.person.id,
      slotId: s1.id,
      purpose: "SUIVI",
    });
    const excused = await recordAttendance(deps, w.referente.actor, {
      appointmentId: a1.id,
      version: a1.version,
      status: "EXCUSE",
    });
    assert.equal(excused.status, "EXCUSE");
    const a2 = await convokePerson(deps, w.referente.actor, {
      personId: w.person.id,
      slotId: s2.id,
      purpose: "SUIVI",
    });
    clock.set("2026-12-10T11:00:00Z");
    const present = await recordAttendance(deps, w.referente.actor, {
      appointmentId: a2.id,
      version: a2.version,
      status: "HONORE",
    });
    assert.equal(present.status, "HONORE");
    const items = await h.db
      .selectFrom("work_items")
      .select("id")
      .where("person_id", "=", w.person.id)
      .execute();
    assert.equal(items.length, 0);
  });

  test("a professional who does not follow the person can neither list nor invite; the denial is audited", async () => {
    const w = await world();
    const { deps } = testDeps(h, NOW);
    await assert.rejects(listPersonAppointments(deps, w.stranger.actor, { personId: w.person.id }), {
      code: "access.forbidden",
    });
    await assert.rejects(invitePerson(deps, w.stranger.actor, { personId: w.person.id, purpose: "SUIVI" }), {
      code: "access.forbidden",
    });
    assert.deepEqual(await auditActions(w.person.id), [
      "appointments.read:denied",
      "appointments.invite:denied",
    ]);
  });
});
