import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../kernel/access";
import { myDataPolicy } from "./my-data.policy";

const ID = "00000000-0000-4000-8000-0000000000f1";

test("only a person may export their own data; professionals of any role and the system may not", () => {
  const cases: [Actor, boolean][] = [
    [{ kind: "person", id: ID, channel: "web" }, true],
    [{ kind: "system", id: "anonymous", channel: "web" }, false],
    ...(
      ["conseiller", "charge_orientation", "admin_structure", "manager_territorial", "pilotage"] as const
    ).map((role): [Actor, boolean] => [
      {
        kind: "professional",
        id: ID,
        structureId: ID,
        structureKind: "france_travail",
        departement: "80",
        roles: [role],
        scope: { level: "national", code: null },
        channel: "web",
      },
      false,
    ]),
  ];
  for (const [actor, allowed] of cases)
    assert.equal(myDataPolicy.exportOwn(actor), allowed, JSON.stringify(actor));
});
