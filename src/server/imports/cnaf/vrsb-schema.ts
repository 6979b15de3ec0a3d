// The VRSB 08.01 schema (data/cnaf/vrsb0801.xsd), read at first use and applied to each parsed element:
// element order and counts (xsd:sequence, minOccurs/maxOccurs) and simple types (string maxLength,
// integer/decimal totalDigits/fractionDigits, date, time, boolean). The schema uses nothing else, and a
// construct this reader does not know stops it, so a new schema version cannot be half-applied silently.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SaxesParser } from "saxes";
import type { XmlNode } from "./xml-node";

export type SimpleType = {
  base: "string" | "integer" | "decimal" | "date" | "time" | "boolean";
  maxLength?: number;
  totalDigits?: number;
  fractionDigits?: number;
};
export type ElementDecl = { name: string; simple?: SimpleType; particles?: Particle[] };
export type Particle = { decl: ElementDecl; min: number; max: number };
export type SchemaIssue = { path: string; message: string };
export type VrsbSchema = { element(name: string): ElementDecl };

export const VRSB_XSD_PATH = fileURLToPath(new URL("../../../../data/cnaf/vrsb0801.xsd", import.meta.url));

type XsdNode = { name: string; attrs: Record<string, string>; children: XsdNode[] };

function readXsd(path: string): XsdNode {
  const parser = new SaxesParser();
  const stack: XsdNode[] = [];
  let root: XsdNode | undefined;
  parser.on("opentag", (t) => {
    const node: XsdNode = {
      name: t.name.replace(/^xsd:/, ""),
      attrs: t.attributes as Record<string, string>,
      children: [],
    };
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("closetag", () => {
    root = stack.pop();
  });
  parser.write(readFileSync(path, "utf8")).close();
  if (!root) throw new Error(`schéma XSD illisible : ${path}`);
  return root;
}

const BASES = new Set(["string", "integer", "decimal", "date", "time", "boolean"]);

function simpleTypeOf(node: XsdNode): SimpleType | undefined {
  const typeAttr = node.attrs.type;
  if (typeAttr) {
    const base = typeAttr.replace(/^xsd:/, "");
    if (!BASES.has(base)) throw new Error(`type XSD non pris en charge : ${typeAttr}`);
    return { base: base as SimpleType["base"] };
  }
  const restriction = node.children
    .find((c) => c.name === "simpleType")
    ?.children.find((c) => c.name === "restriction");
  if (!restriction) return undefined;
  const base = (restriction.attrs.base ?? "").replace(/^xsd:/, "");
  if (!BASES.has(base)) throw new Error(`type XSD non pris en charge : ${restriction.attrs.base}`);
  const t: SimpleType = { base: base as SimpleType["base"] };
  for (const f of restriction.children) {
    const v = Number(f.attrs.value);
    if (f.name === "maxLength") t.maxLength = v;
    else if (f.name === "totalDigits") t.totalDigits = v;
    else if (f.name === "fractionDigits") t.fractionDigits = v;
    else throw new Error(`facette XSD non prise en charge : ${f.name}`);
  }
  return t;
}

export function loadVrsbSchema(path = VRSB_XSD_PATH): VrsbSchema {
  const root = readXsd(path);
  const globals = new Map<string, XsdNode>();
  for (const el of root.children) if (el.name === "element" && el.attrs.name) globals.set(el.attrs.name, el);
  const built = new Map<string, ElementDecl>();

  function build(node: XsdNode, name: string): ElementDecl {
    const complex = node.children.find((c) => c.name === "complexType");
    if (!complex) {
      const simple = simpleTypeOf(node);
      if (!simple) throw new Error(`élément XSD sans type : ${name}`);
      return { name, simple };
    }
    const inner = complex.children.filter((c) => c.name !== "annotation");
    const sequence = inner[0];
    if (inner.length !== 1 || sequence?.name !== "sequence")
      throw new Error(`modèle de contenu XSD non pris en charge : ${name}`);
    const decl: ElementDecl = { name, particles: [] };
    for (const p of sequence.children) {
      if (p.name === "annotation") continue;
      if (p.name !== "element") throw new Error(`particule XSD non prise en charge dans ${name} : ${p.name}`);
      const min = Number(p.attrs.minOccurs ?? "1");
      const max =
        p.attrs.maxOccurs === "unbounded" ? Number.POSITIVE_INFINITY : Number(p.attrs.maxOccurs ?? "1");
      const child = p.attrs.ref ? global(p.attrs.ref) : build(p, p.attrs.name ?? "?");
      decl.particles!.push({ decl: child, min, max });
    }
    return decl;
  }
  function global(name: string): ElementDecl {
    const done = built.get(name);
    if (done) return done;
    const node = globals.get(name);
    if (!node) throw new Error(`élément XSD introuvable : ${name}`);
    const decl = build(node, name);
    built.set(name, decl);
    return decl;
  }
  for (const name of globals.keys()) global(name);
  return { element: global };
}

let cached: VrsbSchema | undefined;
export function vrsbSchema(): VrsbSchema {
  cached ??= loadVrsbSchema();
  return cached;
}

// ── simple types ───────────────────────────────────────────────────────────────────────────────

const significantDigits = (intPart: string, fracPart: string) => {
  const i = intPart.replace(/^0+/, "");
  const f = fracPart.replace(/0+$/, "");
  return { total: Math.max(1, i.length + f.length), fraction: f.length };
};

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
}

/** The French reason a value does not fit its simple type, or undefined when it does. */
export function checkSimpleValue(t: SimpleType, raw: string): string | undefined {
  const v = raw.trim();
  switch (t.base) {
    case "string":
      if (t.maxLength !== undefined && [...raw].length > t.maxLength)
        return `dépasse ${t.maxLength} caractères`;
      return undefined;
    case "integer": {
      const m = /^[+-]?(\d+)$/.exec(v);
      if (!m) return "nombre entier attendu";
      if (t.totalDigits !== undefined && significantDigits(m[1]!, "").total > t.totalDigits)
        return `au plus ${t.totalDigits} chiffres`;
      return undefined;
    }
    case "decimal": {
      const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(v);
      if (!m || (m[1] === "" && (m[2] ?? "") === "")) return "nombre décimal attendu";
      const d = significantDigits(m[1]!, m[2] ?? "");
      if (t.totalDigits !== undefined && d.total > t.totalDigits) return `au plus ${t.totalDigits} chiffres`;
      if (t.fractionDigits !== undefined && d.fraction > t.fractionDigits)
        return `au plus ${t.fractionDigits} décimales`;
      return undefined;
    }
    case "date": {
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/.exec(v);
      return m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))
        ? undefined
        : "date invalide (format attendu AAAA-MM-JJ)";
    }
    case "time": {
      const m = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?(Z|[+-](?:0\d|1[0-4]):[0-5]\d)?$/.exec(v);
      return m || /^24:00:00(\.0+)?$/.test(v) ? undefined : "heure invalide (format attendu HH:MM:SS)";
    }
    case "boolean":
      return /^(true|false|1|0)$/.test(v) ? undefined : "booléen attendu (0 ou 1)";
  }
}

// ── elements ───────────────────────────────────────────────────────────────────────────────────

/** The path of an element, built only when an issue is reported: segments are pushed and popped. */
type PathStack = string[];
const pathOf = (segs: PathStack, last?: string) => (last ? [...segs, last] : segs).join("/");

function misplaced(issues: SchemaIssue[], particles: Particle[], segs: PathStack, c: XmlNode) {
  issues.push({
    path: pathOf(segs, c.name),
    message: particles.some((p) => p.decl.name === c.name)
      ? "élément en trop ou mal placé"
      : "élément inconnu du schéma VRSB 08.01",
  });
}

/** Checks an element against its declaration; issues carry a path such as « Personne[2]/Identification/DTNAI ». */
export function validateElement(
  decl: ElementDecl,
  node: XmlNode,
  path = decl.name,
  issues: SchemaIssue[] = [],
): SchemaIssue[] {
  walk(decl, node, [path], issues);
  return issues;
}

function walk(decl: ElementDecl, node: XmlNode, segs: PathStack, issues: SchemaIssue[]): void {
  // hot path (every element of every household): no closure, no string built unless there is an issue
  if (decl.simple) {
    if (node.children.length > 0)
      issues.push({ path: pathOf(segs), message: "contient des éléments alors qu'une valeur est attendue" });
    else {
      const why = checkSimpleValue(decl.simple, node.text);
      if (why) issues.push({ path: pathOf(segs), message: why });
    }
    return;
  }
  if (node.text.length > 0 && node.text.trim() !== "")
    issues.push({ path: pathOf(segs), message: "contient du texte alors que des éléments sont attendus" });
  const children = node.children;
  const particles = decl.particles ?? [];
  let i = 0;
  for (let k = 0; k < particles.length; k++) {
    const p = particles[k]!;
    const name = p.decl.name;
    let count = 0;
    while (i < children.length && children[i]!.name === name && count < p.max) {
      count++;
      segs.push(p.max > 1 ? `${name}[${count}]` : name);
      walk(p.decl, children[i]!, segs, issues);
      segs.pop();
      i++;
    }
    if (count >= p.min) continue;
    // the next child belongs further on: this one is missing; otherwise the child is out of place (stop here, as xmllint)
    const next = children[i];
    if (next && !particles.slice(k + 1).some((q) => q.decl.name === next.name)) {
      misplaced(issues, particles, segs, next);
      return;
    }
    issues.push({
      path: pathOf(segs, name),
      message:
        count === 0 ? "élément obligatoire absent" : `présent ${count} fois, au moins ${p.min} attendus`,
    });
  }
  if (i < children.length) misplaced(issues, particles, segs, children[i]!);
}
