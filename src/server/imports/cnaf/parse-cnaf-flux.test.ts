import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cnafFixtures, fixturesDir } from "./fixtures/generate-cnaf-flux";
import { type FluxEvent, parseCnafFlux, TreeSink } from "./parse-cnaf-flux";
import { decodeWindows1252, encodeWindows1252 } from "./windows-1252";
import { textAt, type XmlNode } from "./xml-node";

const fixture = (name: string) => readFileSync(join(fixturesDir, name));

/** Feeds the bytes in chunks of `size` (a household straddles many chunks when size is small). */
async function collect(bytes: Buffer, size = 1 << 16): Promise<FluxEvent[]> {
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: FluxEvent[] = [];
  for await (const ev of parseCnafFlux(chunks())) out.push(ev);
  return out;
}

describe("right paths", () => {
  test("the committed fixtures are what the generator makes", () => {
    for (const [name, make] of Object.entries(cnafFixtures))
      assert.ok(fixture(name).equals(make()), `${name} : relancez generate-cnaf-flux.ts`);
  });

  test("header, every household with its exact raw XML and start line, trailer — whatever the chunk size", async () => {
    const bytes = fixture("flux-valide.xml");
    const text = decodeWindows1252(bytes);
    for (const size of [7, 1000, 1 << 20]) {
      const events = await collect(bytes, size);
      assert.deepEqual(
        events.map((e) => e.kind),
        ["header", ...Array(8).fill("household"), "trailer"],
      );
      const households = events.filter((e) => e.kind === "household");
      assert.deepEqual(
        households.map((h) => h.index),
        [1, 2, 3, 4, 5, 6, 7, 8],
      );
      for (const h of households) {
        assert.ok(h.raw.startsWith("<InfosFoyerRSA>") && h.raw.endsWith("</InfosFoyerRSA>"));
        assert.ok(text.includes(h.raw));
        assert.equal(text.split("\n")[h.line - 1], "<InfosFoyerRSA>");
      }
      const header = events[0]!;
      assert.equal(textAt(header.node, "DTREF"), "2026-02-28");
      assert.equal(textAt(events.at(-1)!.node, "NBTOTDOSRSATRANSM"), "00000008");
    }
  });

  test("markup the fast reader leaves to saxes (comment, CDATA, references, CRLF, spaces in tags) reads the same", async () => {
    const text = decodeWindows1252(fixture("flux-valide.xml"));
    const plain = await collect(fixture("flux-valide.xml"));
    // the households of a long flow (several pieces of text), each reader taking over from the other
    const copies = 40;
    const start = text.indexOf("<InfosFoyerRSA>");
    const end = text.lastIndexOf("</InfosFoyerRSA>") + "</InfosFoyerRSA>".length;
    const households = text.slice(start, end);
    const variants = [
      (h: string) => h.replace("<QUAL>", "<!-- commentaire --><QUAL>"),
      (h: string) => h.replace(/<NOM>([^<]*)</, "<NOM><![CDATA[$1]]><"),
      (h: string) => h.replace("<QUAL>M", "<QUAL>&#77;").replace("DE L'ESSAI", "DE L&apos;ESSAI"),
      (h: string) => h.replaceAll("\n", "\r\n"),
      (h: string) => h.replace("</Organisme>", "</Organisme >"),
      (h: string) => h,
    ];
    const body = Array.from({ length: copies }, (_, i) => variants[i % variants.length]!(households)).join(
      "\n",
    );
    const flowText = text.slice(0, start) + body + text.slice(end);
    const flow = encodeWindows1252(flowText);
    for (const size of [1000, 1 << 16, 1 << 20]) {
      const events = await collect(flow, size);
      const read = events.filter((e) => e.kind === "household");
      assert.equal(read.length, 8 * copies);
      const expected = plain.filter((e) => e.kind === "household");
      // same content whatever the markup: the texts of every element (lines differ from the fixture's)
      const texts = (n: XmlNode): unknown => [n.name, n.text.trim(), n.children.map(texts)];
      for (const [i, h] of read.entries())
        assert.deepEqual(texts(h.node), texts(expected[i % 8]!.node), `foyer ${i + 1}`);
      assert.deepEqual(
        read.map((h) => h.index),
        read.map((_, i) => i + 1),
      );
      let line = 1;
      let at = 0;
      for (const h of read) {
        assert.equal(flowText.slice(h.offset, h.offset + h.raw.length), h.raw);
        for (; at < h.offset; at++) if (flowText[at] === "\n") line++;
        assert.equal(h.line, line);
      }
      assert.equal(textAt(events.at(-1)!.node, "NBTOTDOSRSATRANSM"), "00000008");
    }
  });

  test("the fast reader gives saxes's events and errors on fuzzed flows", async () => {
    const text = decodeWindows1252(fixture("flux-quarantaine.xml"));
    const start = text.indexOf("<InfosFoyerRSA>");
    const end = text.lastIndexOf("</InfosFoyerRSA>") + "</InfosFoyerRSA>".length;
    // long enough for several pieces of text, so that each reader takes over from the other
    const base = text.slice(0, start) + text.slice(start, end).repeat(6) + text.slice(end);
    const bits = [
      "&amp;",
      "&lt;",
      "&#65;",
      "&foo;",
      "&",
      "<",
      ">",
      "]]>",
      "\r\n",
      "\r",
      "\t",
      "\u0001",
      "<!-- c -->",
      "<![CDATA[x<y]]>",
      "<?pi x?>",
      ' a="1"',
      "/",
      "</X>",
      "<X/>",
      "<X>",
      "\u008c",
      "\u0081",
      "é",
      "\u00a0",
      "<InfosFoyerRSA>",
      "</InfosFoyerRSA>",
      "<TransmissionFlux>",
      "<NOM >",
      "<a:b>",
    ];
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const run = async (bytes: Buffer, size: number, fastReader: boolean) => {
      async function* chunks() {
        for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
      }
      const out: unknown[] = [];
      try {
        for await (const ev of parseCnafFlux(chunks(), (line) => new TreeSink("InfosFoyerRSA", line), {
          fastReader,
        }))
          out.push(ev.kind === "household" ? { ...ev, raw: ev.raw } : ev);
      } catch (e) {
        out.push(String(e), (e as { details?: unknown }).details);
      }
      return out;
    };
    for (let i = 0; i < 60; i++) {
      let flow = base;
      for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
        // in a text, or anywhere
        const anywhere = Math.floor(rnd() * flow.length);
        const at = rnd() < 0.5 ? flow.indexOf(">", anywhere) + 1 : anywhere;
        flow = flow.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + flow.slice(at);
      }
      if (rnd() < 0.2) flow = flow.replaceAll("\n", "\r\n");
      const bytes = Buffer.from(flow, "latin1");
      const size = [100, 5000, 1 << 20][i % 3]!;
      assert.deepEqual(await run(bytes, size, true), await run(bytes, size, false), `flux ${i}`);
    }
  });

  test("windows-1252 text is decoded, including the bytes that differ from ISO-8859-1 (Œ is 0x8C)", async () => {
    const events = await collect(fixture("flux-valide.xml"));
    const h5 = events.find((e) => e.kind === "household" && e.index === 5)!;
    assert.equal(textAt(h5.node, "Personne", "Identification", "NOMNAI"), "ŒUVRARD-ÉPREUVE");
    assert.deepEqual([...encodeWindows1252("Œ€’é")], [0x8c, 0x80, 0x92, 0xe9]);
    assert.equal(decodeWindows1252(Buffer.from([0x8c, 0x80, 0x92, 0xe9])), "Œ€’é");
  });
});

describe("wrong paths", () => {
  test("a file declaring another encoding is refused before anything is read", async () => {
    await assert.rejects(collect(fixture("flux-utf8.xml")), {
      code: "imports.cnaf.encoding_unsupported",
      message: /déclare l'encodage « UTF-8 »/,
    });
    await assert.rejects(collect(Buffer.from("<Racine/>")), { code: "imports.cnaf.encoding_not_declared" });
    await assert.rejects(
      collect(Buffer.from('\ufeff<?xml version="1.0" encoding="windows-1252"?><Racine/>')),
      { code: "imports.cnaf.encoding_unsupported" },
    );
  });

  test("malformed XML: the households before the error are yielded, then the error gives the line", async () => {
    const seen: number[] = [];
    async function* chunks() {
      yield fixture("flux-mal-forme.xml");
    }
    await assert.rejects(
      (async () => {
        for await (const ev of parseCnafFlux(chunks())) if (ev.kind === "household") seen.push(ev.index);
      })(),
      { code: "imports.cnaf.malformed_xml", message: /^XML mal formé ligne 477 : balise de fermeture/ },
    );
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
  });

  test("a truncated file and a wrong structure are named", async () => {
    const full = fixture("flux-valide.xml");
    await assert.rejects(collect(full.subarray(0, full.length - 200)), {
      code: "imports.cnaf.malformed_xml",
      message: /jamais fermée/,
    });
    const noHeader = encodeWindows1252(
      '<?xml version="1.0" encoding="windows-1252"?>\n<Racine>\n<InfosFoyerRSA></InfosFoyerRSA>\n</Racine>',
    );
    await assert.rejects(collect(noHeader), {
      code: "imports.cnaf.unexpected_element",
      message: /ligne 3 .*IdentificationFlux/,
    });
    await assert.rejects(collect(encodeWindows1252('<?xml version="1.0" encoding="windows-1252"?><Flux/>')), {
      code: "imports.cnaf.unexpected_element",
    });
  });
});
