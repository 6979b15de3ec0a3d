// Applies a batch of consecutive households inside one transaction, set-based: one query for the identity
// candidates of every person of the batch, one read each for their rights, months and follow-ups, then bulk
// writes (persons, rights, months, quarantine), the pathways of the new entrants, the audit rows, and last
// the progress mark of the import (the proof, in the same transaction, that these households are done).

import { importsErrors } from "../../../shared/imports/imports.errors";
import {
  decideNewEntrant,
  type FollowUpFacts,
  type NewEntrantParams,
} from "../../../shared/imports/new-entrant";
import {
  orientationDueDate,
  orientationDueSoonDate,
} from "../../../shared/orientation/orientation.deadlines";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import { audit } from "../../audit/audit";
import type { Db } from "../../db/connect";
import type { SystemActor } from "../../kernel/access";
import type { Clock } from "../../kernel/clock";
import type { Ids } from "../../kernel/ids";
import type { Secrets } from "../../kernel/secrets";
import { openPathwayForNewEntrant } from "../../orientation/open-pathway-for-new-entrant";
import {
  decideMatch,
  type IdentityFill,
  type MatchCandidate,
  type NewPersonRow,
  personMatchingRepository,
} from "../../persons/person-matching";
import { workItemsRepository } from "../../work-items/work-items.repository";
import {
  type ImportCounts,
  importsRepository,
  type QuarantineRow,
  type RsaRightRow,
  zeroCounts,
} from "../imports.repository";
import type { DroitsDevoirsMonthsTable } from "../imports.tables";
import {
  type ApplyContext,
  applyFill,
  cafKey,
  householdKey,
  type MonthRow,
  newEntrantFacts,
  planIdentity,
  planMonth,
  planRight,
  quarantineReason,
  type RejectedRecord,
  rejectedPersonRecord,
  rightKey,
} from "./apply-household";
import type { CnafHousehold, CnafPerson, HouseholdReading } from "./read-household";

export type BatchDeps = { clock: Clock; ids: Ids; secrets: Secrets };
export type BatchInput = {
  ctx: ApplyContext;
  actor: SystemActor;
  params: NewEntrantParams;
  /** households already applied before this batch (the progress mark it moves from) */
  from: number;
  readings: HouseholdReading[];
};
export type BatchResult = { counts: ImportCounts; quarantined: RejectedRecord[] };

type Resolved = {
  h: CnafHousehold;
  p: CnafPerson;
  personId: string;
  createdHere: boolean;
  nir: NirFields | null;
};
type NirFields = { index: string; cipher: string; lastDigits: string };

/** In-memory view of the persons the batch touches, kept current as records are matched and filled. */
class PersonIndex {
  readonly byId = new Map<string, MatchCandidate>();
  private readonly byNir = new Map<string, string>();
  private readonly byFt = new Map<string, string>();
  private readonly byCaf = new Map<string, string>();
  private readonly byBirth = new Map<string, Set<string>>();

  put(c: MatchCandidate) {
    this.byId.set(c.id, c);
    if (c.nirIndex) this.byNir.set(c.nirIndex, c.id);
    if (c.franceTravailId) this.byFt.set(c.franceTravailId, c.id);
    if (c.cafMatricule && c.cafOrganisme && c.cafNumorg && c.householdRole) {
      this.byCaf.set(cafKey(c.cafOrganisme, c.cafNumorg, c.cafMatricule, c.householdRole, c.birthDate), c.id);
    }
    const born = this.byBirth.get(c.birthDate) ?? new Set<string>();
    born.add(c.id);
    this.byBirth.set(c.birthDate, born);
  }
  candidatesFor(
    nirIndex: string | null,
    ft: string | null,
    caf: string | null,
    birthDate: string,
  ): MatchCandidate[] {
    const ids = new Set<string>(this.byBirth.get(birthDate) ?? []);
    for (const id of [
      nirIndex && this.byNir.get(nirIndex),
      ft && this.byFt.get(ft),
      caf && this.byCaf.get(caf),
    ])
      if (id) ids.add(id);
    return [...ids].map((id) => this.byId.get(id)!);
  }
  readonly taken = {
    nir: (k: string, self: string) => (this.byNir.get(k) ?? self) !== self,
    franceTravail: (k: string, self: string) => (this.byFt.get(k) ?? self) !== self,
    caf: (k: string, self: string) => (this.byCaf.get(k) ?? self) !== self,
  };
}

export async function applyBatch(tx: Db, deps: BatchDeps, input: BatchInput): Promise<BatchResult> {
  const { ctx, actor } = input;
  const counts = zeroCounts();
  const rejected: RejectedRecord[] = [];
  const households: CnafHousehold[] = [];
  counts.households = input.readings.length;
  for (const r of input.readings) {
    if (!r.ok) {
      rejected.push({
        index: r.index,
        rank: 0,
        key: householdKey(r.index),
        line: r.line,
        problems: r.problems,
      });
      continue;
    }
    households.push(r.household);
    for (const rp of r.rejectedPersons) rejected.push(rejectedPersonRecord(r.household.index, rp));
    counts.persons += r.household.persons.length + r.rejectedPersons.length;
  }
  const rawOf = new Map(
    input.readings.map((r) => [r.ok ? r.household.index : r.index, r.ok ? r.household.raw : r.raw]),
  );

  // ── match every person of the batch ───────────────────────────────────────────────────────────
  const nirOf = new Map<CnafPerson, NirFields>();
  for (const h of households)
    for (const p of h.persons)
      if (p.nir && p.nir13)
        nirOf.set(p, { index: deps.secrets.nirIndex(p.nir13), cipher: "", lastDigits: p.nir.slice(13) });
  const index = new PersonIndex();
  const candidates = await personMatchingRepository.findCandidates(
    tx,
    households.flatMap((h) =>
      h.persons.map((p) => ({
        nirIndex: nirOf.get(p)?.index ?? null,
        franceTravailId: p.franceTravailId,
        caf: { organisme: h.organisme, numorg: h.numorg, matricule: h.matricule },
        birthDate: p.birthDate,
        birthName: p.birthName,
      })),
    ),
  );
  for (const c of candidates) index.put(c);

  const newRows = new Map<string, NewPersonRow>();
  const fills = new Map<string, IdentityFill>();
  const duplicates: { personId: string; of: string }[] = [];
  const divergent = new Set<string>();
  const resolved: Resolved[] = [];
  for (const h of households) {
    for (const p of h.persons) {
      const nir = nirOf.get(p) ?? null;
      const caf = cafKey(h.organisme, h.numorg, h.matricule, p.role, p.birthDate);
      const decision = decideMatch(
        {
          nirIndex: nir?.index ?? null,
          franceTravailId: p.franceTravailId,
          caf: { organisme: h.organisme, numorg: h.numorg, matricule: h.matricule, role: p.role },
          birthName: p.birthName,
          firstNames: p.firstNames,
          birthDate: p.birthDate,
        },
        index.candidatesFor(nir?.index ?? null, p.franceTravailId, caf, p.birthDate),
      );
      if (decision.kind === "conflict") {
        rejected.push({
          index: h.index,
          rank: p.rank,
          key: `${householdKey(h.index)}, personne ${p.rank} (${p.roleCode})`,
          line: p.line,
          problems: [{ code: "conflit_identite", message: decision.message }],
        });
        continue;
      }
      if (decision.kind === "same_person") {
        resolved.push({ h, p, personId: decision.personId, createdHere: false, nir });
        continue;
      }
      const id = deps.ids.uuid();
      if (nir) nir.cipher = deps.secrets.encryptNir(p.nir!);
      const cafFree = !index.taken.caf(caf, id);
      const row: NewPersonRow = {
        id,
        nir_cipher: nir?.cipher ?? null,
        nir_index: nir?.index ?? null,
        nir_last_digits: nir?.lastDigits ?? null,
        birth_name: p.birthName,
        usage_name: p.usageName,
        first_names: p.firstNames,
        sex: p.sex,
        birth_date: p.birthDate,
        birth_place: p.birthPlace,
        nationality: null,
        email: null,
        phone: null,
        address_line: h.address?.line ?? null,
        postal_code: h.address?.postalCode ?? null,
        commune_code: h.address?.communeCode ?? null,
        departement: ctx.departement,
        france_travail_id: p.franceTravailId,
        caf_organisme: cafFree ? h.organisme : null,
        caf_numorg: cafFree ? h.numorg : null,
        caf_matricule: cafFree ? h.matricule : null,
        household_role: cafFree ? p.role : null,
        search_text: normalizeSearchText(p.birthName, p.usageName, p.firstNames),
        created_at: ctx.now,
        updated_at: ctx.now,
      };
      newRows.set(id, row);
      index.put({
        id,
        nirIndex: row.nir_index,
        franceTravailId: row.france_travail_id,
        cafOrganisme: row.caf_organisme,
        cafNumorg: row.caf_numorg,
        cafMatricule: row.caf_matricule,
        householdRole: row.household_role,
        birthName: row.birth_name,
        usageName: row.usage_name,
        firstNames: row.first_names,
        birthDate: row.birth_date,
        sex: row.sex,
        birthPlace: row.birth_place,
        addressLine: row.address_line,
        postalCode: row.postal_code,
        communeCode: row.commune_code,
        departement: row.departement,
      });
      if (decision.kind === "possible_duplicate")
        duplicates.push({ personId: id, of: decision.candidateIds[0]! });
      resolved.push({ h, p, personId: id, createdHere: true, nir });
    }
  }

  // ── what Socle already holds about the matched persons ───────────────────────────────────────
  const existingIds = [...new Set(resolved.filter((r) => !r.createdHere).map((r) => r.personId))];
  const [rightRows, monthRows, followRows] = [
    await importsRepository.rightsOf(tx, existingIds),
    await importsRepository.monthsAround(tx, existingIds, ctx.departement, ctx.month),
    await importsRepository.followUpFacts(tx, existingIds, ctx.departement),
  ];
  const rights = new Map<string, RsaRightRow>(
    rightRows.map((r) => [`${r.person_id}|${r.organisme}|${r.numorg}|${r.matricule}`, r]),
  );
  const monthBefore = new Map<string, MonthRow>();
  const monthNow = new Map<string, MonthRow>();
  for (const m of monthRows) (m.month >= ctx.month ? monthNow : monthBefore).set(m.person_id, m);
  const suivi = new Map<string, FollowUpFacts>(
    followRows.map((f) => [
      f.person_id,
      {
        parcours: (f.statut_suivi as FollowUpFacts["parcours"]) ?? null,
        veilleDepuis: f.veille_since,
        referentActif: f.referent,
      },
    ]),
  );

  // ── plan each person ─────────────────────────────────────────────────────────────────────────
  const pendingRights = new Map<string, RsaRightRow>();
  const pendingMonths = new Map<string, DroitsDevoirsMonthsTable>();
  const createdIds: string[] = [];
  const updatedIds = new Set<string>();
  const entrants: { personId: string; birthDate: string; address: CnafHousehold["address"] }[] = [];
  for (const r of resolved) {
    const { h, p, personId } = r;
    let changed = false;
    if (!r.createdHere) {
      const existing = index.byId.get(personId)!;
      const nir = r.nir && existing.nirIndex === null ? withCipher(r.nir, p, deps) : null;
      const plan = planIdentity(existing, p, h, nir, index.taken, ctx.departement);
      if (plan.divergences.length > 0) divergent.add(personId);
      if (Object.keys(plan.fill).length > 0) {
        changed = true;
        // a person created earlier in this batch is filled in its row, the others by an update
        const row = newRows.get(personId);
        if (row)
          Object.assign(
            row,
            Object.fromEntries(
              Object.entries(plan.fill).filter(([k]) => row[k as keyof NewPersonRow] === null),
            ),
          );
        else fills.set(personId, { ...fills.get(personId), ...plan.fill });
        index.put(applyFill(existing, plan.fill));
      }
    }
    const rk = rightKey(personId, h);
    const right = planRight(h, p, personId, rights.get(rk), ctx, () => deps.ids.uuid());
    if (right.changed) {
      changed = true;
      rights.set(rk, right.row);
      pendingRights.set(rk, right.row);
    }
    const month = planMonth(h, p, personId, monthNow.get(personId), ctx);
    if (month.row) {
      changed = true;
      monthNow.set(personId, month.row);
      pendingMonths.set(personId, month.row);
    }
    const facts = newEntrantFacts(
      h,
      p,
      monthBefore.get(personId),
      suivi.get(personId) ?? { parcours: null, veilleDepuis: null, referentActif: false },
      ctx,
    );
    if (decideNewEntrant(facts, input.params).nouvelEntrant) {
      entrants.push({ personId, birthDate: p.birthDate, address: h.address });
      suivi.set(personId, {
        parcours: "A_ORIENTER",
        veilleDepuis: null,
        referentActif: facts.suivi.referentActif,
      });
    }
    if (r.createdHere) {
      counts.created++;
      createdIds.push(personId);
    } else if (changed) {
      counts.updated++;
      if (!newRows.has(personId)) updatedIds.add(personId);
    } else counts.unchanged++;
  }
  counts.rejected = rejected.length;
  counts.divergences = divergent.size;
  counts.possibleDuplicates = duplicates.length;

  // ── write ────────────────────────────────────────────────────────────────────────────────────
  await personMatchingRepository.insertMany(tx, [...newRows.values()]);
  for (const [personId, fill] of fills)
    await personMatchingRepository.fillIdentity(tx, personId, fill, ctx.now);
  await importsRepository.upsertRights(tx, [...pendingRights.values()]);
  await importsRepository.upsertMonths(tx, [...pendingMonths.values()]);
  await importsRepository.insertQuarantine(
    tx,
    rejected.map((q): QuarantineRow => {
      const { code, reason } = quarantineReason(q.problems);
      return {
        import_id: ctx.importId,
        record_index: q.index,
        person_rank: q.rank,
        record_key: q.key,
        line: q.line,
        reason_code: code,
        reason,
        raw_xml: rawOf.get(q.index) ?? "",
        created_at: ctx.now,
      };
    }),
  );
  const due = {
    dueDate: orientationDueDate(ctx.receivedDate),
    dueSoonDate: orientationDueSoonDate(ctx.receivedDate),
  };
  for (const d of duplicates) {
    await workItemsRepository.open(tx, {
      id: deps.ids.uuid(),
      type: "DOUBLON_A_EXAMINER",
      personId: d.personId,
      subjectId: d.of,
      departement: ctx.departement,
      structureId: null,
      createdAt: ctx.now,
      ...due,
    });
  }
  for (const personId of divergent) {
    await workItemsRepository.open(tx, {
      id: deps.ids.uuid(),
      type: "DIVERGENCE_DONNEES",
      personId,
      subjectId: null,
      departement: ctx.departement,
      structureId: null,
      createdAt: ctx.now,
      ...due,
    });
  }
  const opened: string[] = [];
  for (const e of entrants) {
    const r = await openPathwayForNewEntrant(tx, deps, {
      personId: e.personId,
      departement: ctx.departement,
      t0: ctx.receivedDate,
      origine: "INSCRIPTION_AUTO_CAF",
      // what the flow tells of the orientation criteria (the pathway keeps the valid ones)
      criteria: {
        brsa: true,
        date_naissance: e.birthDate,
        adresse: e.address && {
          code_commune: e.address.communeCode,
          libelle_commune: e.address.communeName,
          code_postal: e.address.postalCode,
          numero_type_libelle_voie: e.address.line ?? undefined,
        },
      },
    });
    if (r.opened) opened.push(e.personId);
  }
  counts.newEntrants = opened.length;

  const details = { importId: ctx.importId, source: "flux CAF/MSA" };
  if (createdIds.length > 0)
    await audit.recordMany(tx, deps.clock, actor, createdIds, {
      action: "persons.created",
      section: "identite",
      purpose: "identify",
      details,
    });
  if (updatedIds.size > 0)
    await audit.recordMany(tx, deps.clock, actor, [...updatedIds], {
      action: "persons.updated",
      section: "identite",
      purpose: "identify",
      details,
    });
  if (opened.length > 0)
    await audit.recordMany(tx, deps.clock, actor, opened, {
      action: "orientation.pathway_opened",
      section: "orientation",
      purpose: "follow",
      details,
    });

  const to = input.from + input.readings.length;
  if (!(await importsRepository.advance(tx, ctx.importId, input.from, to, counts)))
    throw importsErrors.runningElsewhere(ctx.importId);
  return { counts, quarantined: rejected };
}

/** The NIR fields of a matched person whose NIR may fill an empty one (encrypted only when needed). */
function withCipher(nir: NirFields | null, p: CnafPerson, deps: BatchDeps): NirFields | null {
  if (!nir || !p.nir) return null;
  nir.cipher = deps.secrets.encryptNir(p.nir);
  return nir;
}
