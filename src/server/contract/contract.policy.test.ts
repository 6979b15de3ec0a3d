import assert from "node:assert/strict";
import { test } from "node:test";
import type { ProfessionalRole } from "../../shared/identity/identity.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import type { PersonFileScope } from "../persons/persons.policy";
import { contractPolicy } from "./contract.policy";

const FT = "00000000-0000-4000-8000-00000000000a";
const ML = "00000000-0000-4000-8000-00000000000b";
const PERSON = "00000000-0000-4000-8000-0000000000f1";
const pro = (roles: ProfessionalRole[], over: Partial<ProfessionalActor> = {}): ProfessionalActor => ({
  kind: "professional",
  id: "00000000-0000-4000-8000-000000000001",
  structureId: FT,
  structureKind: "france_travail",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
  ...over,
});
const file: PersonFileScope = {
  personId: PERSON,
  departement: "80",
  followUps: [{ structureId: FT, professionalId: "00000000-0000-4000-8000-000000000009", role: "referent" }],
};
const person = (id: string): Actor => ({ kind: "person", id, channel: "web" }) as Actor;

test("the following structure's conseillers draft, read and record a signature in person", () => {
  const a = pro(["conseiller"]);
  assert.deepEqual(
    [contractPolicy.view(a, file), contractPolicy.draft(a, file), contractPolicy.sign(a, file)],
    [true, true, true],
  );
});

test("another structure's conseiller: nothing; the territorial manager reads but never drafts nor signs", () => {
  const other = pro(["conseiller"], { structureId: ML, structureKind: "mission_locale" });
  assert.deepEqual(
    [contractPolicy.view(other, file), contractPolicy.draft(other, file), contractPolicy.sign(other, file)],
    [false, false, false],
  );
  const manager = pro(["manager_territorial"], { structureKind: "conseil_departemental", structureId: ML });
  assert.deepEqual(
    [
      contractPolicy.view(manager, file),
      contractPolicy.draft(manager, file),
      contractPolicy.sign(manager, file),
    ],
    [true, false, false],
  );
});

test("the person reads and signs their own contract, never drafts it; nobody else's", () => {
  assert.deepEqual(
    [
      contractPolicy.view(person(PERSON), file),
      contractPolicy.draft(person(PERSON), file),
      contractPolicy.sign(person(PERSON), file),
    ],
    [true, false, true],
  );
  const someoneElse = person("00000000-0000-4000-8000-0000000000f2");
  assert.deepEqual(
    [contractPolicy.view(someoneElse, file), contractPolicy.sign(someoneElse, file)],
    [false, false],
  );
});
