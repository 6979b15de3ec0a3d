// Contact details (email, phone) of a person, and the form to change them. The form sends the
// version it was opened with: if someone else saved in between, the server answers 409
// `persons.version_conflict`; the form then offers to reload the file and keeps what was typed (PS-56).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { personsRoutes } from "../../shared/persons/persons.routes";
import type { PersonView } from "../../shared/persons/persons.schema";
import { ApiError, api } from "../kernel/api-client";
import { NOT_PROVIDED } from "../kernel/format";

type Values = { email: string; phone: string };
type Feedback =
  | { kind: "none" }
  | { kind: "saved" }
  | { kind: "invalid"; error: ApiError }
  | { kind: "conflict"; error: ApiError }
  | { kind: "reloaded"; current: Values }
  | { kind: "failed"; error: ApiError };

const fromPerson = (p: PersonView): Values => ({
  email: p.contact.email ?? "",
  phone: p.contact.phone ?? "",
});

export const VERSION_CONFLICT = "persons.version_conflict";

export function UpdateContactForm({
  person,
  onSaved,
}: {
  person: PersonView;
  onSaved: (p: PersonView) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Values>(() => fromPerson(person));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>({ kind: "none" });
  const [busy, setBusy] = useState(false);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (feedback.kind !== "none") feedbackRef.current?.focus();
  }, [feedback]);

  const edit = (field: keyof Values, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors(({ [field]: _fixed, ...others }) => others);
  };

  const startEditing = () => {
    setValues(fromPerson(person));
    setFieldErrors({});
    setFeedback({ kind: "none" });
    setEditing(true);
    requestAnimationFrame(() => emailRef.current?.focus());
  };

  const cancel = () => {
    setEditing(false);
    setFieldErrors({});
    setFeedback({ kind: "none" });
    requestAnimationFrame(() => editButtonRef.current?.focus());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFieldErrors({});
    try {
      const updated = await api(personsRoutes.updatePersonContact, {
        params: { personId: person.id },
        body: { version: person.version, email: values.email, phone: values.phone },
      });
      onSaved(updated);
      setValues(fromPerson(updated));
      setFieldErrors({});
      setEditing(false);
      setFeedback({ kind: "saved" });
    } catch (err) {
      const error =
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite.");
      if (error.code === VERSION_CONFLICT) {
        setFeedback({ kind: "conflict", error });
      } else if (error.issues.length > 0) {
        setFieldErrors(error.fieldErrors());
        setFeedback({ kind: "invalid", error });
      } else {
        setFeedback({ kind: "failed", error });
      }
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    setBusy(true);
    try {
      const fresh = await api(personsRoutes.getPerson, { params: { personId: person.id } });
      onSaved(fresh); // the typed values stay in the form; the next save sends the new version
      setFeedback({ kind: "reloaded", current: fromPerson(fresh) });
    } catch (err) {
      setFeedback({
        kind: "failed",
        error:
          err instanceof ApiError ? err : new ApiError(0, "internal", "Le rechargement a échoué. Réessayez."),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <div ref={feedbackRef} tabIndex={-1}>
        <FeedbackAlert feedback={feedback} onReload={() => void reload()} busy={busy} />
      </div>

      {!editing && (
        <>
          <dl className="socle-facts">
            <div>
              <dt>Adresse électronique</dt>
              <dd>{person.contact.email ?? NOT_PROVIDED}</dd>
            </div>
            <div>
              <dt>Téléphone</dt>
              <dd>{person.contact.phone ?? NOT_PROVIDED}</dd>
            </div>
          </dl>
          {person.canEdit ? (
            <Button
              ref={editButtonRef}
              className="fr-mt-2w"
              priority="secondary"
              size="small"
              iconId="fr-icon-edit-line"
              onClick={startEditing}
            >
              Modifier les coordonnées
            </Button>
          ) : (
            <p className="fr-text--sm fr-mt-2w fr-mb-0">
              Seuls le ou la référent·e et les professionnels des structures qui suivent cette personne
              peuvent modifier ses coordonnées.
            </p>
          )}
        </>
      )}

      {editing && (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="Modifier les coordonnées">
          <Input
            label="Adresse électronique"
            hintText="Exemple : prenom.nom@exemple.fr. Laissez vide si la personne n'en a pas."
            state={fieldErrors.email ? "error" : "default"}
            stateRelatedMessage={fieldErrors.email}
            nativeInputProps={{
              ref: emailRef,
              type: "email",
              name: "email",
              autoComplete: "off",
              spellCheck: false,
              value: values.email,
              onChange: (e) => edit("email", e.target.value),
            }}
          />
          <Input
            label="Téléphone"
            hintText="Exemple : 06 12 34 56 78 ou +33 6 12 34 56 78. Laissez vide si la personne n'en a pas."
            state={fieldErrors.phone ? "error" : "default"}
            stateRelatedMessage={fieldErrors.phone}
            nativeInputProps={{
              type: "tel",
              name: "phone",
              autoComplete: "off",
              value: values.phone,
              onChange: (e) => edit("phone", e.target.value),
            }}
          />
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            <li>
              <Button type="submit" disabled={busy}>
                Enregistrer les coordonnées
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={cancel} disabled={busy}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
    </>
  );
}

function FeedbackAlert({
  feedback,
  onReload,
  busy,
}: {
  feedback: Feedback;
  onReload: () => void;
  busy: boolean;
}) {
  switch (feedback.kind) {
    case "none":
      return null;
    case "saved":
      return (
        <Alert
          className="fr-mb-2w"
          severity="success"
          small
          description="Coordonnées enregistrées."
          role="status"
        />
      );
    case "invalid":
      return (
        <Alert
          className="fr-mb-2w"
          severity="error"
          as="h3"
          title="Les coordonnées n'ont pas été enregistrées"
          description={feedback.error.message}
          role="alert"
        />
      );
    case "conflict":
      return (
        <Alert
          className="fr-mb-2w"
          severity="warning"
          as="h3"
          title="Vos modifications n'ont pas été enregistrées"
          role="alert"
          description={
            <>
              <p className="fr-mb-2w">{feedback.error.message}</p>
              <Button
                type="button"
                size="small"
                iconId="fr-icon-refresh-line"
                onClick={onReload}
                disabled={busy}
              >
                Recharger le dossier
              </Button>
            </>
          }
        />
      );
    case "reloaded":
      return (
        <Alert
          className="fr-mb-2w"
          severity="info"
          as="h3"
          title="Dossier rechargé"
          role="status"
          description={
            <p>
              Vos saisies sont conservées ci-dessous : vérifiez-les, puis enregistrez à nouveau. Valeurs
              actuelles du dossier : adresse électronique « {feedback.current.email || NOT_PROVIDED} »,
              téléphone « {feedback.current.phone || NOT_PROVIDED} ».
            </p>
          }
        />
      );
    case "failed":
      return (
        <Alert
          className="fr-mb-2w"
          severity="error"
          as="h3"
          title="L'enregistrement a échoué"
          description={feedback.error.message}
          role="alert"
        />
      );
  }
}
