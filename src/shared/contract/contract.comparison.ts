// « Chaque version conservée et comparable » (issue 4, parcours.md §6.4): the differences between two
// versions of a contrat d'engagement, as a structured list with French labels, for the comparison screen of
// the professional and of the person. Pure: values in, values out.
//
// Items are matched by what identifies them for a reader, not by position: an axis of the plan by its
// theme, an objective by its wording within its axis, an action by its wording within its objective, an
// activity of the weekly programme by its code, an individual commitment by its text. A reworded
// commitment or objective therefore reads as one removed and one added, which is what happened to the text.
import { frenchLongDate, parisDate } from "../kernel/dates";
import { formatHours, programmeTotals, type WeeklyProgramme } from "./contract.programme";
import { activityModules } from "./contract.referentiel";
import { type ContractVersionView, versionMotifLabels } from "./contract.schema";

export const comparisonSections = [
  "VERSION",
  "COUCHE_PARCOURS",
  "ENGAGEMENTS",
  "PLAN_ACTION",
  "PROGRAMME",
  "RENDEZ_VOUS",
] as const;
export type ComparisonSection = (typeof comparisonSections)[number];
export const comparisonSectionLabels: Record<ComparisonSection, string> = {
  VERSION: "État et signature",
  COUCHE_PARCOURS: "Engagements liés au parcours",
  ENGAGEMENTS: "Engagements individuels",
  PLAN_ACTION: "Plan d'action",
  PROGRAMME: "Programme de la semaine",
  RENDEZ_VOUS: "Prochain rendez-vous",
};

export type DifferenceKind = "AJOUT" | "SUPPRESSION" | "MODIFICATION";
export const differenceKindLabels: Record<DifferenceKind, string> = {
  AJOUT: "Ajouté",
  SUPPRESSION: "Retiré",
  MODIFICATION: "Modifié",
};

export type ContractDifference = {
  section: ComparisonSection;
  kind: DifferenceKind;
  /** what changed, in French: « Objectif « Obtenir le permis B » (axe Mobilité) » */
  item: string;
  /** in the older version (null when added) */
  before: string | null;
  /** in the newer version (null when removed) */
  after: string | null;
};

export const versionStateLabels: Record<ContractVersionView["state"], string> = {
  A_SIGNER: "À signer",
  SIGNE: "Signée",
  REFUSE: "Refusée",
  REMPLACEE: "Remplacée",
};
export const porteurLabels = {
  PERSONNE: "La personne",
  REFERENT: "Le ou la référent·e",
  PARTENAIRE: "Un partenaire",
} as const;
export const actionStatutLabels = {
  PREVUE: "Prévue",
  EN_COURS: "En cours",
  REALISEE: "Réalisée",
  ABANDONNEE: "Abandonnée",
  ANNULEE: "Annulée",
  EN_PAUSE: "En pause",
} as const;
export const reducedTargetMotifLabels = {
  SANTE: "Santé",
  GARDE_ENFANTS: "Garde d'enfants, situation familiale",
  HANDICAP: "Handicap",
  AUTRE: "Autre raison",
} as const;
const signatureModeLabels = {
  ELECTRONIQUE: "dans l'espace personnel",
  PAPIER: "en présence d'un·e professionnel·le",
};

const activityText = (code: string) => {
  const m = activityModules.get(code);
  return m ? `${code} ${m.label}` : code;
};
const instantDay = (iso: string) => frenchLongDate(parisDate(new Date(iso)));
const yesNo = (b: boolean) => (b ? "oui" : "non");

/** Orders the two versions (older first), whatever order they were chosen in. */
export function orderVersions(a: ContractVersionView, b: ContractVersionView) {
  return a.numero <= b.numero ? ([a, b] as const) : ([b, a] as const);
}

/** The differences from the older to the newer of two versions, section by section. */
export function compareContractVersions(
  a: ContractVersionView,
  b: ContractVersionView,
): ContractDifference[] {
  const [from, to] = orderVersions(a, b);
  const out: ContractDifference[] = [];
  const push = (
    section: ComparisonSection,
    kind: DifferenceKind,
    item: string,
    before: string | null,
    after: string | null,
  ) => out.push({ section, kind, item, before, after });
  const changed = (section: ComparisonSection, item: string, before: string, after: string) => {
    if (before !== after) push(section, "MODIFICATION", item, before, after);
  };

  // ---- state and signature
  changed("VERSION", "Motif de la version", versionMotifLabels[from.motif], versionMotifLabels[to.motif]);
  changed("VERSION", "État", versionStateLabels[from.state], versionStateLabels[to.state]);
  const signature = (v: ContractVersionView) =>
    v.signedAt
      ? `Signée le ${instantDay(v.signedAt)}${v.signatureMode ? ` ${signatureModeLabels[v.signatureMode]}` : ""}`
      : v.refusedAt
        ? `Refusée le ${instantDay(v.refusedAt)}${v.refusalReason ? ` : ${v.refusalReason}` : ""}`
        : "Ni signée ni refusée";
  changed("VERSION", "Signature", signature(from), signature(to));

  // ---- layer 2: the pathway's commitments
  const layer = (s: string) => s.trim() || "Aucun";
  changed(
    "COUCHE_PARCOURS",
    "Texte des engagements liés au parcours",
    layer(from.content.couchParcours),
    layer(to.content.couchParcours),
  );

  // ---- layer 3: individual commitments, by text
  const before = new Set(from.content.engagementsIndividuels);
  const after = new Set(to.content.engagementsIndividuels);
  for (const e of before)
    if (!after.has(e)) push("ENGAGEMENTS", "SUPPRESSION", "Engagement individuel", e, null);
  for (const e of after) if (!before.has(e)) push("ENGAGEMENTS", "AJOUT", "Engagement individuel", null, e);

  // ---- the plan d'action: axes by theme, objectives by wording, actions by wording
  comparePlan(from.content.planAction, to.content.planAction, push);

  // ---- the weekly programme
  compareProgramme(from.content.programme, to.content.programme, push);

  // ---- next appointment
  const next = (d: string | undefined) => (d ? frenchLongDate(d) : "Aucun");
  changed(
    "RENDEZ_VOUS",
    "Date du prochain rendez-vous",
    next(from.content.prochainRendezVous),
    next(to.content.prochainRendezVous),
  );
  return out;
}

type Push = (
  section: ComparisonSection,
  kind: DifferenceKind,
  item: string,
  before: string | null,
  after: string | null,
) => void;
type Plan = ContractVersionView["content"]["planAction"];
type Objective = Plan[number]["objectifs"][number];
type Action = Objective["actions"][number];

function byKey<T>(items: readonly T[], key: (t: T) => string): Map<string, T> {
  const m = new Map<string, T>();
  for (const i of items) if (!m.has(key(i))) m.set(key(i), i);
  return m;
}

const objectiveText = (o: Objective) =>
  [
    o.libelle,
    o.echeance ? `échéance le ${frenchLongDate(o.echeance)}` : null,
    `accord de la personne : ${yesNo(o.accordPersonne)}`,
    o.actions.length > 0 ? `${o.actions.length} action${o.actions.length > 1 ? "s" : ""}` : null,
  ]
    .filter(Boolean)
    .join(" · ");
const actionText = (a: Action) =>
  [
    a.libelle,
    porteurLabels[a.porteur],
    a.activiteCode ? `activité ${activityText(a.activiteCode)}` : null,
    actionStatutLabels[a.statut],
  ]
    .filter(Boolean)
    .join(" · ");

function comparePlan(from: Plan, to: Plan, push: Push) {
  const axesFrom = byKey(from, (a) => a.theme);
  const axesTo = byKey(to, (a) => a.theme);
  for (const [theme, axis] of axesFrom)
    if (!axesTo.has(theme))
      push(
        "PLAN_ACTION",
        "SUPPRESSION",
        `Axe « ${theme} »`,
        axis.objectifs.map((o) => o.libelle).join(" ; "),
        null,
      );
  for (const [theme, axis] of axesTo) {
    const old = axesFrom.get(theme);
    if (!old) {
      push(
        "PLAN_ACTION",
        "AJOUT",
        `Axe « ${theme} »`,
        null,
        axis.objectifs.map((o) => o.libelle).join(" ; "),
      );
      continue;
    }
    const objFrom = byKey(old.objectifs, (o) => o.libelle);
    const objTo = byKey(axis.objectifs, (o) => o.libelle);
    const where = `(axe ${theme})`;
    for (const [libelle, o] of objFrom)
      if (!objTo.has(libelle))
        push("PLAN_ACTION", "SUPPRESSION", `Objectif « ${libelle} » ${where}`, objectiveText(o), null);
    for (const [libelle, o] of objTo) {
      const prev = objFrom.get(libelle);
      if (!prev) {
        push("PLAN_ACTION", "AJOUT", `Objectif « ${libelle} » ${where}`, null, objectiveText(o));
        continue;
      }
      const item = `Objectif « ${libelle} » ${where}`;
      const due = (d: string | undefined) => (d ? frenchLongDate(d) : "aucune");
      if (prev.echeance !== o.echeance)
        push("PLAN_ACTION", "MODIFICATION", `${item} : échéance`, due(prev.echeance), due(o.echeance));
      if (prev.accordPersonne !== o.accordPersonne)
        push(
          "PLAN_ACTION",
          "MODIFICATION",
          `${item} : accord de la personne`,
          yesNo(prev.accordPersonne),
          yesNo(o.accordPersonne),
        );
      const actFrom = byKey(prev.actions, (a) => a.libelle);
      const actTo = byKey(o.actions, (a) => a.libelle);
      for (const [l, a] of actFrom)
        if (!actTo.has(l))
          push("PLAN_ACTION", "SUPPRESSION", `Action « ${l} » ${where}`, actionText(a), null);
      for (const [l, a] of actTo) {
        const p = actFrom.get(l);
        if (!p) push("PLAN_ACTION", "AJOUT", `Action « ${l} » ${where}`, null, actionText(a));
        else if (actionText(p) !== actionText(a))
          push("PLAN_ACTION", "MODIFICATION", `Action « ${l} » ${where}`, actionText(p), actionText(a));
      }
    }
  }
}

function compareProgramme(from: WeeklyProgramme | undefined, to: WeeklyProgramme | undefined, push: Push) {
  const S = "PROGRAMME" as const;
  const summary = (p: WeeklyProgramme) => {
    const t = programmeTotals(p);
    return `Semaine ${p.semaineIso} : ${formatHours(t.planned)} prévues sur ${formatHours(t.target)}, ${p.activites.length} activité${p.activites.length > 1 ? "s" : ""}`;
  };
  if (!from && !to) return;
  if (!from || !to) {
    push(
      S,
      from ? "SUPPRESSION" : "AJOUT",
      "Programme hebdomadaire d'activités",
      from ? summary(from) : null,
      to ? summary(to) : null,
    );
    return;
  }
  const changed = (item: string, b: string, a: string) => {
    if (b !== a) push(S, "MODIFICATION", item, b, a);
  };
  changed("Semaine", from.semaineIso, to.semaineIso);
  changed("Cible d'heures par semaine", formatHours(from.cibleHeures), formatHours(to.cibleHeures));
  const reduced = (p: WeeklyProgramme) =>
    p.cibleReduite
      ? `${reducedTargetMotifLabels[p.cibleReduite.motif]}${p.cibleReduite.precision ? ` (${p.cibleReduite.precision})` : ""}, décidée par ${p.cibleReduite.decidePar}`
      : "Aucune";
  changed("Réduction de la cible", reduced(from), reduced(to));
  const actFrom = byKey(from.activites, (a) => a.code);
  const actTo = byKey(to.activites, (a) => a.code);
  const hours = (a: WeeklyProgramme["activites"][number]) =>
    `${formatHours(a.heuresPrevues)} prévues${a.heuresRealisees !== undefined ? `, ${formatHours(a.heuresRealisees)} réalisées` : ""}`;
  for (const [code, a] of actFrom)
    if (!actTo.has(code)) push(S, "SUPPRESSION", `Activité ${activityText(code)}`, hours(a), null);
  for (const [code, a] of actTo) {
    const p = actFrom.get(code);
    if (!p) push(S, "AJOUT", `Activité ${activityText(code)}`, null, hours(a));
    else changed(`Activité ${activityText(code)}`, hours(p), hours(a));
  }
  const tf = programmeTotals(from);
  const tt = programmeTotals(to);
  changed("Total des heures prévues", formatHours(tf.planned), formatHours(tt.planned));
  changed("Objectif atteint", yesNo(tf.targetMet), yesNo(tt.targetMet));
}
