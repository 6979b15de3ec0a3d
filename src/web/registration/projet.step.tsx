// Step 4: professional project, availability, job search, reason for registering, identifiers.
import { Button } from "@codegouvfr/react-dsfr/Button";
import {
  categorieDemandeurLabels,
  disponibiliteLabels,
  motifInscriptionLabels,
  positionnementLabels,
  projetLabels,
  souhaitStructureLabels,
  tempsTravailLabels,
} from "../../shared/registration/registration.labels";
import type { Projet } from "../../shared/registration/registration.schema";
import { AppellationPicker } from "./appellation-picker";
import { RadioField, SelectField, TextField, toNumber } from "./registration-fields";

export function ProjetStep(p: {
  value: Projet;
  onChange: (v: Projet) => void;
  errors: Record<string, string>;
}) {
  const v = p.value;
  const set = <K extends keyof Projet>(k: K, x: Projet[K]) => p.onChange({ ...v, [k]: x });
  const metiers = v.metiersRecherches ?? [];
  return (
    <div>
      <RadioField
        path="projet.projetExiste"
        legend="Quel est votre projet ?"
        value={v.projetExiste}
        labels={projetLabels}
        onChange={(x) => set("projetExiste", x as Projet["projetExiste"])}
      />
      <h3 className="fr-h6">Métiers recherchés (facultatif, 5 au plus)</h3>
      {metiers.length > 0 && (
        <ul>
          {metiers.map((m, i) => (
            <li key={m.codeOgr}>
              {m.libelle}{" "}
              <Button
                type="button"
                priority="tertiary no outline"
                size="small"
                iconId="fr-icon-delete-line"
                title={`Retirer ${m.libelle}`}
                onClick={() =>
                  set(
                    "metiersRecherches",
                    metiers.filter((_, k) => k !== i),
                  )
                }
              >
                Retirer
              </Button>
            </li>
          ))}
        </ul>
      )}
      {metiers.length < 5 && (
        <AppellationPicker
          label="Ajouter un métier recherché"
          error={p.errors["projet.metiersRecherches"]}
          onPick={(a) => set("metiersRecherches", [...metiers.filter((m) => m.codeOgr !== a.codeOgr), a])}
        />
      )}
      <RadioField
        path="projet.lienExperience"
        legend="Ce projet est-il lié à vos expériences passées ?"
        optional
        value={v.lienExperience === undefined ? undefined : v.lienExperience ? "OUI" : "NON"}
        labels={{ OUI: "Oui", NON: "Non" }}
        onChange={(x) => set("lienExperience", x === "OUI")}
        inline
      />
      <RadioField
        path="projet.disponibilite"
        legend="Quand pouvez-vous commencer ?"
        value={v.disponibilite}
        labels={disponibiliteLabels}
        onChange={(x) => set("disponibilite", x as Projet["disponibilite"])}
      />
      <SelectField
        path="projet.tempsTravail"
        label="Temps de travail souhaité"
        optional
        value={v.tempsTravail}
        labels={tempsTravailLabels}
        onChange={(x) => set("tempsTravail", x as Projet["tempsTravail"])}
      />
      <TextField
        path="projet.distanceMaxKm"
        label="Distance maximale pour aller travailler, en kilomètres"
        optional
        type="number"
        inputMode="numeric"
        value={v.distanceMaxKm === undefined ? "" : String(v.distanceMaxKm)}
        onChange={(x) => set("distanceMaxKm", toNumber(x))}
      />
      <RadioField
        path="projet.positionnementRechercheEmploi"
        legend="Où en êtes-vous de votre recherche d'emploi ?"
        value={v.positionnementRechercheEmploi}
        labels={positionnementLabels}
        onChange={(x) => set("positionnementRechercheEmploi", x as Projet["positionnementRechercheEmploi"])}
      />
      <SelectField
        path="projet.motifInscription"
        label="Pourquoi vous inscrivez-vous ?"
        value={v.motifInscription}
        labels={motifInscriptionLabels}
        onChange={(x) => set("motifInscription", x as Projet["motifInscription"])}
      />
      <SelectField
        path="projet.souhaitStructure"
        label="Par qui souhaitez-vous être accompagné·e ?"
        optional
        hint="Votre souhait sera pris en compte pour votre orientation."
        value={v.souhaitStructure}
        labels={souhaitStructureLabels}
        onChange={(x) => set("souhaitStructure", x as Projet["souhaitStructure"])}
      />
      <TextField
        path="projet.numeroFranceTravail"
        label="Numéro France Travail"
        optional
        hint="Si vous êtes déjà inscrit·e : 8 caractères ou 11 chiffres."
        value={v.numeroFranceTravail}
        onChange={(x) => set("numeroFranceTravail", x)}
      />
      <SelectField
        path="projet.categorieDemandeurEmploi"
        label="Catégorie de demandeur d'emploi"
        optional
        value={v.categorieDemandeurEmploi}
        labels={categorieDemandeurLabels}
        onChange={(x) => set("categorieDemandeurEmploi", x as Projet["categorieDemandeurEmploi"])}
      />
    </div>
  );
}
