// The trend of an indicator over the periods, drawn with recharts in DSFR colours (light and dark
// themes). The chart is an image for assistive technologies: its figures are always in the table
// next to it (« Voir les données »), which is the accessible alternative (RGAA 1.3, 1.4).
import { useColors } from "@codegouvfr/react-dsfr/useColors";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { axisLabel, formatFigure, periodLabel, type Series } from "./indicator-values";

type Props = { title: string; series: Series[]; periods: string[]; unite: string };

export function IndicatorChart({ title, series, periods, unite }: Props) {
  const colors = useColors();
  const major = colors.decisions.artwork.major;
  const palette = [
    major.blueFrance.default,
    major.greenArchipel.default,
    major.orangeTerreBattue.default,
    major.purpleGlycine.default,
    major.pinkTuile.default,
    major.brownCafeCreme.default,
  ];
  const grid = colors.decisions.border.default.grey.default;
  const text = colors.decisions.text.mention.grey.default;

  // one row per period, one column per series; a missing or hidden figure leaves a gap in the line
  const rows = periods.map((p) => {
    const row: Record<string, string | number | null> = { periode: p };
    for (const s of series) {
      const v = s.values.find((x) => x.periode === p);
      row[s.key] = v && (v.statut === "definitif" || v.statut === "provisoire") ? v.valeur : null;
    }
    return row;
  });
  const first = periods[0];
  const last = periods.at(-1);

  return (
    <div
      role="img"
      aria-label={`Graphique : évolution de « ${title} »${first && last ? `, de ${periodLabel(first)} à ${periodLabel(last)}` : ""}. Les valeurs sont dans le tableau de données.`}
      className="socle-steering-chart"
    >
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke={grid} strokeDasharray="3 3" />
          <XAxis
            dataKey="periode"
            tickFormatter={axisLabel}
            stroke={text}
            tick={{ fill: text, fontSize: 12 }}
          />
          <YAxis
            stroke={text}
            tick={{ fill: text, fontSize: 12 }}
            tickFormatter={(v: number) => formatFigure(v, unite)}
            width={72}
            allowDecimals={false}
          />
          <Tooltip
            labelFormatter={(p) => periodLabel(String(p))}
            formatter={(v) => (typeof v === "number" ? formatFigure(v, unite) : String(v))}
          />
          {series.length > 1 && <Legend />}
          {series.map((s, i) => (
            <Line
              key={s.key}
              dataKey={s.key}
              name={s.label}
              type="monotone"
              stroke={palette[i % palette.length]}
              strokeWidth={2}
              dot={{ r: 3 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
