// /doublons/:workItemId — the merge screen: both files side by side, what they share, then a human
// decision. Merging is the persons capability's logged, reversible action (POST /api/persons/:id/merges);
// this screen then records the decision and closes the item.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { personsRoutes } from "../../shared/persons/persons.routes";
import type {
  DuplicatePersonCard,
  DuplicateReviewView,
} from "../../shared/registration/duplicate-review.schema";
import { personDisplayName } from "../../shared/registration/registration.format";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { ApiError, api } from "../kernel/api-client";
import { formatInstant, formatLocalDate, NOT_PROVIDED } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { usePageTitle } from "../kernel/page-title";
import { RequireSession } from "../kernel/require-session";
import { useApiQuery } from "../kernel/use-api-query";
import { canReviewDuplicates } from "./registration.access";

export function DuplicateReviewPage() {
  return <RequireSession allow={canReviewDuplicates}>{() => <Review />}</RequireSession>;
}

function Review() {
  usePageTitle("Examiner un doublon possible");
  const { workItemId = "" } = useParams();
  const { state, reload, setData } = useApiQuery(
    () => api(registrationRoutes.getDuplicateReview, { params: { workItemId } }),
    [workItemId],
  );
  return (
    <>
      <h1>Examiner un doublon possible</h1>
      {state.status === "loading" && <Loading label="Chargement des deux dossiers…" />}
      {state.status === "error" && <LoadError error={state.error} onRetry={() => void reload()} />}
      {state.status === "ok" && <Decision review={state.data} onDone={setData} />}
      <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left" to="/doublons">
        Retour aux doublons à examiner
      </Link>
    </>
  );
}

function Card({ p, title }: { p: DuplicatePersonCard; title: string }) {
  const rows: [string, string | null][] = [
    ["Nom et prénoms", personDisplayName(p)],
    ["Nom de naissance", p.birthName],
    ["Date de naissance", formatLocalDate(p.birthDate)],
    ["Lieu de naissance", p.birthPlace],
    ["NIR", p.nirMasked],
    ["N° France Travail", p.franceTravailId],
    [
      "Adresse",
      [p.addressLine, [p.postalCode, p.communeName].filter(Boolean).join(" ")].filter(Boolean).join(", ") ||
        null,
    ],
    ["Courriel", p.email],
    ["Téléphone", p.phone],
    ["Dossier créé le", formatInstant(p.createdAt)],
    ["Suivi par", p.followedBy.join(", ") || "Aucune structure"],
  ];
  return (
    <div className="fr-col-12 fr-col-md-6">
      <section className="socle-box" aria-label={title}>
        <h2 className="fr-h5">{title}</h2>
        {p.status === "merged" && <p className="fr-badge fr-badge--info">Fusionné</p>}
        <dl className="socle-facts">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v ?? NOT_PROVIDED}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function Decision({
  review,
  onDone,
}: {
  review: DuplicateReviewView;
  onDone: (v: DuplicateReviewView) => void;
}) {
  const [choice, setChoice] = useState<"" | "garder-premier" | "garder-second" | "distinctes">("");
  const [motif, setMotif] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const open = review.status === "A_FAIRE" || review.status === "EN_COURS";

  const decide = async () => {
    setBusy(true);
    setError(null);
    try {
      if (choice === "garder-premier" || choice === "garder-second") {
        const [keep, absorb] =
          choice === "garder-premier" ? [review.first, review.second] : [review.second, review.first];
        await api(personsRoutes.mergePersons, {
          params: { personId: keep.id },
          body: { absorbedId: absorb.id, reason: motif },
        });
      }
      onDone(
        await api(registrationRoutes.resolveDuplicateReview, {
          params: { workItemId: review.workItemId },
          body: { decision: choice === "distinctes" ? "PERSONNES_DISTINCTES" : "FUSIONNES", motif },
        }),
      );
    } catch (e) {
      setError(
        e instanceof ApiError ? e : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        Points communs : <strong>{review.evidence.join(", ") || "aucun"}</strong>. Signalé le{" "}
        {formatInstant(review.createdAt)}, à examiner avant le {formatLocalDate(review.dueDate)}.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <Card p={review.first} title="Dossier 1" />
        <Card p={review.second} title="Dossier 2" />
      </div>
      {!open && (
        <Alert
          severity="success"
          small
          className="fr-mb-3w"
          description="Ce doublon possible a été examiné."
        />
      )}
      {open && review.canResolve && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void decide();
          }}
          className="fr-mb-4w"
        >
          <RadioButtons
            legend="Votre décision"
            name="decision"
            options={[
              ...(review.canMerge
                ? [
                    {
                      label: "Même personne : garder le dossier 1 et y fusionner le dossier 2",
                      nativeInputProps: {
                        value: "garder-premier",
                        checked: choice === "garder-premier",
                        onChange: () => setChoice("garder-premier"),
                      },
                    },
                    {
                      label: "Même personne : garder le dossier 2 et y fusionner le dossier 1",
                      nativeInputProps: {
                        value: "garder-second",
                        checked: choice === "garder-second",
                        onChange: () => setChoice("garder-second"),
                      },
                    },
                  ]
                : []),
              {
                label: "Deux personnes différentes : garder les deux dossiers",
                nativeInputProps: {
                  value: "distinctes",
                  checked: choice === "distinctes",
                  onChange: () => setChoice("distinctes"),
                },
              },
            ]}
            hintText={
              review.canMerge
                ? "La fusion est tracée et peut être annulée."
                : "Vous ne pouvez pas fusionner ces dossiers : seule une personne qui peut modifier les deux dossiers le peut."
            }
          />
          <Input
            label="Motif de votre décision"
            hintText="Ce qui vous a permis de décider (5 caractères au moins)."
            nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value) }}
            state={error?.issues.length ? "error" : "default"}
            stateRelatedMessage={error?.issues[0]?.message}
          />
          {error && !error.issues.length && (
            <Alert className="fr-mb-2w" severity="error" small description={error.message} role="alert" />
          )}
          <Button type="submit" disabled={busy || choice === ""}>
            Enregistrer la décision
          </Button>
        </form>
      )}
    </>
  );
}
