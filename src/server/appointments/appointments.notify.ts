// What an appointment sends to the person, through the messaging outbox (enqueueMessage, in the use case's
// transaction): the invitation and its J+3 reminder, the convocation (e-mail with the .ics event and the
// PDF letter, SMS) and its 48-hour reminder, the cancellation. E-mail when the person has an address, SMS
// when they have a phone; without either, the letter is printed from the person's file (PS-34).

import { appointmentsErrors } from "../../shared/appointments/appointments.errors";
import { MY_APPOINTMENTS_PATH } from "../../shared/appointments/appointments.routes";
import { appointmentReminderAt, invitationReminderAt } from "../../shared/appointments/appointments.rules";
import { frenchLongDate as formatFrenchDate, parisDate } from "../../shared/kernel/dates";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Config } from "../kernel/config";
import type { Ids } from "../kernel/ids";
import { cancelPendingMessages, enqueueMessage, type MessageAttachment } from "../messaging/enqueue-message";
import { appointmentMessages, type MessageData, type MessageSlot } from "./appointments.messages";
import { type AppointmentRecord, appointmentsRepository } from "./appointments.repository";
import { appointmentCalendar, calendarFilename } from "./appointments-calendar";
import { type ConvocationData, convocationFilename, renderConvocationPdf } from "./appointments-convocation";

type NotifyDeps = { clock: Clock; ids: Ids; config: Config };

export const RELATED_KIND = "appointment";
export const messageKey = (id: string, what: string) => `appointment:${id}:${what}`;

/** Everything the messages, the letter and the calendar event say about an appointment. */
export async function appointmentContext(tx: Db, config: Config, a: AppointmentRecord) {
  const person = await appointmentsRepository.person(tx, a.person_id);
  const structure = await appointmentsRepository.structure(tx, a.structure_id);
  if (!person || !structure) throw appointmentsErrors.notFound(a.id);
  const s = a.slot_id ? await appointmentsRepository.slot(tx, a.slot_id) : undefined;
  const slot: MessageSlot | null = s
    ? {
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        modalite: s.modalite,
        address: s.address,
        professionalName: `${s.proFirstName} ${s.proLastName}`,
        title: s.title,
      }
    : null;
  const spaceUrl = `${config.publicUrl}${MY_APPOINTMENTS_PATH}`;
  const data: MessageData = {
    firstNames: person.firstNames,
    structureName: structure.name,
    purpose: a.purpose,
    spaceUrl,
  };
  return { person, structure, slot, data, spaceUrl };
}
type Context = Awaited<ReturnType<typeof appointmentContext>>;

export function convocationData(ctx: Context, a: AppointmentRecord, issuedOn: string): ConvocationData {
  if (!ctx.slot) throw appointmentsErrors.noSlot(a.id);
  return {
    issuedOn,
    structure: ctx.structure,
    person: {
      sex: ctx.person.sex,
      firstNames: ctx.person.firstNames,
      lastName: ctx.person.usageName ?? ctx.person.birthName,
      addressLine: ctx.person.addressLine,
      postalCode: ctx.person.postalCode,
      communeName: ctx.person.communeName,
    },
    purpose: a.purpose,
    slot: ctx.slot,
    spaceUrl: ctx.spaceUrl,
  };
}

export function calendarOf(ctx: Context, a: AppointmentRecord, now: Date, cancelled = false): string {
  if (!ctx.slot) throw appointmentsErrors.noSlot(a.id);
  return appointmentCalendar(
    {
      appointmentId: a.id,
      sequence: a.ics_sequence,
      cancelled,
      purpose: a.purpose,
      structureName: ctx.structure.name,
      structureEmail: ctx.structure.email,
      slot: ctx.slot,
      spaceUrl: ctx.spaceUrl,
    },
    now,
  );
}

async function send(
  tx: Db,
  deps: NotifyDeps,
  a: AppointmentRecord,
  ctx: Context,
  what: string,
  m: {
    email?: { subject: string; text: string };
    sms?: string;
    sendAfter?: Date;
    attachments?: MessageAttachment[];
  },
) {
  const common = {
    personId: a.person_id,
    relatedKind: RELATED_KIND,
    relatedId: a.id,
    sendAfter: m.sendAfter,
  };
  if (m.email && ctx.person.email)
    await enqueueMessage(tx, deps, {
      ...common,
      key: messageKey(a.id, what),
      channel: "EMAIL",
      to: ctx.person.email,
      subject: m.email.subject,
      text: m.email.text,
      attachments: m.attachments,
    });
  if (m.sms && ctx.person.phone)
    await enqueueMessage(tx, deps, {
      ...common,
      key: `${messageKey(a.id, what)}:sms`,
      channel: "SMS",
      to: ctx.person.phone,
      subject: "",
      text: m.sms,
    });
}

export const appointmentNotifications = {
  /** The invitation now, and its reminder 3 days later (cancelled when the person books). */
  async invitation(tx: Db, deps: NotifyDeps, a: AppointmentRecord) {
    const ctx = await appointmentContext(tx, deps.config, a);
    const expires = a.invitation_expires_on ? formatFrenchDate(a.invitation_expires_on) : "";
    await send(tx, deps, a, ctx, "invitation", {
      email: appointmentMessages.invitationEmail(ctx.data, expires),
      sms: appointmentMessages.invitationSms(ctx.data),
    });
    await send(tx, deps, a, ctx, "relance-invitation", {
      email: appointmentMessages.invitationReminderEmail(ctx.data),
      sms: appointmentMessages.invitationReminderSms(ctx.data),
      sendAfter: invitationReminderAt(a.invited_at ?? deps.clock.now()),
    });
  },

  /** The convocation (.ics + PDF letter by e-mail, SMS) and the reminder 48 h before. */
  async convocation(tx: Db, deps: NotifyDeps, a: AppointmentRecord) {
    const now = deps.clock.now();
    await cancelPendingMessages(tx, {
      relatedKind: RELATED_KIND,
      relatedId: a.id,
      keyPrefix: messageKey(a.id, "relance-invitation"),
    });
    const ctx = await appointmentContext(tx, deps.config, a);
    if (!ctx.slot) throw appointmentsErrors.noSlot(a.id);
    const pdf = await renderConvocationPdf(convocationData(ctx, a, parisDate(now)), now);
    await send(tx, deps, a, ctx, "convocation", {
      email: appointmentMessages.convocationEmail(ctx.data, ctx.slot),
      sms: appointmentMessages.convocationSms(ctx.data, ctx.slot),
      attachments: [
        {
          filename: calendarFilename,
          contentType: "text/calendar; method=REQUEST",
          content: calendarOf(ctx, a, now),
        },
        {
          filename: convocationFilename(parisDate(ctx.slot.startsAt)),
          contentType: "application/pdf",
          content: new Uint8Array(pdf),
        },
      ],
    });
    const remindAt = appointmentReminderAt(ctx.slot.startsAt, now);
    if (remindAt)
      await send(tx, deps, a, ctx, "rappel-48h", {
        email: appointmentMessages.reminderEmail(ctx.data, ctx.slot),
        sms: appointmentMessages.reminderSms(ctx.data, ctx.slot),
        sendAfter: remindAt,
      });
  },

  /** Every pending message of the appointment is cancelled, then the person is told (with METHOD:CANCEL). */
  async cancellation(tx: Db, deps: NotifyDeps, a: AppointmentRecord) {
    const now = deps.clock.now();
    await cancelPendingMessages(tx, { relatedKind: RELATED_KIND, relatedId: a.id });
    const ctx = await appointmentContext(tx, deps.config, a);
    await send(tx, deps, a, ctx, "annulation", {
      email: appointmentMessages.cancellationEmail(ctx.data, ctx.slot),
      sms: appointmentMessages.cancellationSms(ctx.data, ctx.slot),
      attachments: ctx.slot
        ? [
            {
              filename: calendarFilename,
              contentType: "text/calendar; method=CANCEL",
              content: calendarOf(ctx, a, now, true),
            },
          ]
        : undefined,
    });
  },
};
