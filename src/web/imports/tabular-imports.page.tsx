// /imports — lists of beneficiaries imported by my structure (or my département), and the upload of a new
// one (CSV or XLSX). The next steps (columns, preview, apply, report) are on the import's own page.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { tabularImportRoutes } from "../../shared/imports/tabular/tabular-import.routes";
import { TABULAR_MAX_BYTES } from "../../shared/imports/tabular/tabular-import.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { canImportLists } from "../registration/registration.access";
import { importStatusLabels } from "./tabular-import.labels";

export function TabularImportsPage() {
  return <RequireSession allow={canImportLists}>{() => <TabularImports />}</RequireSession>;
}

/** The file's bytes as base64 (what the upload route expects). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

function TabularImports() {
  usePageTitle("Importer une liste de bénéficiaires");
  const { state, reload } = useApiQuery(() => api(tabularImportRoutes.listTabularImports, {}), []);
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();

  const upload = async () => {
    if (!file) {
      setError("Choisissez un fichier .csv ou .xlsx.");
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setError(
        "Seuls les fichiers .csv et .xlsx sont acceptés. Enregistrez votre tableau dans l'un de ces formats.",
      );
      return;
    }
    if (file.size > TABULAR_MAX_BYTES) {
      setError("Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const v = await api(tabularImportRoutes.uploadTabularImport, {
        body: { fileName: file.name, contentBase64: await readAsBase64(file) },
      });
      navigate(`/imports/${v.id}`, { state: { alreadyUploaded: v.alreadyUploaded } });
    } catch (e) {
      setError(
        e instanceof ApiError
          ? (e.issues[0]?.message ?? e.message)
          : "Le fichier n'a pas pu être envoyé. Réessayez.",
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Importer une liste de bénéficiaires</h1>
      <p>
        Un tableau (CSV ou XLSX) avec une ligne d'en-tête puis une personne par ligne. Vous choisirez ensuite
        quelle colonne contient quoi, et verrez le résultat de la vérification de chaque ligne avant
        d'importer. Les lignes invalides sont mises de côté avec leur motif ; importer deux fois le même
        fichier ne crée aucun doublon.
      </p>
      <form
        className="fr-mb-6w"
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <Upload
          label="Fichier à importer"
          hint="Formats acceptés : .csv (séparateur « ; » ou « , »), .xlsx. 10 Mo au plus."
          state={error ? "error" : "default"}
          stateRelatedMessage={error ?? undefined}
          nativeInputProps={{
            accept: ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            },
          }}
        />
        <Button className="fr-mt-2w" type="submit" disabled={busy} iconId="fr-icon-upload-line">
          {busy ? "Envoi en cours…" : "Envoyer le fichier"}
        </Button>
      </form>

      <h2>Imports précédents</h2>
      {state.status === "loading" && <Loading label="Chargement des imports…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" &&
        (state.data.items.length === 0 ? (
          <Alert severity="info" small description="Aucun import pour le moment." />
        ) : (
          <Table
            caption="Imports de listes"
            headers={["Fichier", "Lignes", "État", "Envoyé par", "Le"]}
            data={state.data.items.map((i) => [
              <Link key="l" to={`/imports/${i.id}`}>
                {i.fileName}
              </Link>,
              String(i.rowCount),
              importStatusLabels[i.status],
              i.uploadedBy,
              formatInstant(i.createdAt),
            ])}
          />
        ))}
    </>
  );
}
