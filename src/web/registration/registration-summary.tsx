// The review of a registration, block by block, with the French labels of every answer.
import { Button } from "@codegouvfr/react-dsfr/Button";
import * as L from "../../shared/registration/registration.labels";
import {
  type FreinType,
  freinTypes,
  type RegistrationData,
  type RegistrationStep,
  registrationSteps,
} from "../../shared/registration/registration.schema";
import { formatLocalDate, NOT_PROVIDED } from "../kernel/format";

const enumLabels: Record<string, Record<string, string>> = {
  "identite.sexe": L.sexeLabels,
  "identite.nationalite": L.nationaliteLabels,
  "identite.contact.canauxPreferes": L.canalContactLabels,
  "situation.situationFamiliale": L.situationFamilialeLabels,
  "situation.roleFoyer": L.roleFoyerLabels,
  "situation.situationLogement": L.situationLogementLabels,
  "situation.situationProfessionnelle": L.situationProfessionnelleLabels,
  "situation.ressources": L.ressourcesLabels,
  "situation.droitsPensionAlimentaire": L.pensionAlimentaireLabels,
  "situation.aidesPrestations": L.aidesPrestationsLabels,
  "situation.organismeRattachement": L.organismeRattachementLabels,
  "situation.permisConduire": L.permisLabels,
  "situation.titreSejour": L.titreSejourLabels,
  "situation.niveauLangue": L.niveauLangueLabels,
  "competences.niveauEtude": L.niveauEtudeLabels,
  "projet.projetExiste": L.projetLabels,
  "projet.disponibilite": L.disponibiliteLabels,
  "projet.tempsTravail": L.tempsTravailLabels,
  "projet.positionnementRechercheEmploi": L.positionnementLabels,
  "projet.motifInscription": L.motifInscriptionLabels,
  "projet.categorieDemandeurEmploi": L.categorieDemandeurLabels,
  "projet.souhaitStructure": L.souhaitStructureLabels,
};

function display(path: string, v: unknown): string {
  if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) return NOT_PROVIDED;
  const labels = enumLabels[path];
  if (Array.isArray(v)) {
    return v
      .map((x) => {
        if (typeof x === "string") return labels?.[x] ?? x;
        const o = x as {
          appellation?: { libelle: string };
          libelle?: string;
          intitule?: string;
          description?: string;
          debut?: string;
          fin?: string;
          annee?: number;
        };
        if (o.appellation)
          return `${o.appellation.libelle}${o.debut ? ` (${o.debut}${o.fin ? ` à ${o.fin}` : ""})` : ""}`;
        return (
          o.libelle ?? (o.intitule ? `${o.intitule}${o.annee ? ` (${o.annee})` : ""}` : (o.description ?? ""))
        );
      })
      .join(" ; ");
  }
  if (typeof v === "boolean") return v ? "Oui" : "Non";
  if (typeof v === "string") {
    if (path === "identite.dateNaissance") return formatLocalDate(v);
    return labels?.[v] ?? v;
  }
  if (typeof v === "number") return path === "projet.distanceMaxKm" ? `${v} km` : String(v);
  if (path === "identite.adresse") {
    const a = v as {
      ligne?: string;
      complement?: string;
      codePostal?: string;
      libelleCommune?: string;
      codeCommune?: string;
    };
    return [
      a.ligne,
      a.complement,
      [a.codePostal, a.libelleCommune ?? a.codeCommune].filter(Boolean).join(" "),
    ]
      .filter(Boolean)
      .join(", ");
  }
  return NOT_PROVIDED;
}

const rows: Record<RegistrationStep, string[]> = {
  identite: [
    "identite.nomFamille",
    "identite.nomUsage",
    "identite.prenoms",
    "identite.sexe",
    "identite.dateNaissance",
    "identite.lieuNaissance",
    "identite.nationalite",
    "identite.adresse",
    "identite.contact.telephone",
    "identite.contact.email",
    "identite.contact.canauxPreferes",
  ],
  situation: Object.keys(L.fieldLabels).filter((k) => k.startsWith("situation.")),
  competences: Object.keys(L.fieldLabels).filter((k) => k.startsWith("competences.")),
  projet: Object.keys(L.fieldLabels).filter((k) => k.startsWith("projet.")),
  freins: [],
};

function valueAt(data: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (cur, k) => (cur && typeof cur === "object" ? (cur as Record<string, unknown>)[k] : undefined),
      data,
    );
}

export function RegistrationSummary(p: {
  data: RegistrationData;
  nirMasked: string | null;
  onEdit?: (step: RegistrationStep) => void;
}) {
  return (
    <>
      {registrationSteps.map((step) => (
        <section key={step} className="fr-mb-4w" aria-labelledby={`recap-${step}`}>
          <h3 id={`recap-${step}`} className="fr-h6 fr-mb-1w">
            {L.stepLabels[step]}
          </h3>
          <dl className="socle-facts">
            {rows[step].map((path) => (
              <div key={path}>
                <dt>{L.fieldLabels[path]}</dt>
                <dd>
                  {display(
                    path,
                    path === "identite.prenoms"
                      ? (p.data.identite?.prenoms ?? []).join(" ") || undefined
                      : valueAt(p.data, path),
                  )}
                </dd>
              </div>
            ))}
            {step === "identite" && (
              <div>
                <dt>{L.fieldLabels["identite.nir"]}</dt>
                <dd>{p.nirMasked ?? NOT_PROVIDED}</dd>
              </div>
            )}
            {step === "freins" &&
              freinTypes.map((t: FreinType) => {
                const f = p.data.freins?.[t];
                return (
                  <div key={t}>
                    <dt>{L.freinLabels[t]}</dt>
                    <dd>
                      {f
                        ? `${L.freinDeclarationLabels[f.declare]}${f.impact ? ` — ${L.freinImpactLabels[f.impact]}` : ""}`
                        : NOT_PROVIDED}
                    </dd>
                  </div>
                );
              })}
          </dl>
          {p.onEdit && (
            <Button
              type="button"
              priority="tertiary"
              size="small"
              iconId="fr-icon-edit-line"
              onClick={() => p.onEdit?.(step)}
            >
              Modifier « {L.stepLabels[step]} »
            </Button>
          )}
        </section>
      ))}
    </>
  );
}
