// « Notes »: the notes the professional may read, and the form to add one with its visibility. A note
// is never edited: its author adds a correction note, shown next to the note it corrects.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useState } from "react";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import type { NoteView } from "../../shared/shared-file/shared-file.schema";
import { type NoteVisibility, visibilityLabels } from "../../shared/shared-file/shared-file.visibility";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";
import { VisibilityRadios } from "./visibility-radios";

export function NotesSection({ personId }: { personId: string }) {
  const { state, reload } = useApiQuery(
    () => api(sharedFileRoutes.listNotes, { params: { personId } }),
    [personId],
  );
  const [correcting, setCorrecting] = useState<NoteView | null>(null);
  if (state.status === "loading") return <Loading label="Chargement des notes…" />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={() => void reload()} />;
  const { notes, canWrite } = state.data;
  const byId = new Map(notes.map((n) => [n.id, n]));
  return (
    <>
      {canWrite ? (
        <NoteForm
          key={correcting?.id ?? "new"}
          personId={personId}
          correcting={correcting}
          onCancel={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            void reload();
          }}
        />
      ) : (
        <p>
          Vous lisez les notes partagées avec le groupe de suivi. Seuls le ou la référent·e et les
          co-référent·es écrivent dans le dossier.
        </p>
      )}
      <h3 className="fr-mt-4w">Notes du dossier</h3>
      {notes.length === 0 && <p>Aucune note que vous puissiez lire.</p>}
      <ul className="fr-pl-0" style={{ listStyle: "none" }}>
        {notes.map((n) => (
          <li
            key={n.id}
            className="fr-mb-3w fr-p-2w"
            style={{ border: "1px solid var(--border-default-grey)" }}
          >
            <p className="fr-text--sm fr-mb-1w">
              {formatInstant(n.createdAt)} · {n.authorName}, {n.structureName} ·{" "}
              <span className="fr-badge fr-badge--sm fr-badge--info fr-badge--no-icon">
                {visibilityLabels[n.visibility]}
              </span>
            </p>
            {n.correctsNoteId && (
              <p className="fr-text--sm fr-text--bold fr-mb-1w">
                Correction de la note du{" "}
                {byId.get(n.correctsNoteId)
                  ? formatInstant(byId.get(n.correctsNoteId)!.createdAt)
                  : "(note non visible)"}
              </p>
            )}
            <p className="fr-mb-1w" style={{ whiteSpace: "pre-wrap" }}>
              {n.body}
            </p>
            {n.correctedByNoteId && (
              <p className="fr-text--sm fr-mb-0">Cette note a été corrigée (voir la note de correction).</p>
            )}
            {n.canCorrect && (
              <Button size="small" priority="tertiary" onClick={() => setCorrecting(n)}>
                Corriger cette note
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function NoteForm({
  personId,
  correcting,
  onCancel,
  onSaved,
}: {
  personId: string;
  correcting: NoteView | null;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<NoteVisibility | "">(correcting?.visibility ?? "");
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const fields = error?.fieldErrors() ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setSaved(false);
    if (!visibility) {
      setError(
        new ApiError(400, "validation.invalid", "Choisissez qui pourra lire la note.", [
          { path: "visibility", message: "Choisissez qui pourra lire la note" },
        ]),
      );
      return;
    }
    setBusy(true);
    try {
      await api(sharedFileRoutes.addNote, {
        params: { personId },
        body: { body, visibility, correctsNoteId: correcting?.id ?? null },
      });
      setBody("");
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h3>{correcting ? "Corriger une note" : "Ajouter une note"}</h3>
      {correcting && (
        <p>
          La note du {formatInstant(correcting.createdAt)} reste lisible ; votre correction s'affiche à côté,
          avec la même visibilité.
        </p>
      )}
      <Input
        label={correcting ? "Texte de la correction" : "Texte de la note"}
        hintText="5 000 caractères au plus. N'y mettez que ce qui est utile à l'accompagnement."
        textArea
        nativeTextAreaProps={{
          value: body,
          onChange: (e) => setBody(e.target.value),
          rows: 5,
          maxLength: 5000,
        }}
        state={fields.body ? "error" : "default"}
        stateRelatedMessage={fields.body}
      />
      <VisibilityRadios
        legend="Qui pourra lire la note ?"
        name="note-visibility"
        value={visibility}
        onChange={setVisibility}
        error={fields.visibility}
        disabled={!!correcting}
      />
      {error && Object.keys(fields).length === 0 && (
        <Alert severity="error" small description={error.message} className="fr-mb-2w" role="alert" />
      )}
      {saved && (
        <Alert severity="success" small description="La note est enregistrée." className="fr-mb-2w" />
      )}
      <Button type="submit" disabled={busy}>
        {correcting ? "Enregistrer la correction" : "Ajouter la note"}
      </Button>
      {correcting && (
        <Button type="button" priority="secondary" className="fr-ml-2w" onClick={onCancel}>
          Annuler
        </Button>
      )}
    </form>
  );
}
