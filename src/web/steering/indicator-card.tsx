// One indicator of the dashboard: its French name, its value for the selected period, its trend as a
// chart with the same figures in a table (« Voir les données »), and its definition in an accordion.
// Aggregates only: nothing here ever names a person.
import { Accordion } from "@codegouvfr/react-dsfr/Accordion";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useId, useState } from "react";
import type { IndicatorResult } from "../../shared/steering/steering.schema";
import { IndicatorChart } from "./indicator-chart";
import {
  NOT_AVAILABLE,
  periodLabel,
  periodsOf,
  type Series,
  seriesOf,
  statusLabels,
  valueText,
} from "./indicator-values";

export function IndicatorCard({ indicator, period }: { indicator: IndicatorResult; period: string }) {
  const [showData, setShowData] = useState(false);
  const uid = useId();
  const headingId = `${uid}-titre`;
  const tableId = `${uid}-donnees`;
  const series = seriesOf(indicator);
  const periods = periodsOf(indicator);
  const hasFigures = indicator.disponible && indicator.valeurs.some((v) => v.valeur !== null);

  return (
    <section className="socle-steering-card fr-p-3w" aria-labelledby={headingId}>
      <h3 id={headingId} className="fr-h5 fr-mb-1v">
        {indicator.nom}
      </h3>
      <p className="fr-text--xs fr-mb-1w socle-steering-mention">
        {indicator.id} · version {indicator.version}
      </p>

      {indicator.disponible ? (
        <CurrentValue series={series} period={period} unite={indicator.unite} />
      ) : (
        <div className="fr-mt-2w">
          <p className="socle-steering-value socle-steering-value--missing">{NOT_AVAILABLE}</p>
          {indicator.message && <p className="fr-text--sm">{indicator.message}</p>}
        </div>
      )}

      {hasFigures && periods.length > 1 && (
        <IndicatorChart
          title={indicator.nom}
          series={series.slice(0, 1)}
          periods={periods}
          unite={indicator.unite}
        />
      )}

      {indicator.disponible && indicator.valeurs.length > 0 && (
        <>
          <Button
            priority="tertiary"
            size="small"
            className="fr-mt-1w"
            nativeButtonProps={{ "aria-expanded": showData, "aria-controls": tableId }}
            onClick={() => setShowData((v) => !v)}
          >
            {showData ? "Masquer les données" : "Voir les données"}
          </Button>
          <div id={tableId} hidden={!showData}>
            <DataTable indicator={indicator} series={series} periods={periods} />
          </div>
        </>
      )}

      <Accordion label="Définition" titleAs="h4" className="fr-mt-2w">
        <Definition indicator={indicator} />
      </Accordion>
    </section>
  );
}

function CurrentValue({ series, period, unite }: { series: Series[]; period: string; unite: string }) {
  const [total, ...categories] = series;
  const v = total?.values.find((x) => x.periode === period);
  return (
    <>
      <p className="fr-mt-2w fr-mb-1w">
        <span className="fr-sr-only">{periodLabel(period)} : </span>
        <span
          className={`socle-steering-value${!v || v.valeur === null ? " socle-steering-value--missing" : ""}`}
        >
          {valueText(v, unite)}
        </span>
        {v?.statut === "provisoire" && v.valeur !== null && (
          <Badge severity="info" small className="fr-ml-1w">
            Provisoire
          </Badge>
        )}
      </p>
      {categories.length > 0 && (
        <dl className="socle-facts">
          {categories.map((s) => (
            <div key={s.key}>
              <dt>{s.label}</dt>
              <dd>
                {valueText(
                  s.values.find((x) => x.periode === period),
                  unite,
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

function DataTable(props: { indicator: IndicatorResult; series: Series[]; periods: string[] }) {
  const { indicator, series, periods } = props;
  const several = series.length > 1;
  const withRatio = indicator.denominateur !== null;
  const headers = [
    "Période",
    ...(several ? ["Catégorie"] : []),
    "Valeur",
    ...(withRatio ? ["Numérateur", "Dénominateur"] : []),
    "Statut",
  ];
  const data = periods.flatMap((p) =>
    series.map((s) => {
      const v = s.values.find((x) => x.periode === p);
      return [
        periodLabel(p),
        ...(several ? [s.label] : []),
        valueText(v, indicator.unite),
        ...(withRatio ? [count(v?.numerateur), count(v?.denominateur)] : []),
        v ? statusLabels[v.statut] : NOT_AVAILABLE,
      ];
    }),
  );
  return (
    <Table
      className="fr-mt-1w fr-mb-0"
      caption={`Données de « ${indicator.nom} » par période`}
      headers={headers}
      data={data}
      bordered
    />
  );
}

const count = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : new Intl.NumberFormat("fr-FR").format(n);

function Definition({ indicator }: { indicator: IndicatorResult }) {
  const rows: [string, string | null][] = [
    ["Définition", indicator.definition],
    ["Numérateur", indicator.numerateur],
    ["Dénominateur", indicator.denominateur],
    ["Fenêtre", indicator.fenetre],
    ["Cohorte", indicator.cohorte],
    ["Unité", indicator.unite],
  ];
  return (
    <dl className="socle-facts">
      {rows
        .filter((r): r is [string, string] => r[1] !== null && r[1] !== "")
        .map(([label, text]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{text}</dd>
          </div>
        ))}
    </dl>
  );
}
