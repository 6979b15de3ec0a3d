// /inscriptions/nouvelle[?personne=<id>] — a professional starts a registration, at a counter or in an interview.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { FILE_ROLES } from "../../shared/persons/persons.access";
import { channelLabels } from "../../shared/registration/registration.labels";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { ApiError, api } from "../kernel/api-client";
import { LoadError } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";

export function NewRegistrationPage() {
  return (
    <RequireSession allow={(s) => s.kind === "professional" && s.roles.some((r) => FILE_ROLES.includes(r))}>
      {() => <NewRegistration />}
    </RequireSession>
  );
}

function NewRegistration() {
  usePageTitle("Inscrire une personne");
  const [search] = useSearchParams();
  const personId = search.get("personne") ?? undefined;
  const [canal, setCanal] = useState<"GUICHET" | "CONSEILLER">("GUICHET");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const navigate = useNavigate();
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const v = await api(registrationRoutes.startRegistration, {
        body: { canal, ...(personId ? { personId } : {}) },
      });
      navigate(`/inscriptions/${v.id}`);
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-md-8">
        <h1>Inscrire une personne</h1>
        <p>
          Vous remplissez l'inscription avec la personne : les mêmes informations et les mêmes règles qu'en
          ligne. Ce qu'elle a déjà transmis (CAF, MSA, inscription précédente) est pré-rempli et doit
          seulement être confirmé avec elle.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <RadioButtons
            legend="Où se fait l'inscription ?"
            name="canal"
            options={(["GUICHET", "CONSEILLER"] as const).map((c) => ({
              label: channelLabels[c],
              nativeInputProps: { value: c, checked: canal === c, onChange: () => setCanal(c) },
            }))}
          />
          {error && <LoadError error={error} title="L'inscription n'a pas pu commencer" />}
          <Button type="submit" disabled={busy}>
            Commencer l'inscription
          </Button>
        </form>
      </div>
    </div>
  );
}
