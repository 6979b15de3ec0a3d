// « Dites-le nous une fois » (parcours.md §1.3, §5.1): the first diagnostic starts from what the
// registration (barriers, situation, skills, project) and the orientation criteria already hold, with the
// provenance of each pre-filled part. Pure: the start-diagnostic use case reads the sources.
//
// Rules: a barrier declared (OUI) or unsure (NE_SAIT_PAS) at registration, or a criterion `contrainte_*`
// other than AUCUNE, opens its theme with status IDENTIFIE; registration situations (housing, permit,
// language, residence permit) only enrich a theme opened that way. When both sources speak of a theme,
// situations are joined and the stronger impact is kept; registration comes first in the provenance.
import type { OrientationCriteria } from "../orientation/orientation.criteria";
import type { FreinType, RegistrationData } from "../registration/registration.schema";
import { type DiagnosticThemeCode, themeOfFrein } from "./diagnostic.referentiel";
import {
  type DiagnosticContent,
  type DiagnosticPrefill,
  diagnosticContentSchema,
  type Impact,
  type ThemeEntry,
} from "./diagnostic.schema";

type Source = "INSCRIPTION" | "CRITERES_ORIENTATION";
type Found = { theme: DiagnosticThemeCode; impact: Impact | null; situations: string[] };

const rank = (i: Impact | null) => (i === null ? -1 : ["AUCUN", "FAIBLE", "FORT"].indexOf(i));
const stronger = (a: Impact | null, b: Impact | null) => (rank(b) > rank(a) ? b : a);

function fromFreins(data: RegistrationData): Found[] {
  const found: Found[] = [];
  for (const [type, frein] of Object.entries(data.freins ?? {})) {
    if (!frein || frein.declare === "NON") continue;
    const theme = themeOfFrein(type as FreinType);
    if (!theme) continue;
    found.push({ theme, impact: frein.declare === "OUI" ? (frein.impact ?? null) : null, situations: [] });
  }
  return found;
}

/** Registration answers that name a situation of an already opened theme. */
function registrationSituations(data: RegistrationData): [DiagnosticThemeCode, string][] {
  const s = data.situation ?? {};
  const out: [DiagnosticThemeCode, string][] = [];
  if (s.situationLogement === "HEBERGE_FAMILLE_AMIS") out.push(["LOGEMENT", "LOGEMENT_HEBERGE_TIERS"]);
  if (s.situationLogement === "SANS_LOGEMENT") out.push(["LOGEMENT", "LOGEMENT_SANS_LOGEMENT"]);
  if (s.situationLogement === "HEBERGEMENT_SOCIAL") out.push(["LOGEMENT", "LOGEMENT_HEBERGEMENT_URGENCE"]);
  if (s.permisConduire?.includes("AUCUN")) out.push(["MOBILITE", "MOBILITE_SANS_PERMIS"]);
  if (s.niveauLangue === "DEBUTANT" || s.niveauLangue === "AUCUN")
    out.push(["MAITRISE_LANGUE_SAVOIRS_DE_BASE", "LANGUE_FRANCAIS_NON_MAITRISE"]);
  if (s.titreSejour === "EN_RENOUVELLEMENT" || s.titreSejour === "AUCUN")
    out.push(["DIFFICULTES_ADMINISTRATIVES_JURIDIQUES", "ADMIN_TITRE_SEJOUR"]);
  return out;
}

const scale = (v: string | undefined): Impact | null | undefined =>
  v === undefined || v === "AUCUNE"
    ? undefined
    : v === "IMPACT_FAIBLE_RECHERCHE_EMPLOI"
      ? "FAIBLE"
      : v === "IMPACT_FORT_RECHERCHE_EMPLOI" || v === "INCAPACITE_RECHERCHE_ACTIVITE_PRO"
        ? "FORT"
        : null;

function fromCriteria(c: OrientationCriteria): Found[] {
  const found: Found[] = [];
  const add = (theme: DiagnosticThemeCode, impact: Impact | null | undefined, situations: string[] = []) => {
    if (impact !== undefined) found.push({ theme, impact, situations });
  };
  if (c.contrainte_logement === "SANS_LOGEMENT") add("LOGEMENT", "FORT", ["LOGEMENT_SANS_LOGEMENT"]);
  if (c.contrainte_logement === "LOGEMENT_PRECAIRE") add("LOGEMENT", null);
  if (c.contrainte_mobilite === "AUCUN_MOYEN_DE_TRANSPORT") add("MOBILITE", null, ["MOBILITE_SANS_VEHICULE"]);
  if (c.contrainte_mobilite === "MOBILITE_LIMITEE") add("MOBILITE", null);
  if (c.contrainte_familiale === "GARDE_ENFANT")
    add("CONTRAINTES_FAMILIALES", null, ["FAMILLE_GARDE_ENFANT"]);
  if (c.contrainte_familiale === "AIDANT_FAMILIAL") add("CONTRAINTES_FAMILIALES", null, ["FAMILLE_AIDANT"]);
  if (c.contrainte_numerique === "NON_ACCES_INTERNET") add("NUMERIQUE", null, ["NUMERIQUE_SANS_CONNEXION"]);
  if (c.contrainte_numerique === "DIFFICULTES_USAGES")
    add("NUMERIQUE", null, ["NUMERIQUE_DEMARCHES_EN_LIGNE"]);
  add("SANTE", scale(c.contrainte_sante));
  add("DIFFICULTES_FINANCIERES", scale(c.contrainte_financiere));
  add("DIFFICULTES_ADMINISTRATIVES_JURIDIQUES", scale(c.contrainte_administrative_juridique));
  add("MAITRISE_LANGUE_SAVOIRS_DE_BASE", scale(c.contrainte_francais_calcul));
  return found;
}

export function prefillDiagnostic(sources: {
  registration?: RegistrationData | null;
  criteria?: OrientationCriteria | null;
}): DiagnosticPrefill {
  const content: DiagnosticContent = diagnosticContentSchema.parse({});
  const provenance: Record<string, Source> = {};
  const reg = sources.registration ?? {};
  const crit = sources.criteria ?? {};

  const open = (f: Found, source: Source) => {
    const prev: ThemeEntry | undefined = content.themes[f.theme];
    content.themes[f.theme] = {
      situations: [...new Set([...(prev?.situations ?? []), ...f.situations])],
      besoins: [],
      impact: prev ? stronger(prev.impact, f.impact) : f.impact,
      statut: "IDENTIFIE",
    };
    provenance[`themes.${f.theme}`] ??= source;
  };
  for (const f of fromFreins(reg)) open(f, "INSCRIPTION");
  for (const f of fromCriteria(crit)) open(f, "CRITERES_ORIENTATION");
  for (const [theme, situation] of registrationSituations(reg)) {
    const entry = content.themes[theme];
    if (entry && !entry.situations.includes(situation)) entry.situations.push(situation);
  }

  const { competences, projetProfessionnel } = content.domaines;
  const set = (path: string, source: Source, apply: () => void) => {
    apply();
    provenance[path] = source;
  };
  if (reg.competences?.niveauEtude) {
    const v = reg.competences.niveauEtude;
    set("domaines.competences.niveauEtude", "INSCRIPTION", () => {
      competences.niveauEtude = v;
    });
  } else if (crit.niveau_etude) {
    const v = crit.niveau_etude;
    set("domaines.competences.niveauEtude", "CRITERES_ORIENTATION", () => {
      competences.niveauEtude = v;
    });
  }
  const diplomes = reg.competences?.diplomesQualifications ?? [];
  if (diplomes.length > 0)
    set("domaines.competences.diplomes", "INSCRIPTION", () => {
      competences.diplomes = diplomes.map((d) => d.intitule);
    });
  const experiences = reg.competences?.experiencesProfessionnelles ?? [];
  if (experiences.length > 0)
    set("domaines.competences.experiences", "INSCRIPTION", () => {
      competences.experiences = experiences.map((e) => e.appellation);
    });
  const metiers = reg.projet?.metiersRecherches ?? [];
  if (metiers.length > 0)
    set("domaines.projetProfessionnel.metiersCibles", "INSCRIPTION", () => {
      projetProfessionnel.metiersCibles = metiers;
    });
  const distance = reg.projet?.distanceMaxKm;
  if (distance !== undefined)
    set("domaines.projetProfessionnel.rayonKm", "INSCRIPTION", () => {
      projetProfessionnel.rayonKm = distance;
    });
  const projet = reg.projet?.projetExiste
    ? ([reg.projet.projetExiste, "INSCRIPTION"] as const)
    : crit.projet_pro
      ? ([crit.projet_pro, "CRITERES_ORIENTATION"] as const)
      : null;
  if (projet?.[0] === "CREATION_ENTREPRISE")
    set("domaines.projetProfessionnel.creationEntreprise", projet[1], () => {
      projetProfessionnel.creationEntreprise = true;
    });
  if (projet?.[0] === "FORMATION")
    set("domaines.projetProfessionnel.besoinFormation", projet[1], () => {
      projetProfessionnel.besoinFormation = true;
    });
  if (projet?.[0] === "NON_DEFINI")
    set("domaines.projetProfessionnel.maturite", projet[1], () => {
      projetProfessionnel.maturite = "A_CONSTRUIRE";
    });
  return { content, provenance };
}
