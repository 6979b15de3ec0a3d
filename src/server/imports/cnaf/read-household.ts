// One household (InfosFoyerRSA) of the flow: checked against the VRSB 08.01 schema and Socle's own rules,
// then mapped to a plain object. Problems come back as French reasons: a problem in a Personne block sets
// that person aside, any other sets the whole household aside (both go to quarantine, nothing is dropped).
// Unknown codes are not problems: they are kept raw and flagged (PS-59).

import { checkNir, isNir13, nirKey, normalizeNir } from "../../../shared/identity/nir";
import {
  departementFromIdeparte,
  etatDossierLabels,
  type HouseholdRole,
  householdRoles,
  isDepartementCode,
  motifClotureLabels,
  motifSuspensionVersementLabels,
} from "../../../shared/imports/cnaf-codes";
import type { LocalDate } from "../../../shared/kernel/dates";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import type { ContentSink } from "./parse-cnaf-flux";
import { ElementValidator, replayContent, type SchemaIssue, vrsbSchema } from "./vrsb-schema";
import { fromLatin1, UNDEFINED_BYTE_CHARS } from "./windows-1252";
import { child, childrenNamed, textAt, type XmlNode } from "./xml-node";

export type Problem = { code: string; message: string };

export type CnafPerson = {
  /** rank of the Personne block in the household, from 1 */
  rank: number;
  line: number;
  /** ROLEPERS as received, and the role kept on the person (AUT for an unknown code) */
  roleCode: string;
  role: HouseholdRole;
  birthName: string;
  usageName: string | null;
  firstNames: string;
  /** normalizeSearchText of the birth name, and of the birth name, usage name and first names */
  birthNameKey: string;
  searchText: string;
  birthDate: LocalDate;
  sex: "F" | "M" | null;
  birthPlace: string | null;
  /** the 15-character NIR (a 13-character one completed with its key), and its 13-character body */
  nir: string | null;
  nir13: string | null;
  franceTravailId: string | null;
  /** TOPPERSDRODEVORSA; null when the block is absent */
  soumis: boolean | null;
  /** TOPPERSENTDRODEVORSA */
  entrant: boolean | null;
  unknownCodes: string[];
};

export type CnafHousehold = {
  index: number;
  line: number;
  /** the household's XML; "" once dropped to spare memory (read again from `rawAt` if ever needed) */
  raw: string;
  /** where the raw XML is in the file (bytes = characters in windows-1252) */
  rawAt: { offset: number; length: number };
  organisme: "CAF" | "MSA";
  numorg: string;
  matricule: string;
  departement: string;
  numeroDemande: string | null;
  demandeDate: LocalDate | null;
  etatCode: string;
  suspension: { kind: "droit" | "versement"; motif: string; since: LocalDate } | null;
  cloture: { motif: string; date: LocalDate } | null;
  sansDomicileFixe: boolean;
  address: {
    line: string | null;
    postalCode: string | null;
    communeCode: string | null;
    communeName: string | null;
  } | null;
  unknownCodes: string[];
  /** persons Socle keeps: DEM, CJT, and any other member subject to droits et devoirs */
  persons: CnafPerson[];
};

export type RejectedPerson = { rank: number; roleCode: string; line: number; problems: Problem[] };

export type HouseholdReading =
  | { ok: false; index: number; line: number; raw: string; problems: Problem[] }
  | { ok: true; household: CnafHousehold; rejectedPersons: RejectedPerson[]; ignoredPersons: number };

export type ReadContext = { departement: string; dtref: LocalDate };

const bool = (v: string | undefined) => (v === undefined ? null : v === "1" || v === "true");
const dateOf = (v: string | undefined): LocalDate | null => (v ? v.slice(0, 10) : null);
// UTF-8 bytes read as windows-1252: « Ã© », « Ã¨ »…
const MOJIBAKE =
  /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2013-\u2122]|Â[\u00a0-\u00bf]/;

function schemaProblem(i: SchemaIssue): Problem {
  const where = i.path
    .replace(/^InfosFoyerRSA\//, "")
    .replace(/\[(\d+)\]/g, " $1")
    .replace(/\//g, " › ");
  return { code: "schema", message: `${where} : ${i.message}` };
}

function readPerson(
  node: XmlNode,
  rank: number,
  ctx: ReadContext,
): { person?: CnafPerson; problems: Problem[] } {
  const problems: Problem[] = [];
  const id = child(node, "Identification");
  const prestations = childrenNamed(node, "Prestations");
  const rsa = prestations.find((p) => textAt(p, "NATPREST") === "RSA") ?? prestations[0];
  const roleCode = textAt(rsa, "ROLEPERS") ?? "";
  const unknownCodes: string[] = [];
  const role = (householdRoles as readonly string[]).includes(roleCode) ? (roleCode as HouseholdRole) : "AUT";
  if (role === "AUT" && roleCode !== "AUT") unknownCodes.push(`ROLEPERS=${roleCode}`);

  const nom = textAt(id, "NOM") ?? "";
  const nomnai = textAt(id, "NOMNAI") ?? "";
  const birthName = nomnai || nom;
  const firstNames = [textAt(id, "PRENOM"), textAt(id, "PRENOM2"), textAt(id, "PRENOM3")]
    .filter((s) => !!s)
    .join(" ");
  if (!birthName || !firstNames)
    problems.push({
      code: "identite_incomplete",
      message: "Identité incomplète : nom de naissance ou prénom vide.",
    });
  if (MOJIBAKE.test(`${nom} ${nomnai} ${firstNames}`)) {
    problems.push({
      code: "encodage",
      message:
        "Nom ou prénom mal encodé (texte UTF-8 dans un fichier déclaré windows-1252) : demandez un nouvel envoi du fichier.",
    });
  }
  const birthDate = dateOf(textAt(id, "DTNAI")) ?? "";
  if (birthDate > ctx.dtref || birthDate < "1900-01-01") {
    problems.push({
      code: "date_naissance",
      message:
        "Date de naissance invraisemblable (postérieure au mois de référence du flux ou antérieure à 1900).",
    });
  }

  let nir: string | null = null;
  let nir13: string | null = null;
  const rawNir = textAt(id, "NIR");
  if (rawNir) {
    const n = normalizeNir(rawNir);
    if (n.length === 13) {
      if (isNir13(n)) {
        nir13 = n;
        nir = n + nirKey(n);
      } else {
        problems.push({
          code: "nir_invalide",
          message:
            "NIR invalide : format non reconnu (sexe, année et mois de naissance, lieu de naissance, numéro d'ordre ; 2A ou 2B pour la Corse).",
        });
      }
    } else if (n.length === 15) {
      const c = checkNir(n);
      if (c.ok) {
        nir = c.nir;
        nir13 = c.nir13;
      } else
        problems.push({
          code: c.reason === "cle" ? "nir_cle" : "nir_invalide",
          message: `NIR invalide : ${c.message}`,
        });
    } else {
      problems.push({
        code: "nir_invalide",
        message: `NIR invalide : ${n.length} caractères reçus, 13 (CAF) ou 15 (MSA) attendus.`,
      });
    }
  }

  const sexe = textAt(id, "SEXE");
  const sex = sexe === "1" ? "M" : sexe === "2" ? "F" : null;
  if (sex === null && sexe) unknownCodes.push(`SEXE=${sexe}`);

  const ft = textAt(node, "DossierPoleEmploi", "IDASSEDIC")?.toUpperCase() ?? null;
  let franceTravailId: string | null = null;
  if (ft && /^[0-9]{7}[0-9A-Z]$/.test(ft)) franceTravailId = ft;
  else if (ft) unknownCodes.push("IDASSEDIC (format invalide, non repris)");

  const montant = child(node, "MontantCalculDroitRSAPersonne");
  if (problems.length > 0) return { problems };
  return {
    problems,
    person: {
      rank,
      line: node.line,
      roleCode,
      role,
      birthName,
      usageName: nom && nom !== birthName ? nom : null,
      firstNames,
      // computed once here (in the reading worker), used by matching, the person row and the footprint
      birthNameKey: normalizeSearchText(birthName),
      searchText: normalizeSearchText(birthName, nom && nom !== birthName ? nom : null, firstNames),
      birthDate,
      sex,
      birthPlace: textAt(id, "NOMCOMNAI") || null,
      nir,
      nir13,
      franceTravailId,
      soumis: bool(textAt(montant, "TOPPERSDRODEVORSA")),
      entrant: bool(textAt(montant, "TOPPERSENTDRODEVORSA")),
      unknownCodes,
    },
  };
}

const roleOf = (node: XmlNode) => {
  const prestations = childrenNamed(node, "Prestations");
  return (
    textAt(prestations.find((p) => textAt(p, "NATPREST") === "RSA") ?? prestations[0], "ROLEPERS") ?? "?"
  );
};

// ── collecting a household while it is parsed ───────────────────────────────────────────────────

/** The elements readHousehold reads, below InfosFoyerRSA: true for a value (its text is kept). */
type Wanted = { [name: string]: Wanted | true };
const WANTED: Wanted = {
  IdentificationRSA: {
    Organisme: { FONORG: true, NUMORG: true, MATRICULE: true },
    Partenaire: { IDEPARTE: true },
    DemandeRSA: { NUMDEMRSA: true, DTDEMRSA: true },
  },
  Personne: {
    Identification: {
      NOM: true,
      NOMNAI: true,
      PRENOM: true,
      PRENOM2: true,
      PRENOM3: true,
      NOMCOMNAI: true,
      DTNAI: true,
      NIR: true,
      SEXE: true,
    },
    Prestations: { NATPREST: true, ROLEPERS: true },
    DossierPoleEmploi: { IDASSEDIC: true },
    MontantCalculDroitRSAPersonne: { TOPPERSDRODEVORSA: true, TOPPERSENTDRODEVORSA: true },
  },
  DonneesAdministratives: {
    Adresse: {
      AdresseDetailleeFrance: {
        NUMVOIE: true,
        LIBTYPEVOIE: true,
        NOMVOIE: true,
        CODEPOS: true,
        NUMCOM: true,
        NOMCOM: true,
      },
    },
  },
  PrestationRSA: {
    SituationDossierRSA: {
      EtatDossierRSA: { ETATDOSRSA: true },
      SuspensionDroit: { MOTISUSDRORSA: true, DDSUSDRORSA: true },
      SuspensionVersement: { MOTISUSVERSRSA: true, DDSUSVERSRSA: true },
      FinDroit: { MOTICLORSA: true, DTCLORSA: true },
      FinDroitMoisAnterieur: { MOTICLORSA: true, DTCLORSA: true },
    },
    DetailDroitRSA: { TroncCommunDroitRSA: { TOPSANSDOMFIXE: true } },
  },
};

/** A household as collected: the schema issues of all of it, and the tree of the elements read alone. */
export type CollectedHousehold = { issues: SchemaIssue[]; tree: XmlNode };

/**
 * The sink of a household's content while it is parsed: checks it against the schema (every element) and
 * keeps only the elements readHousehold reads, which is all an import needs (no tree of the whole household).
 */
export class HouseholdCollector implements ContentSink<CollectedHousehold> {
  private readonly validator = new ElementValidator(vrsbSchema().element("InfosFoyerRSA"));
  private readonly tree: XmlNode;
  private readonly nodes: XmlNode[];
  private readonly wanted: (Wanted | true)[] = [WANTED];
  /** depth inside an element not read */
  private skipped = 0;

  constructor(line = 0) {
    this.tree = { name: "InfosFoyerRSA", line, children: [], text: "" };
    this.nodes = [this.tree];
  }
  open(name: string, line: number): void {
    this.validator.open(name);
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const w = this.wanted[this.wanted.length - 1]!;
    const next = w === true ? undefined : w[name];
    if (next === undefined) {
      this.skipped = 1;
      return;
    }
    const node: XmlNode = { name, line, children: [], text: "" };
    this.nodes[this.nodes.length - 1]!.children.push(node);
    this.nodes.push(node);
    this.wanted.push(next);
  }
  text(text: string): void {
    this.validator.text(text);
    if (this.skipped === 0 && this.wanted[this.wanted.length - 1] === true)
      this.nodes[this.nodes.length - 1]!.text += text;
  }
  close(): void {
    this.validator.close();
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    const node = this.nodes.pop()!;
    if (this.wanted.pop() === true) node.text = fromLatin1(node.text);
  }
  result(): CollectedHousehold {
    return { issues: this.validator.finish(), tree: this.tree };
  }
}

/** Collects a household from its element tree (as parsed by default: tests, tools). */
export function collectHousehold(node: XmlNode): CollectedHousehold {
  const c = new HouseholdCollector(node.line);
  replayContent(node, c);
  return c.result();
}

export function readHousehold(
  ev: {
    index: number;
    line: number;
    offset: number;
    raw: string;
    /** the length of `raw` (given by the parser, which computes `raw` only when asked) */
    length?: number;
    /** false when the household holds no byte undefined in windows-1252 (the raw text is not searched) */
    undefinedBytes?: boolean;
    node: XmlNode | CollectedHousehold;
  },
  ctx: ReadContext,
): HouseholdReading {
  const fail = (problems: Problem[]): HouseholdReading => ({
    ok: false,
    index: ev.index,
    line: ev.line,
    raw: ev.raw,
    problems,
  });
  const collected = "issues" in ev.node ? ev.node : collectHousehold(ev.node);
  const node = collected.tree;

  if (ev.undefinedBytes !== false && UNDEFINED_BYTE_CHARS.test(ev.raw)) {
    return fail([
      {
        code: "encodage",
        message:
          "Octet non défini en windows-1252 (0x81, 0x8D, 0x8F, 0x90 ou 0x9D) : le fichier n'est pas dans l'encodage qu'il déclare.",
      },
    ]);
  }

  // schema: issues inside a Personne block concern that person only
  const issues = collected.issues;
  const householdIssues: Problem[] = [];
  const personIssues = new Map<number, Problem[]>();
  for (const i of issues) {
    const m = /^InfosFoyerRSA\/Personne\[(\d+)\]\//.exec(i.path);
    if (m) {
      const rank = Number(m[1]);
      personIssues.set(rank, [...(personIssues.get(rank) ?? []), schemaProblem(i)]);
    } else householdIssues.push(schemaProblem(i));
  }

  const ideparte = textAt(node, "IdentificationRSA", "Partenaire", "IDEPARTE");
  if (ideparte !== undefined) {
    const dep = departementFromIdeparte(ideparte);
    if (!isDepartementCode(dep)) {
      householdIssues.push({
        code: "departement_inconnu",
        message: `Département inconnu : IDEPARTE « ${ideparte} » n'est pas un code de département.`,
      });
    } else if (dep !== ctx.departement) {
      householdIssues.push({
        code: "autre_departement",
        message: `Foyer d'un autre département : IDEPARTE « ${ideparte} » (département ${dep}), alors que l'import concerne le département ${ctx.departement}.`,
      });
    }
  }
  const fonorg = textAt(node, "IdentificationRSA", "Organisme", "FONORG");
  if (fonorg !== undefined && fonorg !== "CAF" && fonorg !== "MSA") {
    householdIssues.push({
      code: "organisme_inconnu",
      message: `Organisme inconnu : FONORG « ${fonorg} » (CAF ou MSA attendu).`,
    });
  }
  if (householdIssues.length > 0) return fail(householdIssues);

  const rejectedPersons: RejectedPerson[] = [];
  const persons: CnafPerson[] = [];
  let ignoredPersons = 0;
  childrenNamed(node, "Personne").forEach((p, i) => {
    const rank = i + 1;
    const schema = personIssues.get(rank);
    if (schema) {
      rejectedPersons.push({ rank, roleCode: roleOf(p), line: p.line, problems: schema });
      return;
    }
    const roleCode = roleOf(p);
    const subject = bool(textAt(p, "MontantCalculDroitRSAPersonne", "TOPPERSDRODEVORSA")) === true;
    if (roleCode !== "DEM" && roleCode !== "CJT" && !subject) {
      ignoredPersons++;
      return;
    }
    const r = readPerson(p, rank, ctx);
    if (r.person) persons.push(r.person);
    else rejectedPersons.push({ rank, roleCode, line: p.line, problems: r.problems });
  });

  const situation = child(child(node, "PrestationRSA"), "SituationDossierRSA");
  const unknownCodes: string[] = [];
  const etatCode = textAt(situation, "EtatDossierRSA", "ETATDOSRSA") ?? "";
  if (!(etatCode in etatDossierLabels)) unknownCodes.push(`ETATDOSRSA=${etatCode}`);

  const earliest = <T extends { since: string }>(xs: T[]) =>
    xs.sort((a, b) => a.since.localeCompare(b.since))[0] ?? null;
  const droit = earliest(
    childrenNamed(situation, "SuspensionDroit").map((s) => ({
      kind: "droit" as const,
      motif: textAt(s, "MOTISUSDRORSA") ?? "",
      since: dateOf(textAt(s, "DDSUSDRORSA"))!,
    })),
  );
  const versement = earliest(
    childrenNamed(situation, "SuspensionVersement").map((s) => ({
      kind: "versement" as const,
      motif: textAt(s, "MOTISUSVERSRSA") ?? "",
      since: dateOf(textAt(s, "DDSUSVERSRSA"))!,
    })),
  );
  for (const s of childrenNamed(situation, "SuspensionVersement")) {
    const motif = textAt(s, "MOTISUSVERSRSA") ?? "";
    if (!(motif in motifSuspensionVersementLabels)) unknownCodes.push(`MOTISUSVERSRSA=${motif}`);
  }
  const suspension = etatCode === "3" ? (droit ?? versement) : (versement ?? droit);

  const fin = child(situation, "FinDroit") ?? child(situation, "FinDroitMoisAnterieur");
  const cloture = fin
    ? { motif: textAt(fin, "MOTICLORSA") ?? "", date: dateOf(textAt(fin, "DTCLORSA"))! }
    : null;
  if (cloture && !(cloture.motif in motifClotureLabels)) unknownCodes.push(`MOTICLORSA=${cloture.motif}`);

  const adresse = childrenNamed(child(node, "DonneesAdministratives"), "Adresse")[0];
  const france = child(adresse, "AdresseDetailleeFrance");
  const address = france
    ? {
        line:
          [textAt(france, "NUMVOIE"), textAt(france, "LIBTYPEVOIE"), textAt(france, "NOMVOIE")]
            .filter((s) => !!s)
            .join(" ") || null,
        postalCode: textAt(france, "CODEPOS") || null,
        communeCode: textAt(france, "NUMCOM") || null,
        communeName: textAt(france, "NOMCOM") || null,
      }
    : null;

  const ident = child(node, "IdentificationRSA");
  return {
    ok: true,
    ignoredPersons,
    rejectedPersons,
    household: {
      index: ev.index,
      line: ev.line,
      // kept only when part of the household goes to quarantine (else read again from the file if ever needed)
      raw: rejectedPersons.length > 0 ? ev.raw : "",
      rawAt: { offset: ev.offset, length: ev.length ?? ev.raw.length },
      organisme: fonorg as "CAF" | "MSA",
      numorg: textAt(ident, "Organisme", "NUMORG") ?? "",
      matricule: textAt(ident, "Organisme", "MATRICULE") ?? "",
      departement: ctx.departement,
      numeroDemande: textAt(ident, "DemandeRSA", "NUMDEMRSA") || null,
      demandeDate: dateOf(textAt(ident, "DemandeRSA", "DTDEMRSA")),
      etatCode,
      suspension,
      cloture,
      sansDomicileFixe:
        bool(textAt(node, "PrestationRSA", "DetailDroitRSA", "TroncCommunDroitRSA", "TOPSANSDOMFIXE")) ===
        true,
      address,
      unknownCodes,
      persons,
    },
  };
}
