// The convocation letter (parcours.md §4.1, PS-34: every step can be done without the portal): its French
// content as pure data, then an A4 PDF drawn with pdfkit (standard Helvetica, no font file to ship), like
// the orientation letter. Sent with the convocation e-mail and downloadable from the person's file.
import {
  type AppointmentPurpose,
  appointmentPurposeLabels,
} from "../../shared/appointments/appointments.schema";
import { frenchLongDate, type LocalDate } from "../../shared/kernel/dates";
import { renderLetterPdf } from "../kernel/pdf";
import { frenchDateTime, frenchTime, type MessageSlot, whereText } from "./appointments.messages";

export type ConvocationData = {
  issuedOn: LocalDate;
  structure: { name: string; address: string | null; phone: string | null; email: string | null };
  person: {
    sex: "F" | "M" | null;
    firstNames: string;
    lastName: string;
    addressLine: string | null;
    postalCode: string | null;
    communeName: string | null;
  };
  purpose: AppointmentPurpose;
  slot: MessageSlot;
  spaceUrl: string;
};

export type ConvocationContent = {
  subject: string;
  salutation: string;
  paragraphs: string[];
  signature: string[];
};

export function convocationContent(d: ConvocationData): ConvocationContent {
  const civility = d.person.sex === "F" ? "Madame" : d.person.sex === "M" ? "Monsieur" : "Madame, Monsieur";
  const what = d.slot.title
    ? `${appointmentPurposeLabels[d.purpose]} (« ${d.slot.title} »)`
    : appointmentPurposeLabels[d.purpose];
  const contact = [d.structure.phone, d.structure.email].filter(Boolean).join(" ou ");
  return {
    subject: `Objet : convocation — ${what}`,
    salutation: `${civility},`,
    paragraphs: [
      `Dans le cadre de votre accompagnement vers l'emploi, nous vous invitons à un rendez-vous : ${what.toLowerCase()}.`,
      `Date et heure : le ${frenchDateTime(d.slot.startsAt)}, jusqu'à ${frenchTime(d.slot.endsAt)}.`,
      `Lieu : ${whereText(d.slot, d.structure.name)}.`,
      `Vous serez reçu·e par ${d.slot.professionalName}.`,
      `Si vous ne pouvez pas venir, prévenez-nous avant le rendez-vous${contact ? ` (${contact})` : ""}, ou annulez-le depuis votre espace personnel : ${d.spaceUrl}. Une absence excusée n'a pas de conséquence ; nous vous proposerons une autre date.`,
      "Pensez à apporter une pièce d'identité et, si vous en avez, votre CV.",
    ],
    signature: [
      `Veuillez agréer, ${civility}, l'expression de nos salutations distinguées.`,
      "",
      d.structure.name,
    ],
  };
}

/** The letter as an A4 PDF. `createdAt` is written in the document's metadata (the injected clock). */
export function renderConvocationPdf(d: ConvocationData, createdAt: Date): Promise<Buffer> {
  const content = convocationContent(d);
  return renderLetterPdf(
    { title: "Convocation à un rendez-vous", subject: content.subject, author: d.structure.name, createdAt },
    {
      sender: { name: d.structure.name, lines: [d.structure.address, d.structure.phone, d.structure.email] },
      recipient: d.person,
      dateLine: `Le ${frenchLongDate(d.issuedOn)}`,
      subject: content.subject,
      salutation: content.salutation,
      blocks: content.paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
      signature: content.signature,
    },
  );
}

export const convocationFilename = (startsOn: LocalDate) => `convocation-rendez-vous-${startsOn}.pdf`;
