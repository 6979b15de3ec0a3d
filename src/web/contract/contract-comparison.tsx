// « Comparer les versions »: choose two versions of the contrat d'engagement and read what changed, in an
// accessible table (caption, column headers; the kind of change written in words, not only a colour).
// The differences come from the shared pure function, so the professional and the person read the same.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useSearchParams } from "react-router-dom";
import {
  compareContractVersions,
  comparisonSectionLabels,
  type DifferenceKind,
  differenceKindLabels,
} from "../../shared/contract/contract.comparison";
import { type ContractView, versionMotifLabels } from "../../shared/contract/contract.schema";
import { formatInstantDate } from "../kernel/format";

const badgeOf: Record<DifferenceKind, string> = {
  AJOUT: "fr-badge--success",
  SUPPRESSION: "fr-badge--error",
  MODIFICATION: "fr-badge--info",
};

/** The versions chosen in the address (?de=1&a=3), else the one before the current and the current. */
function chosen(view: ContractView, params: URLSearchParams): [number, number] {
  const numeros = view.versions.map((v) => v.numero).sort((a, b) => a - b);
  const valid = (s: string | null) => {
    const n = Number(s);
    return numeros.includes(n) ? n : undefined;
  };
  const last = numeros.at(-1) ?? 1;
  const before = numeros.at(-2) ?? last;
  return [valid(params.get("de")) ?? before, valid(params.get("a")) ?? last];
}

export function VersionComparison({ view }: { view: ContractView }) {
  const [params, setParams] = useSearchParams();
  if (view.versions.length < 2)
    return <p>Ce contrat n'a qu'une version : il n'y a rien à comparer pour le moment.</p>;
  const [de, a] = chosen(view, params);
  const from = view.versions.find((v) => v.numero === de)!;
  const to = view.versions.find((v) => v.numero === a)!;
  const [older, newer] = from.numero <= to.numero ? [from, to] : [to, from];
  const differences = compareContractVersions(from, to);
  const label = (n: number) => {
    const v = view.versions.find((x) => x.numero === n)!;
    return `Version ${n} — ${versionMotifLabels[v.motif]}, créée le ${formatInstantDate(v.createdAt)}`;
  };
  const choose = (key: "de" | "a", value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (!next.has(key === "de" ? "a" : "de"))
      next.set(key === "de" ? "a" : "de", String(key === "de" ? a : de));
    setParams(next, { replace: true });
  };
  const options = [...view.versions].sort((x, y) => x.numero - y.numero);
  return (
    <>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Première version"
            nativeSelectProps={{ value: String(de), onChange: (e) => choose("de", e.target.value) }}
          >
            {options.map((v) => (
              <option key={v.numero} value={v.numero}>
                {label(v.numero)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Seconde version"
            nativeSelectProps={{ value: String(a), onChange: (e) => choose("a", e.target.value) }}
          >
            {options.map((v) => (
              <option key={v.numero} value={v.numero}>
                {label(v.numero)}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <h2>
        Ce qui a changé de la version {older.numero} à la version {newer.numero}
      </h2>
      {older.numero === newer.numero ? (
        <p>Choisissez deux versions différentes.</p>
      ) : differences.length === 0 ? (
        <p>Ces deux versions ont le même contenu.</p>
      ) : (
        <Table
          caption={`Différences entre la version ${older.numero} et la version ${newer.numero} (${differences.length} changement${differences.length > 1 ? "s" : ""})`}
          headers={[
            "Partie du contrat",
            "Changement",
            "Élément",
            `Version ${older.numero}`,
            `Version ${newer.numero}`,
          ]}
          data={differences.map((d) => [
            comparisonSectionLabels[d.section],
            <span key="kind" className={`fr-badge fr-badge--sm fr-badge--no-icon ${badgeOf[d.kind]}`}>
              {differenceKindLabels[d.kind]}
            </span>,
            d.item,
            d.before ?? <span className="fr-text--sm">(absent)</span>,
            d.after ?? <span className="fr-text--sm">(absent)</span>,
          ])}
        />
      )}
    </>
  );
}
