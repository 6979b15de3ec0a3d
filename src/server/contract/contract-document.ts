// The contrat d'engagement as a French A4 PDF (parcours.md §6.1, §6.4): the content of one version, as pure
// data first (easy to test), then drawn with pdfkit (standard Helvetica, no font file to ship). Any
// version can be printed: the version to sign is the « readable copy before signing » of §6.1, and says so;
// a signed or refused version states when and how.
import { formatHours, programmeTotals } from "../../shared/contract/contract.programme";
import { activityModules } from "../../shared/contract/contract.referentiel";
import { type ContractVersionView, versionMotifLabels } from "../../shared/contract/contract.schema";
import { frenchLongDate, type LocalDate, parisDate } from "../../shared/kernel/dates";
import { type DocumentBlock, drawBlocks, startPdf } from "../kernel/pdf";

export type ContractDocumentData = {
  contractId: string;
  personName: string;
  /** layer 1, the same for everyone */
  socleCommun: string;
  version: ContractVersionView;
  /** the day the document is produced (Europe/Paris) */
  issuedOn: LocalDate;
};

export type ContractDocumentContent = { title: string; subtitle: string[]; blocks: DocumentBlock[] };

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
  const { doc, done, width } = startPdf({
    title: `${content.title} — version ${d.version.numero}`,
    subject: "Contrat d'engagement (parcours d'accompagnement vers l'emploi)",
    createdAt,
  });

  doc.font("Helvetica-Bold").fontSize(18).text(content.title, { width });
  doc.moveDown(0.3);
  const [name, ...rest] = content.subtitle;
  doc.font("Helvetica-Bold").fontSize(12).text(name!, { width });
  doc.font("Helvetica").fontSize(10);
  for (const line of rest) doc.text(line, { width });
  doc.moveDown(0.8);
  drawBlocks(doc, content.blocks, width);
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
