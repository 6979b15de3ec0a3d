import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { nirKey } from "../../../shared/identity/nir";
import { aHousehold, aPerson, cnafFluxBytes, householdXml } from "./fixtures/generate-cnaf-flux";
import { parseCnafFlux } from "./parse-cnaf-flux";
import { type HouseholdReading, readHousehold } from "./read-household";

const ctx = { departement: "80", dtref: "2026-02-28" };

async function read(...households: ReturnType<typeof aHousehold>[]): Promise<HouseholdReading[]> {
  const out: HouseholdReading[] = [];
  async function* one() {
    yield cnafFluxBytes(households);
  }
  for await (const ev of parseCnafFlux(one())) if (ev.kind === "household") out.push(readHousehold(ev, ctx));
  return out;
}
const ok = (r: HouseholdReading | undefined) => {
  assert.ok(r?.ok, JSON.stringify(r));
  return r;
};

describe("right paths", () => {
  test("maps the household, its right and the persons Socle keeps (DEM, CJT, others subject)", async () => {
    const [r] = await read(
      aHousehold(1, {
        persons: [
          aPerson(10, "DEM", { nom: "MARTIN", nomnai: "ESSAI" }),
          aPerson(11, "CJT", { soumis: false }),
          aPerson(12, "ENF"),
          aPerson(13, "ENF", { soumis: true, dtnai: "2004-01-01" }),
        ],
        etat: "4",
        suspension: { kind: "versement", motif: "06", since: "2025-12-01" },
        sansDomicileFixe: true,
      }),
    );
    const { household: h, ignoredPersons } = ok(r);
    assert.equal(ignoredPersons, 1);
    assert.deepEqual(
      h.persons.map((p) => [p.rank, p.role, p.soumis]),
      [
        [1, "DEM", true],
        [2, "CJT", false],
        [4, "ENF", true],
      ],
    );
    assert.equal(h.persons[0]!.birthName, "ESSAI");
    assert.equal(h.persons[0]!.usageName, "MARTIN");
    assert.equal(h.persons[0]!.nir, h.persons[0]!.nir13! + nirKey(h.persons[0]!.nir13!));
    assert.deepEqual(h.suspension, { kind: "versement", motif: "06", since: "2025-12-01" });
    assert.equal(h.sansDomicileFixe, true);
    assert.equal(h.departement, "80");
    assert.deepEqual(h.unknownCodes, []);
  });

  test("unknown codes are kept raw and flagged, never a reason to reject (PS-59)", async () => {
    const [r] = await read(
      aHousehold(2, {
        etat: "9",
        suspension: { kind: "versement", motif: "ZZ", since: "2026-01-01" },
        cloture: { motif: "XYZ", date: "2026-01-31" },
      }),
    );
    assert.deepEqual(ok(r).household.unknownCodes, ["ETATDOSRSA=9", "MOTISUSVERSRSA=ZZ", "MOTICLORSA=XYZ"]);
  });
});

describe("wrong paths", () => {
  test("a NIR with a wrong key, or in no known format, sets the person aside with a French reason", async () => {
    const good = aPerson(20, "DEM");
    const [r1, r2, r3] = await read(
      aHousehold(3, { persons: [{ ...good, nir: `${good.nir}00` }, aPerson(21, "CJT")] }),
      aHousehold(4, { persons: [aPerson(22, "DEM", { nir: "12345" })] }),
      aHousehold(5, {
        fonorg: "MSA",
        persons: [aPerson(23, "DEM", { nir: `${aPerson(23, "DEM").nir}${nirKey(aPerson(23, "DEM").nir!)}` })],
      }),
    );
    const a = ok(r1);
    assert.deepEqual(
      a.household.persons.map((p) => p.role),
      ["CJT"],
    );
    assert.deepEqual(
      a.rejectedPersons.map((p) => [p.rank, p.roleCode, p.problems[0]!.code]),
      [[1, "DEM", "nir_cle"]],
    );
    assert.match(
      a.rejectedPersons[0]!.problems[0]!.message,
      /^NIR invalide : La clé du NIR ne correspond pas/,
    );
    assert.match(
      ok(r2).rejectedPersons[0]!.problems[0]!.message,
      /5 caractères reçus, 13 \(CAF\) ou 15 \(MSA\) attendus/,
    );
    assert.equal(ok(r3).household.persons[0]!.nir?.length, 15);
  });

  test("a household of another département, or of no département at all, is set aside whole", async () => {
    const [a, b] = await read(aHousehold(6, { departement: "02" }), aHousehold(7, { ideparte: "099" }));
    assert.ok(a && !a.ok && b && !b.ok);
    assert.deepEqual(a.problems, [
      {
        code: "autre_departement",
        message:
          "Foyer d'un autre département : IDEPARTE « 002 » (département 02), alors que l'import concerne le département 80.",
      },
    ]);
    assert.deepEqual(b.problems, [
      {
        code: "departement_inconnu",
        message: "Département inconnu : IDEPARTE « 099 » n'est pas un code de département.",
      },
    ]);
  });

  test("a schema error inside a Personne block concerns that person; elsewhere the household", async () => {
    const h = aHousehold(8, { persons: [aPerson(30, "DEM"), aPerson(31, "CJT")] });
    const node = (xml: string) => ({ index: 1, line: 1, raw: xml, node: undefined as never });
    async function readXml(xml: string) {
      async function* one() {
        yield cnafFluxBytes([]).subarray(0, 0);
        yield Buffer.from(
          `<?xml version="1.0" encoding="windows-1252"?>\n<Racine><IdentificationFlux><APPLIEME>CRI</APPLIEME><NUMVERSIONAPPLIEME>0801</NUMVERSIONAPPLIEME><TYPEFLUX>M</TYPEFLUX><NATFLUX>D</NATFLUX><DTCREAFLUX>2026-03-05</DTCREAFLUX><HEUCREAFLUX>01:00:00</HEUCREAFLUX><DTREF>2026-02-28</DTREF></IdentificationFlux>${xml}<TransmissionFlux><NBTOTDOSRSATRANSM>1</NBTOTDOSRSATRANSM><NBTOTDOSRSATRANSMANO>0</NBTOTDOSRSATRANSMANO></TransmissionFlux></Racine>`,
          "latin1",
        );
      }
      for await (const ev of parseCnafFlux(one())) if (ev.kind === "household") return readHousehold(ev, ctx);
      return node(xml) as never;
    }
    const noBirthDate = ok(await readXml(householdXml(h).replace(/<DTNAI>[^<]*<\/DTNAI>\n/, "")));
    assert.deepEqual(
      noBirthDate.household.persons.map((p) => p.role),
      ["CJT"],
    );
    assert.deepEqual(noBirthDate.rejectedPersons[0]!.problems, [
      { code: "schema", message: "Personne 1 › Identification › DTNAI : élément obligatoire absent" },
    ]);
    const badMatricule = await readXml(householdXml(h).replace(/<MATRICULE>[^<]*</, "<MATRICULE>12AB<"));
    assert.ok(!badMatricule.ok);
    assert.deepEqual(badMatricule.problems, [
      { code: "schema", message: "IdentificationRSA › Organisme › MATRICULE : nombre entier attendu" },
    ]);
  });
});
