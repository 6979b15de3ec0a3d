// From the facts read by the repository to the rows of the monthly file: pure. A person's facts (appointments,
// référent periods, contracts, diagnostic) go to exactly one of their pathways — the last one opened on or
// before the fact's date, else their first — so that a person who left and came back is never counted twice
// once the files of successive months are imported. A contract goes whole with its first signature.
import {
  type FreinType,
  freinTypes,
  LISTE_MINIMALE_VERSION,
  type ListeMinimaleRow,
  type Presence,
  type RdvMotif,
} from "../../shared/data-sharing/data-sharing.schema";
import { addDays } from "../../shared/kernel/dates";
import type { ExportFacts } from "./data-sharing.repository";

/** Socle's diagnostic themes that are « freins périphériques », with their code in the list (pilotage.md §5). */
export const themeToFrein: Record<string, FreinType> = {
  LOGEMENT: "LOGEMENT",
  SANTE: "SANTE",
  MOBILITE: "MOBILITE",
  MAITRISE_LANGUE_SAVOIRS_DE_BASE: "SAVOIRS_DE_BASE",
  CONTRAINTES_FAMILIALES: "SITUATION_FAMILIALE",
  DIFFICULTES_ADMINISTRATIVES_JURIDIQUES: "ADMINISTRATIVE_JUDICIAIRE",
  DIFFICULTES_FINANCIERES: "FINANCIERE",
  NUMERIQUE: "NUMERIQUE",
};

const presenceOf: Record<string, Presence> = { HONORE: "present", ABSENT: "absent", EXCUSE: "excuse" };
const motifOf: Record<string, RdvMotif> = {
  PREMIER_RDV_ACCOMPAGNEMENT: "PREMIER_RDV",
  SUIVI: "SUIVI",
  POINT_ETAPE: "POINT_ETAPE",
  COLLECTIF: "COLLECTIF",
};

/** The pathway a person's fact of `date` belongs to. */
export function pathwayOfFact(
  pathways: readonly { parcoursId: string; openedDate: string }[],
  date: string,
): string | undefined {
  const sorted = [...pathways].sort(
    (a, b) => a.openedDate.localeCompare(b.openedDate) || a.parcoursId.localeCompare(b.parcoursId),
  );
  const before = sorted.filter((p) => p.openedDate <= date);
  return (before.at(-1) ?? sorted[0])?.parcoursId;
}

export function assembleRows(facts: ExportFacts, departement: string, month: string): ListeMinimaleRow[] {
  const byPerson = new Map<string, { parcoursId: string; openedDate: string }[]>();
  for (const p of facts.personPathways) byPerson.set(p.personId, [...(byPerson.get(p.personId) ?? []), p]);
  const owner = (personId: string, date: string) => pathwayOfFact(byPerson.get(personId) ?? [], date);
  const group = <T>(items: readonly T[], key: (t: T) => string | undefined) => {
    const m = new Map<string, T[]>();
    for (const t of items) {
      const k = key(t);
      if (k) m.set(k, [...(m.get(k) ?? []), t]);
    }
    return m;
  };
  const orientations = group(facts.orientations, (o) => o.parcoursId);
  const referents = group(facts.referents, (r) => owner(r.personId, r.startDate));
  const appointments = group(facts.appointments, (a) => owner(a.personId, a.date));
  const firstSignature = new Map<string, string>();
  for (const c of facts.contracts)
    if (!firstSignature.has(c.contractId) || c.signedDate < firstSignature.get(c.contractId)!)
      firstSignature.set(c.contractId, c.signedDate);
  const contracts = group(facts.contracts, (c) => owner(c.personId, firstSignature.get(c.contractId)!));
  const diagnostics = group(facts.diagnostics, (d) => owner(d.personId, d.firstDate));
  const rights = new Map(facts.rights.map((r) => [r.personId, r.openedDate]));

  return facts.pathways.map((p): ListeMinimaleRow => {
    const os = orientations.get(p.parcoursId) ?? [];
    const last = os.at(-1);
    const diagnostic = diagnostics.get(p.parcoursId)?.[0];
    const cs = contracts.get(p.parcoursId) ?? [];
    const contractNumbers = new Map<string, number>();
    for (const c of cs)
      if (!contractNumbers.has(c.contractId)) contractNumbers.set(c.contractId, contractNumbers.size + 1);
    // the services: the activities planned in each contract's latest signed version, week by week
    const latest = new Map<string, (typeof cs)[number]>();
    for (const c of cs) latest.set(c.contractId, c);
    const prestations = [...latest.values()].flatMap((c) =>
      c.programmeStart
        ? c.activities.map((a) => ({
            debut: c.programmeStart!,
            fin: addDays(c.programmeStart!, 6),
            heures: Number(a.heuresPrevues),
            codeActivite: a.code,
            modalite: null,
          }))
        : [],
    );
    return {
      versionSchema: LISTE_MINIMALE_VERSION,
      codeTerritoire: departement,
      moisReference: month,
      idParcours: p.parcoursId,
      idPersonne: p.personId,
      idFranceTravail: p.franceTravailId,
      idRsa:
        p.cafOrganisme && p.cafNumorg && p.cafMatricule && p.householdRole
          ? `${p.cafOrganisme}-${p.cafNumorg}-${p.cafMatricule}-${p.householdRole}`
          : null,
      codeCommune: p.communeCode,
      dateOuvertureDroitsRsa: rights.get(p.personId) ?? null,
      dateNotificationDepartement: p.t0Date,
      dateEntreeDispositif: p.openedDate,
      nouvelEntrant: p.newEntrant,
      // Socle has no orientation appointment of its own (the orientation is decided on file or in a giratoire)
      dateRdvOrientation: null,
      presenceRdvOrientation: null,
      freinsReperes: diagnostic
        ? Object.entries(diagnostic.themes)
            .flatMap(([theme, entry]): ListeMinimaleRow["freinsReperes"] => {
              const type = themeToFrein[theme];
              const impact = entry?.impact;
              return type && (impact === "FAIBLE" || impact === "FORT") ? [{ type, impact }] : [];
            })
            .sort((a, b) => freinTypes.indexOf(a.type) - freinTypes.indexOf(b.type))
        : [],
      dateDiagnostic: diagnostic?.firstDate ?? null,
      dateOrientation: p.orientedDate,
      typeParcours: (last?.type as ListeMinimaleRow["typeParcours"]) ?? null,
      organismeReferent: (last?.organisme as ListeMinimaleRow["organismeReferent"]) ?? null,
      orientations: os.map((o) => ({
        debut: o.decidedDate,
        type: o.type as ListeMinimaleRow["orientations"][number]["type"],
        organisme: o.organisme as ListeMinimaleRow["orientations"][number]["organisme"],
        fin: o.closedDate,
      })),
      periodesReferent: (referents.get(p.parcoursId) ?? []).map((r) => ({
        debut: r.startDate,
        fin: r.endDate,
      })),
      rdvAccompagnement: (appointments.get(p.parcoursId) ?? []).flatMap((a) => {
        const presence = presenceOf[a.status];
        const motif = motifOf[a.purpose];
        return presence && motif ? [{ date: a.date, presence, motif }] : [];
      }),
      prestations,
      contratsEngagement: cs.map((c) => ({
        numero: contractNumbers.get(c.contractId)!,
        signature: c.signedDate,
        heures: Number(c.hours),
        debutProgramme: c.programmeStart,
        cloture: c.closedDate,
      })),
      dateSortie: p.closedDate,
      motifSortie: p.exitReason,
    };
  });
}
