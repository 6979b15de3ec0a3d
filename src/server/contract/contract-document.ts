// The contrat d'engagement as a French A4 PDF (parcours.md §6.1, §6.4): the content of one version, as pure
// data first (easy to test), then drawn with pdfkit (standard Helvetica, no font file to ship). Any
// version can be printed: the version to sign is the « readable copy before signing » of §6.1, and says so;
// a signed or refused version states when and how.
import PDFDocument from "pdfkit";
import { formatHours, programmeTotals } from "../../shared/contract/contract.programme";
import { activityModules } from "../../shared/contract/contract.referentiel";
import { type ContractVersionView, versionMotifLabels } from "../../shared/contract/contract.schema";
import { type LocalDate, parisDate } from "../../shared/kernel/dates";

export type ContractDocumentData = {
  contractId: string;
  personName: string;
  /** layer 1, the same for everyone */
  socleCommun: string;
  version: ContractVersionView;
  /** the day the document is produced (Europe/Paris) */
  issuedOn: LocalDate;
};

export type DocumentBlock =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[] };

export type ContractDocumentContent = { title: string; subtitle: string[]; blocks: DocumentBlock[] };

const months = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];
/** « 1er mars 2026 », « 14 septembre 2026 » */
export function frenchLongDate(d: LocalDate): string {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return `${day === 1 ? "1er" : day} ${months[m - 1]} ${y}`;
}
const instantDate = (iso: string) => frenchLongDate(parisDate(new Date(iso)));

const porteurLabels = {
  PERSONNE: "vous",
  REFERENT: "votre référent·e",
  PARTENAIRE: "un partenaire",
} as const;
const actionStatutLabels = {
  PREVUE: "prévue",
  EN_COURS: "en cours",
  REALISEE: "réalisée",
  ABANDONNEE: "abandonnée",
  ANNULEE: "annulée",
  EN_PAUSE: "en pause",
} as const;
const reducedTargetLabels = {
  SANTE: "santé",
  GARDE_ENFANTS: "garde d'enfants",
  HANDICAP: "handicap",
  AUTRE: "autre raison",
} as const;

const activityLabel = (code: string) => {
  const m = activityModules.get(code);
  return m ? `${code} ${m.label}` : code;
};

function statusLine(v: ContractVersionView): string {
  if (v.state === "SIGNE" && v.signedAt)
    return v.signatureMode === "PAPIER"
      ? `Signé le ${instantDate(v.signedAt)}, en présence de votre référent·e (signature sur papier).`
      : `Signé le ${instantDate(v.signedAt)}, dans votre espace personnel (signature électronique).`;
  if (v.state === "REFUSE" && v.refusedAt)
    return `Refusé le ${instantDate(v.refusedAt)}${v.refusalReason ? ` (motif indiqué : « ${v.refusalReason} »)` : ""}.`;
  if (v.state === "REMPLACEE") return "Cette version a été remplacée par une version plus récente.";
  return "Version à signer : ce document n'est pas encore signé. Lisez-le, posez vos questions à votre référent·e, puis signez-le ou refusez-le.";
}

export function contractDocumentContent(d: ContractDocumentData): ContractDocumentContent {
  const { version: v } = d;
  const c = v.content;
  const blocks: DocumentBlock[] = [
    { kind: "heading", text: "1. Vos droits et vos devoirs (socle commun)" },
    { kind: "paragraph", text: d.socleCommun },
    { kind: "heading", text: "2. Les obligations liées à votre parcours" },
    {
      kind: "paragraph",
      text: c.couchParcours || "Pas d'obligation particulière à votre parcours en plus du socle commun.",
    },
    { kind: "heading", text: "3. Vos engagements individuels" },
    c.engagementsIndividuels.length > 0
      ? { kind: "list", items: c.engagementsIndividuels }
      : { kind: "paragraph", text: "Aucun engagement individuel n'a été ajouté." },
    { kind: "heading", text: "4. Le plan d'action" },
  ];
  if (c.planAction.length === 0)
    blocks.push({ kind: "paragraph", text: "Le plan d'action n'est pas encore rempli." });
  for (const axe of c.planAction) {
    blocks.push({ kind: "paragraph", text: `Axe : ${axe.theme}` });
    for (const o of axe.objectifs) {
      const parts = [
        `Objectif : ${o.libelle}`,
        o.echeance ? `échéance le ${frenchLongDate(o.echeance)}` : null,
        o.accordPersonne ? "vous êtes d'accord avec cet objectif" : "votre accord n'est pas encore noté",
      ].filter(Boolean);
      blocks.push({ kind: "paragraph", text: `${parts.join(" — ")}.` });
      if (o.actions.length > 0)
        blocks.push({
          kind: "list",
          items: o.actions.map(
            (a) =>
              `${a.libelle} (par ${porteurLabels[a.porteur]}${a.activiteCode ? ` ; activité ${activityLabel(a.activiteCode)}` : ""} ; ${actionStatutLabels[a.statut]})`,
          ),
        });
    }
  }
  if (c.programme) {
    const p = c.programme;
    const t = programmeTotals(p);
    blocks.push({ kind: "heading", text: `5. Votre programme de la semaine ${p.semaineIso}` });
    blocks.push(
      p.activites.length > 0
        ? {
            kind: "list",
            items: p.activites.map((a) => `${activityLabel(a.code)} : ${formatHours(a.heuresPrevues)}`),
          }
        : { kind: "paragraph", text: "Aucune activité n'est encore programmée cette semaine." },
    );
    blocks.push({
      kind: "paragraph",
      text: `Total prévu : ${formatHours(t.planned)} pour un objectif de ${formatHours(t.target)} par semaine${t.targetMet ? "." : ` (il manque ${formatHours(t.missing)}).`}`,
    });
    if (p.cibleReduite)
      blocks.push({
        kind: "paragraph",
        text: `L'objectif d'heures a été réduit pour votre situation (${reducedTargetLabels[p.cibleReduite.motif]}${p.cibleReduite.precision ? ` : ${p.cibleReduite.precision}` : ""}), décision de ${p.cibleReduite.decidePar}.`,
      });
    blocks.push({
      kind: "paragraph",
      text: "Des heures manquantes ne déclenchent jamais, à elles seules, de sanction.",
    });
  }
  if (c.prochainRendezVous)
    blocks.push(
      { kind: "heading", text: "Prochain rendez-vous" },
      { kind: "paragraph", text: `Le ${frenchLongDate(c.prochainRendezVous)}.` },
    );
  blocks.push(
    { kind: "heading", text: "Révision" },
    {
      kind: "paragraph",
      text: "Ce contrat est revu avec vous au moins tous les six mois, et chaque fois que votre parcours change (réorientation, changement de dispositif, proposition d'offre d'emploi). Les versions précédentes restent consultables dans votre espace personnel.",
    },
  );
  return {
    title: "Contrat d'engagement",
    subtitle: [
      d.personName,
      `Version ${v.numero} — ${versionMotifLabels[v.motif]} — créée le ${instantDate(v.createdAt)}`,
      statusLine(v),
    ],
    blocks,
  };
}

/** The version as an A4 PDF; `createdAt` (the injected clock) goes into the document's metadata. */
export function renderContractPdf(d: ContractDocumentData, createdAt: Date): Promise<Buffer> {
  const content = contractDocumentContent(d);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: {
      Title: `${content.title} — version ${d.version.numero}`,
      Subject: "Contrat d'engagement (parcours d'accompagnement vers l'emploi)",
      CreationDate: createdAt,
    },
    lang: "fr-FR",
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 128;

  doc.font("Helvetica-Bold").fontSize(18).text(content.title, { width });
  doc.moveDown(0.3);
  const [name, ...rest] = content.subtitle;
  doc.font("Helvetica-Bold").fontSize(12).text(name!, { width });
  doc.font("Helvetica").fontSize(10);
  for (const line of rest) doc.text(line, { width });
  doc.moveDown(0.8);
  doc.fontSize(10.5);
  for (const b of content.blocks) {
    if (b.kind === "heading") {
      doc.moveDown(0.4);
      doc.font("Helvetica-Bold").fontSize(12).text(b.text, { width });
      doc.font("Helvetica").fontSize(10.5);
    } else if (b.kind === "paragraph") {
      doc.text(b.text, { width });
    } else {
      doc.list(b.items, { width: width - 16, bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
    }
    doc.moveDown(0.3);
  }
  doc.moveDown(1);
  doc
    .fontSize(8.5)
    .fillColor("#555555")
    .text(
      `Document édité le ${frenchLongDate(d.issuedOn)} — référence ${d.contractId} / ${d.version.numero}`,
      {
        width,
      },
    );
  doc.end();
  return done;
}

/** « contrat-engagement-v2.pdf » */
export const contractDocumentFilename = (numero: number) => `contrat-engagement-v${numero}.pdf`;
