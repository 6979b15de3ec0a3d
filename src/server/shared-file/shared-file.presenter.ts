// Views of the dossier partagé: rows → the shared response schemas, with French titles for the timeline.
import { versionMotifLabels } from "../../shared/contract/contract.schema";
import {
  type Organisme,
  organismeLabels,
  type ParcoursType,
  parcoursTypeLabels,
} from "../../shared/orientation/orientation.schema";
import {
  type DocumentView,
  documentCategoryLabels,
  followUpRoleLabels,
  type GroupMember,
  type NoteView,
  type TimelineEntry,
  type TimelineKind,
} from "../../shared/shared-file/shared-file.schema";
import type { NoteVisibility } from "../../shared/shared-file/shared-file.visibility";
import type { TimelineCursor, TimelineRow } from "./shared-file.repository";

const EXCERPT = 280;
const excerpt = (s: string) => (s.length > EXCERPT ? `${s.slice(0, EXCERPT - 1)}…` : s);

export function groupMemberView(r: {
  id: string;
  structureId: string;
  structureName: string;
  professionalId: string | null;
  firstName: string | null;
  lastName: string | null;
  role: GroupMember["role"];
  startedAt: Date;
}): GroupMember {
  return {
    id: r.id,
    structureId: r.structureId,
    structureName: r.structureName,
    professionalId: r.professionalId,
    professionalName: r.firstName ? `${r.firstName} ${r.lastName}` : null,
    role: r.role,
    startedAt: r.startedAt.toISOString(),
  };
}

/** The sentence the person reads in their space when someone joins or leaves their group. */
export function groupNotice(change: "AJOUT" | "FIN", who: string, structureName: string): string {
  const name = who === structureName ? structureName : `${who} (${structureName})`;
  return change === "AJOUT"
    ? `${name} fait désormais partie de votre groupe de suivi.`
    : `${name} ne fait plus partie de votre groupe de suivi.`;
}

export function noteView(
  r: {
    id: string;
    visibility: NoteVisibility;
    body: string;
    correctsNoteId: string | null;
    correctedByNoteId: string | null;
    authorId: string;
    authorName: string;
    structureName: string;
    createdAt: Date;
  },
  canCorrect: (authorId: string) => boolean,
): NoteView {
  return {
    id: r.id,
    visibility: r.visibility,
    body: r.body,
    authorName: r.authorName,
    structureName: r.structureName,
    createdAt: r.createdAt.toISOString(),
    correctsNoteId: r.correctsNoteId,
    correctedByNoteId: r.correctedByNoteId,
    canCorrect: r.correctedByNoteId === null && canCorrect(r.authorId),
  };
}

export function documentView(r: {
  id: string;
  title: string;
  category: DocumentView["category"];
  visibility: NoteVisibility;
  filename: string;
  mediaType: DocumentView["mediaType"];
  sizeBytes: number;
  authorName: string;
  structureName: string;
  createdAt: Date;
}): DocumentView {
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    visibility: r.visibility,
    filename: r.filename,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes,
    authorName: r.authorName,
    structureName: r.structureName,
    createdAt: r.createdAt.toISOString(),
  };
}

const appointmentStatusTitles: Record<string, string> = {
  PLANIFIE: "Rendez-vous planifié",
  HONORE: "Rendez-vous honoré",
  ABSENT: "Absence au rendez-vous",
  EXCUSE: "Absence excusée au rendez-vous",
};
const appointmentPurposeLabels: Record<string, string> = {
  PREMIER_RDV_ACCOMPAGNEMENT: "premier rendez-vous d'accompagnement",
  SUIVI: "rendez-vous de suivi",
  POINT_ETAPE: "point d'étape",
  COLLECTIF: "atelier collectif",
};
const appointmentModaliteLabels: Record<string, string> = {
  SUR_PLACE: "sur place",
  TELEPHONE: "par téléphone",
  VISIO: "en visioconférence",
};

function timelineText(r: TimelineRow): { title: string; detail: string | null } {
  switch (r.kind as TimelineKind) {
    case "ORIENTATION_DECISION": {
      const what = [
        r.a2 ? parcoursTypeLabels[r.a2 as ParcoursType] : null,
        r.a3 ? organismeLabels[r.a3 as Organisme] : null,
      ]
        .filter(Boolean)
        .join(", ");
      return {
        title: r.a1 === "REFUSEE" ? "Proposition d'orientation refusée" : "Orientation décidée",
        detail: what || null,
      };
    }
    case "DIAGNOSTIC_VERSION":
      return { title: `Diagnostic : version ${r.a1}`, detail: null };
    case "CONTRACT_VERSION":
      return {
        title: `Contrat d'engagement : version ${r.a1} proposée`,
        detail: r.a2 ? (versionMotifLabels[r.a2 as keyof typeof versionMotifLabels] ?? null) : null,
      };
    case "CONTRACT_SIGNED":
      return {
        title: `Contrat d'engagement signé (version ${r.a1})`,
        detail:
          r.a2 === "PAPIER" ? "Signé en présence d'un·e professionnel·le" : "Signé dans l'espace personnel",
      };
    case "CONTRACT_REFUSED":
      return { title: `Contrat d'engagement refusé (version ${r.a1})`, detail: null };
    case "NOTE":
      return { title: r.a2 ? "Note de correction" : "Note", detail: excerpt(r.a1 ?? "") };
    case "DOCUMENT":
      return {
        title: `Document déposé : ${r.a1}`,
        detail: documentCategoryLabels[r.a2 as keyof typeof documentCategoryLabels] ?? null,
      };
    case "GROUP_CHANGE": {
      const who = r.a3 ?? "toute la structure";
      const role = followUpRoleLabels[r.a2 as keyof typeof followUpRoleLabels] ?? r.a2;
      return r.a1 === "AJOUT"
        ? { title: `Groupe de suivi : ${who} ajouté·e (${role})`, detail: null }
        : { title: `Groupe de suivi : ${who} retiré·e (${role})`, detail: r.a4 ? `Motif : ${r.a4}` : null };
    }
    case "NOTICE":
      return { title: r.a1 ?? "", detail: null };
    case "APPOINTMENT":
      return {
        title: appointmentStatusTitles[r.a1 ?? ""] ?? "Rendez-vous",
        detail:
          [appointmentPurposeLabels[r.a2 ?? ""], appointmentModaliteLabels[r.a3 ?? ""]]
            .filter(Boolean)
            .join(", ") || null,
      };
    case "MESSAGE": {
      const own = r.a3 === "moi";
      const title =
        r.a1 === "PERSONNE"
          ? own
            ? "Votre message à vos référent·es"
            : "Message de la personne"
          : own
            ? "Message de votre référent·e"
            : "Message à la personne";
      return { title, detail: excerpt(r.a2 ?? "") };
    }
  }
  return { title: r.kind, detail: null };
}

export function timelineEntryView(r: TimelineRow): TimelineEntry {
  const { title, detail } = timelineText(r);
  return {
    key: r.key,
    kind: r.kind as TimelineKind,
    at: new Date(r.at).toISOString(),
    title,
    detail,
    actorName: r.actor_name,
    structureName: r.structure_name,
    visibility: (r.visibility as NoteVisibility | null) ?? null,
    refId: r.ref_id,
  };
}

/** Opaque cursor of a timeline page: the last entry's time in microseconds and key. */
export const timelineCursor = {
  encode: (r: Pick<TimelineRow, "at_us" | "key">): string =>
    Buffer.from(`${r.at_us}~${r.key}`, "utf8").toString("base64url"),
  decode(cursor: string): TimelineCursor | null {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    const sep = text.indexOf("~");
    if (sep < 1) return null;
    const atUs = Number(text.slice(0, sep));
    const key = text.slice(sep + 1);
    if (!Number.isSafeInteger(atUs) || key.length === 0) return null;
    return { atUs, key };
  },
};
