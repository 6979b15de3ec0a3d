// « Mes données »: what the use case read from each capability's repository → the documented export
// (shared/my-data/my-data.schema.ts). Pure: no I/O, no clock. What stays out, and why, is written in the
// file itself (`lisezMoi`): the full NIR, the diagnostic's restricted compartment.

import { appointmentPurposeLabels, slotModaliteLabels } from "../../shared/appointments/appointments.schema";
import { appointmentStatusLabels } from "../../shared/appointments/appointments.status";
import { type ContractVersionView, contractContentSchema } from "../../shared/contract/contract.schema";
import { diagnosticContentSchema, diagnosticFormatLabels } from "../../shared/diagnostic/diagnostic.schema";
import { structureKindLabels } from "../../shared/identity/identity.schema";
import { etatDossierLabels } from "../../shared/imports/cnaf-codes";
import { MY_DATA_FORMAT, MY_DATA_VERSION, type MyDataExport } from "../../shared/my-data/my-data.schema";
import {
  criterionKeys,
  criterionLabels,
  describeValue,
  type OrientationCriteria,
} from "../../shared/orientation/orientation.criteria";
import { householdRoleLabels } from "../../shared/persons/persons.schema";
import { registrationDataSchema } from "../../shared/registration/registration.schema";
import { documentCategoryLabels } from "../../shared/shared-file/shared-file.schema";
import { workItemStatusLabels, workItemTypeLabels } from "../../shared/work-items/work-items.schema";
import type { appointmentsRepository } from "../appointments/appointments.repository";
import { presentAuditEntry } from "../audit/audit.presenter";
import type { auditRepository } from "../audit/audit.repository";
import type { contractRepository } from "../contract/contract.repository";
import type { conversationsRepository } from "../conversations/conversations.repository";
import type { diagnosticRepository } from "../diagnostic/diagnostic.repository";
import type { importsRepository } from "../imports/imports.repository";
import { storedCriteria, storedRecommendation } from "../orientation/orientation.presenter";
import type { orientationRepository } from "../orientation/orientation.repository";
import type { personsRepository } from "../persons/persons.repository";
import type { RegistrationRecord } from "../registration/registration.repository";
import type { sharedFileRepository } from "../shared-file/shared-file.repository";
import type { workItemsRepository } from "../work-items/work-items.repository";

type Rows<F extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;
type Person = NonNullable<Rows<typeof personsRepository.get>>;
type Orientation = Rows<typeof orientationRepository.allOf>[number];

/** Everything the use case read, capability by capability. */
export type MyDataSources = {
  person: Person;
  nirLastDigits: string | null;
  rights: Rows<typeof importsRepository.rightsOf>;
  months: Rows<typeof importsRepository.monthsOf>;
  registrations: RegistrationRecord[];
  orientations: {
    o: Orientation;
    decider: Rows<typeof orientationRepository.professionalName>;
    structureName: string | null;
    transitions: Rows<typeof orientationRepository.transitions>;
  }[];
  followUps: Rows<typeof personsRepository.followUpsOf>;
  diagnosticVersions: Rows<typeof diagnosticRepository.sharedContents>;
  contracts: {
    c: Rows<typeof contractRepository.allOf>[number];
    versions: Rows<typeof contractRepository.versions>;
  }[];
  workItems: Rows<typeof workItemsRepository.ofPerson>;
  appointments: {
    a: Rows<typeof appointmentsRepository.ofPerson>[number];
    slot: Rows<typeof appointmentsRepository.slot>;
    structureName: string | null;
  }[];
  /** the notes and documents the person may read (sharedFilePolicy.readableLevels) */
  notes: Rows<typeof sharedFileRepository.notes>;
  documents: Rows<typeof sharedFileRepository.documents>;
  /** the conversation with the référent·es, oldest first */
  messages: Rows<typeof conversationsRepository.messages>;
  accesses: Rows<typeof auditRepository.listForPerson>;
  accessesLimit: number;
};

/** The audit section of the export itself; audit's section labels do not name it (yet), hence its label here. */
export const MY_DATA_AUDIT_SECTION = "donnees";
const MY_DATA_AUDIT_SECTION_LABEL = "Téléchargement de mes données";

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** « • •• •• •• ••• ••• 42 »: nothing of the NIR but its key (PS-43), and no decryption needed. */
export const maskedNirFromKey = (lastDigits: string | null) =>
  lastDigits ? `• •• •• •• ••• ••• ${lastDigits}` : null;

export const CONFIDENTIAL_NOTE =
  "Votre diagnostic peut comporter des informations confidentielles (santé, addictions, violences familiales). Elles ne sont jamais copiées dans un fichier téléchargé, pour vous protéger si ce fichier est perdu ou partagé. Vous pouvez les lire avec votre référent·e, ou en demander une copie en ligne, par courrier ou au guichet de votre structure d'accompagnement : votre demande est suivie et reçoit une réponse dans le délai légal d'un mois.";

export const SHARED_FILE_NOTE =
  "Figurent ici les notes et documents de votre dossier partagé que les professionnels ont partagés avec vous ; chaque document se télécharge depuis votre espace. Les notes de travail réservées aux professionnels qui vous accompagnent n'y figurent pas : vous pouvez en demander communication à votre référent·e ou au conseil départemental, en ligne, par courrier ou au guichet.";

export const README: string[] = [
  "Ce fichier contient les données que la plateforme Socle détient sur vous à la date indiquée dans « genereLe ». Il répond à votre droit d'accès (article 15 du RGPD).",
  "Sections : « identite » et « contact » (votre état civil et vos coordonnées) ; « droitsRsa » (votre droit au RSA et les mois transmis par la CAF ou la MSA) ; « inscriptions » (ce que vous ou un·e professionnel·le avez saisi à l'inscription) ; « orientations » (les critères, la préconisation calculée, la décision prise par une personne nommée et son historique) ; « groupeDeSuivi » (votre référent·e et les structures qui vous accompagnent) ; « diagnostic » (chaque version de votre diagnostic) ; « contrats » (chaque version de votre contrat d'engagement) ; « etapesDuDossier » (les démarches que les professionnels doivent faire pour vous, avec leur échéance) ; « rendezVous » (vos rendez-vous, leur état et la présence notée) ; « notesEtDocuments » (les notes et documents de votre dossier partagé avec vous) ; « messages » (les messages échangés avec vos référent·es) ; « journalDesAcces » (qui a consulté votre dossier, quand, et pourquoi).",
  "Votre numéro de sécurité sociale (NIR) n'est jamais écrit en entier : seuls ses deux derniers caractères apparaissent.",
  CONFIDENTIAL_NOTE,
  SHARED_FILE_NOTE,
  "Les dates sont au format AAAA-MM-JJ ; les instants sont en temps universel (UTC), au format ISO 8601. Les codes (par exemple « FT » pour France Travail) sont accompagnés de leur libellé quand il existe.",
  "Pour faire corriger une information, limiter son usage ou vous opposer à un traitement, adressez-vous à votre référent·e ou au conseil départemental, en ligne, par courrier ou au guichet.",
];

function identity(s: MyDataSources): Pick<MyDataExport, "identite" | "contact"> {
  const p = s.person;
  return {
    identite: {
      nomNaissance: p.birthName,
      nomUsage: p.usageName,
      prenoms: p.firstNames,
      sexe: p.sex,
      dateNaissance: p.birthDate,
      lieuNaissance: p.birthPlace,
      nationalite: p.nationality,
      nirMasque: maskedNirFromKey(s.nirLastDigits),
      numeroFranceTravail: p.franceTravailId,
      allocataire:
        p.cafOrganisme && p.cafNumorg && p.cafMatricule
          ? {
              organisme: p.cafOrganisme,
              numeroOrganisme: p.cafNumorg,
              matricule: p.cafMatricule,
              roleDansLeFoyer: p.householdRole ? householdRoleLabels[p.householdRole] : "Non renseigné",
            }
          : null,
    },
    contact: {
      email: p.email,
      telephone: p.phone,
      adresse: {
        ligne: p.addressLine,
        codePostal: p.postalCode,
        codeCommune: p.communeCode,
        commune: p.communeName ?? null,
      },
      departement: p.departement,
    },
  };
}

const etat = (code: string) => etatDossierLabels[code] ?? `Code ${code} (non répertorié)`;

function rsa(s: MyDataSources): MyDataExport["droitsRsa"] {
  return {
    droits: s.rights.map((r) => ({
      organisme: r.organisme,
      numeroOrganisme: r.numorg,
      matricule: r.matricule,
      departement: r.departement,
      roleDansLeFoyer: householdRoleLabels[r.role as keyof typeof householdRoleLabels] ?? r.role,
      numeroDemande: r.numero_demande,
      dateDemande: r.demande_date,
      etat: { code: r.etat_code, libelle: etat(r.etat_code), depuis: r.etat_date },
      suspension: r.suspension_kind
        ? { nature: r.suspension_kind, motif: r.suspension_motif, depuis: r.suspension_since }
        : null,
      cloture: r.cloture_motif || r.cloture_date ? { motif: r.cloture_motif, date: r.cloture_date } : null,
      soumisDroitsEtDevoirs: r.soumis_droits_devoirs,
      sansDomicileFixe: r.sans_domicile_fixe,
      misAJourLe: iso(r.updated_at),
    })),
    mois: s.months.map((m) => ({
      mois: m.month,
      departement: m.departement,
      soumisDroitsEtDevoirs: m.soumis,
      etatDroit: { code: m.etatCode, libelle: etat(m.etatCode) },
      suspenduDepuis: m.suspensionSince,
    })),
  };
}

/** The registration data as stored, minus the NIR (never kept in it, removed again to be sure). */
function registrationData(raw: unknown): MyDataExport["inscriptions"][number]["donnees"] {
  const data = structuredClone((raw ?? {}) as Record<string, unknown>);
  const identite = data.identite as Record<string, unknown> | undefined;
  if (identite) delete identite.nir;
  const parsed = registrationDataSchema.safeParse(data);
  return parsed.success ? parsed.data : (data as MyDataExport["inscriptions"][number]["donnees"]);
}

export const criteriaLines = (c: OrientationCriteria) =>
  criterionKeys
    .filter((k) => c[k] !== undefined)
    .map((k) => ({ critere: k, libelle: criterionLabels[k], valeur: describeValue(k, c) }));

function orientations(s: MyDataSources): MyDataExport["orientations"] {
  return s.orientations.map(({ o, decider, structureName, transitions }) => ({
    id: o.id,
    etat: o.etat,
    origine: o.origine,
    creeeLe: iso(o.createdAt),
    criteres: criteriaLines(storedCriteria(o)),
    preconisation: storedRecommendation(o),
    decision:
      o.decision && o.decidedAt
        ? {
            decision: o.decision,
            decideeLe: iso(o.decidedAt),
            decideePar: decider ? `${decider.firstName} ${decider.lastName}` : null,
            structureDuDecideur: decider?.structureName ?? null,
            parcoursRetenu: o.parcoursRetenu,
            organismeRetenu: o.organismeRetenu,
            structure: structureName,
            motifChangement: o.motifRefus,
            commentaire: o.commentaireRefus,
          }
        : null,
    notifieeLe: isoOrNull(o.notifiedAt),
    historique: transitions.map((t) => ({ le: iso(t.at), de: t.from, vers: t.to, evenement: t.event })),
  }));
}

const followUpRoleLabels = {
  referent: "Référent·e",
  co_referent: "Co-référent·e",
  membre: "Membre du groupe de suivi",
};

function contractVersion(v: MyDataSources["contracts"][number]["versions"][number]): ContractVersionView {
  return {
    numero: v.numero,
    motif: v.motif,
    state: v.state,
    content: contractContentSchema.parse(typeof v.content === "string" ? JSON.parse(v.content) : v.content),
    createdAt: iso(v.created_at),
    signedAt: isoOrNull(v.signed_at),
    refusedAt: isoOrNull(v.refused_at),
    refusalReason: v.refusal_reason,
    signatureMode: v.signature_mode,
  };
}

export function presentMyData(s: MyDataSources, generatedAt: Date): MyDataExport {
  return {
    format: MY_DATA_FORMAT,
    version: MY_DATA_VERSION,
    genereLe: generatedAt.toISOString(),
    lisezMoi: README,
    ...identity(s),
    droitsRsa: rsa(s),
    inscriptions: s.registrations.map((r) => ({
      id: r.id,
      statut: r.status,
      canal: r.channel,
      departement: r.departement,
      commenceeLe: iso(r.startedAt),
      misAJourLe: iso(r.updatedAt),
      soumiseLe: isoOrNull(r.submittedAt),
      donnees: registrationData(r.data),
    })),
    orientations: orientations(s),
    groupeDeSuivi: s.followUps.map((f) => ({
      role: f.role,
      libelleRole: followUpRoleLabels[f.role],
      structure: f.structureName,
      typeStructure:
        structureKindLabels[f.structureKind as keyof typeof structureKindLabels] ?? f.structureKind,
      professionnel: f.professionalFirstName ? `${f.professionalFirstName} ${f.professionalLastName}` : null,
      depuis: iso(f.startedAt),
    })),
    diagnostic: {
      versions: s.diagnosticVersions.map((v) => ({
        numero: v.numero,
        creeeLe: iso(v.createdAt),
        format: diagnosticFormatLabels[v.format],
        auteur: `${v.authorFirstName} ${v.authorLastName}`,
        structure: v.structureName,
        contenu: diagnosticContentSchema.parse(v.content),
        comporteDesInformationsConfidentielles: v.hasConfidential,
      })),
      informationsConfidentielles: CONFIDENTIAL_NOTE,
    },
    contrats: s.contracts.map(({ c, versions }) => ({
      id: c.id,
      etat: c.state,
      creeLe: iso(c.created_at),
      versions: versions.map(contractVersion),
    })),
    etapesDuDossier: s.workItems.map((w) => ({
      type: w.type,
      libelle: workItemTypeLabels[w.type],
      statut: workItemStatusLabels[w.status],
      structure: w.structureName,
      ouverteLe: iso(w.createdAt),
      echeance: w.dueDate,
      fermeeLe: isoOrNull(w.closedAt),
    })),
    rendezVous: s.appointments.map(({ a, slot, structureName }) => ({
      id: a.id,
      objet: appointmentPurposeLabels[a.purpose] ?? a.purpose,
      statut: a.status,
      libelleStatut: appointmentStatusLabels[a.status] ?? a.status,
      debut: slot ? iso(slot.startsAt) : null,
      fin: slot ? iso(slot.endsAt) : null,
      modalite: slot ? (slotModaliteLabels[slot.modalite] ?? slot.modalite) : null,
      lieu: slot?.address ?? null,
      structure: structureName,
      professionnel: slot ? `${slot.proFirstName} ${slot.proLastName}` : null,
      inviteLe: isoOrNull(a.invited_at),
      invitationExpireLe: a.invitation_expires_on,
      reserveLe: isoOrNull(a.booked_at),
      annuleLe: isoOrNull(a.cancelled_at),
      motifAnnulation: a.cancel_reason,
      presenceNoteeLe: isoOrNull(a.attendance_recorded_at),
    })),
    notesEtDocuments: {
      notes: s.notes.map((n) => ({
        id: n.id,
        le: iso(n.createdAt),
        auteur: n.authorName,
        structure: n.structureName,
        texte: n.body,
        corrige: n.correctsNoteId,
        corrigeePar: n.correctedByNoteId,
      })),
      documents: s.documents.map((d) => ({
        id: d.id,
        le: iso(d.createdAt),
        titre: d.title,
        categorie: documentCategoryLabels[d.category] ?? d.category,
        nomFichier: d.filename,
        typeFichier: d.mediaType,
        tailleOctets: Number(d.sizeBytes),
        auteur: d.authorName,
        structure: d.structureName,
      })),
      explication: SHARED_FILE_NOTE,
    },
    messages: s.messages.map((m) => ({
      id: m.id,
      le: iso(m.createdAt),
      de: m.authorKind,
      auteur:
        m.authorKind === "PERSONNE"
          ? `${s.person.firstNames} ${s.person.usageName ?? s.person.birthName}`
          : (m.authorName ?? "Professionnel·le"),
      structure: m.structureName,
      texte: m.body,
      luLe: isoOrNull(m.readAt),
    })),
    journalDesAcces: {
      entrees: s.accesses.map(presentAuditEntry).map((a) => ({
        le: a.at,
        typeActeur: a.actorKind,
        acteur: a.actorName,
        role: a.actorRole,
        structure: a.structureName,
        action: a.action,
        section: a.section,
        libelleSection: a.section === MY_DATA_AUDIT_SECTION ? MY_DATA_AUDIT_SECTION_LABEL : a.sectionLabel,
        finalite: a.purpose,
        libelleFinalite: a.purposeLabel,
        canal: a.channel,
        resultat: a.outcome,
      })),
      tronque: s.accesses.length >= s.accessesLimit,
    },
  };
}
