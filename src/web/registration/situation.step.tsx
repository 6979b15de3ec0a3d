// Step 2: personal situation (household, housing, work, resources, benefits, driving licence, residence permit, French).
import {
  aidesPrestationsLabels,
  niveauLangueLabels,
  organismeRattachementLabels,
  pensionAlimentaireLabels,
  permisLabels,
  ressourcesLabels,
  roleFoyerLabels,
  situationFamilialeLabels,
  situationLogementLabels,
  situationProfessionnelleLabels,
  titreSejourLabels,
} from "../../shared/registration/registration.labels";
import type { Situation } from "../../shared/registration/registration.schema";
import { CheckboxesField, RadioField, SelectField, TextField, toNumber } from "./registration-fields";

export function SituationStep(p: { value: Situation; onChange: (v: Situation) => void; outsideEu: boolean }) {
  const v = p.value;
  const set = <K extends keyof Situation>(k: K, x: Situation[K]) => p.onChange({ ...v, [k]: x });
  return (
    <div>
      <RadioField
        path="situation.situationFamiliale"
        legend="Situation familiale"
        value={v.situationFamiliale}
        labels={situationFamilialeLabels}
        onChange={(x) => set("situationFamiliale", x as Situation["situationFamiliale"])}
        inline
      />
      <TextField
        path="situation.enfantsACharge"
        label="Nombre d'enfants à charge"
        optional
        type="number"
        inputMode="numeric"
        value={v.enfantsACharge === undefined ? "" : String(v.enfantsACharge)}
        onChange={(x) => set("enfantsACharge", toNumber(x))}
      />
      <SelectField
        path="situation.roleFoyer"
        label="Place dans le foyer qui perçoit les prestations"
        optional
        value={v.roleFoyer}
        labels={roleFoyerLabels}
        onChange={(x) => set("roleFoyer", x as Situation["roleFoyer"])}
      />
      <SelectField
        path="situation.situationLogement"
        label="Logement"
        value={v.situationLogement}
        labels={situationLogementLabels}
        onChange={(x) => set("situationLogement", x as Situation["situationLogement"])}
      />
      <SelectField
        path="situation.situationProfessionnelle"
        label="Situation professionnelle"
        value={v.situationProfessionnelle}
        labels={situationProfessionnelleLabels}
        onChange={(x) => set("situationProfessionnelle", x as Situation["situationProfessionnelle"])}
      />
      <CheckboxesField
        path="situation.ressources"
        legend="Ressources du mois dernier"
        optional
        value={v.ressources}
        labels={ressourcesLabels}
        onChange={(x) => set("ressources", x as Situation["ressources"])}
      />
      <SelectField
        path="situation.droitsPensionAlimentaire"
        label="Pension alimentaire"
        optional
        value={v.droitsPensionAlimentaire}
        labels={pensionAlimentaireLabels}
        onChange={(x) => set("droitsPensionAlimentaire", x as Situation["droitsPensionAlimentaire"])}
      />
      <CheckboxesField
        path="situation.aidesPrestations"
        legend="Aides et prestations perçues"
        optional
        value={v.aidesPrestations}
        labels={aidesPrestationsLabels}
        onChange={(x) => set("aidesPrestations", x as Situation["aidesPrestations"])}
      />
      <RadioField
        path="situation.organismeRattachement"
        legend="Organisme qui verse les prestations"
        optional
        value={v.organismeRattachement}
        labels={organismeRattachementLabels}
        onChange={(x) => set("organismeRattachement", x as Situation["organismeRattachement"])}
        inline
      />
      {(v.organismeRattachement === "CAF" || v.organismeRattachement === "MSA") && (
        <TextField
          path="situation.numeroAllocataire"
          label="Numéro d'allocataire"
          hint="Sur les courriers de la CAF ou de la MSA, sans espace."
          value={v.numeroAllocataire}
          onChange={(x) => set("numeroAllocataire", x)}
        />
      )}
      <CheckboxesField
        path="situation.permisConduire"
        legend="Permis de conduire"
        optional
        value={v.permisConduire}
        labels={permisLabels}
        onChange={(x) => set("permisConduire", x as Situation["permisConduire"])}
      />
      {p.outsideEu && (
        <SelectField
          path="situation.titreSejour"
          label="Titre de séjour"
          value={v.titreSejour}
          labels={titreSejourLabels}
          onChange={(x) => set("titreSejour", x as Situation["titreSejour"])}
        />
      )}
      <SelectField
        path="situation.niveauLangue"
        label="Niveau de français"
        value={v.niveauLangue}
        labels={niveauLangueLabels}
        onChange={(x) => set("niveauLangue", x as Situation["niveauLangue"])}
      />
    </div>
  );
}
