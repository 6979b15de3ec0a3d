// Orientation views for the API: pure functions of what the use case read. The structure suggestion
// (the structure of the organisme that covers the person's commune most closely) is a pure rule too.
import {
  missingCriteria,
  type OrientationCriteria,
  orientationCriteriaSchema,
} from "../../shared/orientation/orientation.criteria";
import {
  type MotifRefus,
  type Organisme,
  type OrientationView,
  organismeOfStructureKind,
  orientationLetterUrl,
  type Recommendation,
  type ReorientationRequestView,
  recommendationSchema,
  type StructureOption,
} from "../../shared/orientation/orientation.schema";
import { statutOf } from "../../shared/orientation/orientation.status";
import type { OrientationRecord, orientationRepository } from "./orientation.repository";

type Repo = typeof orientationRepository;
type PersonRow = NonNullable<Awaited<ReturnType<Repo["person"]>>>;
type StructureRow = NonNullable<Awaited<ReturnType<Repo["structure"]>>>;
type RequestRow = NonNullable<Awaited<ReturnType<Repo["reorientationRequest"]>>>;
type StructureCoverageRow = Awaited<ReturnType<Repo["structuresOf"]>>[number];

export const storedCriteria = (o: { criteria: unknown }): OrientationCriteria =>
  orientationCriteriaSchema.parse(o.criteria ?? {});
export const storedRecommendation = (o: { recommendation: unknown }): Recommendation | null =>
  o.recommendation ? recommendationSchema.parse(o.recommendation) : null;

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export type OrientationViewData = {
  o: OrientationRecord;
  person: PersonRow;
  decider: { firstName: string; lastName: string; structureName: string } | null;
  structure: StructureRow | null;
  decisionDue: { dueDate: string; dueSoonDate: string } | null;
  firstAppointment: { structureName: string | null; dueDate: string; status: string } | null;
  request: RequestRow | null;
  hasLetter: boolean;
  actions: OrientationView["actions"];
  structureOptions: StructureOption[];
};

export function presentOrientation(d: OrientationViewData): OrientationView {
  const { o } = d;
  const criteria = storedCriteria(o);
  return {
    id: o.id,
    version: o.version,
    etat: o.etat,
    statut: statutOf(o.etat, o.decision !== null),
    origine: o.origine,
    person: {
      id: d.person.id,
      birthName: d.person.birthName,
      usageName: d.person.usageName,
      firstNames: d.person.firstNames,
      birthDate: d.person.birthDate,
      communeName: criteria.adresse?.libelle_commune ?? d.person.communeName ?? null,
      hasEmail: !!d.person.email,
    },
    departement: o.departement,
    t0: o.t0,
    dueDate: d.decisionDue?.dueDate ?? null,
    dueSoonDate: d.decisionDue?.dueSoonDate ?? null,
    createdAt: iso(o.createdAt),
    criteria,
    missingCriteria: missingCriteria(criteria),
    recommendation: storedRecommendation(o),
    decision:
      o.decision && o.decidedAt && o.parcoursRetenu && o.organismeRetenu && o.organismeDecision
        ? {
            decision: o.decision,
            decidedAt: iso(o.decidedAt),
            decidedBy: d.decider ? `${d.decider.firstName} ${d.decider.lastName}` : "",
            decidedByStructure: d.decider?.structureName ?? "",
            organismeDecision: o.organismeDecision,
            motifRefus: (o.motifRefus as MotifRefus | null) ?? null,
            commentaireRefus: o.commentaireRefus,
            parcours: o.parcoursRetenu,
            organisme: o.organismeRetenu,
            structure: d.structure
              ? {
                  id: d.structure.id,
                  name: d.structure.name,
                  kind: d.structure.kind,
                  address: d.structure.address,
                  email: d.structure.email,
                  phone: d.structure.phone,
                }
              : null,
            notifiedAt: o.notifiedAt ? iso(o.notifiedAt) : null,
            notificationChannel: o.notificationChannel ?? null,
            letterUrl: d.hasLetter ? orientationLetterUrl(o.id) : null,
          }
        : null,
    firstAppointment: d.firstAppointment
      ? {
          structureName: d.firstAppointment.structureName ?? "",
          dueDate: d.firstAppointment.dueDate,
          status: d.firstAppointment.status,
        }
      : null,
    reorientationRequest: d.request ? presentReorientationRequest(d.request) : null,
    actions: d.actions,
    structureOptions: d.structureOptions,
  };
}

export function presentReorientationRequest(r: RequestRow): ReorientationRequestView {
  return {
    id: r.id,
    version: r.version,
    personId: r.personId,
    orientationId: r.orientationId,
    requestedBy: r.requestedBy,
    requestedAt: iso(r.requestedAt),
    motif: r.motif,
    parcoursSouhaite: r.parcoursSouhaite,
    organismeSouhaite: r.organismeSouhaite,
    structureSouhaitee: r.structureSouhaitee,
    statut: r.statut,
    motifDecision: r.motifDecision,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
    newOrientationId: r.newOrientationId,
  };
}

/**
 * The structures an orientation may go to, each with its organisme, and the suggested one for
 * `organisme`: among its structures covering the person's commune, the département's own services before
 * their délégataires, then the most local (fewest communes covered), then by name.
 */
export function structureOptions(
  rows: StructureCoverageRow[],
  organisme: Organisme | null,
): StructureOption[] {
  const options = rows.flatMap((r) => {
    const o = organismeOfStructureKind(r.kind);
    return o ? [{ ...r, organisme: o }] : [];
  });
  const rank = (r: (typeof options)[number]) =>
    [r.kind === "partenaire" ? 1 : 0, Number(r.coverage ?? 0), r.name] as const;
  const candidates = options
    .filter((r) => r.organisme === organisme && r.coversCommune)
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2], "fr");
    });
  const suggested = candidates[0]?.id;
  return options.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    organisme: r.organisme,
    suggested: r.id === suggested,
  }));
}
