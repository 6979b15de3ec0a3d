import type { Db } from "../db/connect";

export const organisationsRepository = {
  professionalWithStructure(db: Db, professionalId: string) {
    return db
      .selectFrom("professionals as p")
      .innerJoin("structures as s", "s.id", "p.structure_id")
      .select([
        "p.id",
        "p.email",
        "p.first_name as firstName",
        "p.last_name as lastName",
        "p.roles",
        "p.scope_level as scopeLevel",
        "p.scope_code as scopeCode",
        "p.active",
        "s.id as structureId",
        "s.name as structureName",
        "s.kind as structureKind",
        "s.departement",
      ])
      .where("p.id", "=", professionalId)
      .executeTakeFirst();
  },
  professionalByEmail(db: Db, email: string) {
    return db
      .selectFrom("professionals")
      .select(["id", "active"])
      .where("email", "=", email.toLowerCase())
      .executeTakeFirst();
  },
};
