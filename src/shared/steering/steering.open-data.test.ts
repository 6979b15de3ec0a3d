import assert from "node:assert/strict";
import { test } from "node:test";
import { applyOpenDataSecrecy } from "./steering.open-data";
import type { IndicatorResult, IndicatorsReport, IndicatorValue } from "./steering.schema";

const v = (modalite: string | null, num: number, den: number | null, valeur: number): IndicatorValue => ({
  periode: "2025-01",
  debut: "2025-01-01",
  fin: "2025-01-31",
  ventilation: modalite === null ? null : "parcours",
  modalite,
  libelleModalite: modalite,
  valeur,
  numerateur: num,
  denominateur: den,
  moyenne: null,
  statut: "definitif",
});
const ind = (id: string, unite: string, valeurs: IndicatorValue[]): IndicatorResult => ({
  id,
  version: 1,
  nom: id,
  definition: "",
  numerateur: "",
  denominateur: null,
  fenetre: "",
  cohorte: "",
  unite,
  disponible: true,
  message: null,
  valeurs,
});
const report = (indicateurs: IndicatorResult[]): IndicatorsReport => ({
  territoire: { niveau: "departement", code: "80", nom: "Somme" },
  de: "2025-01",
  a: "2025-01",
  granularite: "mois",
  calculeLe: "2026-01-01",
  indicateurs,
});
const statuses = (r: IndicatorsReport, i = 0) =>
  r.indicateurs[i]!.valeurs.map((x) => [x.modalite, x.statut, x.valeur]);

test("a distribution: small categories hidden, then the next smallest so the total gives nothing away", () => {
  // 30 = PRO 25 + SOCIAL 4 + not oriented 1: 4 and 1 are primary; 30 − 25 = 5 would tell their sum,
  // so PRO (25) is hidden too; the total stays published (30 − nothing published = 30 ≥ 11)
  const r = applyOpenDataSecrecy(
    report([
      ind("IND-V3-M3", "personnes", [
        v(null, 30, null, 30),
        v("PRO", 25, 30, 25),
        v("SOCIAL", 4, 30, 4),
        v("NON_ORIENTE", 1, 30, 1),
      ]),
    ]),
    11,
  );
  assert.deepEqual(statuses(r), [
    [null, "definitif", 30],
    ["PRO", "secret", null],
    ["SOCIAL", "secret", null],
    ["NON_ORIENTE", "secret", null],
  ]);
});

test("a rate: hidden when its denominator is small or when nearly everyone is in the numerator", () => {
  const r = applyOpenDataSecrecy(
    report([
      ind("A", "%", [v(null, 8, 9, 88.9)]),
      ind("B", "%", [v(null, 48, 50, 96)]),
      ind("C", "%", [v(null, 20, 50, 40)]),
    ]),
    11,
  );
  assert.deepEqual(statuses(r, 0), [[null, "secret", null]]); // 9 < 11
  assert.deepEqual(statuses(r, 1), [[null, "secret", null]]); // 50 − 48 = 2 not oriented
  assert.deepEqual(statuses(r, 2), [[null, "definitif", 40]]);
});

test("a small total hides its categories' shares: the total is their denominator", () => {
  // total 8 (primary) = PRO 0 + SOCIAL 8: SOCIAL is primary too; PRO's 0 would be published, but its row
  // shows the hidden total as denominator, so the whole row goes
  const r = applyOpenDataSecrecy(
    report([ind("IND-V3-M3", "personnes", [v(null, 8, null, 8), v("PRO", 0, 8, 0), v("SOCIAL", 8, 8, 8)])]),
    11,
  );
  assert.deepEqual(statuses(r), [
    [null, "secret", null],
    ["PRO", "secret", null],
    ["SOCIAL", "secret", null],
  ]);
});
