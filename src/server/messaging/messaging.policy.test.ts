import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type ProfessionalRole, professionalRoles } from "../../shared/identity/identity.schema";
import type { Actor } from "../kernel/access";
import { messagingPolicy } from "./messaging.policy";

const professional = (roles: ProfessionalRole[]): Actor => ({
  kind: "professional",
  id: "p1",
  structureId: "s1",
  structureKind: "conseil_departemental",
  departement: "80",
  roles,
  scope: null,
  channel: "web",
});

describe("the demo mailbox policy", () => {
  test("every professional reads the demo mailbox, whatever their role", () => {
    for (const role of professionalRoles) {
      assert.equal(messagingPolicy.readDemoMailbox(professional([role])), true, role);
    }
  });
  test("a person or the system does not", () => {
    assert.equal(messagingPolicy.readDemoMailbox({ kind: "person", id: "x", channel: "web" }), false);
    assert.equal(messagingPolicy.readDemoMailbox({ kind: "system", id: "cli", channel: "cli" }), false);
  });
});
