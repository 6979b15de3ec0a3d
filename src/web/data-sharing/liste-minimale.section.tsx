// The « liste minimale des données à partager » on a département's steering page (pilotage.md §5): the monthly
// file to download (personal identifiers: for the département's steering only, every download is recorded in
// each person's access log) and, for its administrators, the upload of the file of a département that runs its
// own system, with the rows set aside and their reasons.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useState } from "react";
import { dataSharingRoutes, LISTE_MINIMALE_EXPORT_URL } from "../../shared/data-sharing/data-sharing.routes";
import {
  LISTE_MINIMALE_MAX_BYTES,
  type ListeMinimaleImportView,
} from "../../shared/data-sharing/data-sharing.schema";
import type { SessionView } from "../../shared/identity/identity.schema";
import { ApiError, api } from "../kernel/api-client";
import { canExportListeMinimale, canImportListeMinimale } from "./data-sharing.access";

/** The file's bytes as base64 (what the upload route expects). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function ListeMinimaleSection(props: { session: SessionView; departement: string; month: string }) {
  const { session, departement } = props;
  const canExport = canExportListeMinimale(session, departement);
  const canImport = canImportListeMinimale(session, departement);
  if (!canExport && !canImport) return null;
  return (
    <section aria-labelledby="liste-minimale" className="fr-mt-6w">
      <h2 id="liste-minimale" className="fr-h4">
        Liste minimale des données à partager
      </h2>
      <p className="fr-text--sm">
        Le fichier mensuel prévu par la convention : une ligne par personne et par parcours, avec les
        identifiants France Travail et RSA. Ce sont des données personnelles, à transmettre uniquement par un
        canal sécurisé ; chaque téléchargement est inscrit au journal des accès de chaque personne.
      </p>
      {canExport && <ExportForm departement={departement} defaultMonth={props.month} />}
      {canImport && <ImportForm departement={departement} />}
    </section>
  );
}

function ExportForm(props: { departement: string; defaultMonth: string }) {
  const [month, setMonth] = useState(props.defaultMonth);
  const [format, setFormat] = useState<"csv" | "xlsx" | "json">("csv");
  const href = `${LISTE_MINIMALE_EXPORT_URL}?${new URLSearchParams({ departement: props.departement, mois: month, format }).toString()}`;
  return (
    <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-4w">
      <div className="fr-col-12 fr-col-md-4">
        <Input
          label="Mois de référence"
          hintText="Les parcours ouverts pendant le mois, avec les faits connus à sa fin."
          nativeInputProps={{ type: "month", value: month, onChange: (e) => setMonth(e.target.value) }}
        />
      </div>
      <div className="fr-col-12 fr-col-md-3">
        <Select
          label="Format"
          nativeSelectProps={{
            value: format,
            onChange: (e) => setFormat(e.target.value as "csv" | "xlsx" | "json"),
          }}
        >
          <option value="csv">CSV (séparateur point-virgule, UTF-8)</option>
          <option value="xlsx">XLSX (tableur)</option>
          <option value="json">JSON (avec manifeste)</option>
        </Select>
      </div>
      <div className="fr-col-12 fr-col-md-5">
        <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href={href} download>
          Télécharger la liste minimale
        </a>
      </div>
    </div>
  );
}

function ImportForm({ departement }: { departement: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ListeMinimaleImportView | null>(null);

  const upload = async () => {
    if (!file || !/\.(csv|xlsx)$/i.test(file.name)) {
      setError("Choisissez un fichier .csv ou .xlsx.");
      return;
    }
    if (file.size > LISTE_MINIMALE_MAX_BYTES) {
      setError("Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setResult(
        await api(dataSharingRoutes.importListeMinimale, {
          body: { departement, fileName: file.name, contentBase64: await readAsBase64(file) },
        }),
      );
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
      <h3 className="fr-h6">Importer la liste minimale transmise par le Département</h3>
      <p className="fr-text--sm">
        Pour un département qui suit les personnes dans son propre système : les lignes deviennent des données
        transmises par le Département, comptées dans les mêmes indicateurs, sans créer de dossier ni de tâche
        dans Socle. Les lignes invalides sont mises de côté avec leur motif ; renvoyer le même fichier ne
        change rien, et un import interrompu reprend là où il s'était arrêté.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <Upload
          label="Fichier de la liste minimale"
          hint="Formats acceptés : .csv (séparateur « ; »), .xlsx. 10 Mo au plus."
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
          {busy ? "Import en cours…" : "Importer le fichier"}
        </Button>
      </form>
      {result && <ImportResult result={result} />}
    </>
  );
}

function ImportResult({ result: r }: { result: ListeMinimaleImportView }) {
  return (
    <div className="fr-mt-4w" role="status">
      <Alert
        severity={r.quarantaine > 0 ? "warning" : "success"}
        small
        description={`${r.dejaImporte ? "Ce fichier avait déjà été importé : rien n'a changé. " : ""}${r.fichier} : ${r.lignes} ligne(s), ${r.creees} créée(s), ${r.misesAJour} mise(s) à jour, ${r.inchangees} inchangée(s), ${r.quarantaine} mise(s) de côté.`}
      />
      {r.rejets.length > 0 && (
        <Table
          caption="Lignes mises de côté et leurs motifs"
          headers={["Ligne", "Parcours", "Motifs"]}
          data={r.rejets.map((q) => [
            String(q.ligne),
            q.idParcours ?? "—",
            q.motifs.map((m) => `${m.colonne} : ${m.message}`).join(" "),
          ])}
        />
      )}
    </div>
  );
}
