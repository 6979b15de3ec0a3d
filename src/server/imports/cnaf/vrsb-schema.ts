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
const DIGITS = /^\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const digitsAt = (v: string, from: number, n: number) => {
  let x = 0;
  for (let i = from; i < from + n; i++) x = x * 10 + v.charCodeAt(i) - 48;
  return x;
};

export function checkSimpleValue(t: SimpleType, raw: string): string | undefined {
  const v = raw.trim();
  // the usual values, accepted without building anything (the checks below give the same answer)
  if (t.base === "integer" && DIGITS.test(v) && (t.totalDigits === undefined || v.length <= t.totalDigits))
    return undefined;
  if (t.base === "date" && DATE.test(v))
    return isCalendarDate(digitsAt(v, 0, 4), digitsAt(v, 5, 2), digitsAt(v, 8, 2))
      ? undefined
      : "date invalide (format attendu AAAA-MM-JJ)";
  switch (t.base) {
    case "string":
      // characters, not UTF-16 units (counted only when the units are too many)
      if (t.maxLength !== undefined && raw.length > t.maxLength && [...raw].length > t.maxLength)
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

/** Receives an element's content as a stream: start tags, text and end tags, in document order. */
export interface ElementSink {
  open(name: string, line: number): void;
  text(text: string): void;
  close(): void;
}

/** Feeds a parsed element's content (not the element itself) to a sink, as the parser would have. */
export function replayContent(node: XmlNode, sink: ElementSink): void {
  if (node.text) sink.text(node.text);
  for (const c of node.children) {
    sink.open(c.name, c.line);
    replayContent(c, sink);
    sink.close();
  }
}

/** The path of an element: segments, and for a repeated one its rank (0 when not repeated). */
type Segments = { names: string[]; ranks: number[] };
const pathOf = (segs: Segments, last?: string) => {
  const parts = segs.names.map((n, i) => (segs.ranks[i]! > 0 ? `${n}[${segs.ranks[i]}]` : n));
  if (last) parts.push(last);
  return parts.join("/");
};

function misplaced(issues: SchemaIssue[], particles: Particle[], segs: Segments, name: string) {
  issues.push({
    path: pathOf(segs, name),
    message: particles.some((p) => p.decl.name === name)
      ? "élément en trop ou mal placé"
      : "élément inconnu du schéma VRSB 08.01",
  });
}

/** One element being checked: its declaration, where it stands in its sequence, its text. */
type Frame = {
  decl: ElementDecl;
  /** index of the particle the next child is matched against, and the children it took so far */
  k: number;
  count: number;
  /** a child out of place was reported: the rest of the element is not checked (as xmllint) */
  stopped: boolean;
  /** simple type: its text; complex: whether some text is not blank */
  text: string;
  textNotBlank: boolean;
  hasChildren: boolean;
  /** where its own issues start in the list (a text issue goes before its children's) */
  issuesAt: number;
};

/**
 * Checks an element against its declaration while it is parsed, without building it: the sink of its
 * content. Issues carry a path such as « InfosFoyerRSA/Personne[2]/Identification/DTNAI », in the order a
 * walk of the element tree would report them.
 */
export class ElementValidator implements ElementSink {
  readonly issues: SchemaIssue[];
  /** the open elements, frames[0] the validated one; frames past `depth` are kept for reuse */
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly segs: Segments;
  /** depth inside an element that is not checked (out of place, or inside a simple-typed element) */
  private skipped = 0;

  constructor(decl: ElementDecl, path = decl.name, issues: SchemaIssue[] = []) {
    this.issues = issues;
    this.segs = { names: [path], ranks: [0] };
    this.push(decl);
  }

  /** Opens a frame (reused: a household has thousands of elements, and a frame is all a check needs). */
  private push(decl: ElementDecl) {
    const f = this.frames[this.depth];
    if (f) {
      f.decl = decl;
      f.k = 0;
      f.count = 0;
      f.stopped = false;
      f.text = "";
      f.textNotBlank = false;
      f.hasChildren = false;
      f.issuesAt = this.issues.length;
    } else
      this.frames.push({
        decl,
        k: 0,
        count: 0,
        stopped: false,
        text: "",
        textNotBlank: false,
        hasChildren: false,
        issuesAt: this.issues.length,
      });
    this.depth++;
  }

  open(name: string): void {
    if (this.skipped > 0) {
      this.skipped++;
      return;
    }
    const top = this.frames[this.depth - 1]!;
    if (top.decl.simple || top.stopped) {
      // a simple-typed element with children is reported at its end; its children are not checked
      top.hasChildren = true;
      this.skipped = 1;
      return;
    }
    const particles = top.decl.particles!;
    for (;;) {
      const p = particles[top.k];
      if (p === undefined) {
        misplaced(this.issues, particles, this.segs, name);
        top.stopped = true;
        this.skipped = 1;
        return;
      }
      if (p.decl.name === name && top.count < p.max) {
        top.count++;
        this.segs.names.push(name);
        this.segs.ranks.push(p.max > 1 ? top.count : 0);
        this.push(p.decl);
        return;
      }
      if (top.count < p.min) {
        // the child belongs further on: this particle is missing; otherwise the child is out of place
        let later = false;
        for (let q = top.k + 1; q < particles.length && !later; q++) later = particles[q]!.decl.name === name;
        if (!later) {
          misplaced(this.issues, particles, this.segs, name);
          top.stopped = true;
          this.skipped = 1;
          return;
        }
        this.missing(p, top.count);
      }
      top.k++;
      top.count = 0;
    }
  }

  text(text: string): void {
    if (this.skipped > 0) return;
    const top = this.frames[this.depth - 1]!;
    if (top.decl.simple) top.text += text;
    else if (!top.textNotBlank && text.trim() !== "") top.textNotBlank = true;
  }

  close(): void {
    if (this.skipped > 0) {
      this.skipped--;
      return;
    }
    const f = this.frames[--this.depth]!;
    this.end(f);
    this.segs.names.pop();
    this.segs.ranks.pop();
  }

  /** Ends the element the validator was made for (its end tag); returns the issues. */
  finish(): SchemaIssue[] {
    while (this.depth > 0) this.close();
    return this.issues;
  }

  private missing(p: Particle, count: number) {
    this.issues.push({
      path: pathOf(this.segs, p.decl.name),
      message:
        count === 0 ? "élément obligatoire absent" : `présent ${count} fois, au moins ${p.min} attendus`,
    });
  }

  private end(f: Frame) {
    if (f.decl.simple) {
      if (f.hasChildren)
        this.issues.push({
          path: pathOf(this.segs),
          message: "contient des éléments alors qu'une valeur est attendue",
        });
      else {
        const why = checkSimpleValue(f.decl.simple, f.text);
        if (why) this.issues.push({ path: pathOf(this.segs), message: why });
      }
      return;
    }
    if (f.textNotBlank)
      this.issues.splice(f.issuesAt, 0, {
        path: pathOf(this.segs),
        message: "contient du texte alors que des éléments sont attendus",
      });
    if (f.stopped) return;
    const particles = f.decl.particles!;
    for (let k = f.k; k < particles.length; k++) {
      const count = k === f.k ? f.count : 0;
      if (count < particles[k]!.min) this.missing(particles[k]!, count);
    }
  }
}

/** Checks a parsed element against its declaration; issues carry a path such as « Personne[2]/Identification/DTNAI ». */
export function validateElement(
  decl: ElementDecl,
  node: XmlNode,
  path = decl.name,
  issues: SchemaIssue[] = [],
): SchemaIssue[] {
  const v = new ElementValidator(decl, path, issues);
  replayContent(node, v);
  return v.finish();
}
