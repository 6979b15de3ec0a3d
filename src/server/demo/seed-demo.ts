// Seeds the demo territory deterministically and idempotently: the same seed always yields the same
// structures, professionals and persons (ids derived from a name), and a rerun inserts nothing new.
// `persons` can grow between runs (`socle seed --persons 5000` adds the missing ones).
import { createHash } from "node:crypto";
import type { Insertable } from "kysely";
import { nirKey } from "../../shared/identity/nir";
import { withLuhnDigit } from "../../shared/organisations/siret";
import { normalizeSearchText } from "../../shared/persons/search-text";
import { seedDemoAppointments } from "../appointments/demo-appointments";
import { auditRepository } from "../audit/audit.repository";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Secrets } from "../kernel/secrets";
import { DEMO_PERSON_TO_ORIENT, seedDemoOrientations } from "../orientation/demo-orientations";
import type { FollowUpsTable, PersonsTable } from "../persons/persons.tables";
import { DEMO_PERSON_FROM_CAF, seedDemoPersonFromCaf } from "./demo-person-from-caf";
import {
  DEMO_DEPARTEMENT,
  DEMO_PERSON_EMAIL,
  demoLogins,
  demoStaffing,
  demoStructures,
  firstNamesF,
  firstNamesM,
  lastNames,
  streets,
} from "./demo-territory";
import { seedDemoHistory } from "./seed-demo-history";

/** Deterministic UUID (v5-like, SHA-1 of a name). */
export function demoUuid(name: string): string {
  const h = createHash("sha1").update(`socle-demo:${name}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

/** mulberry32: small deterministic PRNG */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

const seedNumber = (name: string) => createHash("sha1").update(name).digest().readUInt32BE(0);

const deaccent = (s: string) => normalizeSearchText(s).replace(/ /g, "-");

export type SeedReport = {
  structures: number;
  professionals: number;
  personsCreated: number;
  personsTotal: number;
  /** synthetic persons of the steering history created by this run (0 when it was already there) */
  historyPersonsCreated: number;
};

export async function seedDemo(
  db: Db,
  clock: Clock,
  secrets: Secrets,
  opts: { persons: number },
): Promise<SeedReport> {
  const now = clock.now();
  const communes = await db
    .selectFrom("communes")
    .select(["code", "name", "zone_emploi_code as zone", "population", "postal_codes as postalCodes"])
    .where("departement_code", "=", DEMO_DEPARTEMENT)
    .orderBy("code")
    .execute();
  if (communes.length === 0) {
    throw new Error(
      "Les référentiels ne sont pas chargés (aucune commune pour la Somme) : lancez d'abord le chargement des référentiels.",
    );
  }

  return db.transaction().execute(async (tx) => {
    // structures and the communes they cover
    let siretCounter = 0;
    const structureIds = new Map<string, string>();
    for (const s of demoStructures) {
      const id = demoUuid(`structure:${s.key}`);
      structureIds.set(s.key, id);
      siretCounter += 1;
      const siret = withLuhnDigit(`99${String(800_000 + siretCounter).padStart(7, "0")}0001`.slice(0, 13));
      await tx
        .insertInto("structures")
        .values({
          id,
          siret,
          name: s.name,
          kind: s.kind,
          partner_kind: s.partnerKind ?? null,
          departement: s.departement,
          commune_code: s.communeCode,
          address: null,
          email: `contact.${s.key}@demo.socle.fr`,
          phone: null,
          created_at: now,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      const covered = s.zones.includes("*")
        ? communes
        : communes.filter((c) => c.zone && s.zones.includes(c.zone));
      for (let i = 0; i < covered.length; i += 500) {
        const chunk = covered.slice(i, i + 500);
        if (chunk.length === 0) continue;
        await tx
          .insertInto("structure_coverage")
          .values(chunk.map((c) => ({ structure_id: id, commune_code: c.code })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }

    // professionals: the named demo logins, then the staff of each structure
    const rng = prng(seedNumber("professionals"));
    const staff: { id: string; structure: string; roles: string[] }[] = [];
    const insertPro = async (p: {
      email: string;
      firstName: string;
      lastName: string;
      structure: string;
      roles: string[];
      scope?: { level: "national" | "region" | "departement"; code: string | null };
    }) => {
      const id = demoUuid(`professional:${p.email}`);
      await tx
        .insertInto("professionals")
        .values({
          id,
          structure_id: structureIds.get(p.structure)!,
          email: p.email,
          first_name: p.firstName,
          last_name: p.lastName,
          phone: null,
          roles: p.roles,
          scope_level: p.scope?.level ?? null,
          scope_code: p.scope?.code ?? null,
          created_at: now,
        })
        .onConflict((oc) => oc.column("id").doNothing())
        .execute();
      staff.push({ id, structure: p.structure, roles: p.roles });
    };
    for (const l of demoLogins) await insertPro(l);
    for (const [structure, count, roles] of demoStaffing) {
      for (let i = 0; i < count; i++) {
        const female = rng.chance(0.6);
        const firstName = rng.pick(female ? firstNamesF : firstNamesM);
        const lastName = rng.pick(lastNames);
        await insertPro({
          email: `${deaccent(firstName)}.${deaccent(lastName)}.${structure}-${i + 1}@demo.socle.fr`,
          firstName,
          lastName,
          structure,
          roles,
        });
      }
    }
    const referentsOf = (structure: string) =>
      staff.filter((p) => p.structure === structure && p.roles.includes("conseiller"));

    // persons, spread over the département's communes by population
    const before = await tx
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const weights = communes.map((c) => Math.max(c.population ?? 1, 1));
    const totalWeight = weights.reduce((a, b) => a + b, 0);
    // the person of the CAF journey holds her own NIR: no drawn person may take it
    const usedNirs = new Set<string>([DEMO_PERSON_FROM_CAF.nir]);
    const personRows: Insertable<PersonsTable>[] = [];
    const followRows: Insertable<FollowUpsTable>[] = [];
    const createdIds: string[] = [];
    for (let n = 0; n < opts.persons; n++) {
      const r = prng(seedNumber(`person:${n}`));
      const id = demoUuid(`person:${n}`);
      let w = r.next() * totalWeight;
      let commune = communes[0]!;
      for (let i = 0; i < communes.length; i++) {
        w -= weights[i]!;
        if (w <= 0) {
          commune = communes[i]!;
          break;
        }
      }
      // the person the orientation journey orients: not followed, with a login e-mail
      const toOrient = n === DEMO_PERSON_TO_ORIENT.index ? DEMO_PERSON_TO_ORIENT : undefined;
      const female = n === 0 ? true : (toOrient?.female ?? r.chance(0.55));
      const firstNames =
        n === 0 ? "Léa" : (toOrient?.firstNames ?? r.pick(female ? firstNamesF : firstNamesM));
      const birthName = n === 0 ? "Durand" : (toOrient?.birthName ?? r.pick(lastNames));
      const age = r.chance(0.22) ? r.int(18, 25) : r.int(26, 63);
      const year = 2026 - age;
      const month = r.int(1, 12);
      const day = r.int(1, 28);
      const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      // NIR: sex, year, month, birth département (mostly the Somme), commune, order number, key
      let nir = "";
      for (let attempt = 0; attempt < 50 && (!nir || usedNirs.has(nir)); attempt++) {
        const birthDep = r.chance(0.7)
          ? "80"
          : r.pick(["02", "60", "62", "59", "76", "75", "93", "2A", "99"]);
        const communePart =
          birthDep === "80" ? commune.code.slice(2) : String(r.int(1, 400)).padStart(3, "0");
        const body = `${female ? 2 : 1}${String(year).slice(2)}${String(month).padStart(2, "0")}${birthDep}${communePart}${String(r.int(1, 999)).padStart(3, "0")}`;
        nir = body + nirKey(body);
      }
      usedNirs.add(nir);
      const hasCaf = r.chance(0.75);
      const email =
        n === 0
          ? DEMO_PERSON_EMAIL
          : toOrient
            ? toOrient.email
            : r.chance(0.6)
              ? `${deaccent(firstNames)}.${deaccent(birthName)}.${n}@exemple.fr`
              : null;
      personRows.push({
        id,
        nir_cipher: secrets.encryptNir(nir),
        nir_index: secrets.nirIndex(nir.slice(0, 13)),
        nir_last_digits: nir.slice(13),
        birth_name: birthName.toUpperCase(),
        usage_name: null,
        first_names: firstNames,
        sex: female ? "F" : "M",
        birth_date: birthDate,
        birth_place: null,
        nationality: r.chance(0.9) ? "FR" : r.pick(["DZ", "MA", "PT", "TN", "SN", "RO"]),
        email,
        phone: r.chance(0.8)
          ? `06 ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)} ${r.int(10, 99)}`
          : null,
        address_line: `${r.int(1, 120)} ${r.pick(streets)}`,
        postal_code: commune.postalCodes[0] ?? null,
        commune_code: commune.code,
        departement: DEMO_DEPARTEMENT,
        france_travail_id: r.chance(0.55)
          ? `${String(r.int(1_000_000, 9_999_999))}${r.pick(["A", "B", "C", "D", "E", "F", "G", "H", "J", "K"])}`
          : null,
        caf_organisme: hasCaf ? (r.chance(0.93) ? "CAF" : "MSA") : null,
        caf_numorg: hasCaf ? "801" : null,
        caf_matricule: hasCaf ? String(r.int(1_000_000, 9_999_999)) : null,
        household_role: hasCaf ? "DEM" : null,
        search_text: normalizeSearchText(birthName, firstNames),
        created_at: now,
        updated_at: now,
      });
      createdIds.push(id);
      // who follows the person: 10 % are not followed yet (awaiting orientation)
      if (n !== 0 && (toOrient || r.chance(0.1))) continue;
      const zone = commune.zone ?? "3202";
      const byZone = (kind: string) =>
        demoStructures.find((s) => s.key.startsWith(kind) && s.zones.includes(zone))?.key;
      let structure: string;
      if (n === 0) structure = "ft-amiens-nord";
      else if (age <= 25) structure = byZone("ml-") ?? "ml-amienois";
      else if (r.chance(0.08)) structure = "cap-emploi";
      else if (r.chance(0.35)) structure = byZone("cd-mdsi") ?? "cd-mdsi-amiens";
      else structure = byZone("ft-") ?? "ft-amiens-nord";
      if (r.chance(0.05)) structure = r.pick(["asso-itineraires", "siae-jardins", "ccas-amiens"]);
      const referents = referentsOf(structure);
      const referent =
        n === 0
          ? staff.find((p) => p.id === demoUuid("professional:conseiller@demo.socle.fr"))
          : r.pick(referents);
      followRows.push({
        id: demoUuid(`follow-up:${n}`),
        person_id: id,
        structure_id: structureIds.get(structure)!,
        professional_id: referent?.id ?? null,
        role: "referent",
        started_at: new Date(now.getTime() - r.int(1, 700) * 86_400_000),
      });
    }
    // which of these persons are new? (a rerun inserts none and audits none)
    const existing = new Set<string>();
    for (let i = 0; i < createdIds.length; i += 1000) {
      const rows = await tx
        .selectFrom("persons")
        .select("id")
        .where("id", "in", createdIds.slice(i, i + 1000))
        .execute();
      for (const row of rows) existing.add(row.id);
    }
    const newPersons = personRows.filter((p) => !existing.has(p.id));
    const newFollows = followRows.filter((f) => !existing.has(f.person_id));
    for (let i = 0; i < newPersons.length; i += 500) {
      await tx
        .insertInto("persons")
        .values(newPersons.slice(i, i + 500))
        .execute();
    }
    for (let i = 0; i < newFollows.length; i += 500) {
      await tx
        .insertInto("follow_ups")
        .values(newFollows.slice(i, i + 500))
        .execute();
    }
    await auditRepository.appendMany(
      tx,
      newPersons.map((p) => ({
        at: now,
        actorKind: "system",
        actorId: "seed-demo",
        actorRole: "systeme",
        structureId: null,
        personId: p.id,
        action: "persons.created",
        section: "import",
        purpose: "identify",
        channel: "system",
        outcome: "allowed",
        requestId: null,
        details: { source: "jeu de démonstration" },
      })),
    );
    // the person the accompaniment journey imports through a CAF flow: known, but nothing opened for her
    const fromCafId = demoUuid(DEMO_PERSON_FROM_CAF.seedName);
    const amiens = communes.find((c) => c.code === DEMO_PERSON_FROM_CAF.address.communeCode);
    await seedDemoPersonFromCaf(tx, secrets, now, fromCafId, amiens?.postalCodes[0] ?? null);
    // persons nobody follows yet await their orientation: the chargé d'orientation's queue
    await seedDemoOrientations(tx, clock, DEMO_DEPARTEMENT, { except: [fromCafId] });
    await seedDemoAppointments(tx, clock);
    // the past of the territory, for the steering dashboards (after the hand-made persons, which it avoids)
    const history = await seedDemoHistory(tx, clock);
    const after = await tx
      .selectFrom("persons")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const pros = await tx
      .selectFrom("professionals")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return {
      structures: demoStructures.length,
      professionals: Number(pros.n),
      personsCreated: Number(after.n) - Number(before.n),
      personsTotal: Number(after.n),
      historyPersonsCreated: history.persons,
    };
  });
}
