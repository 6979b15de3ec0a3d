// Step 3: education, job experiences (ROME appellations) and other experiences.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { experienceAutreLabels, niveauEtudeLabels } from "../../shared/registration/registration.labels";
import type { Competences } from "../../shared/registration/registration.schema";
import { AppellationPicker } from "./appellation-picker";
import { SelectField, TextField, toNumber } from "./registration-fields";

type Diplome = NonNullable<Competences["diplomesQualifications"]>[number];
type Experience = NonNullable<Competences["experiencesProfessionnelles"]>[number];
type Autre = NonNullable<Competences["experiencesAutres"]>[number];

export function CompetencesStep(p: { value: Competences; onChange: (v: Competences) => void }) {
  const v = p.value;
  const set = <K extends keyof Competences>(k: K, x: Competences[K]) => p.onChange({ ...v, [k]: x });
  const diplomes = v.diplomesQualifications ?? [];
  const experiences = v.experiencesProfessionnelles ?? [];
  const autres = v.experiencesAutres ?? [];
  const at = <T,>(list: T[], i: number, patch: Partial<T>) =>
    list.map((x, k) => (k === i ? { ...x, ...patch } : x));
  return (
    <div>
      <SelectField
        path="competences.niveauEtude"
        label="Niveau de diplôme le plus élevé"
        value={v.niveauEtude}
        labels={niveauEtudeLabels}
        onChange={(x) => set("niveauEtude", x as Competences["niveauEtude"])}
      />

      <h3 className="fr-h6 fr-mt-3w">Diplômes et qualifications (facultatif)</h3>
      {diplomes.map((d, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows typed in the form have no identifier of their own
        <div key={`d${i}`} className="socle-box fr-mb-2w">
          <TextField
            path={`competences.diplomesQualifications.${i}.intitule`}
            label={`Intitulé du diplôme ${i + 1}`}
            value={d.intitule}
            onChange={(x) => set("diplomesQualifications", at<Diplome>(diplomes, i, { intitule: x }))}
          />
          <TextField
            path={`competences.diplomesQualifications.${i}.annee`}
            label="Année d'obtention"
            optional
            type="number"
            inputMode="numeric"
            value={d.annee === undefined ? "" : String(d.annee)}
            onChange={(x) => set("diplomesQualifications", at<Diplome>(diplomes, i, { annee: toNumber(x) }))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() =>
              set(
                "diplomesQualifications",
                diplomes.filter((_, k) => k !== i),
              )
            }
          >
            Retirer ce diplôme
          </Button>
        </div>
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        iconId="fr-icon-add-line"
        onClick={() => set("diplomesQualifications", [...diplomes, { intitule: "" }])}
      >
        Ajouter un diplôme
      </Button>

      <h3 className="fr-h6 fr-mt-4w">Expériences professionnelles (facultatif)</h3>
      {experiences.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows typed in the form have no identifier of their own
        <div key={`e${i}`} className="socle-box fr-mb-2w">
          <p className="fr-mb-1w">
            <strong>{e.appellation.libelle}</strong>
          </p>
          <TextField
            path={`competences.experiencesProfessionnelles.${i}.employeur`}
            label="Employeur"
            optional
            value={e.employeur}
            onChange={(x) =>
              set("experiencesProfessionnelles", at<Experience>(experiences, i, { employeur: x }))
            }
          />
          <TextField
            path={`competences.experiencesProfessionnelles.${i}.debut`}
            label="Début"
            optional
            type="month"
            hint="Mois et année."
            value={e.debut}
            onChange={(x) =>
              set("experiencesProfessionnelles", at<Experience>(experiences, i, { debut: x || undefined }))
            }
          />
          <TextField
            path={`competences.experiencesProfessionnelles.${i}.fin`}
            label="Fin"
            optional
            type="month"
            hint="Laissez vide si l'emploi continue."
            value={e.fin}
            onChange={(x) =>
              set("experiencesProfessionnelles", at<Experience>(experiences, i, { fin: x || undefined }))
            }
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() =>
              set(
                "experiencesProfessionnelles",
                experiences.filter((_, k) => k !== i),
              )
            }
          >
            Retirer cette expérience
          </Button>
        </div>
      ))}
      <AppellationPicker
        label="Ajouter un métier exercé"
        onPick={(a) => set("experiencesProfessionnelles", [...experiences, { appellation: a }])}
      />

      <h3 className="fr-h6 fr-mt-4w">Autres expériences : bénévolat, aide à un proche… (facultatif)</h3>
      {autres.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows typed in the form have no identifier of their own
        <div key={`a${i}`} className="socle-box fr-mb-2w">
          <SelectField
            path={`competences.experiencesAutres.${i}.type`}
            label="Type d'expérience"
            value={a.type}
            labels={experienceAutreLabels}
            onChange={(x) =>
              set("experiencesAutres", at<Autre>(autres, i, { type: (x ?? "AUTRE") as Autre["type"] }))
            }
          />
          <TextField
            path={`competences.experiencesAutres.${i}.description`}
            label="Ce que vous avez fait"
            value={a.description}
            onChange={(x) => set("experiencesAutres", at<Autre>(autres, i, { description: x }))}
          />
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-delete-line"
            onClick={() =>
              set(
                "experiencesAutres",
                autres.filter((_, k) => k !== i),
              )
            }
          >
            Retirer cette expérience
          </Button>
        </div>
      ))}
      <Button
        type="button"
        priority="secondary"
        size="small"
        iconId="fr-icon-add-line"
        onClick={() => set("experiencesAutres", [...autres, { type: "BENEVOLAT", description: "" }])}
      >
        Ajouter une autre expérience
      </Button>
    </div>
  );
}
