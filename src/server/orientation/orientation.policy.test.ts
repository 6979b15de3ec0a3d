import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ProfessionalRole, StructureKind } from "../../shared/identity/identity.schema";
import type { OrientationEtat } from "../../shared/orientation/orientation.schema";
import type { Actor, ProfessionalActor } from "../kernel/access";
import {
  type OrientationContext,
  type OrientationSubject,
  organismeDecisionOf,
  orientationPolicy,
} from "./orientation.policy";

const PERSON = "00000000-0000-4000-8000-0000000000f1";
const FOLLOWING = "00000000-0000-4000-8000-00000000000a";
const OTHER = "00000000-0000-4000-8000-00000000000b";
const ME = "00000000-0000-4000-8000-000000000001";

const pro = (
  roles: ProfessionalRole[],
  structureKind: StructureKind,
  over: Partial<ProfessionalActor> = {},
): ProfessionalActor => ({
  kind: "professional",
  id: ME,
  structureId: OTHER,
  structureKind,
  departement: "80",
  roles,
  scope: null,
  channel: "web",
  ...over,
});
const subject = (etat: OrientationEtat, over: Partial<OrientationSubject> = {}): OrientationSubject => ({
  personId: PERSON,
  departement: "80",
  etat,
  t0: "2026-11-01",
  decidedBy: null,
  file: {
    personId: PERSON,
    departement: "80",
    followUps: [{ structureId: FOLLOWING, professionalId: null, role: "referent" }],
  },
  ...over,
});
const ctx = (
  delegation: OrientationContext["delegation"] = "AUCUNE",
  today = "2026-11-10",
): OrientationContext => ({ delegation, today });

const cdOfficer = pro(["charge_orientation"], "conseil_departemental");
const ftOfficer = pro(["charge_orientation"], "france_travail");
const referent = pro(["conseiller"], "france_travail", { structureId: FOLLOWING });
const otherConseiller = pro(["conseiller"], "france_travail");
const person: Actor = { kind: "person", id: PERSON, channel: "web" };
const system: Actor = { kind: "system", id: "job", channel: "system" };

// [case, actor, subject, context, view, editCriteria, decide]
const cases: [string, Actor, OrientationSubject, OrientationContext, boolean, boolean, boolean][] = [
  ["CD chargé d'orientation, pending", cdOfficer, subject("EN_ATTENTE"), ctx(), true, true, true],
  ["CD chargé d'orientation, draft", cdOfficer, subject("BROUILLON"), ctx(), true, true, true],
  [
    "CD chargé d'orientation, decided by someone else",
    cdOfficer,
    subject("OUVERT", { decidedBy: OTHER }),
    ctx(),
    false,
    false,
    false,
  ],
  [
    "CD chargé d'orientation who decided it",
    cdOfficer,
    subject("OUVERT", { decidedBy: ME }),
    ctx(),
    true,
    false,
    false,
  ],
  [
    "CD chargé d'orientation of another département",
    pro(["charge_orientation"], "conseil_departemental", { departement: "33" }),
    subject("EN_ATTENTE"),
    ctx(),
    false,
    false,
    false,
  ],
  [
    "CD conseiller (no orientation role)",
    pro(["conseiller"], "conseil_departemental"),
    subject("EN_ATTENTE"),
    ctx(),
    false,
    false,
    false,
  ],
  [
    "France Travail chargé d'orientation, no delegation",
    ftOfficer,
    subject("EN_ATTENTE"),
    ctx("AUCUNE"),
    false,
    false,
    false,
  ],
  [
    "France Travail chargé d'orientation, total delegation",
    ftOfficer,
    subject("EN_ATTENTE"),
    ctx("TOTALE"),
    true,
    true,
    true,
  ],
  [
    "France Travail, default delegation, before T0 + 1 month",
    ftOfficer,
    subject("EN_ATTENTE"),
    ctx("PAR_DEFAUT", "2026-11-30"),
    false,
    false,
    false,
  ],
  [
    "France Travail, default delegation, from T0 + 1 month",
    ftOfficer,
    subject("EN_ATTENTE"),
    ctx("PAR_DEFAUT", "2026-12-01"),
    true,
    true,
    true,
  ],
  [
    "France Travail of another département, total delegation",
    pro(["charge_orientation"], "france_travail", { departement: "02" }),
    subject("EN_ATTENTE"),
    ctx("TOTALE"),
    false,
    false,
    false,
  ],
  ["référent's structure, pending", referent, subject("EN_ATTENTE"), ctx(), true, true, false],
  [
    "référent's structure, decided",
    referent,
    subject("OUVERT", { decidedBy: OTHER }),
    ctx(),
    true,
    false,
    false,
  ],
  ["conseiller of another structure", otherConseiller, subject("EN_ATTENTE"), ctx(), false, false, false],
  ["the person", person, subject("OUVERT"), ctx(), true, false, false],
  [
    "another person",
    { kind: "person", id: "00000000-0000-4000-8000-0000000000f2", channel: "web" },
    subject("OUVERT"),
    ctx(),
    false,
    false,
    false,
  ],
  ["the system never decides (PS-22)", system, subject("EN_ATTENTE"), ctx(), true, false, false],
];

describe("orientationPolicy", () => {
  for (const [name, actor, s, c, view, edit, decide] of cases) {
    test(`${name}: view=${view}, editCriteria=${edit}, decide=${decide}`, () => {
      assert.equal(orientationPolicy.view(actor, s, c), view);
      assert.equal(orientationPolicy.editCriteria(actor, s, c), edit);
      assert.equal(orientationPolicy.decide(actor, s, c), decide);
    });
  }

  test("deciding implies editing the criteria, and both imply reading", () => {
    for (const [, actor, s, c] of cases) {
      if (orientationPolicy.decide(actor, s, c)) assert.ok(orientationPolicy.editCriteria(actor, s, c));
      if (orientationPolicy.editCriteria(actor, s, c)) assert.ok(orientationPolicy.view(actor, s, c));
    }
  });

  test("re-orientation: asked by the structure that follows, examined by the département's officers", () => {
    assert.equal(orientationPolicy.requestReorientation(referent, subject("OUVERT")), true);
    assert.equal(orientationPolicy.requestReorientation(otherConseiller, subject("OUVERT")), false);
    assert.equal(orientationPolicy.requestReorientation(person, subject("OUVERT")), false);
    assert.equal(orientationPolicy.examineReorientation(cdOfficer, "80", ctx()), true);
    assert.equal(orientationPolicy.examineReorientation(referent, "80", ctx()), false);
    assert.equal(orientationPolicy.examineReorientation(ftOfficer, "80", ctx("TOTALE")), true);
    assert.equal(orientationPolicy.examineReorientation(ftOfficer, "80", ctx("PAR_DEFAUT")), false);
  });

  test("the decision is recorded as the département's, or France Travail's under delegation", () => {
    assert.equal(organismeDecisionOf(cdOfficer), "CD");
    assert.equal(organismeDecisionOf(ftOfficer), "FT");
  });
});
