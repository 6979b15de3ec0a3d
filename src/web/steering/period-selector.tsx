// « Période » form: the kind of period (mois, trimestre, année, 12 mois glissants) and which one. The
// dashboard changes only on « Afficher » (no change of context on a select, RGAA 7.5).
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useState } from "react";
import { type Granularity, granularities, granularityLabels } from "../../shared/steering/steering.periods";
import { type DashboardPeriod, periodEnd, selectablePeriodEnds } from "./dashboard.paths";
import { periodLabel } from "./indicator-values";

/** « 2025-03 » as the label of the period of this granularity ending with that month. */
export function periodEndLabel(granularite: Granularity, fin: string): string {
  if (granularite === "trimestre") {
    const m = Number(fin.slice(5, 7));
    return periodLabel(`${fin.slice(0, 4)}-T${Math.ceil(m / 3)}`);
  }
  if (granularite === "annee") return `Année ${fin.slice(0, 4)}`;
  if (granularite === "glissant_12_mois") {
    const [y, m] = fin.split("-").map(Number) as [number, number];
    const startIndex = y * 12 + (m - 1) - 11;
    const start = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, "0")}`;
    return `12 mois : ${periodLabel(`${start}/${fin}`)}`;
  }
  return periodLabel(fin);
}

export function PeriodSelector(props: {
  value: DashboardPeriod;
  latest: string;
  onChange: (p: DashboardPeriod) => void;
}) {
  const { latest, onChange } = props;
  const [granularite, setGranularite] = useState<Granularity>(props.value.granularite);
  const [fin, setFin] = useState(props.value.fin);
  const options = selectablePeriodEnds(granularite, latest);

  return (
    <form
      className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ granularite, fin: options.includes(fin) ? fin : (options[0] ?? latest) });
      }}
    >
      <div className="fr-col-12 fr-col-md-4">
        <Select
          label="Type de période"
          nativeSelectProps={{
            name: "periode",
            value: granularite,
            onChange: (e) => {
              const g = e.target.value as Granularity;
              setGranularite(g);
              // keep the same moment when possible: the quarter or year that contains the chosen month
              const snapped = periodEnd(g, fin);
              const next = selectablePeriodEnds(g, latest);
              setFin(next.includes(snapped) ? snapped : (next[0] ?? latest));
            },
          }}
        >
          {granularities.map((g) => (
            <option key={g} value={g}>
              {granularityLabels[g]}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <Select
          label="Période"
          nativeSelectProps={{ name: "fin", value: fin, onChange: (e) => setFin(e.target.value) }}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {periodEndLabel(granularite, o)}
            </option>
          ))}
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Button type="submit" className="fr-mb-3v">
          Afficher
        </Button>
      </div>
    </form>
  );
}
