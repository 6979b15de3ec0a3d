// Demo data of orientation: every person of the demo département that nobody follows yet gets an open
// pathway with a pending orientation, so that the chargé d'orientation has a realistic queue: T0 spread
// over the last three weeks (about a third overdue), most criteria complete (a recommendation to decide),
// some still incomplete. Deterministic (values and ids derived from the person's id and today) and
// idempotent (openPathwayForNewEntrant opens nothing twice). The persons in `except` are left alone (the
// person the accompaniment journey brings in through a CAF flow).
import { createHash } from "node:crypto";
import { addDays, parisDate } from "../../shared/kernel/dates";
import {
  contrainteAdministrativeJuridique,
  contrainteFamiliale,
  contrainteFinanciere,
  contrainteFrancaisCalcul,
  contrainteLogement,
  contrainteMobilite,
  contrainteNumerique,
  contrainteSante,
  niveauEtude,
  type OrientationCriteria,
  projetPro,
  situationProfessionnelle,
  typeEmploi,
} from "../../shared/orientation/orientation.criteria";
import type { Db } from "../db/connect";
import type { Clock } from "../kernel/clock";
import type { Ids } from "../kernel/ids";
import { openPathwayForNewEntrant } from "./open-pathway-for-new-entrant";

/**
 * The demo person whose orientation the browser journey decides: not followed, with a login e-mail, and
 * criteria of a person close to employment. seed-demo.ts gives this identity to person number `index`.
 */
export const DEMO_PERSON_TO_ORIENT = {
  index: 1,
  female: true,
  firstNames: "Sarah",
  birthName: "Lemaire",
  email: "sarah.lemaire@demo.socle.fr",
  /** T0 this many days ago: overdue, at the top of the queue */
  t0DaysAgo: 17,
} as const;

const hash = (s: string) => createHash("sha1").update(`socle-demo-orientation:${s}`).digest();

function rng(seed: string) {
  let a = hash(seed).readUInt32BE(0);
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return {
    next,
    pick,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
  };
}

/** UUIDs derived from a name (v5-like), so a rerun produces the same rows. */
function namedIds(name: string): Ids {
  let n = 0;
  return {
    uuid: () => {
      n += 1;
      const h = hash(`${name}:${n}`).toString("hex");
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
    },
    token: () => hash(`${name}:token:${++n}`).toString("base64url"),
  };
}

/** Mostly no difficulty, sometimes one: `AUCUNE` two times out of three. */
function barrier<T extends string>(r: ReturnType<typeof rng>, codes: readonly T[]): T {
  return r.chance(0.68) ? codes[0]! : r.pick(codes.slice(1));
}

function randomCriteria(r: ReturnType<typeof rng>): OrientationCriteria {
  const boe = r.chance(0.08);
  const situation = r.pick(situationProfessionnelle.codes);
  return {
    situation_professionnelle: situation,
    type_emploi: situation === "JAMAIS" ? "AUCUN" : r.pick(typeEmploi.codes.filter((c) => c !== "AUCUN")),
    niveau_etude: r.pick(niveauEtude.codes),
    capacite_a_travailler: r.chance(0.9),
    projet_pro: r.pick(projetPro.codes),
    contrainte_sante: barrier(r, contrainteSante.codes),
    contrainte_logement: r.chance(0.8) ? "AUCUNE" : r.pick(contrainteLogement.codes.slice(1)),
    contrainte_mobilite: barrier(r, contrainteMobilite.codes),
    contrainte_familiale: barrier(r, contrainteFamiliale.codes),
    contrainte_financiere: barrier(r, contrainteFinanciere.codes),
    contrainte_numerique: barrier(r, contrainteNumerique.codes),
    contrainte_administrative_juridique: barrier(r, contrainteAdministrativeJuridique.codes),
    contrainte_francais_calcul: r.chance(0.85) ? "AUCUNE" : r.pick(contrainteFrancaisCalcul.codes.slice(1)),
    boe,
    baeeh: r.chance(0.03),
    scolarite_etablissement_specialise: r.chance(0.03),
    esat: r.chance(0.02),
    ...(boe ? { boe_souhait_accompagnement: r.chance(0.6) } : {}),
  };
}

/** A person close to employment, with no difficulty: the journey's person (recommendation NAT-99 or NAT-04). */
const closeToEmployment: OrientationCriteria = {
  situation_professionnelle: "SANS_EMPLOI_MOINS_1_AN",
  type_emploi: "CDD",
  niveau_etude: "BAC",
  capacite_a_travailler: true,
  projet_pro: "EMPLOI",
  contrainte_sante: "AUCUNE",
  contrainte_logement: "AUCUNE",
  contrainte_mobilite: "AUCUNE",
  contrainte_familiale: "AUCUNE",
  contrainte_financiere: "AUCUNE",
  contrainte_numerique: "AUCUNE",
  contrainte_administrative_juridique: "AUCUNE",
  contrainte_francais_calcul: "AUCUNE",
  boe: false,
  baeeh: false,
  scolarite_etablissement_specialise: false,
  esat: false,
};

export async function seedDemoOrientations(
  tx: Db,
  clock: Clock,
  departement: string,
  opts: { except?: readonly string[] } = {},
): Promise<{ opened: number }> {
  const today = parisDate(clock.now());
  const persons = await tx
    .selectFrom("persons as p")
    .leftJoin("communes as c", "c.code", "p.commune_code")
    .select([
      "p.id",
      "p.email",
      "p.birth_date as birthDate",
      "p.address_line as addressLine",
      "p.postal_code as postalCode",
      "p.commune_code as communeCode",
      "c.name as communeName",
    ])
    .where("p.departement", "=", departement)
    .where("p.status", "=", "active")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("follow_ups as f")
            .select("f.id")
            .whereRef("f.person_id", "=", "p.id")
            .where("f.ended_at", "is", null),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("parcours as pa").select("pa.id").whereRef("pa.person_id", "=", "p.id"))),
    )
    .$if((opts.except ?? []).length > 0, (q) => q.where("p.id", "not in", [...opts.except!]))
    .orderBy("p.id")
    .execute();
  let opened = 0;
  for (const p of persons) {
    const designated = p.email === DEMO_PERSON_TO_ORIENT.email;
    const r = rng(p.id);
    const daysAgo = designated ? DEMO_PERSON_TO_ORIENT.t0DaysAgo : r.int(0, 20);
    const known: OrientationCriteria = {
      brsa: true,
      date_naissance: p.birthDate,
      ...(p.communeCode && p.postalCode && p.communeName
        ? {
            adresse: {
              code_commune: p.communeCode,
              libelle_commune: p.communeName,
              code_postal: p.postalCode,
              ...(p.addressLine ? { numero_type_libelle_voie: p.addressLine } : {}),
            },
          }
        : {}),
    };
    let criteria: OrientationCriteria = known;
    if (designated) criteria = { ...known, ...closeToEmployment };
    else if (r.chance(0.75)) criteria = { ...known, ...randomCriteria(r) };
    else if (r.chance(0.5))
      criteria = {
        ...known,
        situation_professionnelle: r.pick(situationProfessionnelle.codes),
        projet_pro: r.pick(projetPro.codes),
      };
    const out = await openPathwayForNewEntrant(
      tx,
      { clock, ids: namedIds(`pathway:${p.id}`) },
      {
        personId: p.id,
        departement,
        t0: addDays(today, -daysAgo),
        origine: r.chance(0.85) ? "INSCRIPTION_AUTO_CAF" : "INSCRIPTION_CONSEILLER_CD",
        criteria,
      },
    );
    if (out.opened) opened += 1;
  }
  return { opened };
}
