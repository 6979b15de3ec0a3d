// The French texts of the messages sent about an appointment (parcours.md §4.2): invitation, its J+3
// reminder, convocation, 48-hour reminder, cancellation. Pure functions of plain data, by channel.
import {
  type AppointmentPurpose,
  appointmentPurposeLabels,
  type SlotModalite,
} from "../../shared/appointments/appointments.schema";

export type MessageSlot = {
  startsAt: Date;
  endsAt: Date;
  modalite: SlotModalite;
  address: string | null;
  professionalName: string;
  title: string | null;
};
export type MessageData = {
  firstNames: string;
  structureName: string;
  purpose: AppointmentPurpose;
  /** the personal space's appointments page */
  spaceUrl: string;
};
export type Mail = { subject: string; text: string };

const dayFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
});

/** « jeudi 10 décembre 2026 à 10:00 » (Europe/Paris) */
export function frenchDateTime(d: Date): string {
  return `${dayFormat.format(d).replace(/ 1 /, " 1er ")} à ${timeFormat.format(d)}`;
}
export const frenchTime = (d: Date) => timeFormat.format(d);

/** Where and how: « sur place, 12 rue … », « par téléphone : … vous appellera », « en visio ». */
export function whereText(s: MessageSlot, structureName: string): string {
  if (s.modalite === "TELEPHONE") return `par téléphone : ${s.professionalName} vous appellera`;
  if (s.modalite === "VISIO") return "en visio : le lien vous sera envoyé avant le rendez-vous";
  return `sur place, ${s.address ?? structureName}`;
}

const what = (d: MessageData, s?: MessageSlot | null) =>
  s?.title ? `${appointmentPurposeLabels[d.purpose]} : ${s.title}` : appointmentPurposeLabels[d.purpose];

export const appointmentMessages = {
  invitationEmail(d: MessageData, expiresOn: string): Mail {
    return {
      subject: `Choisissez la date de votre rendez-vous avec ${d.structureName}`,
      text: [
        `Bonjour ${d.firstNames},`,
        "",
        `${d.structureName} vous invite à un rendez-vous : ${what(d).toLowerCase()}.`,
        `Choisissez le jour et l'heure qui vous conviennent dans votre espace personnel, avant le ${expiresOn} :`,
        d.spaceUrl,
        "",
        "Si aucun créneau ne vous convient, ou pour toute question, contactez votre structure d'accompagnement.",
        "",
        `${d.structureName}`,
      ].join("\n"),
    };
  },
  invitationSms(d: MessageData): string {
    return `${d.structureName} vous invite à un rendez-vous (${what(d).toLowerCase()}). Choisissez votre créneau : ${d.spaceUrl}`;
  },
  invitationReminderEmail(d: MessageData): Mail {
    return {
      subject: `Rappel : choisissez la date de votre rendez-vous avec ${d.structureName}`,
      text: [
        `Bonjour ${d.firstNames},`,
        "",
        `Vous n'avez pas encore choisi la date de votre rendez-vous (${what(d).toLowerCase()}).`,
        `Choisissez un créneau dans votre espace personnel : ${d.spaceUrl}`,
        "",
        `${d.structureName}`,
      ].join("\n"),
    };
  },
  invitationReminderSms(d: MessageData): string {
    return `Rappel : choisissez la date de votre rendez-vous avec ${d.structureName} : ${d.spaceUrl}`;
  },
  convocationEmail(d: MessageData, s: MessageSlot): Mail {
    return {
      subject: `Votre rendez-vous du ${frenchDateTime(s.startsAt)} avec ${d.structureName}`,
      text: [
        `Bonjour ${d.firstNames},`,
        "",
        `Votre rendez-vous (${what(d, s).toLowerCase()}) est fixé au ${frenchDateTime(s.startsAt)}, jusqu'à ${frenchTime(s.endsAt)}.`,
        `Où : ${whereText(s, d.structureName)}.`,
        `Avec : ${s.professionalName}.`,
        "",
        "Vous trouverez en pièces jointes la convocation (PDF) et l'événement à ajouter à votre agenda (.ics).",
        `Vous pouvez aussi retrouver ce rendez-vous, ou l'annuler si vous ne pouvez pas venir, dans votre espace personnel : ${d.spaceUrl}`,
        "",
        "Si vous ne pouvez pas venir, prévenez-nous : une absence excusée n'a pas de conséquence.",
        "",
        `${d.structureName}`,
      ].join("\n"),
    };
  },
  convocationSms(d: MessageData, s: MessageSlot): string {
    return `RDV ${d.structureName} le ${frenchDateTime(s.startsAt)}, ${whereText(s, d.structureName)}. Détails ou annulation : ${d.spaceUrl}`;
  },
  reminderEmail(d: MessageData, s: MessageSlot): Mail {
    return {
      subject: `Rappel : votre rendez-vous du ${frenchDateTime(s.startsAt)}`,
      text: [
        `Bonjour ${d.firstNames},`,
        "",
        `Nous vous rappelons votre rendez-vous (${what(d, s).toLowerCase()}) le ${frenchDateTime(s.startsAt)}.`,
        `Où : ${whereText(s, d.structureName)}.`,
        `Avec : ${s.professionalName}.`,
        "",
        `Si vous ne pouvez pas venir, annulez-le dans votre espace personnel : ${d.spaceUrl}`,
        "",
        `${d.structureName}`,
      ].join("\n"),
    };
  },
  reminderSms(d: MessageData, s: MessageSlot): string {
    return `Rappel : RDV ${d.structureName} le ${frenchDateTime(s.startsAt)}, ${whereText(s, d.structureName)}. Empêché·e ? ${d.spaceUrl}`;
  },
  cancellationEmail(d: MessageData, s: MessageSlot | null): Mail {
    return {
      subject: s
        ? `Annulation de votre rendez-vous du ${frenchDateTime(s.startsAt)}`
        : `Annulation de votre invitation à un rendez-vous avec ${d.structureName}`,
      text: [
        `Bonjour ${d.firstNames},`,
        "",
        s
          ? `Votre rendez-vous (${what(d, s).toLowerCase()}) du ${frenchDateTime(s.startsAt)} est annulé.`
          : `Votre invitation à un rendez-vous (${what(d).toLowerCase()}) est annulée.`,
        `Votre structure d'accompagnement vous proposera une nouvelle date si besoin. Votre espace personnel : ${d.spaceUrl}`,
        "",
        `${d.structureName}`,
      ].join("\n"),
    };
  },
  cancellationSms(d: MessageData, s: MessageSlot | null): string {
    return s
      ? `Votre RDV ${d.structureName} du ${frenchDateTime(s.startsAt)} est annulé. ${d.spaceUrl}`
      : `Votre invitation à un RDV avec ${d.structureName} est annulée. ${d.spaceUrl}`;
  },
};
