import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { diagnosticPolicy } from "./diagnostic.policy";

const PERSON = "00000000-0000-4000-8000-0000000000f1";
const FOLLOWING = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";
const REFERENT = "00000000-0000-4000-8000-000000000001";
const CO_REFERENT = "00000000-0000-4000-8000-000000000002";
const MEMBER = "00000000-0000-4000-8000-000000000003";
const COLLEAGUE = "00000000-0000-4000-8000-000000000004";

const pro = (
  id: string,
  structureId: string,
  roles: ProfessionalRole[] = ["conseiller"],
): ProfessionalActor => ({
  kind: "professional",
  id,
  structureId,
  structureKind: "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
});
const file: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [
    { structureId: FOLLOWING, professionalId: REFERENT, role: "referent" },
    { structureId: FOLLOWING, professionalId: CO_REFERENT, role: "co_referent" },
    { structureId: OTHER, professionalId: MEMBER, role: "membre" },
  ],
};

type Row = [string, Actor, { read: boolean; write: boolean; readConf: boolean; writeConf: boolean }];
const rows: Row[] = [
  ["the référent", pro(REFERENT, FOLLOWING), { read: true, write: true, readConf: true, writeConf: true }],
  [
    "a co-référent",
    pro(CO_REFERENT, FOLLOWING),
    { read: true, write: true, readConf: true, writeConf: true },
  ],
  [
    "a colleague in the référent's structure",
    pro(COLLEAGUE, FOLLOWING),
    { read: true, write: true, readConf: false, writeConf: false },
  ],
  [
    "a named member of the group (another structure, pilotage role)",
    pro(MEMBER, OTHER, ["pilotage"]),
    { read: true, write: false, readConf: false, writeConf: false },
  ],
  [
    "a pilotage account in the following structure",
    pro(COLLEAGUE, FOLLOWING, ["pilotage"]),
    { read: false, write: false, readConf: false, writeConf: false },
  ],
  [
    "a conseiller of a structure that does not follow",
    pro(COLLEAGUE, "00000000-0000-4000-8000-0000000000cc"),
    { read: false, write: false, readConf: false, writeConf: false },
  ],
  [
    "the territorial manager of the département",
    pro(COLLEAGUE, "00000000-0000-4000-8000-0000000000cc", ["manager_territorial"]),
    { read: false, write: false, readConf: false, writeConf: false },
  ],
  [
    "the person themself",
    { kind: "person", id: PERSON, channel: "web" },
    { read: true, write: false, readConf: true, writeConf: false },
  ],
  [
    "another person",
    { kind: "person", id: "00000000-0000-4000-8000-0000000000f2", channel: "web" },
    { read: false, write: false, readConf: false, writeConf: false },
  ],
  [
    "the system (exports, extracts)",
    { kind: "system", id: "system", channel: "system" },
    { read: true, write: false, readConf: false, writeConf: false },
  ],
];

describe("diagnosticPolicy", () => {
  for (const [who, actor, expected] of rows) {
    test(`${who}: read ${expected.read}, write ${expected.write}, restricted compartment ${expected.readConf}/${expected.writeConf}`, () => {
      assert.deepEqual(
        {
          read: diagnosticPolicy.read(actor, file),
          write: diagnosticPolicy.write(actor, file),
          readConf: diagnosticPolicy.readConfidential(actor, file),
          writeConf: diagnosticPolicy.writeConfidential(actor, file),
        },
        expected,
      );
    });
  }

  test("whoever may see the restricted compartment may also read the diagnostic", () => {
    for (const [, actor] of rows)
      if (diagnosticPolicy.readConfidential(actor, file)) assert.ok(diagnosticPolicy.read(actor, file));
    assert.ok(rows.some(([, a]) => diagnosticPolicy.readConfidential(a, file)));
  });
});
