// Links between an OIDC identity (issuer + subject) and a Socle account, plus the read-only lookups
// the first login needs to find that account (professionals by e-mail are in organisations).
import type { Db } from "../db/connect";

export type IdentityLink = {
  issuer: string;
  subject: string;
  professionalId: string | null;
  personId: string | null;
};

export const identityLinksRepository = {
  find(db: Db, issuer: string, subject: string): Promise<IdentityLink | undefined> {
    return db
      .selectFrom("identity_links")
      .select(["issuer", "subject", "professional_id as professionalId", "person_id as personId"])
      .where("issuer", "=", issuer)
      .where("subject", "=", subject)
      .executeTakeFirst();
  },

  async insert(db: Db, link: IdentityLink & { createdAt: Date }): Promise<void> {
    await db
      .insertInto("identity_links")
      .values({
        issuer: link.issuer,
        subject: link.subject,
        professional_id: link.professionalId,
        person_id: link.personId,
        created_at: link.createdAt,
      })
      .execute();
  },

  /** Whether the account is already linked, at this issuer, to another subject. */
  async linkedToAnotherSubject(
    db: Db,
    issuer: string,
    subject: string,
    account: { professionalId: string } | { personId: string },
  ): Promise<boolean> {
    let q = db
      .selectFrom("identity_links")
      .select("subject")
      .where("issuer", "=", issuer)
      .where("subject", "<>", subject);
    q =
      "professionalId" in account
        ? q.where("professional_id", "=", account.professionalId)
        : q.where("person_id", "=", account.personId);
    return (await q.limit(1).executeTakeFirst()) !== undefined;
  },

  /** Active persons born on a date: the candidates for a first FranceConnect-like login. */
  activePersonsBornOn(db: Db, birthDate: string) {
    return db
      .selectFrom("persons")
      .select(["id", "birth_name as birthName", "first_names as firstNames"])
      .where("birth_date", "=", birthDate)
      .where("status", "=", "active")
      .execute();
  },

  /** The active record a person id stands for today, following merges (an absorbed duplicate). */
  async activePersonFor(db: Db, personId: string): Promise<string | undefined> {
    let id: string | null = personId;
    for (let hop = 0; id && hop < 5; hop++) {
      const p: { status: "active" | "merged"; merged_into: string | null } | undefined = await db
        .selectFrom("persons")
        .select(["status", "merged_into"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!p) return undefined;
      if (p.status === "active") return id;
      id = p.merged_into;
    }
    return undefined;
  },
};
