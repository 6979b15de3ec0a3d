import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { addDays } from "../kernel/dates";
import {
  booleanCriteria,
  type CriterionKey,
  criterionCodeLists,
  criterionKeys,
  mandatoryCriteria,
  missingCriteria,
  type OrientationCriteria,
  orientationCriteriaSchema,
} from "./orientation.criteria";
import { nationalReferentiel, publishedReferentiels, sommeReferentiel } from "./orientation.referentiel";
import {
  type ApplicableRuleSets,
  ageOn,
  conditionFields,
  recommendOrientation,
  ruleSetSchema,
  type StoredRuleSet,
  selectRuleSets,
} from "./orientation.rules";

const TODAY = "2026-11-23";
const withSomme: ApplicableRuleSets = { national: nationalReferentiel, local: sommeReferentiel };
const nationalOnly: ApplicableRuleSets = { national: nationalReferentiel, local: undefined };

const codes = <K extends keyof typeof criterionCodeLists>(k: K) =>
  fc.constantFrom(...criterionCodeLists[k].codes);

/** Any complete set of criteria (the MSA criteria present or not). */
const completeCriteria: fc.Arbitrary<OrientationCriteria> = fc
  .record({
    brsa: fc.boolean(),
    date_naissance: fc.integer({ min: 0, max: 365 * 70 }).map((d) => addDays("1940-01-01", d)),
    adresse: fc.record({
      code_commune: fc.constantFrom("80021", "80001", "33063", "2A004"),
      libelle_commune: fc.constantFrom("Amiens", "Abbeville", "Bordeaux", "Ajaccio"),
      code_postal: fc.constantFrom("80000", "80100", "33000", "20000"),
    }),
    situation_professionnelle: codes("situation_professionnelle"),
    type_emploi: codes("type_emploi"),
    niveau_etude: codes("niveau_etude"),
    capacite_a_travailler: fc.boolean(),
    projet_pro: codes("projet_pro"),
    contrainte_sante: codes("contrainte_sante"),
    contrainte_logement: codes("contrainte_logement"),
    contrainte_mobilite: codes("contrainte_mobilite"),
    contrainte_familiale: codes("contrainte_familiale"),
    contrainte_financiere: codes("contrainte_financiere"),
    contrainte_numerique: codes("contrainte_numerique"),
    contrainte_administrative_juridique: codes("contrainte_administrative_juridique"),
    contrainte_francais_calcul: codes("contrainte_francais_calcul"),
    boe: fc.boolean(),
    baeeh: fc.boolean(),
    scolarite_etablissement_specialise: fc.boolean(),
    esat: fc.boolean(),
    boe_souhait_accompagnement: fc.boolean(),
    msa_autonomie_recherche_emploi: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
    msa_demarches_professionnelles: fc.option(codes("msa_demarches_professionnelles"), { nil: undefined }),
  })
  .map((c) => orientationCriteriaSchema.parse(c));

const ruleSetsArb = fc.constantFrom(withSomme, nationalOnly);

describe("the published référentiels", () => {
  test("are valid rule sets whose conditions only name existing criteria and codes", () => {
    for (const set of publishedReferentiels) {
      ruleSetSchema.parse(set);
      assert.ok(set.rules.length > 0);
      for (const rule of set.rules) {
        for (const { field, values } of conditionFields(rule.condition)) {
          assert.ok(criterionKeys.includes(field), `${rule.id}: critère inconnu ${field}`);
          const list = (criterionCodeLists as Record<string, { codes: readonly string[] }>)[field];
          for (const v of values) {
            if (list)
              assert.ok(
                list.codes.includes(String(v)),
                `${rule.id}: code ${String(v)} inconnu pour ${field}`,
              );
            else
              assert.ok(
                (booleanCriteria as readonly string[]).includes(field) ? typeof v === "boolean" : true,
                `${rule.id}: ${field}`,
              );
          }
        }
      }
    }
  });

  test("rule ids are unique across the national and local sets", () => {
    const ids = publishedReferentiels.flatMap((s) => s.rules.map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length);
  });

  test("the national set ends with a default rule, which makes the engine total", () => {
    const last = nationalReferentiel.rules.at(-1);
    assert.deepEqual(last?.condition, { all: [] });
  });
});

describe("recommendOrientation: properties", () => {
  test("every complete set of criteria yields exactly one recommendation (an organisme, a parcours, one rule)", () => {
    fc.assert(
      fc.property(completeCriteria, ruleSetsArb, (c, sets) => {
        const r = recommendOrientation(c, sets, TODAY);
        assert.notEqual(r.organisme, "IND");
        assert.ok(r.parcours !== null);
        assert.equal(r.regleIds.length, 1);
        assert.deepEqual(r.criteresManquants, []);
        assert.ok(
          r.criteresDeterminants.length > 0,
          "the explanation names the criteria that made the rule fire",
        );
        assert.match(r.explication, new RegExp(`Règle ${r.regleIds[0]}`));
        const fired = [...(sets.local?.rules ?? []), ...(sets.national?.rules ?? [])].find(
          (x) => x.id === r.regleIds[0],
        );
        assert.deepEqual({ organisme: r.organisme, parcours: r.parcours }, fired?.result);
      }),
      { numRuns: 2000 },
    );
  });

  test("deterministic: the same criteria, rule sets and day give the same recommendation", () => {
    fc.assert(
      fc.property(completeCriteria, ruleSetsArb, (c, sets) => {
        assert.deepEqual(
          recommendOrientation(c, sets, TODAY),
          recommendOrientation(structuredClone(c), sets, TODAY),
        );
      }),
      { numRuns: 300 },
    );
  });

  test("missing mandatory criteria yield IND, naming exactly the missing ones", () => {
    fc.assert(
      fc.property(completeCriteria, fc.infiniteStream(fc.boolean()), ruleSetsArb, (c, drops, sets) => {
        const mandatory = mandatoryCriteria(c);
        const removed = mandatory.filter(() => drops.next().value);
        fc.pre(removed.length > 0);
        const partial: OrientationCriteria = { ...c };
        for (const k of removed) delete partial[k];
        const r = recommendOrientation(partial, sets, TODAY);
        assert.equal(r.organisme, "IND");
        assert.equal(r.parcours, null);
        assert.deepEqual(r.regleIds, []);
        assert.deepEqual(r.criteresManquants, missingCriteria(partial));
        // every removed criterion is named, except the follow-up question `boe_souhait_accompagnement`
        // once `boe` itself is unknown (it is only asked of a BOE)
        const stillAsked = new Set<CriterionKey>(mandatoryCriteria(partial));
        for (const k of removed) if (stillAsked.has(k)) assert.ok(r.criteresManquants.includes(k), k);
        assert.ok(r.criteresManquants.length > 0);
      }),
      { numRuns: 1000 },
    );
  });

  test("the empty set of criteria is IND and names every mandatory criterion", () => {
    const r = recommendOrientation({}, withSomme, TODAY);
    assert.equal(r.organisme, "IND");
    assert.equal(r.criteresManquants.length, 20);
    assert.match(r.explication, /^Proposition indéterminée : il manque 20 critères/);
  });

  test("local rules come first: a Somme rule that fires wins over the national one", () => {
    fc.assert(
      fc.property(completeCriteria, (c) => {
        const local = recommendOrientation(c, withSomme, TODAY);
        const national = recommendOrientation(c, nationalOnly, TODAY);
        if (local.regleIds[0]?.startsWith("SOM-"))
          assert.equal(local.versionReferentiel, "FR-2026.1 / 80-2026.1");
        else
          assert.deepEqual({ ...local, versionReferentiel: null }, { ...national, versionReferentiel: null });
      }),
      { numRuns: 500 },
    );
  });
});

describe("recommendOrientation: examples", () => {
  const base: OrientationCriteria = {
    brsa: true,
    date_naissance: "1980-06-15",
    adresse: { code_commune: "80021", libelle_commune: "Amiens", code_postal: "80000" },
    situation_professionnelle: "SANS_EMPLOI_MOINS_1_AN",
    type_emploi: "CDD",
    niveau_etude: "BAC",
    capacite_a_travailler: true,
    projet_pro: "EMPLOI",
    contrainte_sante: "AUCUNE",
    contrainte_logement: "AUCUNE",
    contrainte_mobilite: "AUCUNE",
    contrainte_familiale: "AUCUNE",
    contrainte_financiere: "AUCUNE",
    contrainte_numerique: "AUCUNE",
    contrainte_administrative_juridique: "AUCUNE",
    contrainte_francais_calcul: "AUCUNE",
    boe: false,
    baeeh: false,
    scolarite_etablissement_specialise: false,
    esat: false,
  };
  const rec = (over: Partial<OrientationCriteria>) =>
    recommendOrientation({ ...base, ...over }, withSomme, TODAY);

  test("close to employment: France Travail, parcours emploi (NAT-99), explained with its main criteria", () => {
    const r = rec({});
    assert.deepEqual([r.organisme, r.parcours, r.regleIds], ["FT", "PRO", ["NAT-99"]]);
    assert.equal(r.versionReferentiel, "FR-2026.1 / 80-2026.1");
    assert.equal(
      r.explication,
      "Proposition : Parcours emploi, France Travail. Règle NAT-99 du référentiel national 2026.1, « Aucune situation particulière parmi celles des règles précédentes : parcours emploi avec France Travail », appliquée parce que : en capacité de travailler : oui ; situation professionnelle : sans emploi depuis moins d'un an ; projet professionnel : trouver un emploi.",
    );
  });

  test("under 26: the mission locale (NAT-04), the age is part of the explanation", () => {
    const r = rec({ date_naissance: "2001-11-24" }); // 24 years old on 2026-11-23
    assert.deepEqual([r.organisme, r.parcours, r.regleIds], ["ML", "PRO", ["NAT-04"]]);
    assert.match(r.explication, /âge : 24 ans \(moins de 26 ans\)/);
  });

  test("26 on the day of the birthday: no longer under 26", () => {
    assert.equal(rec({ date_naissance: "2000-11-23" }).regleIds[0], "NAT-99");
    assert.equal(rec({ date_naissance: "2000-11-24" }).regleIds[0], "NAT-04");
  });

  test("a BOE who asks for specialised support: Cap emploi (NAT-02)", () => {
    const r = rec({ boe: true, boe_souhait_accompagnement: true });
    assert.deepEqual([r.organisme, r.parcours, r.regleIds], ["CAP_EMPLOI", "PRO", ["NAT-02"]]);
    assert.deepEqual(
      r.criteresDeterminants.map((c) => c.critere),
      ["boe", "boe_souhait_accompagnement"],
    );
  });

  test("a BOE who does not ask for specialised support follows the general rules", () => {
    assert.equal(rec({ boe: true, boe_souhait_accompagnement: false }).regleIds[0], "NAT-99");
  });

  test("without housing: remobilisation sociale with the département, even under 26 (NAT-01)", () => {
    const r = rec({ contrainte_logement: "SANS_LOGEMENT", date_naissance: "2004-01-01" });
    assert.deepEqual([r.organisme, r.parcours, r.regleIds], ["CD", "SOCIAL", ["NAT-01"]]);
    assert.match(r.explication, /logement : sans logement/);
  });

  test("two strong barriers: socio-professionnel with the département (NAT-05); one: with France Travail (NAT-06)", () => {
    const two = rec({
      contrainte_familiale: "GARDE_ENFANT",
      contrainte_financiere: "IMPACT_FORT_RECHERCHE_EMPLOI",
    });
    assert.deepEqual([two.organisme, two.parcours, two.regleIds], ["CD", "SOCIO_PRO", ["NAT-05"]]);
    assert.equal(two.criteresDeterminants.length, 2);
    const one = rec({ contrainte_familiale: "GARDE_ENFANT" });
    assert.deepEqual([one.organisme, one.parcours, one.regleIds], ["FT", "SOCIO_PRO", ["NAT-06"]]);
  });

  test("Somme: no transport and no internet goes to the département (SOM-02), not elsewhere in France", () => {
    const c = {
      contrainte_mobilite: "AUCUN_MOYEN_DE_TRANSPORT",
      contrainte_numerique: "NON_ACCES_INTERNET",
    } as const;
    assert.deepEqual(rec(c).regleIds, ["SOM-02"]);
    assert.match(rec(c).explication, /référentiel départemental \(80\) 2026\.1/);
    assert.deepEqual(recommendOrientation({ ...base, ...c }, nationalOnly, TODAY).regleIds, ["NAT-05"]);
  });

  test("Somme: 55 or older, long unemployed, with a health difficulty (SOM-01)", () => {
    const r = rec({
      date_naissance: "1968-01-01",
      situation_professionnelle: "SANS_EMPLOI_1_AN_ET_PLUS",
      contrainte_sante: "IMPACT_FAIBLE_RECHERCHE_EMPLOI",
    });
    assert.deepEqual([r.organisme, r.parcours, r.regleIds], ["CD", "SOCIO_PRO", ["SOM-01"]]);
  });

  test("no published référentiel: complete criteria stay IND, with a clear explanation", () => {
    const r = recommendOrientation(base, { national: undefined, local: undefined }, TODAY);
    assert.equal(r.organisme, "IND");
    assert.match(r.explication, /aucun référentiel d'orientation n'est publié/);
  });
});

describe("selectRuleSets and ageOn", () => {
  const v = (
    departement: string | null,
    version: string,
    effectiveFrom: string,
    publishedAt: string | null,
  ): StoredRuleSet => ({
    ...nationalReferentiel,
    departement,
    version,
    effectiveFrom,
    publishedAt,
  });

  test("the latest published version in force on the day, per layer; drafts and future versions never apply", () => {
    const all = [
      v(null, "2026.1", "2026-01-01", "2025-12-01"),
      v(null, "2026.2", "2026-07-01", "2026-06-01"),
      v(null, "2027.1", "2027-01-01", "2026-11-01"),
      v(null, "2026.3", "2026-09-01", null),
      v("80", "2026.1", "2026-01-01", "2025-12-01"),
      v("33", "2026.1", "2026-01-01", "2025-12-01"),
    ];
    const s = selectRuleSets(all, "80", "2026-11-23");
    assert.equal(s.national?.version, "2026.2");
    assert.equal(s.local?.departement, "80");
    assert.equal(selectRuleSets(all, "62", "2026-11-23").local, undefined);
    assert.equal(selectRuleSets(all, "80", "2025-12-31").national, undefined);
  });

  test("ageOn counts completed years, 29 February included", () => {
    assert.equal(ageOn("2000-02-29", "2026-02-28"), 25);
    assert.equal(ageOn("2000-02-29", "2026-03-01"), 26);
    assert.equal(ageOn("1990-11-23", "2026-11-23"), 36);
    assert.equal(ageOn("1990-11-24", "2026-11-23"), 35);
  });
});
