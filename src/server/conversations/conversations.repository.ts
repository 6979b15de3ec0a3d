// The only home of the conversations' SQL: messages (never edited), their read receipts (set once), the
// unread counts, and what the notification needs to know about the person.
import { sql } from "kysely";
import type { MessageAuthorKind } from "../../shared/conversations/conversations.schema";
import type { Db } from "../db/connect";
import type { ConversationMessagesTable } from "./conversations.tables";

const proName = (alias: string) =>
  sql<string>`${sql.ref(`${alias}.first_name`)} || ' ' || ${sql.ref(`${alias}.last_name`)}`;

export type MessageRow = {
  id: string;
  authorKind: MessageAuthorKind;
  authorProfessionalId: string | null;
  authorName: string | null;
  structureName: string | null;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  readByName: string | null;
};

/** Messages written by the other side than `reader`, the ones a read receipt is about. */
const otherSide = (reader: MessageAuthorKind): MessageAuthorKind =>
  reader === "PERSONNE" ? "PROFESSIONNEL" : "PERSONNE";

export const conversationsRepository = {
  person(db: Db, personId: string) {
    return db
      .selectFrom("persons")
      .select([
        "id",
        "first_names as firstNames",
        "usage_name as usageName",
        "birth_name as birthName",
        "email",
        "phone",
      ])
      .where("id", "=", personId)
      .executeTakeFirst();
  },

  /** The active référent·es and co-référent·es, named or as a structure. */
  readers(db: Db, personId: string) {
    return db
      .selectFrom("follow_ups as f")
      .innerJoin("structures as s", "s.id", "f.structure_id")
      .leftJoin("professionals as pr", "pr.id", "f.professional_id")
      .select([
        "f.role",
        "s.name as structureName",
        sql<string | null>`CASE WHEN pr.id IS NULL THEN NULL ELSE ${proName("pr")} END`.as(
          "professionalName",
        ),
      ])
      .where("f.person_id", "=", personId)
      .where("f.ended_at", "is", null)
      .where("f.role", "in", ["referent", "co_referent"])
      .orderBy("f.role", "desc")
      .orderBy("f.started_at")
      .orderBy("f.id")
      .execute();
  },

  /** Every message of the person's conversation, oldest first. */
  messages(db: Db, personId: string): Promise<MessageRow[]> {
    return db
      .selectFrom("conversation_messages as m")
      .leftJoin("professionals as a", "a.id", "m.author_professional_id")
      .leftJoin("structures as s", "s.id", "m.structure_id")
      .leftJoin("professionals as r", "r.id", "m.read_by_professional_id")
      .select([
        "m.id",
        "m.author_kind as authorKind",
        "m.author_professional_id as authorProfessionalId",
        sql<string | null>`CASE WHEN a.id IS NULL THEN NULL ELSE ${proName("a")} END`.as("authorName"),
        "s.name as structureName",
        "m.body",
        "m.created_at as createdAt",
        "m.read_at as readAt",
        sql<string | null>`CASE WHEN r.id IS NULL THEN NULL ELSE ${proName("r")} END`.as("readByName"),
      ])
      .where("m.person_id", "=", personId)
      .orderBy("m.created_at")
      .orderBy("m.id")
      .execute();
  },

  async insert(db: Db, m: ConversationMessagesTable) {
    await db.insertInto("conversation_messages").values(m).execute();
  },

  /** Sets the read receipt of the other side's unread messages; returns how many. */
  async markRead(
    db: Db,
    personId: string,
    reader: MessageAuthorKind,
    at: Date,
    professionalId: string | null,
  ) {
    const r = await db
      .updateTable("conversation_messages")
      .set({ read_at: at, read_by_professional_id: professionalId })
      .where("person_id", "=", personId)
      .where("author_kind", "=", otherSide(reader))
      .where("read_at", "is", null)
      .where("created_at", "<=", at)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  async unreadCount(db: Db, personId: string, reader: MessageAuthorKind): Promise<number> {
    const r = await db
      .selectFrom("conversation_messages")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", personId)
      .where("author_kind", "=", otherSide(reader))
      .where("read_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** The oldest message of the professionals the person has not read yet: the notification's key. */
  oldestUnreadForPerson(db: Db, personId: string) {
    return db
      .selectFrom("conversation_messages")
      .select("id")
      .where("person_id", "=", personId)
      .where("author_kind", "=", "PROFESSIONNEL")
      .where("read_at", "is", null)
      .orderBy("created_at")
      .orderBy("id")
      .limit(1)
      .executeTakeFirst();
  },
};
