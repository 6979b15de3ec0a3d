import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import { noteVisibilities } from "../../shared/shared-file/shared-file.visibility";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { sharedFilePolicy } from "./shared-file.policy";

const FT = "00000000-0000-4000-8000-00000000000a";
const ML = "00000000-0000-4000-8000-00000000000b";
const CD = "00000000-0000-4000-8000-00000000000c";
const PERSON = "00000000-0000-4000-8000-0000000000f1";
const REFERENTE = "00000000-0000-4000-8000-000000000001";
const MEMBRE_ML = "00000000-0000-4000-8000-000000000002";

const pro = (
  id: string,
  structureId: string,
  roles: ProfessionalRole[] = ["conseiller"],
): ProfessionalActor => ({
  kind: "professional",
  id,
  structureId,
  structureKind: structureId === ML ? "mission_locale" : "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
});
const person = (id: string): Actor => ({ kind: "person", id, channel: "web" });

/** Followed by FT (structure-level référent, as the orientation creates it), a named référente at FT,
 *  and a conseiller of the mission locale invited as membre. */
const file: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [
    { structureId: FT, professionalId: REFERENTE, role: "referent" },
    { structureId: ML, professionalId: MEMBRE_ML, role: "membre" },
  ],
};
const fileWithStructureReferent: PersonFileScope = {
  ...file,
  followUps: [
    { structureId: FT, professionalId: null, role: "referent" },
    { structureId: ML, professionalId: MEMBRE_ML, role: "membre" },
  ],
};

// [case, actor, file, read, write, manage group, readable levels]
const cases: [string, Actor, PersonFileScope, boolean, boolean, boolean, string][] = [
  ["named référente", pro(REFERENTE, FT), file, true, true, true, "PERSONNE GROUPE REFERENTS CONFIDENTIEL"],
  [
    "invited member of another structure",
    pro(MEMBRE_ML, ML),
    file,
    true,
    false,
    false,
    "PERSONNE GROUPE CONFIDENTIEL",
  ],
  [
    "a colleague of the named référente",
    pro("00000000-0000-4000-8000-000000000003", FT),
    file,
    true,
    false,
    false,
    "PERSONNE GROUPE CONFIDENTIEL",
  ],
  [
    "a conseiller of a référent structure",
    pro("00000000-0000-4000-8000-000000000003", FT),
    fileWithStructureReferent,
    true,
    true,
    true,
    "PERSONNE GROUPE REFERENTS CONFIDENTIEL",
  ],
  [
    "admin of the following structure",
    pro("00000000-0000-4000-8000-000000000004", FT, ["admin_structure"]),
    file,
    true,
    false,
    true,
    "PERSONNE GROUPE CONFIDENTIEL",
  ],
  [
    "admin of the invited structure",
    pro("00000000-0000-4000-8000-000000000005", ML, ["admin_structure"]),
    file,
    true,
    false,
    false,
    "PERSONNE GROUPE CONFIDENTIEL",
  ],
  [
    "a professional outside the group",
    pro("00000000-0000-4000-8000-000000000006", CD),
    file,
    false,
    false,
    false,
    "",
  ],
  [
    "pilotage in the following structure (no file role)",
    pro("00000000-0000-4000-8000-000000000007", FT, ["pilotage"]),
    file,
    false,
    false,
    false,
    "",
  ],
  [
    "territorial manager of the département",
    {
      ...pro("00000000-0000-4000-8000-000000000008", CD, ["manager_territorial"]),
      structureKind: "conseil_departemental",
    },
    file,
    false,
    false,
    false,
    "",
  ],
  ["the person", person(PERSON), file, true, false, false, "PERSONNE"],
  ["another person", person("00000000-0000-4000-8000-0000000000f2"), file, false, false, false, ""],
];

describe("shared file policy, role × relationship", () => {
  for (const [name, actor, f, read, write, manage, levels] of cases) {
    test(name, () => {
      assert.deepEqual(
        [
          sharedFilePolicy.read(actor, f),
          sharedFilePolicy.write(actor, f),
          sharedFilePolicy.manageGroup(actor, f),
          sharedFilePolicy.readableLevels(actor, f).levels.join(" "),
        ],
        [read, write, manage, levels],
      );
    });
  }
});

describe("confidential items stay inside the author's structure (PS-07)", () => {
  test("a confidential note of FT: read by the FT référente, not by the ML member nor the person", () => {
    const note = { visibility: "CONFIDENTIEL" as const, structureId: FT };
    assert.deepEqual(
      [
        sharedFilePolicy.canReadItem(pro(REFERENTE, FT), file, note),
        sharedFilePolicy.canReadItem(pro(MEMBRE_ML, ML), file, note),
        sharedFilePolicy.canReadItem(person(PERSON), file, note),
      ],
      [true, false, false],
    );
  });

  test("whatever the actor and the item, reading an item implies reading the file", () => {
    const actors = cases.map((c) => c[1]);
    fc.assert(
      fc.property(
        fc.constantFrom(...actors),
        fc.constantFrom(file, fileWithStructureReferent),
        fc.constantFrom(...noteVisibilities),
        fc.constantFrom(FT, ML, CD),
        (actor, f, visibility, structureId) => {
          if (sharedFilePolicy.canReadItem(actor, f, { visibility, structureId }))
            assert.ok(sharedFilePolicy.read(actor, f));
          // the person only ever reads what is shared with them
          if (actor.kind === "person")
            assert.equal(
              sharedFilePolicy.canReadItem(actor, f, { visibility, structureId }),
              actor.id === PERSON && visibility === "PERSONNE",
            );
        },
      ),
    );
  });
});
