// Step 1: identity and contact details. The NIR is typed once: afterwards only its masked form is shown.
import { Select } from "@codegouvfr/react-dsfr/Select";
import { useEffect, useState } from "react";
import {
  canalContactLabels,
  nationaliteLabels,
  sexeLabels,
} from "../../shared/registration/registration.labels";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import type { Identite } from "../../shared/registration/registration.schema";
import { api } from "../kernel/api-client";
import { formatLocalDate } from "../kernel/format";
import { CheckboxesField, PrefillHint, RadioField, SelectField, TextField } from "./registration-fields";

type Props = {
  value: Identite;
  onChange: (v: Identite) => void;
  /** the NIR typed in this session (never the stored one) */
  nir: string;
  onNirChange: (v: string) => void;
  nirMasked: string | null;
  errors: Record<string, string>;
  forProfessional: boolean;
};

export function IdentiteStep({
  value,
  onChange,
  nir,
  onNirChange,
  nirMasked,
  errors,
  forProfessional,
}: Props) {
  const set = <K extends keyof Identite>(k: K, v: Identite[K]) => onChange({ ...value, [k]: v });
  const adresse = value.adresse ?? {};
  const contact = value.contact ?? {};
  const you = forProfessional ? "la personne" : "vous";
  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby="identite-legend">
        <legend id="identite-legend" className="fr-fieldset__legend fr-h5">
          Identité
        </legend>
        <div className="fr-fieldset__content">
          <TextField
            path="identite.nomFamille"
            label="Nom de naissance"
            hint="Le nom inscrit sur l'acte de naissance."
            value={value.nomFamille}
            onChange={(v) => set("nomFamille", v)}
            autoComplete="family-name"
          />
          <TextField
            path="identite.nomUsage"
            label="Nom d'usage"
            optional
            hint="Par exemple le nom d'épouse ou d'époux."
            value={value.nomUsage}
            onChange={(v) => set("nomUsage", v)}
          />
          <TextField
            path="identite.prenoms"
            label="Prénoms"
            hint="Tous les prénoms, séparés par un espace, dans l'ordre de l'état civil."
            value={(value.prenoms ?? []).join(" ")}
            onChange={(v) => set("prenoms", v === "" ? undefined : [v])}
            autoComplete="given-name"
          />
          <RadioField
            path="identite.sexe"
            legend="Sexe"
            optional
            value={value.sexe}
            labels={sexeLabels}
            onChange={(v) => set("sexe", v as Identite["sexe"])}
            inline
          />
          <TextField
            path="identite.dateNaissance"
            label="Date de naissance"
            type="date"
            value={value.dateNaissance}
            display={value.dateNaissance ? formatLocalDate(value.dateNaissance) : ""}
            onChange={(v) => set("dateNaissance", v || undefined)}
            autoComplete="bday"
          />
          <TextField
            path="identite.lieuNaissance"
            label="Lieu de naissance"
            optional
            hint="Commune, et pays si ce n'est pas la France."
            value={value.lieuNaissance}
            onChange={(v) => set("lieuNaissance", v)}
          />
          <SelectField
            path="identite.nationalite"
            label="Nationalité"
            value={value.nationalite}
            labels={nationaliteLabels}
            onChange={(v) => set("nationalite", v as Identite["nationalite"])}
          />
          <TextField
            path="identite.nir"
            label="Numéro de sécurité sociale (NIR)"
            optional
            inputMode="numeric"
            hint={
              nirMasked
                ? `Numéro déjà enregistré : ${nirMasked}. Laissez vide pour le conserver, ou saisissez les 15 caractères pour le corriger.`
                : "15 caractères, sur la carte Vitale ou l'attestation de droits (exemple : 2 85 05 80 001 001 42)."
            }
            value={nir}
            display={nirMasked ?? ""}
            onChange={onNirChange}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="adresse-legend">
        <legend id="adresse-legend" className="fr-fieldset__legend fr-h5">
          Adresse
        </legend>
        <div className="fr-fieldset__content">
          <PrefillHint path="identite.adresse" />
          <TextField
            path="identite.adresse.ligne"
            label="Numéro et voie"
            hint={`Si ${you} n'${forProfessional ? "a" : "avez"} pas de logement, indiquez l'adresse de domiciliation.`}
            value={adresse.ligne}
            onChange={(v) => set("adresse", { ...adresse, ligne: v })}
            autoComplete="street-address"
          />
          <TextField
            path="identite.adresse.complement"
            label="Complément d'adresse"
            optional
            hint="Bâtiment, étage, chez…"
            value={adresse.complement}
            onChange={(v) => set("adresse", { ...adresse, complement: v })}
          />
          <TextField
            path="identite.adresse.codePostal"
            label="Code postal"
            inputMode="numeric"
            value={adresse.codePostal}
            onChange={(v) =>
              set("adresse", { ...adresse, codePostal: v, codeCommune: undefined, libelleCommune: undefined })
            }
            autoComplete="postal-code"
          />
          <CommunePicker
            postalCode={adresse.codePostal}
            value={adresse.codeCommune}
            label={adresse.libelleCommune}
            error={errors["identite.adresse.codeCommune"]}
            onChange={(code, name) => set("adresse", { ...adresse, codeCommune: code, libelleCommune: name })}
          />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset" aria-labelledby="contact-legend">
        <legend id="contact-legend" className="fr-fieldset__legend fr-h5">
          Comment {forProfessional ? "la" : "vous"} joindre
        </legend>
        <div className="fr-fieldset__content">
          <TextField
            path="identite.contact.telephone"
            label="Téléphone portable"
            optional
            type="tel"
            inputMode="tel"
            hint="Exemple : 06 12 34 56 78."
            value={contact.telephone}
            onChange={(v) => set("contact", { ...contact, telephone: v })}
            autoComplete="tel"
          />
          <TextField
            path="identite.contact.email"
            label="Adresse électronique"
            optional
            type="email"
            inputMode="email"
            hint="Exemple : prenom.nom@exemple.fr."
            value={contact.email}
            onChange={(v) => set("contact", { ...contact, email: v })}
            autoComplete="email"
          />
          <CheckboxesField
            path="identite.contact.canauxPreferes"
            legend="Comment préférez-vous être contacté·e ?"
            optional
            value={contact.canauxPreferes}
            labels={canalContactLabels}
            onChange={(v) =>
              set("contact", {
                ...contact,
                canauxPreferes: v as NonNullable<Identite["contact"]>["canauxPreferes"],
              })
            }
          />
        </div>
      </fieldset>
    </>
  );
}

/** The communes of the postal code; typed by hand (INSEE code) when the list is not available. */
function CommunePicker(p: {
  postalCode: string | undefined;
  value: string | undefined;
  label: string | undefined;
  error: string | undefined;
  onChange: (code: string | undefined, name: string | undefined) => void;
}) {
  const [options, setOptions] = useState<{ code: string; name: string }[] | "loading" | "none">("none");
  const valid = !!p.postalCode && /^\d{5}$/.test(p.postalCode);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the postal code changes
  useEffect(() => {
    if (!valid || !p.postalCode) {
      setOptions("none");
      return;
    }
    let cancelled = false;
    setOptions("loading");
    api(registrationRoutes.searchCommunes, { query: { codePostal: p.postalCode } })
      .then((r) => {
        if (cancelled) return;
        setOptions(r.items);
        const only = r.items.length === 1 ? r.items[0] : undefined;
        if (only && p.value !== only.code) p.onChange(only.code, only.name);
      })
      .catch(() => !cancelled && setOptions([]));
    return () => {
      cancelled = true;
    };
  }, [p.postalCode, valid]);

  if (options === "none" || options === "loading") {
    return (
      <p className="fr-hint-text fr-mb-3w" role="status">
        {options === "loading"
          ? "Recherche des communes…"
          : "Saisissez le code postal pour choisir la commune."}
        {p.error && <span className="fr-error-text">{p.error}</span>}
      </p>
    );
  }
  if (options.length === 0) {
    return (
      <TextField
        path="identite.adresse.codeCommune"
        label="Code INSEE de la commune"
        hint="La liste des communes n'est pas disponible pour ce code postal : indiquez le code INSEE à 5 caractères (exemple : 80021 pour Amiens)."
        value={p.value}
        onChange={(v) => p.onChange(v || undefined, p.label)}
      />
    );
  }
  return (
    <Select
      label="Commune"
      state={p.error ? "error" : "default"}
      stateRelatedMessage={p.error}
      nativeSelectProps={{
        name: "identite.adresse.codeCommune",
        value: p.value ?? "",
        onChange: (e) => {
          const c = options.find((o) => o.code === e.target.value);
          p.onChange(c?.code, c?.name);
        },
      }}
    >
      <option value="">— Choisissez la commune —</option>
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.name}
        </option>
      ))}
    </Select>
  );
}
