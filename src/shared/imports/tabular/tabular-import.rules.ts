// Pure rules of the tabular import: the column mapping suggested from header names, the checks of a
// mapping, and the validation of one row with its reasons in French (PS-58: each row on its own).
import { checkNir, isNir13, normalizeNir } from "../../identity/nir";
import { isValidLocalDate, type LocalDate } from "../../kernel/dates";
import { normalizeSearchText } from "../../persons/search-text";
import { nirMatchesBirthDate } from "../../registration/registration.rules";
import {
  COMMUNE_CODE_PATTERN,
  EMAIL_PATTERN,
  FRANCE_TRAVAIL_ID_PATTERN,
  PHONE_PATTERN,
  POSTAL_CODE_PATTERN,
} from "../../registration/registration.schema";
import {
  requiredTabularFields,
  type TabularField,
  type TabularMapping,
  type TabularReason,
  tabularFieldLabels,
  tabularFields,
} from "./tabular-import.schema";

/** Header names seen in partners' lists, normalised (lower case, no accents, single spaces). */
const synonyms: Record<TabularField, string[]> = {
  nomFamille: [
    "nom de naissance",
    "nom naissance",
    "nom de famille",
    "nom patronymique",
    "nom",
    "nomnai",
    "birth name",
    "last name",
  ],
  prenoms: ["prenoms", "prenom", "prenom s", "first name", "given name"],
  dateNaissance: [
    "date de naissance",
    "date naissance",
    "ne le",
    "ne e le",
    "dtnai",
    "naissance",
    "ddn",
    "birth date",
    "birthdate",
  ],
  nomUsage: ["nom d usage", "nom usage", "nom marital", "nom d epouse"],
  sexe: ["sexe", "genre", "civilite", "qualite"],
  lieuNaissance: ["lieu de naissance", "lieu naissance", "commune de naissance", "ville de naissance"],
  nir: [
    "nir",
    "numero de securite sociale",
    "n de securite sociale",
    "numero securite sociale",
    "numero secu",
    "num secu",
    "n secu",
    "n de secu",
    "secu",
    "nss",
    "securite sociale",
  ],
  numeroFranceTravail: [
    "numero france travail",
    "n france travail",
    "identifiant france travail",
    "id france travail",
    "numero pole emploi",
    "identifiant pole emploi",
    "idassedic",
    "numero demandeur d emploi",
  ],
  email: ["adresse electronique", "courriel", "email", "e mail", "mail", "adresse mail"],
  telephone: ["telephone", "tel", "portable", "mobile", "numero de telephone", "telephone portable"],
  adresse: ["adresse", "adresse postale", "numero et voie", "voie", "rue", "ligne adresse"],
  codePostal: ["code postal", "cp", "postal"],
  codeCommune: ["code commune", "code insee", "insee", "code commune insee", "commune insee", "cog"],
};

/** The mapping suggested from the header names: exact synonyms first, then a synonym contained in the header. */
export function suggestMapping(headers: string[]): TabularMapping {
  const normalized = headers.map((h) => normalizeSearchText(h));
  const used = new Set<number>();
  const mapping: TabularMapping = {};
  const pick = (field: TabularField, match: (h: string) => boolean) => {
    if (mapping[field] !== undefined) return;
    const i = normalized.findIndex((h, idx) => !used.has(idx) && h !== "" && match(h));
    if (i >= 0) {
      mapping[field] = i;
      used.add(i);
    }
  };
  for (const field of tabularFields) pick(field, (h) => synonyms[field].includes(h));
  // contained matches, longest synonyms first, so that « nom d'usage » is not taken for « nom »
  const contained = tabularFields
    .flatMap((field) => synonyms[field].map((s) => ({ field, s })))
    .filter((x) => x.s.length >= 4)
    .sort((a, b) => b.s.length - a.s.length);
  for (const { field, s } of contained) pick(field, (h) => ` ${h} `.includes(` ${s} `));
  return mapping;
}

/** What prevents applying a mapping, in French. */
export function mappingIssues(mapping: TabularMapping, columnCount: number): string[] {
  const issues: string[] = [];
  for (const f of requiredTabularFields) {
    if (mapping[f] === undefined)
      issues.push(`Choisissez la colonne qui contient : ${tabularFieldLabels[f]} (obligatoire).`);
  }
  const seen = new Map<number, TabularField>();
  for (const f of tabularFields) {
    const c = mapping[f];
    if (c === undefined) continue;
    if (c >= columnCount)
      issues.push(`${tabularFieldLabels[f]} : la colonne choisie n'existe pas dans le fichier.`);
    const other = seen.get(c);
    if (other)
      issues.push(
        `La même colonne est choisie pour « ${tabularFieldLabels[other]} » et « ${tabularFieldLabels[f]} ».`,
      );
    seen.set(c, f);
  }
  return issues;
}

export type TabularPerson = {
  nomFamille: string;
  prenoms: string;
  dateNaissance: LocalDate;
  nomUsage?: string;
  sexe?: "F" | "M";
  lieuNaissance?: string;
  /** normalised: 15 characters with a valid key, or the 13-character body */
  nir?: string;
  numeroFranceTravail?: string;
  email?: string;
  telephone?: string;
  adresse?: string;
  codePostal?: string;
  codeCommune?: string;
};

export type RowCheck = { ok: true; value: TabularPerson } | { ok: false; reasons: TabularReason[] };

const clean = (s: string | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

/** "14/05/1985", "14-05-1985", "14.05.1985", "1985-05-14", "14/05/85" (19xx when after this year's last two digits is unknown: 20xx only below 30). */
export function parseDate(raw: string): LocalDate | null {
  const s = clean(raw);
  let y: string;
  let m: string;
  let d: string;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  if (match) [, y = "", m = "", d = ""] = match;
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
    if (!match) return null;
    [, d = "", m = "", y = ""] = match;
    if (y.length === 2) y = `${Number(y) < 30 ? "20" : "19"}${y}`;
  }
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isValidLocalDate(iso) && iso >= "1900-01-01" && iso <= "2100-12-31" ? iso : null;
}

function sexOf(raw: string): "F" | "M" | null {
  const s = normalizeSearchText(raw);
  if (["f", "femme", "feminin", "2", "mme", "madame"].includes(s)) return "F";
  if (["m", "h", "homme", "masculin", "1", "mr", "m.", "monsieur"].includes(s)) return "M";
  return null;
}

function phoneOf(raw: string): string | null {
  const compact = raw.replace(/[\s.-]/g, "");
  const national = /^0[1-9]\d{8}$/.test(compact)
    ? compact
    : /^[1-9]\d{8}$/.test(compact)
      ? `0${compact}`
      : null;
  if (national) return national.replace(/(\d{2})(?=\d)/g, "$1 ");
  return PHONE_PATTERN.test(raw.trim()) ? raw.trim() : null;
}

/** The cells of one row, mapped and checked: every problem of the row at once, in French. */
export function validateTabularRow(cells: string[], mapping: TabularMapping): RowCheck {
  const reasons: TabularReason[] = [];
  const cell = (f: TabularField) => {
    const i = mapping[f];
    return i === undefined ? "" : clean(cells[i]);
  };
  const fail = (field: TabularField | null, message: string) => reasons.push({ field, message });
  const v: Partial<TabularPerson> = {};

  const nomFamille = cell("nomFamille");
  if (!nomFamille) fail("nomFamille", "Nom de naissance manquant : cette information est obligatoire.");
  else if (nomFamille.length > 100)
    fail("nomFamille", "Nom de naissance trop long (100 caractères au plus).");
  else v.nomFamille = nomFamille;

  const prenoms = cell("prenoms");
  if (!prenoms) fail("prenoms", "Prénom manquant : cette information est obligatoire.");
  else if (prenoms.length > 200) fail("prenoms", "Prénoms trop longs (200 caractères au plus).");
  else v.prenoms = prenoms;

  const rawDate = cell("dateNaissance");
  if (!rawDate) fail("dateNaissance", "Date de naissance manquante : cette information est obligatoire.");
  else {
    const d = parseDate(rawDate);
    if (!d)
      fail(
        "dateNaissance",
        `Date de naissance « ${rawDate} » invalide : écrivez-la au format JJ/MM/AAAA (exemple : 14/05/1985).`,
      );
    else v.dateNaissance = d;
  }

  const optionalText = (f: "nomUsage" | "lieuNaissance" | "adresse", max: number) => {
    const s = cell(f);
    if (!s) return;
    if (s.length > max) fail(f, `${tabularFieldLabels[f]} trop long (${max} caractères au plus).`);
    else v[f] = s;
  };
  optionalText("nomUsage", 100);
  optionalText("lieuNaissance", 100);
  optionalText("adresse", 200);

  const sexe = cell("sexe");
  if (sexe) {
    const s = sexOf(sexe);
    if (!s) fail("sexe", `Sexe « ${sexe} » non reconnu : indiquez F ou M (ou Femme, Homme).`);
    else v.sexe = s;
  }

  const nir = cell("nir");
  if (nir) {
    const n = normalizeNir(nir);
    if (n.length === 13 && isNir13(n)) v.nir = n;
    else {
      const c = checkNir(n);
      // the value itself is never repeated in a reason: reasons are stored and shown
      if (!c.ok) fail("nir", `NIR invalide : ${c.message}`);
      else v.nir = c.nir;
    }
    if (v.nir && v.dateNaissance && !nirMatchesBirthDate(v.nir.slice(0, 13), v.dateNaissance)) {
      fail(
        "nir",
        "Le NIR ne correspond pas à la date de naissance (année et mois) : vérifiez l'un ou l'autre.",
      );
      v.nir = undefined;
    }
  }

  const ft = cell("numeroFranceTravail").toUpperCase().replace(/\s/g, "");
  if (ft) {
    if (!FRANCE_TRAVAIL_ID_PATTERN.test(ft))
      fail(
        "numeroFranceTravail",
        `Numéro France Travail « ${ft} » invalide : 8 caractères (7 chiffres et 1 chiffre ou lettre) ou 11 chiffres.`,
      );
    else v.numeroFranceTravail = ft;
  }

  const email = cell("email");
  if (email) {
    if (!EMAIL_PATTERN.test(email) || email.length > 200)
      fail("email", `Adresse électronique « ${email} » invalide (exemple : prenom.nom@exemple.fr).`);
    else v.email = email.toLowerCase();
  }

  const tel = cell("telephone");
  if (tel) {
    const p = phoneOf(tel);
    if (!p) fail("telephone", `Téléphone « ${tel} » invalide (exemple : 06 12 34 56 78).`);
    else v.telephone = p;
  }

  const cp = cell("codePostal").replace(/\s/g, "");
  if (cp) {
    const padded = /^\d{4}$/.test(cp) ? `0${cp}` : cp;
    if (!POSTAL_CODE_PATTERN.test(padded))
      fail("codePostal", `Code postal « ${cp} » invalide : 5 chiffres (exemple : 80000).`);
    else v.codePostal = padded;
  }

  const commune = cell("codeCommune").replace(/\s/g, "").toUpperCase();
  if (commune) {
    const padded = /^\d{4}$/.test(commune) ? `0${commune}` : commune;
    if (!COMMUNE_CODE_PATTERN.test(padded))
      fail(
        "codeCommune",
        `Code commune « ${commune} » invalide : le code INSEE a 5 caractères (exemple : 80021 pour Amiens), ce n'est pas le code postal.`,
      );
    else v.codeCommune = padded;
  }

  if (reasons.length > 0) return { ok: false, reasons };
  return { ok: true, value: v as TabularPerson };
}

/**
 * The identity a row stands for, used to recognise it in a later file: the NIR body, else the
 * France Travail number, else names and birth date (normalised).
 */
export function identityKeyOf(p: TabularPerson): string {
  if (p.nir) return `nir:${p.nir.slice(0, 13)}`;
  if (p.numeroFranceTravail) return `ft:${p.numeroFranceTravail}`;
  return `id:${normalizeSearchText(p.nomFamille)}|${normalizeSearchText(p.prenoms).split(" ")[0] ?? ""}|${p.dateNaissance}`;
}

/** The row's values in a stable form: two rows with the same form carry the same information. */
export function canonicalValues(p: TabularPerson): string {
  return tabularFields.map((f) => `${f}=${p[f] ?? ""}`).join("\u001f");
}
