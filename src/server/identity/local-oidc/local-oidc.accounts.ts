// Accounts of the bundled demo provider, read from Socle's own tables: a professional signs in with
// their e-mail (ProConnect-like claims), a person with the e-mail of their file (FranceConnect-like
// claims). DEMO ONLY: every account shares the password "demo"; production uses ProConnect and
// FranceConnect, never this file.
import { createHash, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/connect";

export type DemoAccountKind = "professional" | "person";

/** The one password of the demonstration provider. Never used outside demo and test modes. */
export const DEMO_PASSWORD = "demo";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

function isDemoPassword(password: string): boolean {
  return timingSafeEqual(digest(password), digest(DEMO_PASSWORD));
}

/** The account id (future `sub`) matching the credentials, or undefined. */
export async function checkDemoCredentials(
  db: Db,
  kind: DemoAccountKind,
  identifier: string,
  password: string,
): Promise<string | undefined> {
  const id = identifier.trim().toLowerCase();
  if (!id || !isDemoPassword(password)) return undefined;
  if (kind === "professional") {
    const p = await db
      .selectFrom("professionals")
      .select("id")
      .where("email", "=", id)
      .where("active", "=", true)
      .executeTakeFirst();
    return p?.id;
  }
  const rows = await db
    .selectFrom("persons")
    .select("id")
    .where(sql<string>`lower(email)`, "=", id)
    .where("status", "=", "active")
    .limit(2)
    .execute();
  // two files sharing one e-mail: ambiguous, refuse rather than guess
  return rows.length === 1 ? rows[0]?.id : undefined;
}

/** Which kind of account an id belongs to (undefined if unknown or no longer active). */
export async function demoAccountKind(db: Db, accountId: string): Promise<DemoAccountKind | undefined> {
  if (!isUuid(accountId)) return undefined;
  const pro = await db
    .selectFrom("professionals")
    .select("id")
    .where("id", "=", accountId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (pro) return "professional";
  const person = await db
    .selectFrom("persons")
    .select("id")
    .where("id", "=", accountId)
    .where("status", "=", "active")
    .executeTakeFirst();
  return person ? "person" : undefined;
}

/** Claims released for an account, like ProConnect (professionals) and FranceConnect (persons). */
export async function demoAccountClaims(
  db: Db,
  accountId: string,
): Promise<Record<string, unknown> | undefined> {
  if (!isUuid(accountId)) return undefined;
  const pro = await db
    .selectFrom("professionals as p")
    .innerJoin("structures as s", "s.id", "p.structure_id")
    .select(["p.id", "p.email", "p.first_name", "p.last_name", "s.siret"])
    .where("p.id", "=", accountId)
    .executeTakeFirst();
  if (pro) {
    return {
      sub: pro.id,
      email: pro.email,
      given_name: pro.first_name,
      usual_name: pro.last_name,
      siret: pro.siret,
    };
  }
  const person = await db
    .selectFrom("persons")
    .select(["id", "first_names", "birth_name", "birth_date", "email"])
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (person) {
    return {
      sub: person.id,
      given_name: person.first_names,
      family_name: person.birth_name,
      birthdate: person.birth_date,
      ...(person.email ? { email: person.email } : {}),
    };
  }
  return undefined;
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
