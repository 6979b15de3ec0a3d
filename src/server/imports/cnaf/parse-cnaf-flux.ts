// Streaming reader of a CAF/MSA beneficiaries flow (VRSB 08.01): bytes in, events out — the header
// (IdentificationFlux), each household (InfosFoyerRSA) as a plain element tree with its raw XML text,
// then the trailer (TransmissionFlux). Memory holds one read chunk and one household, whatever the size
// of the file. The encoding declared by the XML declaration is respected: windows-1252 (ISO-8859-1 is
// read as its windows-1252 superset); any other declaration stops the import before anything is read.
// A well-formedness error stops the stream with its line number: every household yielded before it is
// complete, so the caller can commit them first.
import { SaxesParser } from "saxes";
import { importsErrors } from "../../../shared/imports/imports.errors";
import { decodeWindows1252 } from "./windows-1252";
import type { XmlNode } from "./xml-node";

export type FluxEvent =
  | { kind: "header"; node: XmlNode }
  | { kind: "household"; index: number; line: number; offset: number; raw: string; node: XmlNode }
  | { kind: "trailer"; node: XmlNode };

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

export async function* parseCnafFlux(source: AsyncIterable<Buffer>): AsyncGenerator<FluxEvent> {
  const parser = new SaxesParser({ position: true });
  const queue: FluxEvent[] = [];
  const stack: XmlNode[] = [];
  let depth = 0;
  let stage: "start" | "header" | "households" | "trailer" = "start";
  let households = 0;
  // decoded text kept from `bufferStart` on: the current household's raw XML is cut from it
  let buffer = "";
  let bufferStart = 0;
  let householdStart = -1;
  let householdLine = 0;

  parser.on("opentag", (tag) => {
    const name = tag.name;
    const line = parser.line;
    if (depth === 0) {
      if (name !== "Racine")
        throw importsErrors.unexpectedElement(line, name, "l'élément racine doit être <Racine>");
    } else if (depth === 1) {
      if (name === "IdentificationFlux" && stage === "start") stage = "header";
      else if (name === "InfosFoyerRSA" && (stage === "header" || stage === "households")) {
        stage = "households";
        const at = parser.position - bufferStart;
        householdStart = bufferStart + buffer.lastIndexOf("<", at - 1);
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
    }
    depth++;
    if (depth >= 2) {
      const node: XmlNode = { name, line, children: [], text: "" };
      stack.at(-1)?.children.push(node);
      stack.push(node);
    }
  });
  parser.on("text", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("cdata", (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on("closetag", () => {
    depth--;
    if (depth < 1) return;
    const node = stack.pop()!;
    if (depth !== 1) return;
    if (node.name === "IdentificationFlux") queue.push({ kind: "header", node });
    else if (node.name === "TransmissionFlux") queue.push({ kind: "trailer", node });
    else {
      households++;
      const raw = buffer.slice(householdStart - bufferStart, parser.position - bufferStart);
      queue.push({
        kind: "household",
        index: households,
        line: householdLine,
        offset: householdStart,
        raw,
        node,
      });
      householdStart = -1;
    }
  });

  // an error stops the stream only after the households completed before it have been handed over
  let failure: unknown;
  const write = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (e) {
      failure =
        e instanceof Error && !("code" in e)
          ? importsErrors.malformed(parser.line, frenchDetail(e.message))
          : e;
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
    const text = decodeWindows1252(chunk);
    buffer += text;
    write(text);
    // keep only what the open household still needs, or else the tag that may be starting
    const keepFrom =
      householdStart >= 0 ? householdStart : bufferStart + Math.max(0, buffer.lastIndexOf("<"));
    if (keepFrom > bufferStart) {
      buffer = buffer.slice(keepFrom - bufferStart);
      bufferStart = keepFrom;
    }
    while (queue.length > 0) yield queue.shift()!;
    if (failure) throw failure;
  }
  if (first) throw importsErrors.emptyFile();
  if (head) {
    checkDeclaredEncoding(head);
    const text = decodeWindows1252(head);
    buffer += text;
    write(text);
  }
  write(null);
  while (queue.length > 0) yield queue.shift()!;
  if (failure) throw failure;
  if ((stage as string) !== "trailer") throw importsErrors.truncated();
}
