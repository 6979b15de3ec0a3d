// Streaming reader of a CAF/MSA beneficiaries flow (VRSB 08.01): bytes in, events out — the header
// (IdentificationFlux), each household (InfosFoyerRSA) with its raw XML text, then the trailer
// (TransmissionFlux). A household comes as what a sink made of its content: its element tree by default,
// or, for an import, what read-household.ts collects while the household is parsed (no tree). Memory holds
// one read chunk and one household, whatever the size of the file. The encoding declared by the XML
// declaration is respected: windows-1252 (ISO-8859-1 is read as its windows-1252 superset); any other
// declaration stops the import before anything is read. A well-formedness error stops the stream with its
// line number: every household yielded before it is complete, so the caller can commit them first.
// Two readers share the work: saxes (the whole XML grammar) for the start and the end of the flow and for
// any household with unusual markup, and a fast reader (indexOf) for the plain households in between; the
// fast reader hands over to saxes at the start of whatever it does not read itself, so the events and the
// errors are saxes's in every case (parse-cnaf-flux.test.ts compares them with saxes alone on fuzzed flows).
import { SaxesParser } from "saxes";
import { importsErrors } from "../../../shared/imports/imports.errors";
import type { ElementSink } from "./vrsb-schema";
import { fromLatin1, hasUndefinedByte } from "./windows-1252";
import type { XmlNode } from "./xml-node";

export type HouseholdEvent<H = XmlNode> = {
  kind: "household";
  index: number;
  line: number;
  offset: number;
  /** the household's XML text (computed when read), and its length */
  readonly raw: string;
  length: number;
  /** false when the bytes of the household hold no byte undefined in windows-1252 */
  undefinedBytes: boolean;
  node: H;
};
export type FluxEvent<H = XmlNode> =
  | { kind: "header"; node: XmlNode }
  | HouseholdEvent<H>
  | { kind: "trailer"; node: XmlNode };

/**
 * Makes something of an element's content as it is parsed. Text comes as read, byte for character
 * (ISO-8859-1): `fromLatin1` gives its windows-1252 text (the parser need not convert what is not kept).
 */
export interface ContentSink<H> extends ElementSink {
  result(): H;
}

/** The default sink: the element tree, texts decoded. */
export class TreeSink implements ContentSink<XmlNode> {
  private readonly root: XmlNode;
  private readonly stack: XmlNode[];
  constructor(name: string, line: number) {
    this.root = { name, line, children: [], text: "" };
    this.stack = [this.root];
  }
  open(name: string, line: number): void {
    const node: XmlNode = { name, line, children: [], text: "" };
    this.stack[this.stack.length - 1]!.children.push(node);
    this.stack.push(node);
  }
  text(text: string): void {
    this.stack[this.stack.length - 1]!.text += fromLatin1(text);
  }
  close(): void {
    this.stack.pop();
  }
  result(): XmlNode {
    return this.root;
  }
}

const ACCEPTED_ENCODINGS = new Set([
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "l1",
]);

/** Checks the XML declaration at the start of the file (ASCII-compatible in every accepted encoding). */
export function checkDeclaredEncoding(head: Buffer): void {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) throw importsErrors.byteOrderMark();
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw importsErrors.encodingUnsupported("UTF-16");
  const start = head.subarray(0, 512).toString("latin1");
  const decl = /^<\?xml\s[^>]*?\?>/.exec(start);
  if (!decl) throw importsErrors.encodingNotDeclared();
  const enc = /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl[0]);
  if (!enc) throw importsErrors.encodingNotDeclared();
  if (!ACCEPTED_ENCODINGS.has(enc[1]!.toLowerCase())) throw importsErrors.encodingUnsupported(enc[1]!);
}

const SAXES_MESSAGES: [RegExp, string][] = [
  [/^unclosed tag: (.*)$/i, "balise <$1> jamais fermée : fichier tronqué ?"],
  [/^unexpected close tag/i, "balise de fermeture qui ne correspond pas à la balise ouverte"],
  [/^unmatched closing tag: (.*)$/i, "balise de fermeture </$1> qui ne correspond pas à la balise ouverte"],
  [/^undefined entity/i, "entité non définie (un « & » doit s'écrire « &amp; »)"],
  [/^disallowed character/i, "caractère interdit en XML"],
  [/^unquoted attribute value/i, "valeur d'attribut sans guillemets"],
  [/^documents may contain only one root/i, "contenu après la fin de l'élément racine"],
  [/^text data outside of root node/i, "texte en dehors de l'élément racine"],
  [/^document must contain a root element/i, "aucun élément racine"],
];

function frenchDetail(message: string): string {
  // saxes: "line:column: message"
  const m = (/^(?:[^:]*:)?\d+:\d+: (.*?)\.?$/.exec(message)?.[1] ?? message).trim();
  for (const [re, fr] of SAXES_MESSAGES) if (re.test(m)) return m.replace(re, fr);
  return `erreur de syntaxe XML : ${m}`;
}

/** Parses a flow; each household is what `household` makes of it (its element tree by default). */
export function parseCnafFlux(source: AsyncIterable<Buffer>): AsyncGenerator<FluxEvent>;
export function parseCnafFlux<H>(
  source: AsyncIterable<Buffer>,
  household: (line: number) => ContentSink<H>,
  options?: { fastReader?: boolean },
): AsyncGenerator<FluxEvent<H>>;
export async function* parseCnafFlux<H>(
  source: AsyncIterable<Buffer>,
  household: (line: number) => ContentSink<H> = (line) => new TreeSink("InfosFoyerRSA", line) as never,
  /** fastReader: false reads with saxes alone (the reference the tests compare the fast reader with) */
  options: { fastReader?: boolean } = {},
): AsyncGenerator<FluxEvent<H | XmlNode>> {
  const queue: FluxEvent<H | XmlNode>[] = [];
  let depth = 0;
  let stage: "start" | "header" | "households" | "trailer" = "start";
  let households = 0;
  // the element of depth 1 being read, and what is made of it
  let sink: ContentSink<H | XmlNode> | undefined;
  // text read so far (byte for character) kept from `bufferStart` on: the current household's raw XML is cut from it
  let buffer = "";
  let bufferStart = 0;
  let householdStart = -1;
  let householdLine = 0;
  // spans [from, to[ of the text whose bytes hold an undefined byte (rare), for the households they overlap
  let undefinedSpans: [number, number][] = [];
  // an error stops the stream only after the households completed before it have been handed over
  let failure: unknown;

  const startElement = (name: string, line: number, at: number) => {
    if (depth >= 2) {
      depth++;
      sink!.open(name, line);
      return;
    }
    if (depth === 0) {
      if (name !== "Racine")
        throw importsErrors.unexpectedElement(line, name, "l'élément racine doit être <Racine>");
    } else {
      if (name === "IdentificationFlux" && stage === "start") stage = "header";
      else if (name === "InfosFoyerRSA" && (stage === "header" || stage === "households")) {
        stage = "households";
        householdStart = at;
        householdLine = line;
      } else if (name === "TransmissionFlux" && (stage === "header" || stage === "households"))
        stage = "trailer";
      else {
        const expected =
          stage === "start"
            ? "le flux doit commencer par <IdentificationFlux>"
            : stage === "trailer"
              ? "rien n'est attendu après <TransmissionFlux>"
              : "seuls <InfosFoyerRSA> puis <TransmissionFlux> sont attendus ici";
        throw importsErrors.unexpectedElement(line, name, expected);
      }
      sink = name === "InfosFoyerRSA" ? household(line) : new TreeSink(name, line);
    }
    depth++;
  };
  const text = (t: string) => {
    if (depth >= 2) sink!.text(t);
  };
  /** where the last element of depth 1 ended */
  let lastEnd = -1;
  const endElement = (name: string, end: number) => {
    depth--;
    if (depth >= 2) {
      sink!.close();
      return;
    }
    if (depth !== 1) return;
    lastEnd = end;
    const node = sink!.result();
    sink = undefined;
    if (name === "IdentificationFlux") queue.push({ kind: "header", node: node as XmlNode });
    else if (name === "TransmissionFlux") queue.push({ kind: "trailer", node: node as XmlNode });
    else {
      households++;
      const start = householdStart;
      const latin = buffer.slice(start - bufferStart, end - bufferStart);
      let raw: string | undefined;
      queue.push({
        kind: "household",
        index: households,
        line: householdLine,
        offset: start,
        length: end - start,
        get raw() {
          raw ??= fromLatin1(latin);
          return raw;
        },
        undefinedBytes: undefinedSpans.some(([from, to]) => from < end && to > start),
        node,
      });
      householdStart = -1;
    }
  };

  // ── saxes: the whole XML 1.0 grammar, for the start of the flow and whatever the fast reader leaves ──
  // A saxes parser taking over in the middle of the flow is started inside a <Racine> of its own, and its
  // lines and positions are shifted to the flow's.
  let parser: SaxesParser;
  let lineShift = 0;
  let positionShift = 0;
  const startSaxes = (line: number, position: number) => {
    parser = new SaxesParser({ position: true });
    lineShift = line - 1;
    positionShift = position;
    parser.on("opentag", (tag) => {
      const at = parser.position + positionShift - bufferStart;
      startElement(tag.name, parser.line + lineShift, bufferStart + buffer.lastIndexOf("<", at - 1));
    });
    parser.on("text", text);
    parser.on("cdata", text);
    parser.on("closetag", (tag) => endElement(tag.name, parser.position + positionShift));
  };
  startSaxes(1, 0);
  const write = (t: string | null) => {
    if (failure) return;
    try {
      if (t === null) parser.close();
      // saxes reads windows-1252 text (Œ is a letter of a name, its byte 0x8C read as ISO-8859-1 is not)
      else parser.write(fromLatin1(t));
    } catch (e) {
      failure =
        e instanceof Error && !("code" in e)
          ? importsErrors.malformed(parser.line + lineShift, frenchDetail(e.message))
          : e;
    }
  };

  // ── the fast reader: the households of a plain flow ─────────────────────────────────────────────
  // Between the header and the trailer, a flow is made of elements without attributes and of text: read
  // with indexOf, several times faster than saxes. Whatever else it meets (the trailer, a comment, CDATA,
  // an entity other than the five predefined ones, a malformed tag…), it hands the flow over to saxes from
  // the start of the household it was reading (or from that markup), as if saxes had read all along.
  let fast = false;
  /** absolute position up to which the fast reader has read, and the line there */
  let fastAt = 0;
  let fastLine = 1;
  const open: string[] = [];
  // every name read once: checked, then shared by all its elements (no new string to compare, hash or keep)
  const names = new Map<string, string>();
  const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids in text
  const TEXT_SPECIAL = /[&\r\x00-\x08\x0b\x0c\x0e-\x1f]|\]\]>/;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the same, once line ends are normalised
  const TEXT_LEFT = /[&\x00-\x08\x0b\x0c\x0e-\x1f]|\]\]>/;
  const ENTITY = /&(?:(amp)|(lt)|(gt)|(quot)|(apos));/g;
  const ENTITY_TEXT: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  /** The shared name, or undefined when it is not a plain ASCII XML name. */
  const nameOf = (n: string): string | undefined => {
    const known = names.get(n);
    if (known !== undefined || !NAME.test(n)) return known;
    names.set(n, n);
    return n;
  };
  const newlines = (t: string) => {
    let n = 0;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) n++;
    return n;
  };
  /** Text as saxes gives it (line ends normalised, predefined entities replaced), or undefined to hand over. */
  const plainText = (t: string): string | undefined => {
    if (!TEXT_SPECIAL.test(t)) return t;
    let out = t;
    if (out.includes("\r")) out = out.replace(/\r\n?/g, "\n");
    if (out.includes("&")) out = out.replace(ENTITY, (m) => ENTITY_TEXT[m.slice(1, -1)]!);
    // anything left (another entity, a control character, « ]]> ») is saxes's to read
    return TEXT_LEFT.test(out) || t.includes("]]>") ? undefined : out;
  };
  const handOver = (from: number, line: number) => {
    fast = false;
    if (open.length > 0) {
      // the household is read again from its start
      from = householdStart;
      line = householdLine;
      householdStart = -1;
      sink = undefined;
      open.length = 0;
    }
    depth = 0;
    startSaxes(line, from - "<Racine>".length);
    write("<Racine>");
    write(buffer.slice(from - bufferStart));
  };
  const readFast = () => {
    let i = fastAt - bufferStart;
    for (;;) {
      const lt = buffer.indexOf("<", i);
      if (lt < 0) break;
      if (lt > i) {
        const raw = buffer.slice(i, lt);
        const t = plainText(raw);
        if (t === undefined || (open.length === 0 && t.trim() !== ""))
          return handOver(bufferStart + i, fastLine);
        if (open.length > 0) text(t);
        fastLine += t === raw ? newlines(raw) : newlines(t);
        i = lt;
      }
      const gt = buffer.indexOf(">", lt + 1);
      if (gt < 0) break;
      const at = bufferStart + lt;
      if (buffer.charCodeAt(lt + 1) === 0x2f) {
        // </name>: the name of the open element, compared where it stands
        const name = open[open.length - 1];
        if (name === undefined || gt !== lt + 2 + name.length || !buffer.startsWith(name, lt + 2))
          return handOver(at, fastLine);
        open.pop();
        endElement(name, bufferStart + gt + 1);
      } else {
        const selfClosing = buffer.charCodeAt(gt - 1) === 0x2f;
        const name = nameOf(buffer.slice(lt + 1, selfClosing ? gt - 1 : gt));
        if (name === undefined || (open.length === 0 && name !== "InfosFoyerRSA"))
          return handOver(at, fastLine);
        startElement(name, fastLine, at);
        if (selfClosing) endElement(name, bufferStart + gt + 1);
        else open.push(name);
      }
      i = gt + 1;
    }
    fastAt = bufferStart + i;
  };

  // Text is made by pieces of at most 64 KiB: a string beyond 128 KiB is allocated apart by V8 (large object
  // space, fresh pages each time), several times slower per byte than a small one.
  const PIECE = 64 * 1024;
  /** undecided until the header's end */
  let fastAllowed: boolean | undefined = options.fastReader === false ? false : undefined;
  const read = (bytes: Buffer) => {
    for (let at = 0; at < bytes.length && !failure; at += PIECE) {
      const piece = bytes.subarray(at, at + PIECE);
      // windows-1252 is read byte for character (ISO-8859-1): what differs (U+0080–U+009F) is converted in
      // the texts that are kept; the XML markup is ASCII either way
      const t = piece.toString("latin1");
      const from = bufferStart + buffer.length;
      if (hasUndefinedByte(piece)) undefinedSpans.push([from, from + t.length]);
      buffer += t;
      try {
        if (fast) readFast();
        else if (fastAllowed !== false && stage !== "trailer") {
          // the fast reader takes over right after the header, or after a household read by saxes: once
          // saxes has read up to that end tag and nothing more
          const marker = stage === "households" ? "</InfosFoyerRSA>" : "</IdentificationFlux>";
          const end = t.indexOf(marker);
          if (end < 0) write(t);
          else {
            const cut = end + marker.length;
            write(t.slice(0, cut));
            // not with a document type (it may declare entities) nor in XML 1.1 (other characters allowed)
            if (fastAllowed === undefined && stage === "header") {
              const prolog = bufferStart === 0 ? buffer.slice(0, from + cut) : "<!DOCTYPE";
              fastAllowed =
                !prolog.includes("<!DOCTYPE") && !/^<\?xml[^>]*version\s*=\s*["']1\.1/.test(prolog);
            }
            if (fastAllowed && !failure && depth === 1 && lastEnd === from + cut) {
              fast = true;
              fastAt = from + cut;
              fastLine = parser.line + lineShift;
              readFast();
            } else write(t.slice(cut));
          }
        } else write(t);
      } catch (e) {
        // an error of the flow's structure raised by the fast reader (unexpected element…)
        failure ??= e;
      }
      // keep only what the open household still needs, or else the tag that may be starting
      const keepFrom = fast
        ? Math.min(householdStart >= 0 ? householdStart : fastAt, fastAt)
        : householdStart >= 0
          ? householdStart
          : bufferStart + Math.max(0, buffer.lastIndexOf("<"));
      if (keepFrom > bufferStart) {
        buffer = buffer.slice(keepFrom - bufferStart);
        bufferStart = keepFrom;
        if (undefinedSpans.length > 0) undefinedSpans = undefinedSpans.filter(([, to]) => to > keepFrom);
      }
    }
  };

  // the XML declaration is checked once its closing « ?> » (or 512 bytes) has arrived
  let head: Buffer | undefined = Buffer.alloc(0);
  let first = true;
  for await (const input of source) {
    let chunk = input;
    if (chunk.length === 0) continue;
    first = false;
    if (head) {
      head = Buffer.concat([head, chunk]);
      if (head.length < 512 && !head.includes("?>")) continue;
      checkDeclaredEncoding(head);
      chunk = head;
      head = undefined;
    }
    read(chunk);
    while (queue.length > 0) yield queue.shift()!;
    if (failure) throw failure;
  }
  if (first) throw importsErrors.emptyFile();
  if (head) {
    checkDeclaredEncoding(head);
    read(head);
  }
  // the end of the flow is saxes's to check (the fast reader never reads a whole flow)
  if (fast && !failure) handOver(fastAt, fastLine);
  if (!failure) write(null);
  while (queue.length > 0) yield queue.shift()!;
  if (failure) throw failure;
  if ((stage as string) !== "trailer") throw importsErrors.truncated();
}
