import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { orientationEtats } from "./orientation.schema";
import {
  allowedOrientationEvents,
  nextOrientationEtat,
  orientationEvents,
  orientationStatut,
  orientationTransitions,
  statutOf,
} from "./orientation.status";

// The expected lifecycle, written out independently of the table (parcours.md §3.4)
const allowed: [string, string, string][] = [
  ["BROUILLON", "criteria_completed", "EN_ATTENTE"],
  ["EN_ATTENTE", "criteria_incomplete", "BROUILLON"],
  ["EN_ATTENTE", "decide", "OUVERT"],
  ["OUVERT", "close", "CLOTURE"],
  // the pathway closes while an orientation is still awaited (an exit during a re-orientation): closed undecided
  ["BROUILLON", "close", "CLOTURE"],
  ["EN_ATTENTE", "close", "CLOTURE"],
];

describe("orientation lifecycle", () => {
  for (const etat of orientationEtats) {
    for (const event of orientationEvents) {
      const expected = allowed.find(([f, e]) => f === etat && e === event)?.[2];
      if (expected) {
        test(`${etat} --${event}--> ${expected}`, () =>
          assert.equal(nextOrientationEtat(etat, event), expected));
      } else {
        test(`${etat} --${event}--> refused with orientation.transition_not_allowed (409)`, () =>
          assert.throws(
            () => nextOrientationEtat(etat, event),
            (e: { code: string; status: number; message: string }) => {
              assert.equal(e.code, "orientation.transition_not_allowed");
              assert.equal(e.status, 409);
              assert.match(e.message, /^Cette action n'est pas possible/);
              return true;
            },
          ));
      }
    }
  }

  test("CLOTURE is terminal: no event leaves it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...orientationEvents), (event) =>
        assert.throws(() => nextOrientationEtat("CLOTURE", event)),
      ),
    );
  });

  test("every state is reachable from BROUILLON", () => {
    const seen = new Set<string>(["BROUILLON"]);
    let frontier = ["BROUILLON"];
    while (frontier.length > 0) {
      frontier = frontier
        .flatMap(
          (s) => Object.values(orientationTransitions[s as keyof typeof orientationTransitions]) as string[],
        )
        .filter((s) => !seen.has(s) && seen.add(s));
    }
    assert.deepEqual([...seen].sort(), [...orientationEtats].sort());
  });

  test("a decision is only possible with a recommendation computed (EN_ATTENTE), never from BROUILLON", () => {
    assert.deepEqual(allowedOrientationEvents("BROUILLON"), ["criteria_completed", "close"]);
    assert.ok(!allowedOrientationEvents("BROUILLON").includes("decide"));
    assert.ok(allowedOrientationEvents("EN_ATTENTE").includes("decide"));
  });

  test("statut follows the partner API: PRECONISE while awaited, DECIDE once decided", () => {
    assert.deepEqual(orientationStatut, {
      BROUILLON: null,
      EN_ATTENTE: "PRECONISE",
      OUVERT: "DECIDE",
      CLOTURE: "DECIDE",
    });
    assert.equal(statutOf("CLOTURE", true), "DECIDE");
    assert.equal(statutOf("CLOTURE", false), null, "closed before any decision: never decided");
    assert.equal(statutOf("EN_ATTENTE", false), "PRECONISE");
  });

  test("random walks only ever follow the table", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...orientationEvents), { maxLength: 20 }), (events) => {
        let etat: (typeof orientationEtats)[number] = "BROUILLON";
        for (const e of events) {
          const ok = allowedOrientationEvents(etat).includes(e);
          if (ok) etat = nextOrientationEtat(etat, e);
          else assert.throws(() => nextOrientationEtat(etat, e));
        }
      }),
    );
  });
});
