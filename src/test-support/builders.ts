// Insert helpers for tests: deterministic defaults, any missing parent created. A test shows only the
// fields that matter to it.

import type { Db } from "../server/db/connect";
import type { PersonActor, ProfessionalActor } from "../server/kernel/access";
import type { ProfessionalRole, StructureKind } from "../shared/identity/identity.schema";
import { nirKey } from "../shared/identity/nir";
import { withLuhnDigit } from "../shared/organisations/siret";
import { normalizeSearchText } from "../shared/persons/search-text";
import { testSecrets } from "./deps";

let counter = 0;
const next = () => {
  counter += 1;
  return counter;
};
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
const T0 = new Date("2026-01-05T08:00:00Z");

export type InsertedStructure = { id: string; kind: StructureKind; departement: string; name: string };

export async function insertStructure(
  db: Db,
  over: Partial<{ id: string; name: string; kind: StructureKind; departement: string; siret: string }> = {},
): Promise<InsertedStructure> {
  const n = next();
  const s = {
    id: over.id ?? uuid("5a000000", n),
    name: over.name ?? `Structure de test ${n}`,
    kind: over.kind ?? ("france_travail" as StructureKind),
    departement: over.departement ?? "80",
    siret: over.siret ?? withLuhnDigit(`9900${String(n).padStart(9, "0")}`),
  };
  await db
    .insertInto("structures")
    .values({
      id: s.id,
      siret: s.siret,
      name: s.name,
      kind: s.kind,
      partner_kind: s.kind === "partenaire" ? "association" : null,
      departement: s.departement,
      commune_code: null,
      address: null,
      email: null,
      phone: null,
      created_at: T0,
    })
    .execute();
  return s;
}

export type InsertedProfessional = {
  id: string;
  email: string;
  structureId: string;
  roles: ProfessionalRole[];
  actor: ProfessionalActor;
};

export async function insertProfessional(
  db: Db,
  over: Partial<{
    id: string;
    email: string;
    firstName: string;
    lastName: string;
    structure: InsertedStructure;
    roles: ProfessionalRole[];
    scope: { level: "national" | "region" | "departement"; code: string | null } | null;
  }> = {},
): Promise<InsertedProfessional> {
  const n = next();
  const structure = over.structure ?? (await insertStructure(db));
  const p = {
    id: over.id ?? uuid("9f000000", n),
    email: over.email ?? `pro${n}@test.socle.fr`,
    roles: over.roles ?? (["conseiller"] as ProfessionalRole[]),
    scope: over.scope ?? null,
  };
  await db
    .insertInto("professionals")
    .values({
      id: p.id,
      structure_id: structure.id,
      email: p.email,
      first_name: over.firstName ?? "Alex",
      last_name: over.lastName ?? `Testeur${n}`,
      phone: null,
      roles: p.roles,
      scope_level: p.scope?.level ?? null,
      scope_code: p.scope?.code ?? null,
      created_at: T0,
    })
    .execute();
  return {
    ...p,
    structureId: structure.id,
    actor: {
      kind: "professional",
      id: p.id,
      structureId: structure.id,
      structureKind: structure.kind,
      departement: structure.departement,
      roles: p.roles,
      scope: p.scope,
      channel: "web",
    },
  };
}

/** A valid synthetic NIR (born in the Somme) from a number. */
export function aNir(n: number, sex: 1 | 2 = 2): string {
  const body =
    `${sex}8505800${String(n % 1000).padStart(3, "0")}${String(Math.floor(n / 1000) % 1000).padStart(3, "0")}`.slice(
      0,
      13,
    );
  return body + nirKey(body);
}

export type InsertedPerson = {
  id: string;
  nir: string | null;
  birthName: string;
  firstNames: string;
  birthDate: string;
  actor: PersonActor;
};

export async function insertPerson(
  db: Db,
  over: Partial<{
    id: string;
    birthName: string;
    firstNames: string;
    birthDate: string;
    nir: string | null;
    email: string | null;
    franceTravailId: string | null;
    departement: string;
    followedBy: InsertedStructure | InsertedProfessional;
  }> = {},
): Promise<InsertedPerson> {
  const n = next();
  const p = {
    id: over.id ?? uuid("0e000000", n),
    birthName: over.birthName ?? `NOMTEST${n}`,
    firstNames: over.firstNames ?? "Léa",
    birthDate: over.birthDate ?? "1985-05-14",
    nir: over.nir === undefined ? aNir(n) : over.nir,
  };
  const now = T0;
  await db
    .insertInto("persons")
    .values({
      id: p.id,
      nir_cipher: p.nir ? testSecrets.encryptNir(p.nir) : null,
      nir_index: p.nir ? testSecrets.nirIndex(p.nir.slice(0, 13)) : null,
      nir_last_digits: p.nir ? p.nir.slice(13) : null,
      birth_name: p.birthName,
      usage_name: null,
      first_names: p.firstNames,
      sex: "F",
      birth_date: p.birthDate,
      birth_place: null,
      nationality: "FR",
      email: over.email ?? null,
      phone: null,
      address_line: null,
      postal_code: null,
      commune_code: null,
      departement: over.departement ?? "80",
      france_travail_id: over.franceTravailId ?? null,
      caf_organisme: null,
      caf_numorg: null,
      caf_matricule: null,
      household_role: null,
      search_text: normalizeSearchText(p.birthName, p.firstNames),
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (over.followedBy) {
    const f = over.followedBy;
    const isPro = "actor" in f;
    await insertFollowUp(db, {
      personId: p.id,
      structureId: isPro ? f.structureId : f.id,
      professionalId: isPro ? f.id : null,
    });
  }
  return { ...p, actor: { kind: "person", id: p.id, channel: "web" } };
}

export async function insertFollowUp(
  db: Db,
  f: {
    personId: string;
    structureId: string;
    professionalId?: string | null;
    role?: "referent" | "co_referent" | "membre";
  },
) {
  const n = next();
  await db
    .insertInto("follow_ups")
    .values({
      id: uuid("f0000000", n),
      person_id: f.personId,
      structure_id: f.structureId,
      professional_id: f.professionalId ?? null,
      role: f.role ?? "referent",
      started_at: T0,
      ended_at: null,
    })
    .execute();
}
