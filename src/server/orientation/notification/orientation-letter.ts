// The orientation decision letter (PS-24, PS-35): its French content, as pure data, then rendered as an
// A4 PDF with pdfkit (standard Helvetica: no font file to ship). The person is told which orientation
// was decided and by whom, that a proposal was first computed, on which main criteria, and how to ask
// for a human review or a re-orientation.
import { frenchLongDate, type LocalDate } from "../../../shared/kernel/dates";
import {
  type MotifRefus,
  motifRefusLabels,
  type Organisme,
  organismeLabels,
  type ParcoursType,
  parcoursTypeDescriptions,
  parcoursTypeLabels,
  type Recommendation,
} from "../../../shared/orientation/orientation.schema";
import { type DocumentBlock, renderLetterPdf } from "../../kernel/pdf";

export type LetterData = {
  issuedOn: LocalDate;
  /** the authority on whose behalf the letter is written (the département, or France Travail by delegation) */
  issuer: { name: string; email: string | null; phone: string | null; address: string | null };
  person: {
    sex: "F" | "M" | null;
    firstNames: string;
    lastName: string;
    addressLine: string | null;
    postalCode: string | null;
    communeName: string | null;
  };
  decision: {
    parcours: ParcoursType;
    organisme: Organisme;
    structure: { name: string; address: string | null; email: string | null; phone: string | null } | null;
    /** the professional chose another orientation than the proposal */
    override: { motif: MotifRefus; commentaire: string | null } | null;
  };
  recommendation: Recommendation;
  decider: { name: string; structureName: string };
  /** the person's space, where the letter and the request for review are */
  spaceUrl: string;
};

export type LetterBlock = DocumentBlock;

export type LetterContent = {
  subject: string;
  salutation: string;
  blocks: LetterBlock[];
  signature: string[];
};

export function orientationLetterContent(d: LetterData): LetterContent {
  const { decision, recommendation: rec } = d;
  const civility = d.person.sex === "F" ? "Madame" : d.person.sex === "M" ? "Monsieur" : "Madame, Monsieur";
  const target = decision.structure
    ? `${decision.structure.name} (${organismeLabels[decision.organisme]})`
    : organismeLabels[decision.organisme];
  const contact = decision.structure
    ? [decision.structure.address, decision.structure.phone, decision.structure.email]
        .filter(Boolean)
        .join(" — ")
    : "";
  const proposal = rec.parcours
    ? `${parcoursTypeLabels[rec.parcours]}, ${organismeLabels[rec.organisme]}`
    : organismeLabels.IND;
  const blocks: LetterBlock[] = [
    {
      kind: "paragraph",
      text: "Vous bénéficiez du revenu de solidarité active (RSA). À ce titre, vous avez droit à un accompagnement vers l'emploi, adapté à votre situation, par un ou une référent·e unique.",
    },
    { kind: "heading", text: "La décision" },
    {
      kind: "paragraph",
      text: `Vous êtes orienté·e vers le ${parcoursTypeLabels[decision.parcours].toLowerCase()}, ${parcoursTypeDescriptions[decision.parcours]}. Votre accompagnement sera assuré par : ${target}.`,
    },
    ...(contact ? [{ kind: "paragraph" as const, text: `Coordonnées : ${contact}.` }] : []),
    {
      kind: "paragraph",
      text: "Cette structure va vous contacter pour fixer un premier rendez-vous. Vous y construirez ensemble votre parcours et votre contrat d'engagement.",
    },
    { kind: "heading", text: "Comment cette décision a été prise" },
    {
      kind: "paragraph",
      text: `Une proposition d'orientation a d'abord été calculée automatiquement, à partir des informations de votre dossier et des règles publiques du référentiel d'orientation${rec.versionReferentiel ? ` (version ${rec.versionReferentiel})` : ""}. La proposition calculée était : ${proposal}.`,
    },
    ...(rec.criteresDeterminants.length > 0
      ? [
          { kind: "paragraph" as const, text: "Les principaux critères pris en compte sont :" },
          { kind: "list" as const, items: rec.criteresDeterminants.map((c) => c.libelle) },
        ]
      : []),
    {
      kind: "paragraph",
      text: decision.override
        ? `Cette proposition a été examinée par ${d.decider.name} (${d.decider.structureName}), qui a retenu une autre orientation pour le motif suivant : ${motifRefusLabels[decision.override.motif].toLowerCase()}${decision.override.commentaire ? ` (« ${decision.override.commentaire} »)` : ""}.`
        : `Cette proposition a été examinée et validée par ${d.decider.name} (${d.decider.structureName}).`,
    },
    {
      kind: "paragraph",
      text: "Aucune orientation n'est décidée par un calcul seul : la décision est toujours prise par une personne.",
    },
    { kind: "heading", text: "Vos droits" },
    {
      kind: "paragraph",
      text: "Si cette orientation ne vous paraît pas adaptée, vous pouvez demander qu'une personne réexamine votre situation, ou demander à changer d'orientation :",
    },
    {
      kind: "list",
      items: [
        "en parlant à votre référent·e, dès votre premier rendez-vous ;",
        `en écrivant au service qui a pris la décision : ${d.issuer.name}${d.issuer.email ? ` (${d.issuer.email})` : ""}${d.issuer.address ? `, ${d.issuer.address}` : ""} ;`,
        `depuis votre espace personnel : ${d.spaceUrl}`,
      ],
    },
    {
      kind: "paragraph",
      text: "Cette demande est gratuite. Elle n'interrompt pas votre accompagnement ni le versement de votre RSA. Vous pouvez aussi consulter les informations de votre dossier et demander qu'elles soient corrigées.",
    },
  ];
  return {
    subject: "Objet : votre orientation dans votre parcours d'accompagnement vers l'emploi",
    salutation: `${civility},`,
    blocks,
    signature: [
      `Veuillez agréer, ${civility}, l'expression de nos salutations distinguées.`,
      "",
      d.decider.name,
      `Chargé·e d'orientation — ${d.decider.structureName}`,
    ],
  };
}

/** The letter as an A4 PDF. `createdAt` is written in the document's metadata (the injected clock). */
export function renderOrientationLetterPdf(d: LetterData, createdAt: Date): Promise<Buffer> {
  const content = orientationLetterContent(d);
  return renderLetterPdf(
    {
      title: "Décision d'orientation",
      author: d.issuer.name,
      subject: "Orientation dans le parcours d'accompagnement vers l'emploi",
      createdAt,
    },
    {
      sender: { name: d.issuer.name, lines: [d.issuer.address, d.issuer.phone, d.issuer.email] },
      recipient: d.person,
      dateLine: `Le ${frenchLongDate(d.issuedOn)}`,
      subject: content.subject,
      salutation: content.salutation,
      blocks: content.blocks,
      signature: content.signature,
    },
  );
}

/** "courrier-orientation-2026-11-23.pdf" */
export const letterFilename = (issuedOn: LocalDate) => `courrier-orientation-${issuedOn}.pdf`;
