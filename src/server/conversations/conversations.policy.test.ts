import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { conversationsPolicy } from "./conversations.policy";

const FT = "00000000-0000-4000-8000-00000000000a";
const ML = "00000000-0000-4000-8000-00000000000b";
const CD = "00000000-0000-4000-8000-00000000000c";
const PERSON = "00000000-0000-4000-8000-0000000000f1";
const REFERENTE = "00000000-0000-4000-8000-000000000001";
const MEMBRE_ML = "00000000-0000-4000-8000-000000000002";
const CO_REFERENT_ML = "00000000-0000-4000-8000-000000000003";
const COLLEAGUE = "00000000-0000-4000-8000-000000000004";

const pro = (
  id: string,
  structureId: string,
  roles: ProfessionalRole[] = ["conseiller"],
): ProfessionalActor => ({
  kind: "professional",
  id,
  structureId,
  structureKind:
    structureId === ML ? "mission_locale" : structureId === CD ? "conseil_departemental" : "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
});
const person = (id: string): Actor => ({ kind: "person", id, channel: "web" });

/** A named référente at France Travail, a co-référent and a member at the mission locale. */
const file: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [
    { structureId: FT, professionalId: REFERENTE, role: "referent" },
    { structureId: ML, professionalId: CO_REFERENT_ML, role: "co_referent" },
    { structureId: ML, professionalId: MEMBRE_ML, role: "membre" },
  ],
};
/** France Travail is référent as a structure (no named professional), as the orientation creates it. */
const fileWithStructureReferent: PersonFileScope = {
  ...file,
  followUps: [{ structureId: FT, professionalId: null, role: "referent" }],
};
/** France Travail only a member of the group (as a counter registration makes it). */
const fileWithStructureMember: PersonFileScope = {
  ...file,
  followUps: [
    { structureId: ML, professionalId: CO_REFERENT_ML, role: "referent" },
    { structureId: FT, professionalId: null, role: "membre" },
  ],
};

// [case, actor, file, reads and writes]
const cases: [string, Actor, PersonFileScope, boolean][] = [
  ["the named référente", pro(REFERENTE, FT), file, true],
  ["a named co-référent of another structure", pro(CO_REFERENT_ML, ML), file, true],
  ["a named member of the group (not référent)", pro(MEMBRE_ML, ML), file, false],
  ["a colleague of the named référente (structure follows)", pro(COLLEAGUE, FT), file, false],
  ["the admin of the référente's structure", pro(COLLEAGUE, FT, ["admin_structure"]), file, false],
  [
    "a conseiller of a structure that is référent as a whole",
    pro(COLLEAGUE, FT),
    fileWithStructureReferent,
    true,
  ],
  ["a conseiller of a structure that is only a member", pro(COLLEAGUE, FT), fileWithStructureMember, false],
  [
    "pilotage in a référent structure (no file role)",
    pro(COLLEAGUE, FT, ["pilotage"]),
    fileWithStructureReferent,
    false,
  ],
  ["a professional outside the group", pro("00000000-0000-4000-8000-000000000006", CD), file, false],
  [
    "the territorial manager of the département",
    pro("00000000-0000-4000-8000-000000000007", CD, ["manager_territorial"]),
    file,
    false,
  ],
  [
    "the chargé d'orientation of the département",
    pro("00000000-0000-4000-8000-000000000008", CD, ["charge_orientation"]),
    { ...file, pendingOrientationDepartement: "80" },
    false,
  ],
  ["the person", person(PERSON), file, true],
  ["another person", person("00000000-0000-4000-8000-0000000000f2"), file, false],
  ["the system (no export reads messages)", { kind: "system", id: "cli", channel: "cli" }, file, false],
];

describe("conversations policy, role × relationship", () => {
  for (const [name, actor, f, allowed] of cases) {
    test(`${name}: ${allowed ? "reads and writes" : "nothing"}`, () => {
      assert.deepEqual(
        [conversationsPolicy.read(actor, f), conversationsPolicy.write(actor, f)],
        [allowed, allowed],
      );
    });
  }
});
