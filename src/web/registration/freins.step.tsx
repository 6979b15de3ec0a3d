// Step 5: first identification of the nine barrier types, as « oui / non / je ne sais pas » and their
// impact. Only the type and the impact are asked: no health or family detail (CGT ML safeguard).
import {
  freinDeclarationLabels,
  freinImpactLabels,
  freinLabels,
} from "../../shared/registration/registration.labels";
import { type Freins, type FreinType, freinTypes } from "../../shared/registration/registration.schema";
import { RadioField } from "./registration-fields";

export function FreinsStep(p: { value: Freins; onChange: (v: Freins) => void; forProfessional: boolean }) {
  const set = (t: FreinType, patch: Partial<NonNullable<Freins[FreinType]>>) => {
    const current = p.value[t];
    const next = { declare: current?.declare ?? "NON", ...current, ...patch } as NonNullable<
      Freins[FreinType]
    >;
    if (next.declare !== "OUI") delete next.impact;
    p.onChange({ ...p.value, [t]: next });
  };
  return (
    <>
      <p>
        {p.forProfessional ? "La personne rencontre-t-elle" : "Rencontrez-vous"} des difficultés dans ces
        domaines ? Ces réponses aident à choisir l'accompagnement le plus adapté. Aucun détail n'est demandé
        ici : {p.forProfessional ? "elle en parlera" : "vous en parlerez"} avec
        {p.forProfessional ? " son" : " votre"} référent·e si{" "}
        {p.forProfessional ? "elle le souhaite" : "vous le souhaitez"}.
      </p>
      {freinTypes.map((t) => {
        const f = p.value[t];
        return (
          <div key={t} className="socle-box fr-mb-2w">
            <RadioField
              path={`freins.${t}.declare`}
              legend={freinLabels[t]}
              value={f?.declare}
              labels={freinDeclarationLabels}
              onChange={(x) => set(t, { declare: x as "OUI" })}
              inline
            />
            {f?.declare === "OUI" && (
              <RadioField
                path={`freins.${t}.impact`}
                legend="Cela gêne-t-il la recherche d'un emploi ?"
                value={f.impact}
                labels={freinImpactLabels}
                onChange={(x) => set(t, { impact: x as "FORT" })}
                inline
              />
            )}
          </div>
        );
      })}
    </>
  );
}
