// The diagnostic form, theme by theme (parcours.md §5.2): for each of the ten themes, whether a barrier
// is worked on, its situations and needs (checkboxes from the référentiel), impact, status, target date,
// the professional's comment and the person's view; the target jobs (ROME search); the opinions; the
// restricted compartment for the référents only. Saving writes a new version.
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Checkbox } from "@codegouvfr/react-dsfr/Checkbox";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { RadioButtons } from "@codegouvfr/react-dsfr/RadioButtons";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { type FormEvent, useState } from "react";
import { diagnosticThemes, referentielLabel } from "../../shared/diagnostic/diagnostic.referentiel";
import { diagnosticRoutes } from "../../shared/diagnostic/diagnostic.routes";
import {
  type Confidentiel,
  type DiagnosticContent,
  type DiagnosticFormat,
  type DiagnosticView,
  diagnosticContentSchema,
  diagnosticFormatLabels,
  diagnosticFormats,
  impactLabels,
  impacts,
  maturiteProjetLabels,
  maturitesProjet,
  prefillSourceLabels,
  type ThemeEntry,
  themeStatutLabels,
  themeStatuts,
} from "../../shared/diagnostic/diagnostic.schema";
import { ApiError, api } from "../kernel/api-client";
import { formatLocalDateLong } from "../kernel/format";
import { AppellationPicker } from "../registration/appellation-picker";

type Theme = (typeof diagnosticThemes)[number];
const orUndefined = (v: string) => (v.trim() === "" ? undefined : v);
const emptyEntry: ThemeEntry = { situations: [], besoins: [], impact: null, statut: "IDENTIFIE" };

export function DiagnosticForm({
  view,
  onSaved,
  onReload,
}: {
  view: DiagnosticView;
  onSaved: (v: DiagnosticView) => void;
  onReload: () => void;
}) {
  const provenance = view.shown ? {} : (view.prefill?.provenance ?? {});
  const [content, setContent] = useState<DiagnosticContent>(
    view.shown?.content ?? view.prefill?.content ?? diagnosticContentSchema.parse({}),
  );
  const [confidentiel, setConfidentiel] = useState<Confidentiel>(view.shown?.confidentiel ?? {});
  const [format, setFormat] = useState<DiagnosticFormat>(view.shown?.format ?? "INDIVIDUEL");
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const projet = content.domaines.projetProfessionnel;
  const setProjet = (patch: Partial<typeof projet>) =>
    setContent((c) => ({
      ...c,
      domaines: { ...c.domaines, projetProfessionnel: { ...c.domaines.projetProfessionnel, ...patch } },
    }));
  const setTheme = (code: Theme["code"], entry: ThemeEntry | undefined) =>
    setContent((c) => {
      const themes = { ...c.themes };
      if (entry) themes[code as keyof typeof themes] = entry;
      else delete themes[code as keyof typeof themes];
      return { ...c, themes };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      onSaved(
        await api(diagnosticRoutes.saveDiagnosticVersion, {
          params: { personId: view.personId },
          body: {
            version: view.version,
            format,
            content,
            ...(view.actions.canSeeConfidentiel ? { confidentiel } : {}),
          },
        }),
      );
    } catch (err) {
      setFailure(
        err instanceof ApiError ? err : new ApiError(0, "internal", "Une erreur inattendue s'est produite."),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {!view.shown && Object.keys(provenance).length > 0 && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description="Ce diagnostic est pré-rempli avec ce que l'inscription et l'orientation connaissent déjà. Vérifiez-le avec la personne, puis enregistrez la première version."
        />
      )}
      <h2 className="fr-h4">Projet professionnel</h2>
      <Select
        label="Maturité du projet"
        nativeSelectProps={{
          value: projet.maturite ?? "",
          onChange: (e) =>
            setProjet({ maturite: (orUndefined(e.target.value) as typeof projet.maturite) ?? undefined }),
        }}
      >
        <option value="">Non renseignée</option>
        {maturitesProjet.map((m) => (
          <option key={m} value={m}>
            {maturiteProjetLabels[m]}
          </option>
        ))}
      </Select>
      <fieldset className="fr-fieldset" aria-labelledby="metiers-legend">
        <legend id="metiers-legend" className="fr-fieldset__legend">
          Métiers recherchés (ROME 4.0){" "}
          <SourceBadge source={provenance["domaines.projetProfessionnel.metiersCibles"]} />
        </legend>
        {projet.metiersCibles.length === 0 ? (
          <p className="fr-hint-text">Aucun métier choisi.</p>
        ) : (
          <ul>
            {projet.metiersCibles.map((m) => (
              <li key={m.codeOgr}>
                {m.libelle}{" "}
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  onClick={() =>
                    setProjet({ metiersCibles: projet.metiersCibles.filter((x) => x.codeOgr !== m.codeOgr) })
                  }
                >
                  Retirer {m.libelle}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {projet.metiersCibles.length < 5 && (
          <AppellationPicker
            label="Ajouter un métier"
            onPick={(a) =>
              !projet.metiersCibles.some((m) => m.codeOgr === a.codeOgr) &&
              setProjet({ metiersCibles: [...projet.metiersCibles, a] })
            }
          />
        )}
      </fieldset>
      <Checkbox
        options={[
          {
            label: "Besoin de formation",
            nativeInputProps: {
              checked: projet.besoinFormation ?? false,
              onChange: (e) => setProjet({ besoinFormation: e.target.checked }),
            },
          },
          {
            label: "Projet de création ou de reprise d'entreprise",
            nativeInputProps: {
              checked: projet.creationEntreprise ?? false,
              onChange: (e) => setProjet({ creationEntreprise: e.target.checked }),
            },
          },
        ]}
      />

      <h2 className="fr-h4 fr-mt-4w">Freins et besoins, thème par thème</h2>
      {diagnosticThemes.map((t) => (
        <ThemeFieldset
          key={t.code}
          theme={t}
          entry={content.themes[t.code as keyof typeof content.themes]}
          source={provenance[`themes.${t.code}`]}
          onChange={(entry) => setTheme(t.code, entry)}
        />
      ))}

      <h2 className="fr-h4 fr-mt-4w">Avis</h2>
      <Input
        textArea
        label="Avis du professionnel"
        nativeTextAreaProps={{
          value: content.avisProfessionnel ?? "",
          onChange: (e) => setContent((c) => ({ ...c, avisProfessionnel: orUndefined(e.target.value) })),
        }}
      />
      <Input
        textArea
        label="Avis de la personne"
        hintText="Ce que la personne dit de sa situation et de ses priorités, avec ses mots."
        nativeTextAreaProps={{
          value: content.avisPersonne ?? "",
          onChange: (e) => setContent((c) => ({ ...c, avisPersonne: orUndefined(e.target.value) })),
        }}
      />

      {view.actions.canSeeConfidentiel && (
        <fieldset className="fr-fieldset fr-mt-4w" aria-labelledby="confidentiel-legend">
          <legend id="confidentiel-legend" className="fr-fieldset__legend">
            Informations confidentielles
            <span className="fr-hint-text">
              Visibles uniquement par les référents et par la personne : jamais dans les listes ni les
              extractions.
            </span>
          </legend>
          {(
            [
              ["sante", "Santé"],
              ["addictions", "Addictions"],
              ["violencesFamiliales", "Violences familiales"],
            ] as const
          ).map(([key, label]) => (
            <Input
              key={key}
              textArea
              label={label}
              nativeTextAreaProps={{
                value: confidentiel[key] ?? "",
                onChange: (e) => setConfidentiel((c) => ({ ...c, [key]: orUndefined(e.target.value) })),
              }}
            />
          ))}
        </fieldset>
      )}

      <Select
        label="Format de l'entretien"
        nativeSelectProps={{ value: format, onChange: (e) => setFormat(e.target.value as DiagnosticFormat) }}
      >
        {diagnosticFormats.map((f) => (
          <option key={f} value={f}>
            {diagnosticFormatLabels[f]}
          </option>
        ))}
      </Select>
      {failure && (
        <Alert
          severity={failure.status === 409 ? "warning" : "error"}
          small
          role="alert"
          className="fr-mb-2w"
          description={
            <>
              {failure.message}
              {failure.issues.length > 0 && (
                <ul>
                  {failure.issues.map((i) => (
                    <li key={`${i.path}-${i.message}`}>{i.message}</li>
                  ))}
                </ul>
              )}
              {failure.status === 409 && (
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  className="fr-ml-2w"
                  onClick={onReload}
                >
                  Recharger le diagnostic
                </Button>
              )}
            </>
          }
        />
      )}
      <Button type="submit" disabled={busy}>
        {view.currentNumero === null ? "Enregistrer la première version" : "Enregistrer une nouvelle version"}
      </Button>
    </form>
  );
}

function SourceBadge({ source }: { source?: keyof typeof prefillSourceLabels }) {
  if (!source) return null;
  return (
    <Badge small noIcon severity="info" as="span" className="fr-ml-1w">
      Pré-rempli : {prefillSourceLabels[source]}
    </Badge>
  );
}

function ThemeFieldset({
  theme,
  entry,
  source,
  onChange,
}: {
  theme: Theme;
  entry: ThemeEntry | undefined;
  source?: keyof typeof prefillSourceLabels;
  onChange: (e: ThemeEntry | undefined) => void;
}) {
  const toggle = (key: "situations" | "besoins", code: string, on: boolean) =>
    entry && onChange({ ...entry, [key]: on ? [...entry[key], code] : entry[key].filter((c) => c !== code) });
  return (
    <fieldset className="fr-fieldset fr-mb-2w" aria-labelledby={`theme-${theme.code}`}>
      <legend id={`theme-${theme.code}`} className="fr-fieldset__legend fr-h6">
        {theme.libelle} <SourceBadge source={source} />
      </legend>
      <Checkbox
        options={[
          {
            label: `Un frein ou un besoin est à travailler (${theme.libelle.toLowerCase()})`,
            nativeInputProps: {
              checked: entry !== undefined,
              onChange: (e) => onChange(e.target.checked ? emptyEntry : undefined),
            },
          },
        ]}
      />
      {entry && (
        <div className="fr-pl-4w">
          <Checkbox
            legend="Situations"
            small
            options={theme.situations.map((s) => ({
              label: s.libelle,
              nativeInputProps: {
                checked: entry.situations.includes(s.code),
                onChange: (e) => toggle("situations", s.code, e.target.checked),
              },
            }))}
          />
          <Checkbox
            legend="Besoins (deviendront des objectifs du contrat d'engagement)"
            small
            options={theme.besoins.map((b) => ({
              label: b.libelle,
              nativeInputProps: {
                checked: entry.besoins.includes(b.code),
                onChange: (e) => toggle("besoins", b.code, e.target.checked),
              },
            }))}
          />
          <RadioButtons
            legend="Impact sur la recherche d'emploi"
            small
            options={impacts.map((i) => ({
              label: impactLabels[i],
              nativeInputProps: {
                name: `impact-${theme.code}`,
                checked: entry.impact === i,
                onChange: () => onChange({ ...entry, impact: i }),
              },
            }))}
          />
          <Select
            label="Statut"
            nativeSelectProps={{
              value: entry.statut,
              onChange: (e) => onChange({ ...entry, statut: e.target.value as ThemeEntry["statut"] }),
            }}
          >
            {themeStatuts.map((s) => (
              <option key={s} value={s}>
                {themeStatutLabels[s]}
              </option>
            ))}
          </Select>
          <Input
            label="Échéance visée"
            nativeInputProps={{
              type: "date",
              value: entry.echeance ?? "",
              onChange: (e) => onChange({ ...entry, echeance: orUndefined(e.target.value) }),
            }}
          />
          <Input
            textArea
            label="Commentaire du professionnel"
            nativeTextAreaProps={{
              value: entry.commentaireProfessionnel ?? "",
              onChange: (e) => onChange({ ...entry, commentaireProfessionnel: orUndefined(e.target.value) }),
            }}
          />
          <Input
            textArea
            label="Avis de la personne"
            nativeTextAreaProps={{
              value: entry.avisPersonne ?? "",
              onChange: (e) => onChange({ ...entry, avisPersonne: orUndefined(e.target.value) }),
            }}
          />
        </div>
      )}
    </fieldset>
  );
}

/** A version shown without editing (an earlier version, or a reader who may not write). */
export function DiagnosticReadOnly({ view }: { view: DiagnosticView }) {
  if (!view.shown) return null;
  const { content, confidentiel } = view.shown;
  const themes = diagnosticThemes.filter((t) => content.themes[t.code as keyof typeof content.themes]);
  return (
    <>
      <h2 className="fr-h4">Métiers recherchés</h2>
      <p>
        {content.domaines.projetProfessionnel.metiersCibles.map((m) => m.libelle).join(", ") ||
          "Aucun métier choisi."}
      </p>
      <h2 className="fr-h4">Freins et besoins</h2>
      {themes.length === 0 && <p>Aucun frein identifié.</p>}
      {themes.map((t) => {
        const e = content.themes[t.code as keyof typeof content.themes] as ThemeEntry;
        return (
          <section key={t.code} className="fr-mb-3w">
            <h3 className="fr-h6">
              {t.libelle} — {themeStatutLabels[e.statut]}
              {e.impact && ` — ${impactLabels[e.impact]}`}
            </h3>
            {e.situations.length > 0 && <p>Situations : {e.situations.map(referentielLabel).join(", ")}</p>}
            {e.besoins.length > 0 && <p>Besoins : {e.besoins.map(referentielLabel).join(", ")}</p>}
            {e.echeance && <p>Échéance : {formatLocalDateLong(e.echeance)}</p>}
            {e.commentaireProfessionnel && <p>Commentaire : {e.commentaireProfessionnel}</p>}
            {e.avisPersonne && <p>Avis de la personne : {e.avisPersonne}</p>}
          </section>
        );
      })}
      {content.avisProfessionnel && <p>Avis du professionnel : {content.avisProfessionnel}</p>}
      {content.avisPersonne && <p>Avis de la personne : {content.avisPersonne}</p>}
      {confidentiel && (
        <section className="fr-mt-3w">
          <h2 className="fr-h4">Informations confidentielles</h2>
          {confidentiel.sante && <p>Santé : {confidentiel.sante}</p>}
          {confidentiel.addictions && <p>Addictions : {confidentiel.addictions}</p>}
          {confidentiel.violencesFamiliales && (
            <p>Violences familiales : {confidentiel.violencesFamiliales}</p>
          )}
        </section>
      )}
    </>
  );
}
