// « Documents »: the list (title, category, author, date, download) and the upload form (PDF, JPEG or
// PNG, size limited; the server checks the real type on the content).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { type FormEvent, useState } from "react";
import { formatSize } from "../../shared/shared-file/shared-file.errors";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import {
  type DocumentView,
  documentCategories,
  documentCategoryLabels,
  documentFieldsSchema,
} from "../../shared/shared-file/shared-file.schema";
import { type NoteVisibility, visibilityLabels } from "../../shared/shared-file/shared-file.visibility";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";
import { checkFileBeforeUpload, documentContentUrl, uploadDocument } from "./shared-file.api";
import { VisibilityRadios } from "./visibility-radios";

export function DocumentsSection({ personId }: { personId: string }) {
  const { state, reload } = useApiQuery(
    () => api(sharedFileRoutes.listDocuments, { params: { personId } }),
    [personId],
  );
  if (state.status === "loading") return <Loading label="Chargement des documents…" />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={() => void reload()} />;
  const { documents, canUpload, maxBytes } = state.data;
  return (
    <>
      {canUpload && <UploadForm personId={personId} maxBytes={maxBytes} onUploaded={() => void reload()} />}
      <h3 className="fr-mt-4w">Documents du dossier</h3>
      <DocumentList documents={documents} href={(d) => documentContentUrl(personId, d.id)} />
    </>
  );
}

export function DocumentList({
  documents,
  href,
}: {
  documents: DocumentView[];
  href: (d: DocumentView) => string;
}) {
  if (documents.length === 0) return <p>Aucun document.</p>;
  return (
    <ul className="fr-pl-0" style={{ listStyle: "none" }}>
      {documents.map((d) => (
        <li key={d.id} className="fr-mb-2w">
          <a
            className="fr-link fr-icon-download-line fr-link--icon-left"
            href={href(d)}
            download={d.filename}
          >
            {d.title}
            <span className="fr-sr-only"> (télécharger)</span>
          </a>
          <p className="fr-text--sm fr-mb-0">
            {documentCategoryLabels[d.category]} ·{" "}
            {d.mediaType === "application/pdf" ? "PDF" : d.mediaType === "image/png" ? "PNG" : "JPEG"},{" "}
            {formatSize(d.sizeBytes)} · déposé le {formatInstant(d.createdAt)} par {d.authorName} (
            {d.structureName}) · {visibilityLabels[d.visibility]}
          </p>
        </li>
      ))}
    </ul>
  );
}

function UploadForm({
  personId,
  maxBytes,
  onUploaded,
}: {
  personId: string;
  maxBytes: number;
  onUploaded: () => void;
}) {
  const [title, setTitle] = useState("");
  const [category, setCategory] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility | "">("");
  const [file, setFile] = useState<File | undefined>();
  const [inputKey, setInputKey] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    const checked = documentFieldsSchema.safeParse({ title, category, visibility });
    const next: Record<string, string> = {};
    if (!checked.success)
      for (const i of checked.error.issues) {
        const k = String(i.path[0]);
        next[k] ??= k === "visibility" ? "Choisissez qui pourra lire le document" : i.message;
      }
    const fileError = checkFileBeforeUpload(file, maxBytes);
    if (fileError) next.file = fileError;
    setErrors(next);
    if (Object.keys(next).length > 0 || !file) return;
    setBusy(true);
    try {
      const doc = await uploadDocument(personId, { title, category, visibility }, file);
      setDone(`Le document « ${doc.title} » est déposé.`);
      setTitle("");
      setCategory("");
      setVisibility("");
      setFile(undefined);
      setInputKey((k) => k + 1);
      onUploaded();
    } catch (err) {
      const apiError = err instanceof ApiError ? err : null;
      if (apiError?.code.startsWith("shared_file.document_")) setErrors({ file: apiError.message });
      else if (apiError?.issues.length) setErrors(apiError.fieldErrors());
      else setFailure(apiError?.message ?? "Le dépôt a échoué. Réessayez.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h3>Déposer un document</h3>
      <Input
        label="Titre du document"
        hintText="Par exemple : Attestation de fin de formation"
        nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), maxLength: 200 }}
        state={errors.title ? "error" : "default"}
        stateRelatedMessage={errors.title}
      />
      <Select
        label="Catégorie"
        nativeSelectProps={{ value: category, onChange: (e) => setCategory(e.target.value) }}
        state={errors.category ? "error" : "default"}
        stateRelatedMessage={errors.category}
      >
        <option value="" disabled>
          Choisissez une catégorie
        </option>
        {documentCategories.map((c) => (
          <option key={c} value={c}>
            {documentCategoryLabels[c]}
          </option>
        ))}
      </Select>
      <VisibilityRadios
        legend="Qui pourra lire le document ?"
        name="document-visibility"
        value={visibility}
        onChange={setVisibility}
        error={errors.visibility}
      />
      <Upload
        key={inputKey}
        label="Fichier"
        hint={`PDF, JPEG ou PNG, ${formatSize(maxBytes)} au plus.`}
        state={errors.file ? "error" : "default"}
        stateRelatedMessage={errors.file}
        nativeInputProps={{
          accept: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png",
          onChange: (e) => setFile(e.target.files?.[0]),
        }}
      />
      {failure && <Alert severity="error" small description={failure} className="fr-my-2w" role="alert" />}
      {done && <Alert severity="success" small description={done} className="fr-my-2w" />}
      <Button type="submit" disabled={busy} className="fr-mt-2w">
        Déposer le document
      </Button>
    </form>
  );
}
