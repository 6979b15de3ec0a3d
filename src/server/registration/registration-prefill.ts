// « Dites-le nous une fois » (parcours.md §1.3, PS-06): what Socle already knows of a person fills the
// new registration, each value with its provenance; the person then confirms or corrects it.
// Sources today: the person's file (its identity came from the CAF/MSA flow when it carries a CAF/MSA
// file number) and their previous submitted registration. Later sources (France Travail, DSN) add
// entries of the same shape.
import { maskNir } from "../../shared/identity/nir";
import { parisDate } from "../../shared/kernel/dates";
import { formatLocalDateFr } from "../../shared/registration/registration.format";
import {
  nationaliteLabels,
  organismeRattachementLabels,
  roleFoyerLabels,
  sexeLabels,
} from "../../shared/registration/registration.labels";
import type { RegistrationData } from "../../shared/registration/registration.schema";
import { registrationSteps } from "../../shared/registration/registration.schema";
import type { Secrets } from "../kernel/secrets";
import type {
  RegistrationRecord,
  registrationsRepository,
  StoredProvenance,
} from "./registration.repository";

type KnownPerson = NonNullable<Awaited<ReturnType<typeof registrationsRepository.personForPrefill>>>;

const nationalityCode = (n: string | null) =>
  n === "FR" ? "FRANCAISE" : n === "UE" ? "UE" : n === "HORS_UE" ? "HORS_UE" : undefined;

export type Prefill = {
  data: RegistrationData;
  provenance: Record<string, StoredProvenance>;
  nirCipher: string | null;
  nirIndex: string | null;
};

export function buildPrefill(
  secrets: Secrets,
  person: KnownPerson | undefined,
  previous: RegistrationRecord | undefined,
  now: Date,
): Prefill {
  const data: RegistrationData = {};
  const provenance: Record<string, StoredProvenance> = {};
  const importeLe = now.toISOString();
  let nirCipher: string | null = null;
  let nirIndex: string | null = null;

  if (person) {
    const source = person.cafMatricule ? ("FLUX_CAF_MSA" as const) : ("DOSSIER_SOCLE" as const);
    const dateSource = parisDate(person.updatedAt);
    const put = (path: string, brut: unknown, valeur: string) => {
      provenance[path] = { source, dateSource, importeLe, valeur, brut };
    };
    const identite: NonNullable<RegistrationData["identite"]> = {
      nomFamille: person.birthName,
      prenoms: person.firstNames.split(/\s+/).filter(Boolean),
      dateNaissance: person.birthDate,
    };
    put("identite.nomFamille", identite.nomFamille, person.birthName);
    put("identite.prenoms", identite.prenoms, person.firstNames);
    put("identite.dateNaissance", identite.dateNaissance, formatLocalDateFr(person.birthDate));
    if (person.usageName) {
      identite.nomUsage = person.usageName;
      put("identite.nomUsage", person.usageName, person.usageName);
    }
    if (person.sex) {
      identite.sexe = person.sex;
      put("identite.sexe", person.sex, sexeLabels[person.sex]);
    }
    if (person.birthPlace) {
      identite.lieuNaissance = person.birthPlace;
      put("identite.lieuNaissance", person.birthPlace, person.birthPlace);
    }
    const nat = nationalityCode(person.nationality);
    if (nat) {
      identite.nationalite = nat;
      put("identite.nationalite", nat, nationaliteLabels[nat]);
    }
    if (person.nirCipher && person.nirIndex) {
      nirCipher = person.nirCipher;
      nirIndex = person.nirIndex;
      put("identite.nir", person.nirIndex, maskNir(secrets.decryptNir(person.nirCipher)));
    }
    if (person.addressLine || person.communeCode) {
      identite.adresse = {
        ...(person.addressLine ? { ligne: person.addressLine } : {}),
        ...(person.postalCode ? { codePostal: person.postalCode } : {}),
        ...(person.communeCode ? { codeCommune: person.communeCode } : {}),
        ...(person.communeName ? { libelleCommune: person.communeName } : {}),
      };
      const shown = [person.addressLine, [person.postalCode, person.communeName].filter(Boolean).join(" ")]
        .filter(Boolean)
        .join(", ");
      put("identite.adresse", identite.adresse, shown);
    }
    if (person.phone || person.email) {
      identite.contact = {};
      if (person.phone) {
        identite.contact.telephone = person.phone;
        put("identite.contact.telephone", person.phone, person.phone);
      }
      if (person.email) {
        identite.contact.email = person.email;
        put("identite.contact.email", person.email, person.email);
      }
    }
    data.identite = identite;
    if (person.franceTravailId) {
      data.projet = { numeroFranceTravail: person.franceTravailId };
      put("projet.numeroFranceTravail", person.franceTravailId, person.franceTravailId);
    }
    if (person.cafOrganisme && person.cafMatricule) {
      data.situation = { organismeRattachement: person.cafOrganisme, numeroAllocataire: person.cafMatricule };
      put(
        "situation.organismeRattachement",
        person.cafOrganisme,
        organismeRattachementLabels[person.cafOrganisme],
      );
      put("situation.numeroAllocataire", person.cafMatricule, person.cafMatricule);
      if (person.householdRole && person.householdRole !== "ENF") {
        data.situation.roleFoyer = person.householdRole;
        put("situation.roleFoyer", person.householdRole, roleFoyerLabels[person.householdRole]);
      }
    }
  }

  if (previous?.submittedAt) {
    // every answer of the previous registration not already known from the file
    const dateSource = parisDate(previous.submittedAt);
    for (const step of registrationSteps) {
      const block = previous.data[step] as Record<string, unknown> | undefined;
      if (!block) continue;
      for (const [field, value] of Object.entries(block)) {
        const path = `${step}.${field}`;
        if (step === "identite" && (field === "adresse" || field === "contact" || field === "nir")) continue;
        if (provenance[path] || value === undefined) continue;
        const target = (data[step] ?? {}) as Record<string, unknown>;
        target[field] = value;
        (data as Record<string, unknown>)[step] = target;
        provenance[path] = {
          source: "INSCRIPTION_PRECEDENTE",
          dateSource,
          importeLe,
          valeur: displayValue(value),
          brut: value,
        };
      }
    }
    const canaux = previous.data.identite?.contact?.canauxPreferes;
    if (canaux && !provenance["identite.contact.canauxPreferes"]) {
      data.identite = { ...data.identite, contact: { ...data.identite?.contact, canauxPreferes: canaux } };
      provenance["identite.contact.canauxPreferes"] = {
        source: "INSCRIPTION_PRECEDENTE",
        dateSource,
        importeLe,
        valeur: displayValue(canaux),
        brut: canaux,
      };
    }
  }
  return { data, provenance, nirCipher, nirIndex };
}

/** A short display of a previous answer (the form shows the full value in its field). */
function displayValue(v: unknown): string {
  if (Array.isArray(v)) return `${v.length} élément${v.length > 1 ? "s" : ""}`;
  if (typeof v === "boolean") return v ? "Oui" : "Non";
  if (v && typeof v === "object") return "Réponse enregistrée";
  return String(v);
}
