// /imports/:importId — one list: 1. which column holds what (suggested from the headers, editable),
// 2. preview of each row's check in French (50 first rows and counts), 3. apply, 4. report with the
// quarantine to download, correct and send again (PS-58).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Pagination } from "@codegouvfr/react-dsfr/Pagination";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { useState } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { tabularImportRoutes } from "../../shared/imports/tabular/tabular-import.routes";
import {
  requiredTabularFields,
  type TabularField,
  type TabularImportView,
  type TabularMapping,
  type TabularRowStatus,
  tabularFieldLabels,
  tabularFields,
  tabularRowStatusLabels,
} from "../../shared/imports/tabular/tabular-import.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { canImportLists } from "../registration/registration.access";
import { importStatusLabels, previewActionLabels } from "./tabular-import.labels";

export function TabularImportPage() {
  return <RequireSession allow={canImportLists}>{() => <TabularImport />}</RequireSession>;
}

function TabularImport() {
  const { importId = "" } = useParams();
  const location = useLocation();
  const alreadyUploaded = (location.state as { alreadyUploaded?: boolean } | null)?.alreadyUploaded === true;
  const { state, reload, setData } = useApiQuery(
    () => api(tabularImportRoutes.getTabularImport, { params: { importId } }),
    [importId],
  );
  usePageTitle(state.status === "ok" ? `Import « ${state.data.fileName} »` : "Import d'une liste");
  return (
    <>
      <h1>{state.status === "ok" ? `Import « ${state.data.fileName} »` : "Import d'une liste"}</h1>
      {state.status === "loading" && <Loading label="Chargement de l'import…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && (
        <>
          <p className="fr-text--sm">
            {state.data.format} · {state.data.rowCount} ligne{state.data.rowCount > 1 ? "s" : ""} · envoyé par{" "}
            {state.data.uploadedBy} le {formatInstant(state.data.createdAt)} ·{" "}
            {importStatusLabels[state.data.status]}
          </p>
          {alreadyUploaded && (
            <Alert
              className="fr-mb-3w"
              severity="info"
              small
              description="Ce fichier avait déjà été envoyé : voici cet import. L'appliquer à nouveau ne change rien."
            />
          )}
          {state.data.status === "TELEVERSE" ? (
            <Prepare view={state.data} onChange={setData} />
          ) : (
            <Report view={state.data} onChange={setData} />
          )}
        </>
      )}
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/imports">
        Tous les imports
      </Link>
    </>
  );
}

function Prepare({ view, onChange }: { view: TabularImportView; onChange: (v: TabularImportView) => void }) {
  const [mapping, setMapping] = useState<TabularMapping>(view.mapping);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewKey, setPreviewKey] = useState(0);
  const preview = useApiQuery(
    () => api(tabularImportRoutes.previewTabularImport, { params: { importId: view.id } }),
    [view.id, previewKey],
  );
  const changed = JSON.stringify(mapping) !== JSON.stringify(view.mapping);

  const saveMapping = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(
        await api(tabularImportRoutes.updateTabularMapping, {
          params: { importId: view.id },
          body: { version: view.version, mapping },
        }),
      );
      setPreviewKey((k) => k + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", "L'enregistrement a échoué."));
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      onChange(await api(tabularImportRoutes.applyTabularImport, { params: { importId: view.id } }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", "L'import a échoué."));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section aria-labelledby="colonnes" className="fr-mb-6w">
        <h2 id="colonnes">1. Quelle colonne contient quoi ?</h2>
        <p>
          Nous avons reconnu les colonnes d'après leur titre : vérifiez et corrigez si besoin. Les colonnes
          non choisies ne sont pas importées.
        </p>
        <div className="fr-grid-row fr-grid-row--gutters">
          {tabularFields.map((f: TabularField) => (
            <div key={f} className="fr-col-12 fr-col-md-6">
              <Select
                label={`${tabularFieldLabels[f]}${requiredTabularFields.includes(f) ? "" : " (facultatif)"}`}
                nativeSelectProps={{
                  name: f,
                  value: mapping[f] === undefined ? "" : String(mapping[f]),
                  onChange: (e) => {
                    const next = { ...mapping };
                    if (e.target.value === "") delete next[f];
                    else next[f] = Number(e.target.value);
                    setMapping(next);
                  },
                }}
              >
                <option value="">— Aucune colonne —</option>
                {view.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a column is identified by its position
                  <option key={i} value={i}>
                    Colonne {i + 1} : {h}
                  </option>
                ))}
              </Select>
            </div>
          ))}
        </div>
        {error && (
          <Alert className="fr-mb-2w" severity="error" small description={error.message} role="alert" />
        )}
        <Button
          type="button"
          priority={changed ? "primary" : "secondary"}
          disabled={busy || !changed}
          onClick={() => void saveMapping()}
        >
          Enregistrer la correspondance et mettre à jour l'aperçu
        </Button>
      </section>

      <section aria-labelledby="apercu" className="fr-mb-6w">
        <h2 id="apercu">2. Aperçu de la vérification</h2>
        {preview.state.status === "loading" && <Loading label="Vérification des lignes…" />}
        {preview.state.status === "error" && (
          <LoadError error={preview.state.error} onRetry={() => void preview.reload()} />
        )}
        {preview.state.status === "ok" && (
          <>
            <p role="status">
              <strong>{preview.state.data.total}</strong> lignes : <strong>{preview.state.data.valid}</strong>{" "}
              valides, <strong>{preview.state.data.invalid}</strong> à mettre en quarantaine.
            </p>
            {preview.state.data.mappingIssues.length > 0 && (
              <Alert
                className="fr-mb-3w"
                severity="warning"
                small
                description={
                  <ul>
                    {preview.state.data.mappingIssues.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <div>
              <Table
                caption={`Les ${preview.state.data.rows.length} premières lignes`}
                headers={["Ligne", "Résultat", "Détail", "Nom", "Prénoms", "Date de naissance"]}
                data={preview.state.data.rows.map((r) => [
                  String(r.line),
                  <Badge key="b" small severity={previewActionLabels[r.action].severity}>
                    {previewActionLabels[r.action].label}
                  </Badge>,
                  r.message,
                  r.values.nomFamille ?? "",
                  r.values.prenoms ?? "",
                  r.values.dateNaissance ?? "",
                ])}
              />
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="appliquer">
        <h2 id="appliquer">3. Importer</h2>
        <p>
          Les lignes valides sont importées ; les autres sont mises en quarantaine avec leur motif, à corriger
          et renvoyer.
        </p>
        <Button
          type="button"
          disabled={
            busy || changed || preview.state.status !== "ok" || preview.state.data.mappingIssues.length > 0
          }
          onClick={() => void apply()}
          iconId="fr-icon-check-line"
        >
          {busy ? "Import en cours…" : "Importer les lignes valides"}
        </Button>
        {changed && <p className="fr-hint-text">Enregistrez d'abord la correspondance des colonnes.</p>}
      </section>
    </>
  );
}

function Report({ view, onChange }: { view: TabularImportView; onChange: (v: TabularImportView) => void }) {
  const [status, setStatus] = useState<TabularRowStatus | "">(
    view.counts.quarantaine > 0 ? "QUARANTAINE" : "",
  );
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const rows = useApiQuery(
    () =>
      api(tabularImportRoutes.listTabularImportRows, {
        params: { importId: view.id },
        query: { page, ...(status ? { status } : {}) },
      }),
    [view.id, status, page, view.version],
  );
  const c = view.counts;

  const resume = async () => {
    setBusy(true);
    try {
      onChange(await api(tabularImportRoutes.applyTabularImport, { params: { importId: view.id } }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", "L'import a échoué."));
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    try {
      const f = await api(tabularImportRoutes.downloadTabularQuarantine, { params: { importId: view.id } });
      const url = URL.createObjectURL(new Blob([f.content], { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = f.fileName;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "internal", "Le téléchargement a échoué."));
    }
  };

  return (
    <>
      {view.status === "EN_COURS" && (
        <Alert
          className="fr-mb-3w"
          severity="warning"
          as="h2"
          title="Import interrompu"
          description={
            <>
              <p>{c.enAttente} lignes restent à traiter. Reprendre l'import ne crée aucun doublon.</p>
              <Button type="button" size="small" disabled={busy} onClick={() => void resume()}>
                Reprendre l'import
              </Button>
            </>
          }
        />
      )}
      {error && (
        <Alert className="fr-mb-3w" severity="error" small description={error.message} role="alert" />
      )}
      <h2>Compte rendu</h2>
      <ul>
        <li>{c.creees} dossier(s) créé(s)</li>
        <li>{c.misesAJour} dossier(s) complété(s)</li>
        <li>{c.inchangees} ligne(s) déjà à jour</li>
        <li>{c.doublons} dossier(s) créé(s) avec un doublon possible à examiner</li>
        <li>
          <strong>{c.quarantaine} ligne(s) en quarantaine</strong>
        </li>
      </ul>
      {c.quarantaine > 0 && (
        <Button
          className="fr-mb-3w"
          type="button"
          priority="secondary"
          iconId="fr-icon-download-line"
          onClick={() => void download()}
        >
          Télécharger les lignes en quarantaine (CSV, avec les motifs)
        </Button>
      )}
      <Select
        label="Afficher"
        nativeSelectProps={{
          value: status,
          onChange: (e) => setStatus(e.target.value as TabularRowStatus | ""),
        }}
      >
        <option value="">Toutes les lignes</option>
        {(Object.keys(tabularRowStatusLabels) as TabularRowStatus[]).map((s) => (
          <option key={s} value={s}>
            {tabularRowStatusLabels[s]}
          </option>
        ))}
      </Select>
      {rows.state.status === "loading" && <Loading label="Chargement des lignes…" />}
      {rows.state.status === "error" && (
        <LoadError error={rows.state.error} onRetry={() => void rows.reload()} />
      )}
      {rows.state.status === "ok" && (
        <>
          <div>
            <Table
              caption={`${rows.state.data.total} ligne(s)`}
              headers={["Ligne", "Résultat", "Motifs", "Nom", "Prénoms", "Date de naissance", "Dossier"]}
              data={rows.state.data.items.map((r) => [
                String(r.line),
                tabularRowStatusLabels[r.status],
                r.reasons.map((x) => x.message).join(" "),
                r.values.nomFamille ?? "",
                r.values.prenoms ?? "",
                r.values.dateNaissance ?? "",
                r.personId ? (
                  <Link key="p" to={`/personnes/${r.personId}`}>
                    Voir
                  </Link>
                ) : (
                  ""
                ),
              ])}
            />
          </div>
          {rows.state.data.total > rows.state.data.pageSize && (
            <Pagination
              count={Math.ceil(rows.state.data.total / rows.state.data.pageSize)}
              defaultPage={page}
              getPageLinkProps={(n) => ({
                href: "#",
                onClick: (e: { preventDefault: () => void }) => {
                  e.preventDefault();
                  setPage(n);
                },
              })}
            />
          )}
        </>
      )}
    </>
  );
}
