import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allowedContractEvents,
  type ContractState,
  contractEvents,
  contractStates,
  nextContractState,
} from "./contract.status";

// The expected lifecycle of parcours.md §6.6, written out independently of the table
const allowed: [ContractState, string, ContractState][] = [
  ["A_SIGNER", "sign", "SIGNE"],
  ["A_SIGNER", "refuse", "REFUSE"],
  ["REFUSE", "sign", "SIGNE"],
  ["SIGNE", "new_version", "A_SIGNER"],
  ["REFUSE", "new_version", "A_SIGNER"],
  ["A_SIGNER", "suspend", "SUSPENDU"],
  ["SIGNE", "suspend", "SUSPENDU"],
  ["REFUSE", "suspend", "SUSPENDU"],
  ["SUSPENDU", "close", "CLOTURE"],
];
const open: ContractState[] = ["A_SIGNER", "SIGNE", "REFUSE"];

describe("contract lifecycle: every state × event", () => {
  for (const state of contractStates) {
    for (const event of contractEvents) {
      const expected = allowed.find(([f, e]) => f === state && e === event)?.[2];
      if (state === "SUSPENDU" && event === "resume") {
        for (const before of open)
          test(`SUSPENDU (from ${before}) --resume--> ${before}`, () =>
            assert.deepEqual(nextContractState("SUSPENDU", "resume", before), {
              state: before,
              previous: null,
            }));
        test("SUSPENDU --resume--> refused when the state before the suspension is unknown", () =>
          assert.throws(
            () => nextContractState("SUSPENDU", "resume", null),
            (e: { code: string; status: number }) =>
              e.code === "contract.previous_state_unknown" && e.status === 409,
          ));
      } else if (expected) {
        test(`${state} --${event}--> ${expected}`, () =>
          assert.equal(
            nextContractState(state, event, state === "SUSPENDU" ? "SIGNE" : null).state,
            expected,
          ));
      } else {
        test(`${state} --${event}--> refused with contract.transition_not_allowed (409)`, () =>
          assert.throws(
            () => nextContractState(state, event, "SIGNE"),
            (e: { code: string; status: number; message: string }) => {
              assert.equal(e.code, "contract.transition_not_allowed");
              assert.equal(e.status, 409);
              assert.match(e.message, /^Cette action n'est pas possible : le contrat est à l'état « /);
              return true;
            },
          ));
      }
    }
  }
});

describe("suspension remembers the interrupted state", () => {
  for (const before of open)
    test(`${before} --suspend--> SUSPENDU, previous ${before}; resume brings it back`, () => {
      const s = nextContractState(before, "suspend");
      assert.deepEqual(s, { state: "SUSPENDU", previous: before });
      assert.deepEqual(nextContractState(s.state, "resume", s.previous), { state: before, previous: null });
    });
  test("closing a suspended contract keeps what it was before (for the record)", () =>
    assert.deepEqual(nextContractState("SUSPENDU", "close", "SIGNE"), {
      state: "CLOTURE",
      previous: "SIGNE",
    }));
  test("the actions offered are exactly the allowed transitions", () => {
    for (const state of contractStates) {
      const offered = allowedContractEvents(state).sort();
      const expected = [
        ...allowed.filter(([f]) => f === state).map(([, e]) => e),
        ...(state === "SUSPENDU" ? ["resume"] : []),
      ].sort();
      assert.deepEqual(offered, expected, state);
    }
  });
  test("a closed contract accepts nothing", () => assert.deepEqual(allowedContractEvents("CLOTURE"), []));
});
