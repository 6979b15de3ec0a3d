// The convocation letter (parcours.md §4.1, PS-34: every step can be done without the portal): its French
// content as pure data, then an A4 PDF drawn with pdfkit (standard Helvetica, no font file to ship), like
// the orientation letter. Sent with the convocation e-mail and downloadable from the person's file.
import PDFDocument from "pdfkit";
import {
  type AppointmentPurpose,
  appointmentPurposeLabels,
} from "../../shared/appointments/appointments.schema";
import type { LocalDate } from "../../shared/kernel/dates";
import { formatFrenchDate as frenchDate } from "./appointments.format";
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
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: "Convocation à un rendez-vous", Author: d.structure.name, CreationDate: createdAt },
    lang: "fr-FR",
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 128;
  doc
    .font("Helvetica-Bold")
    .fontSize(11)
    .text(d.structure.name, { width: width / 2 });
  doc.font("Helvetica").fontSize(9);
  for (const line of [d.structure.address, d.structure.phone, d.structure.email])
    if (line) doc.text(line, { width: width / 2 });
  const recipient = [
    `${d.person.firstNames} ${d.person.lastName.toUpperCase()}`,
    d.person.addressLine,
    [d.person.postalCode, d.person.communeName?.toUpperCase()].filter(Boolean).join(" ") || null,
  ].filter((l): l is string => !!l);
  doc.fontSize(11).text(recipient.join("\n"), 64 + width / 2 + 20, 130, { width: width / 2 - 20 });
  doc.moveDown(2);
  doc.fontSize(10.5).text(`Le ${frenchDate(d.issuedOn)}`, 64, doc.y, { width, align: "right" });
  doc.moveDown(1.5);
  doc.font("Helvetica-Bold").text(content.subject, 64, doc.y, { width });
  doc.moveDown();
  doc.font("Helvetica").text(content.salutation, { width });
  doc.moveDown(0.4);
  for (const p of content.paragraphs) {
    doc.text(p, { width });
    doc.moveDown(0.4);
  }
  doc.moveDown(0.5);
  for (const line of content.signature) {
    if (line) doc.text(line, { width });
    else doc.moveDown(0.5);
  }
  doc.end();
  return done;
}

export const convocationFilename = (startsOn: LocalDate) => `convocation-rendez-vous-${startsOn}.pdf`;
