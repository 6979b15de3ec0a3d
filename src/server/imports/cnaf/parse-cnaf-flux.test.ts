import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { cnafFixtures, fixturesDir } from "./fixtures/generate-cnaf-flux";
import { type FluxEvent, parseCnafFlux } from "./parse-cnaf-flux";
import { decodeWindows1252, encodeWindows1252 } from "./windows-1252";
import { textAt } from "./xml-node";

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
