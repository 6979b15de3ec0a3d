// The demo person whom the accompaniment browser journey takes from a CAF flow to a signed contract:
// a known person of the Somme (identity, NIR, address, login e-mail) with nothing else — no CAF file, no
// RSA right, no pathway, no orientation, nobody following her. The journey's CAF flow makes her a new
// entrant; until then no seed step may open anything for her (seedDemoOrientations leaves her out).
// Her names are in none of the demo's name lists, so no other person of the demo shares them.
import { nirKey } from "../../shared/identity/nir";
import { normalizeSearchText } from "../../shared/persons/search-text";
import { auditRepository } from "../audit/audit.repository";
import type { Db } from "../db/connect";
import type { Secrets } from "../kernel/secrets";
import { DEMO_DEPARTEMENT } from "./demo-territory";

const nirBody = "2910480021417";

export const DEMO_PERSON_FROM_CAF = {
  firstNames: "Mathilde",
  birthName: "Vandamme",
  sex: "F" as const,
  birthDate: "1991-04-17",
  /** 15 characters (NIR and key); CAF flows carry the first 13 */
  nir: nirBody + nirKey(nirBody),
  email: "mathilde.vandamme@demo.socle.fr",
  /** Amiens, covered by France Travail Amiens Nord */
  address: { number: "14", streetType: "RUE", street: "DES JACOBINS", communeCode: "80021" },
  /** her file's id, stable across seeds (seed-demo.ts: demoUuid of this name) */
  seedName: "person:from-caf",
} as const;

/** Inserts the person once (a rerun finds her and does nothing); returns whether she was created. */
export async function seedDemoPersonFromCaf(
  tx: Db,
  secrets: Secrets,
  now: Date,
  id: string,
  postalCode: string | null,
): Promise<boolean> {
  const p = DEMO_PERSON_FROM_CAF;
  const inserted = await tx
    .insertInto("persons")
    .values({
      id,
      nir_cipher: secrets.encryptNir(p.nir),
      nir_index: secrets.nirIndex(p.nir.slice(0, 13)),
      nir_last_digits: p.nir.slice(13),
      birth_name: p.birthName.toUpperCase(),
      usage_name: null,
      first_names: p.firstNames,
      sex: p.sex,
      birth_date: p.birthDate,
      birth_place: null,
      nationality: "FR",
      email: p.email,
      phone: "06 41 27 58 13",
      address_line: `${p.address.number} rue des Jacobins`,
      postal_code: postalCode,
      commune_code: p.address.communeCode,
      departement: DEMO_DEPARTEMENT,
      france_travail_id: null,
      caf_organisme: null,
      caf_numorg: null,
      caf_matricule: null,
      household_role: null,
      search_text: normalizeSearchText(p.birthName, p.firstNames),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) return false;
  await auditRepository.appendMany(tx, [
    {
      at: now,
      actorKind: "system",
      actorId: "seed-demo",
      actorRole: "systeme",
      structureId: null,
      personId: id,
      action: "persons.created",
      section: "import",
      purpose: "identify",
      channel: "system",
      outcome: "allowed",
      requestId: null,
      details: { source: "jeu de démonstration" },
    },
  ]);
  return true;
}
