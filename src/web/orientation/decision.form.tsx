// The human decision (PS-22): « Valider l'orientation » (the proposal, with the structure that will
// accompany the person), or « Choisir une autre orientation » with a reason, a pathway, an organisme and a
// structure. The server is the authority; a stale version (409) offers to reload.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { orientationRoutes } from "../../shared/orientation/orientation.routes";
import {
  type DecideOrientationBody,
  type MotifRefus,
  motifRefusLabels,
  motifsRefus,
  type Organisme,
  type OrientationView,
  organismeLabels,
  organismes,
  type ParcoursType,
  parcoursTypeLabels,
  parcoursTypes,
} from "../../shared/orientation/orientation.schema";
import { ApiError, api } from "../kernel/api-client";

export function DecisionSection({
  view,
  onDecided,
  onReload,
}: {
  view: OrientationView;
  onDecided: (v: OrientationView) => void;
  onReload: () => void;
}) {
  const rec = view.recommendation;
  const proposed = rec && rec.organisme !== "IND" ? rec.organisme : null;
  const structuresOf = (o: Organisme | null) => view.structureOptions.filter((s) => s.organisme === o);
  const suggestedOf = (o: Organisme | null) =>
    structuresOf(o).find((s) => s.suggested)?.id ?? structuresOf(o)[0]?.id ?? "";

  const [structureId, setStructureId] = useState(() => suggestedOf(proposed));
  // an IND proposal cannot be accepted as is: only another orientation can be chosen
  const [other, setOther] = useState(proposed === null);
  const [motif, setMotif] = useState<MotifRefus | "">("");
  const [commentaire, setCommentaire] = useState("");
  const [parcours, setParcours] = useState<ParcoursType | "">("");
  const [organisme, setOrganisme] = useState<Organisme | "">("");
  const [otherStructureId, setOtherStructureId] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);
  const motifRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const send = async (body: DecideOrientationBody) => {
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      onDecided(await api(orientationRoutes.decideOrientation, { params: { orientationId: view.id }, body }));
    } catch (err) {
      const error =
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite.");
      setErrors(error.fieldErrors());
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const accept = (e: FormEvent) => {
    e.preventDefault();
    void send({ decision: "ACCEPTEE", version: view.version, structureId });
  };
  const override = (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!motif) missing.motifRefus = "Choisissez le motif.";
    if (!parcours) missing.parcoursRetenu = "Choisissez le parcours.";
    if (!organisme) missing.organismeRetenu = "Choisissez l'organisme.";
    if (!otherStructureId) missing.structureId = "Choisissez la structure d'accompagnement.";
    if (motif === "AUTRE" && !commentaire.trim()) missing.commentaireRefus = "Précisez le motif.";
    if (Object.keys(missing).length > 0 || !motif || !parcours || !organisme) {
      setErrors(missing);
      setFailure(
        new ApiError(
          400,
          "validation.invalid",
          "Certaines informations sont manquantes. Corrigez les champs signalés.",
        ),
      );
      return;
    }
    void send({
      decision: "REFUSEE",
      version: view.version,
      motifRefus: motif,
      ...(commentaire.trim() ? { commentaireRefus: commentaire.trim() } : {}),
      parcoursRetenu: parcours,
      organismeRetenu: organisme,
      structureId: otherStructureId,
    });
  };

  return (
    <section className="fr-mt-6w" aria-labelledby="decision">
      <h2 id="decision">Décision</h2>
      <p>
        La proposition ne vaut pas décision : c'est vous qui décidez. Votre nom, la version du référentiel,
        les critères, la proposition et, le cas échéant, le motif de votre choix sont enregistrés. La personne
        reçoit ensuite le courrier de décision
        {view.person.hasEmail
          ? " et un courriel"
          : " (à imprimer et envoyer par la poste : elle n'a pas d'adresse électronique)"}
        .
      </p>
      <div ref={failureRef} tabIndex={-1}>
        {failure && (
          <Alert
            severity={failure.status === 409 ? "warning" : "error"}
            as="h3"
            role="alert"
            className="fr-mb-2w"
            title="La décision n'a pas été enregistrée"
            description={
              <>
                <p className={failure.code === "orientation.version_conflict" ? "fr-mb-2w" : ""}>
                  {failure.message}
                </p>
                {failure.code === "orientation.version_conflict" && (
                  <Button type="button" size="small" iconId="fr-icon-refresh-line" onClick={onReload}>
                    Recharger l'orientation
                  </Button>
                )}
              </>
            }
          />
        )}
      </div>

      {!other && proposed && (
        <form onSubmit={accept} aria-label="Valider l'orientation proposée">
          <Select
            label="Structure qui accompagnera la personne"
            hint={`${organismeLabels[proposed]} : la structure la plus proche du domicile est présélectionnée.`}
            state={errors.structureId ? "error" : "default"}
            stateRelatedMessage={errors.structureId}
            nativeSelectProps={{
              name: "structureId",
              value: structureId,
              onChange: (e) => setStructureId(e.target.value),
            }}
          >
            {structuresOf(proposed).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={busy || !structureId}>
                Valider l'orientation
              </Button>
            </li>
            <li>
              <Button
                type="button"
                priority="secondary"
                disabled={busy}
                onClick={() => {
                  setOther(true);
                  setFailure(null);
                  setErrors({});
                  requestAnimationFrame(() => motifRef.current?.focus());
                }}
              >
                Choisir une autre orientation
              </Button>
            </li>
          </ul>
        </form>
      )}

      {other && (
        <form onSubmit={override} noValidate aria-label="Choisir une autre orientation">
          <Select
            label="Motif"
            state={errors.motifRefus ? "error" : "default"}
            stateRelatedMessage={errors.motifRefus}
            nativeSelectProps={{
              ref: motifRef,
              name: "motifRefus",
              value: motif,
              onChange: (e) => setMotif(e.target.value as MotifRefus | ""),
            }}
          >
            <option value="">Choisir un motif</option>
            {motifsRefus.map((m) => (
              <option key={m} value={m}>
                {motifRefusLabels[m]}
              </option>
            ))}
          </Select>
          <Input
            textArea
            label="Précisions"
            hintText="Obligatoire pour « Autre motif ». La personne lira ce motif dans son courrier."
            state={errors.commentaireRefus ? "error" : "default"}
            stateRelatedMessage={errors.commentaireRefus}
            nativeTextAreaProps={{
              name: "commentaireRefus",
              value: commentaire,
              maxLength: 1000,
              rows: 3,
              onChange: (e) => setCommentaire(e.target.value),
            }}
          />
          <Select
            label="Parcours retenu"
            state={errors.parcoursRetenu ? "error" : "default"}
            stateRelatedMessage={errors.parcoursRetenu}
            nativeSelectProps={{
              name: "parcoursRetenu",
              value: parcours,
              onChange: (e) => setParcours(e.target.value as ParcoursType | ""),
            }}
          >
            <option value="">Choisir un parcours</option>
            {parcoursTypes.map((p) => (
              <option key={p} value={p}>
                {parcoursTypeLabels[p]}
              </option>
            ))}
          </Select>
          <Select
            label="Organisme retenu"
            state={errors.organismeRetenu ? "error" : "default"}
            stateRelatedMessage={errors.organismeRetenu}
            nativeSelectProps={{
              name: "organismeRetenu",
              value: organisme,
              onChange: (e) => {
                const o = e.target.value as Organisme | "";
                setOrganisme(o);
                setOtherStructureId(o ? suggestedOf(o) : "");
              },
            }}
          >
            <option value="">Choisir un organisme</option>
            {organismes.map((o) => (
              <option key={o} value={o}>
                {organismeLabels[o]}
              </option>
            ))}
          </Select>
          <Select
            label="Structure qui accompagnera la personne"
            disabled={!organisme}
            state={errors.structureId ? "error" : "default"}
            stateRelatedMessage={errors.structureId}
            nativeSelectProps={{
              name: "structureId",
              value: otherStructureId,
              onChange: (e) => setOtherStructureId(e.target.value),
            }}
          >
            <option value="">{organisme ? "Choisir une structure" : "Choisissez d'abord l'organisme"}</option>
            {structuresOf(organisme || null).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button type="submit" disabled={busy}>
                Enregistrer cette orientation
              </Button>
            </li>
            <li>
              {proposed && (
                <Button type="button" priority="secondary" disabled={busy} onClick={() => setOther(false)}>
                  Revenir à la proposition
                </Button>
              )}
            </li>
          </ul>
        </form>
      )}
    </section>
  );
}
