// The platform's French A4 documents (letters, contract, convocations, data exports) share one page
// setup and one way of drawing content blocks. Content is built as pure data first (easy to test), then
// drawn here with pdfkit's standard Helvetica (no font file to ship).
import PDFDocument from "pdfkit";

export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

export type PdfInfo = { title: string; subject: string; author?: string; createdAt: Date };

/** A4, French, the usual margins; `done` resolves with the bytes once `doc.end()` is called. */
export function startPdf(info: PdfInfo) {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: info.title,
      Subject: info.subject,
      ...(info.author ? { Author: info.author } : {}),
      CreationDate: info.createdAt,
    },
    lang: "fr-FR",
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done, width: doc.page.width - 128 };
}

/** Headings in bold, paragraphs, bulleted lists; `headingSize` and `gap` tune the density. */
export function drawBlocks(
  doc: PDFKit.PDFDocument,
  blocks: DocumentBlock[],
  width: number,
  style: { headingSize?: number; bodySize?: number; gap?: number } = {},
) {
  const body = style.bodySize ?? 10.5;
  const gap = style.gap ?? 0.3;
  doc.font("Helvetica").fontSize(body);
  for (const b of blocks) {
    if (b.kind === "heading") {
      doc.moveDown(gap + 0.1);
      doc
        .font("Helvetica-Bold")
        .fontSize(style.headingSize ?? 12)
        .text(b.text, { width });
      doc.font("Helvetica").fontSize(body);
    } else if (b.kind === "paragraph") {
      doc.text(b.text, { width });
    } else {
      doc.list(b.items, { width: width - 16, bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
    }
    doc.moveDown(gap);
  }
}

export type LetterPostal = {
  firstNames: string;
  lastName: string;
  addressLine: string | null;
  postalCode: string | null;
  communeName: string | null;
};

/** A French administrative letter: sender top left, recipient where a window envelope shows it, date,
 *  subject, salutation, body blocks, signature lines ("" = a blank line). */
export function renderLetterPdf(
  info: PdfInfo,
  letter: {
    sender: { name: string; lines: (string | null)[] };
    recipient: LetterPostal;
    dateLine: string;
    subject: string;
    salutation: string;
    blocks: DocumentBlock[];
    signature: string[];
  },
): Promise<Buffer> {
  const { doc, done, width } = startPdf(info);
  doc
    .font("Helvetica-Bold")
    .fontSize(11)
    .text(letter.sender.name, { width: width / 2 });
  doc.font("Helvetica").fontSize(9);
  for (const line of letter.sender.lines) if (line) doc.text(line, { width: width / 2 });
  const r = letter.recipient;
  const recipient = [
    `${r.firstNames} ${r.lastName.toUpperCase()}`,
    r.addressLine,
    [r.postalCode, r.communeName?.toUpperCase()].filter(Boolean).join(" ") || null,
  ].filter((l): l is string => !!l);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(recipient.join("\n"), 64 + width / 2 + 20, 130, { width: width / 2 - 20 });
  doc.moveDown(2);
  doc.fontSize(10.5).text(letter.dateLine, 64, doc.y, { width, align: "right" });
  doc.moveDown(1.5);
  doc.font("Helvetica-Bold").text(letter.subject, 64, doc.y, { width });
  doc.moveDown();
  doc.font("Helvetica").text(letter.salutation, { width });
  doc.moveDown(0.4);
  drawBlocks(doc, letter.blocks, width, { headingSize: 11.5, gap: 0.4 });
  doc.moveDown(0.5);
  for (const line of letter.signature) {
    if (line) doc.text(line, { width });
    else doc.moveDown(0.5);
  }
  doc.end();
  return done;
}
