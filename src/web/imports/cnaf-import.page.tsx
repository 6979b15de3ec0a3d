// /imports/cnaf — a département's manager uploads a CAF/MSA beneficiaries flow (VRSB 08.01 XML) and reads
// the report: counts, new entrants, and every quarantined record with its reason in French.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useState } from "react";
import type { SessionView } from "../../shared/identity/identity.schema";
import { type CnafImportSummary, importStatusLabels } from "../../shared/imports/imports.schema";
import { getCsrfToken } from "../kernel/api-client";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";

export const canImportCnaf = (s: SessionView) =>
  s.kind === "professional" &&
  (s.roles.includes("manager_territorial") ||
    (s.roles.includes("admin_structure") && s.structure.kind === "conseil_departemental"));

export function CnafImportPage() {
  return <RequireSession allow={canImportCnaf}>{() => <CnafImport />}</RequireSession>;
}

function CnafImport() {
  usePageTitle("Importer un flux CAF/MSA");
  const [file, setFile] = useState<File | null>(null);
  const [receivedDate, setReceivedDate] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<CnafImportSummary | null>(null);

  const upload = async () => {
    if (!file) {
      setError("Choisissez le fichier XML du flux bénéficiaires RSA transmis par la CAF ou la MSA.");
      return;
    }
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const query = new URLSearchParams({ nomFichier: file.name });
      if (receivedDate) query.set("recuLe", receivedDate);
      const res = await fetch(`/api/imports/cnaf?${query}`, {
        method: "POST",
        headers: { "content-type": "application/xml", "x-csrf-token": getCsrfToken() ?? "" },
        body: file,
      });
      const body = await res.json();
      if (!res.ok) setError(body.message ?? "L'import a échoué.");
      else setSummary(body as CnafImportSummary);
    } catch {
      setError("Le fichier n'a pas pu être envoyé. Vérifiez votre connexion et réessayez.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="fr-container fr-my-6w">
      <h1>Importer un flux CAF/MSA</h1>
      <p>
        Le flux « bénéficiaires RSA » (VRSB 08.01, encodé en windows-1252) crée ou met à jour les personnes et
        leur droit RSA. Les nouveaux entrants reçoivent une orientation à décider sous 15 jours à compter de
        la date de réception. Réimporter le même fichier ne change rien ; un import interrompu reprend là où
        il s'était arrêté. Les enregistrements inutilisables sont mis en quarantaine avec leur motif.
      </p>
      <Upload
        label="Fichier du flux (XML)"
        hint="Fichier .xml transmis par la CAF ou la MSA"
        nativeInputProps={{
          accept: ".xml,application/xml,text/xml",
          onChange: (e) => setFile(e.target.files?.[0] ?? null),
        }}
      />
      <Input
        label="Date de réception par le département (facultatif)"
        hintText="Sert de T0 aux nouveaux entrants ; par défaut, la date de création du flux"
        nativeInputProps={{
          type: "date",
          value: receivedDate,
          onChange: (e) => setReceivedDate(e.target.value),
        }}
      />
      <Button onClick={upload} disabled={busy}>
        {busy ? "Import en cours…" : "Importer le flux"}
      </Button>
      {error && <Alert className="fr-mt-3w" severity="error" title="Import impossible" description={error} />}
      {summary && <Report summary={summary} />}
    </div>
  );
}

function Report({ summary: s }: { summary: CnafImportSummary }) {
  return (
    <section className="fr-mt-4w" aria-labelledby="compte-rendu">
      <h2 id="compte-rendu">Compte rendu de l'import</h2>
      <Alert
        severity={s.status === "termine" || s.status === "deja_importe" ? "success" : "warning"}
        title={importStatusLabels[s.status]}
        description={
          s.errorMessage ?? `Fichier ${s.fileName}, reçu le ${s.receivedDate}, département ${s.departement}.`
        }
      />
      <Table
        className="fr-mt-3w"
        caption="Compteurs"
        headers={[
          "Foyers",
          "Personnes",
          "Créées",
          "Mises à jour",
          "Inchangées",
          "En quarantaine",
          "Nouveaux entrants",
        ]}
        data={[
          [s.households, s.persons, s.created, s.updated, s.unchanged, s.rejected, s.newEntrants].map(String),
        ]}
      />
      {s.veillesStarted + s.veillesEnded + s.pathwaysClosed > 0 && (
        <Table
          caption="Suivis en cours"
          headers={[
            "Mis en veille (plus soumis aux droits et devoirs)",
            "Repris (de nouveau soumis dans les 12 mois)",
            "Parcours clos avant un nouveau (retour après plus de 12 mois)",
          ]}
          data={[[s.veillesStarted, s.veillesEnded, s.pathwaysClosed].map(String)]}
        />
      )}
      {s.warnings.length > 0 && (
        <Alert severity="info" title="Points d'attention" description={s.warnings.join(" ")} />
      )}
      {s.quarantined.length > 0 && (
        <Table
          caption="Enregistrements en quarantaine"
          headers={["Foyer n°", "Ligne", "Motif"]}
          data={s.quarantined.map((q) => [String(q.index), q.line === null ? "—" : String(q.line), q.reason])}
        />
      )}
    </section>
  );
}
