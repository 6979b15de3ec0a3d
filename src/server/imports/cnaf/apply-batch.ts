// Applies a batch of consecutive households inside one transaction, set-based: one query for the identity
// candidates of every person of the batch, one read each for their rights, months and follow-ups, then bulk
// writes (persons, rights, months, quarantine), the pathways of the new entrants, the audit rows, and last
// the progress mark of the import (the proof, in the same transaction, that these households are done).
//
// The reads may be done early (`readBatch`), on another connection while the previous batch is still being
// written: the import then overlaps the two. They are used only if the previous batch cannot have changed
// them (`earlyReadsUsable`: no person of this batch shares an identifier, a name and birth date, or a
// candidate with a person the previous batch wrote); otherwise the batch reads again inside its transaction.

import { type AutomaticExitReason, automaticExitReasons } from "../../../shared/follow-up/follow-up.schema";
import { importsErrors } from "../../../shared/imports/imports.errors";
import {
  decideNewEntrant,
  type FollowUpFacts,
  lapsedFollowUpExitReason,
  type NewEntrantParams,
} from "../../../shared/imports/new-entrant";
import { decideVeille } from "../../../shared/imports/veille";
import {
  orientationDueDate,
  orientationDueSoonDate,
} from "../../../shared/orientation/orientation.deadlines";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import { audit } from "../../audit/audit";
import type { Db } from "../../db/connect";
import { copyRows } from "../../db/copy";
import type { SystemActor } from "../../kernel/access";
import type { Clock } from "../../kernel/clock";
import type { Ids } from "../../kernel/ids";
import type { Secrets } from "../../kernel/secrets";
import { openPathwaysForNewEntrants } from "../../orientation/open-pathway-for-new-entrant";
import { orientationRepository } from "../../orientation/orientation.repository";
import {
  decideMatch,
  type IdentityFill,
  type MatchCandidate,
  type MatchKeys,
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
  /** a household's XML from the file, when its reading came without it */
  readRaw?: (at: CnafHousehold["rawAt"]) => string;
  readings: HouseholdReading[];
  /** write the big tables with COPY (the database runs it: `supportsCopy`) rather than unnest() inserts */
  copy?: boolean;
};
export type BatchResult = {
  counts: ImportCounts;
  quarantined: RejectedRecord[];
  /** what this batch wrote, for the next batch's early reads */
  footprint: BatchFootprint;
};

/** What a batch reads before deciding: identity candidates, then their rights, months and follow-ups. */
export type BatchReads = {
  keys: BatchKeys;
  candidates: MatchCandidate[];
  rights: RsaRightRow[];
  months: Awaited<ReturnType<typeof importsRepository.monthsAround>>;
  follow: Awaited<ReturnType<typeof importsRepository.followUpFacts>>;
};

/** The identifiers of the persons a batch wrote (created, filled, rights, months, pathways). */
export type BatchFootprint = {
  nirs: Set<string>;
  franceTravail: Set<string>;
  cafFiles: Set<string>;
  /** birth date | every word prefix of the normalised names */
  names: Set<string>;
  ids: Set<string>;
};

type BatchKeys = { households: CnafHousehold[]; nirOf: Map<CnafPerson, NirFields>; keys: MatchKeys[] };

const auditDetails = (ctx: ApplyContext) => ({ importId: ctx.importId, source: "flux CAF/MSA" });
const cafFileKey = (o: string, n: string, m: string) => `${o}|${n}|${m}`;
const nameKey = (birthDate: string, normalised: string) => `${birthDate}|${normalised}`;

function batchKeys(deps: BatchDeps, readings: HouseholdReading[]): BatchKeys {
  const households = readings.flatMap((r) => (r.ok ? [r.household] : []));
  const nirOf = new Map<CnafPerson, NirFields>();
  for (const h of households)
    for (const p of h.persons)
      if (p.nir && p.nir13)
        nirOf.set(p, { index: deps.secrets.nirIndex(p.nir13), cipher: "", lastDigits: p.nir.slice(13) });
  const keys = households.flatMap((h) =>
    h.persons.map(
      (p): MatchKeys => ({
        nirIndex: nirOf.get(p)?.index ?? null,
        franceTravailId: p.franceTravailId,
        caf: { organisme: h.organisme, numorg: h.numorg, matricule: h.matricule },
        birthDate: p.birthDate,
        birthName: p.birthName,
        birthNameKey: p.birthNameKey,
      }),
    ),
  );
  return { households, nirOf, keys };
}

/** The reads of a batch (outside its transaction when done early). */
export async function readBatch(
  db: Db,
  deps: BatchDeps,
  ctx: ApplyContext,
  readings: HouseholdReading[],
): Promise<BatchReads> {
  const keys = batchKeys(deps, readings);
  const candidates = await personMatchingRepository.findCandidates(db, keys.keys);
  // every candidate's facts (a superset of the persons the batch will match)
  const ids = [...new Set(candidates.map((c) => c.id))];
  return {
    keys,
    candidates,
    rights: await importsRepository.rightsOf(db, ids),
    months: await importsRepository.monthsAround(db, ids, ctx.departement, ctx.month),
    follow: await importsRepository.followUpFacts(db, ids, ctx.departement),
  };
}

/** Early reads are usable unless the previous batch wrote a person they could have found or did find. */
export function earlyReadsUsable(reads: BatchReads, previous: BatchFootprint | undefined): boolean {
  if (!previous) return true;
  if (reads.candidates.some((c) => previous.ids.has(c.id))) return false;
  return !reads.keys.keys.some(
    (k) =>
      (k.nirIndex !== null && previous.nirs.has(k.nirIndex)) ||
      (k.franceTravailId !== null && previous.franceTravail.has(k.franceTravailId)) ||
      (k.caf !== null && previous.cafFiles.has(cafFileKey(k.caf.organisme, k.caf.numorg, k.caf.matricule))) ||
      previous.names.has(nameKey(k.birthDate, k.birthNameKey ?? normalizeSearchText(k.birthName))),
  );
}

function footprintOf(resolved: Resolved[]): BatchFootprint {
  const f: BatchFootprint = {
    nirs: new Set(),
    franceTravail: new Set(),
    cafFiles: new Set(),
    names: new Set(),
    ids: new Set(),
  };
  for (const { h, p, personId, nir } of resolved) {
    f.ids.add(personId);
    if (nir) f.nirs.add(nir.index);
    if (p.franceTravailId) f.franceTravail.add(p.franceTravailId);
    f.cafFiles.add(cafFileKey(h.organisme, h.numorg, h.matricule));
    const words = p.searchText.split(" ");
    for (let i = 1; i <= words.length; i++) f.names.add(nameKey(p.birthDate, words.slice(0, i).join(" ")));
  }
  return f;
}

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

/** Reads (unless read early), plans and writes a batch, in the caller's transaction. */
export async function applyBatch(
  tx: Db,
  deps: BatchDeps,
  input: BatchInput,
  early?: BatchReads,
): Promise<BatchResult> {
  const reads = early ?? (await readBatch(tx, deps, input.ctx, input.readings));
  return writeBatch(tx, deps, await planBatch(deps, input, reads));
}

/**
 * Planning runs on the main thread while the previous batch is written: it hands the event loop back every
 * few milliseconds (setImmediate, after pending I/O), so that the write's next statement goes out at once
 * rather than after the whole plan.
 */
const PLAN_SLICE_MS = 3;
function slicer(): () => Promise<void> | undefined {
  let since = performance.now();
  let n = 0;
  return () => {
    // the clock read every 16 persons only
    if ((++n & 15) !== 0 || performance.now() - since < PLAN_SLICE_MS) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        since = performance.now();
        resolve();
      }),
    );
  };
}

/** Everything a batch will write, decided from its readings and reads alone (no database). */
export type BatchPlan = Awaited<ReturnType<typeof planBatch>>;

export async function planBatch(deps: BatchDeps, input: BatchInput, reads: BatchReads) {
  const { ctx } = input;
  const pause = slicer();
  const counts = zeroCounts();
  const rejected: RejectedRecord[] = [];
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
    for (const rp of r.rejectedPersons) rejected.push(rejectedPersonRecord(r.household.index, rp));
    counts.persons += r.household.persons.length + r.rejectedPersons.length;
  }
  const readingOf = new Map(input.readings.map((r) => [r.ok ? r.household.index : r.index, r]));
  const rawOf = (index: number): string => {
    const r = readingOf.get(index);
    if (!r) return "";
    if (!r.ok) return r.raw;
    return r.household.raw || (input.readRaw?.(r.household.rawAt) ?? "");
  };

  // ── match every person of the batch ───────────────────────────────────────────────────────────
  const { households, nirOf } = reads.keys;
  const index = new PersonIndex();
  for (const c of reads.candidates) index.put(c);

  const newRows = new Map<string, NewPersonRow>();
  const fills = new Map<string, IdentityFill>();
  const duplicates: { personId: string; of: string }[] = [];
  const divergent = new Set<string>();
  const resolved: Resolved[] = [];
  for (const h of households) {
    for (const p of h.persons) {
      await pause();
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
        search_text: p.searchText,
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
  const [rightRows, monthRows, followRows] = [reads.rights, reads.months, reads.follow];
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
  const parcoursOf = new Map(
    followRows.flatMap((f) => (f.parcours_id ? [[f.person_id, f.parcours_id]] : [])),
  );

  // ── plan each person ─────────────────────────────────────────────────────────────────────────
  const pendingRights = new Map<string, RsaRightRow>();
  const pendingMonths = new Map<string, DroitsDevoirsMonthsTable>();
  const createdIds: string[] = [];
  const updatedIds = new Set<string>();
  const entrants: {
    personId: string;
    birthDate: string;
    address: CnafHousehold["address"];
    /** back after a follow-up on hold or a suspension too long: the open pathway closes with this reason */
    lapsedPathway: AutomaticExitReason | null;
  }[] = [];
  // the followed persons' pathways put on hold or resumed by this month's flag (parcours.md §2.4), by person
  const veilleStarts = new Map<string, { parcoursId: string; since: string }>();
  const veilleEnds = new Map<string, { parcoursId: string; since: string | null }>();
  for (const r of resolved) {
    await pause();
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
    const decision = decideNewEntrant(facts, input.params);
    if (decision.nouvelEntrant) {
      entrants.push({
        personId,
        birthDate: p.birthDate,
        address: h.address,
        lapsedPathway: lapsedFollowUpExitReason(decision.motif),
      });
      suivi.set(personId, {
        parcours: "A_ORIENTER",
        veilleDepuis: null,
        referentActif: facts.suivi.referentActif,
      });
    } else {
      // not a new entrant: the flag of the month may put the follow-up on hold or resume it (a new entrant's
      // old pathway is closed by the new-entrant path instead)
      const parcoursId = parcoursOf.get(personId);
      const veille = decideVeille(
        {
          dateReference: ctx.dtref,
          soumisCeMois: p.soumis,
          parcours: facts.suivi.parcours,
          veilleDepuis: facts.suivi.veilleDepuis,
        },
        input.params,
      );
      if (veille && parcoursId) {
        if (veille.transition === "METTRE_EN_VEILLE") {
          // a resumption planned earlier in the batch (the person twice in the flow) is undone, not chained
          if (!veilleEnds.delete(personId))
            veilleStarts.set(personId, { parcoursId, since: veille.veilleDepuis });
          suivi.set(personId, { ...facts.suivi, parcours: "EN_VEILLE", veilleDepuis: veille.veilleDepuis });
        } else {
          if (!veilleStarts.delete(personId))
            veilleEnds.set(personId, { parcoursId, since: facts.suivi.veilleDepuis });
          suivi.set(personId, { ...facts.suivi, parcours: "ACTIF", veilleDepuis: null });
        }
      }
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

  // the bulk statements are built here, with their parameters: when the batch is planned ahead, that work
  // is done while the previous batch is written
  const quarantineRows = rejected.map((q): QuarantineRow => {
    const { code, reason } = quarantineReason(q.problems);
    return {
      import_id: ctx.importId,
      record_index: q.index,
      person_rank: q.rank,
      record_key: q.key,
      line: q.line,
      reason_code: code,
      reason,
      raw_xml: rawOf(q.index),
      created_at: ctx.now,
    };
  });
  // rows of persons created by this batch cannot exist yet: inserted (COPY on the server); others upserted
  const rightsOut = [...pendingRights.values()];
  const monthsOut = [...pendingMonths.values()];
  const newPersons = [...newRows.values()];
  const newRights = rightsOut.filter((r) => newRows.has(r.person_id));
  const newMonths = monthsOut.filter((m) => newRows.has(m.person_id));
  const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
  const persons = input.copy
    ? copyRows("persons", newPersons)
    : personMatchingRepository.insertManyStatement(newPersons);
  await tick();
  const rightStatements = [
    input.copy
      ? copyRows("rsa_rights", newRights)
      : importsRepository.insertNewPersonsRightsStatement(newRights),
    importsRepository.upsertRightsStatement(rightsOut.filter((r) => !newRows.has(r.person_id))),
  ];
  await tick();
  const months = [
    input.copy
      ? copyRows("droits_devoirs_months", newMonths)
      : importsRepository.insertNewPersonsMonthsStatement(newMonths),
    importsRepository.upsertMonthsStatement(monthsOut.filter((m) => !newRows.has(m.person_id))),
  ];
  await tick();
  const identityAudit = audit.prepareGroups(deps.clock, input.actor, [
    {
      personIds: createdIds,
      action: "persons.created",
      section: "identite",
      purpose: "identify",
      details: auditDetails(ctx),
    },
    {
      personIds: [...updatedIds],
      action: "persons.updated",
      section: "identite",
      purpose: "identify",
      details: auditDetails(ctx),
    },
  ]);
  await tick();
  const footprint = footprintOf(resolved);
  return {
    input,
    counts,
    rejected,
    persons,
    rights: rightStatements,
    months,
    quarantine: importsRepository.insertQuarantineStatement(quarantineRows),
    fills,
    duplicates,
    divergent,
    entrants,
    veilleStarts: [...veilleStarts.values()],
    veilleEnds: [...veilleEnds.values()],
    identityAudit,
    footprint,
  };
}

/** Writes a planned batch and moves the import's progress mark, in the caller's transaction. */
export async function writeBatch(tx: Db, deps: BatchDeps, plan: BatchPlan): Promise<BatchResult> {
  const { input, counts, rejected, fills } = plan;
  const { duplicates, divergent, entrants } = plan;
  const { ctx, actor } = input;
  // ── write ────────────────────────────────────────────────────────────────────────────────────
  await plan.persons?.execute(tx);
  for (const [personId, fill] of fills)
    await personMatchingRepository.fillIdentity(tx, personId, fill, ctx.now);
  for (const statement of [...plan.rights, ...plan.months, plan.quarantine]) await statement?.execute(tx);
  const due = {
    dueDate: orientationDueDate(ctx.receivedDate),
    dueSoonDate: orientationDueSoonDate(ctx.receivedDate),
  };
  await workItemsRepository.openMany(tx, [
    ...duplicates.map((d) => ({
      id: deps.ids.uuid(),
      type: "DOUBLON_A_EXAMINER" as const,
      personId: d.personId,
      subjectId: d.of,
      departement: ctx.departement,
      structureId: null,
      createdAt: ctx.now,
      ...due,
    })),
    ...[...divergent].map((personId) => ({
      id: deps.ids.uuid(),
      type: "DIVERGENCE_DONNEES" as const,
      personId,
      subjectId: null,
      departement: ctx.departement,
      structureId: null,
      createdAt: ctx.now,
      ...due,
    })),
  ]);
  // the follow-ups put on hold or resumed: one statement each for the batch, guarded on the state read
  const veilleStarted = await orientationRepository.startVeille(tx, plan.veilleStarts);
  const veilleEnded = await orientationRepository.endVeille(tx, plan.veilleEnds);
  const pathways = await openPathwaysForNewEntrants(
    tx,
    deps,
    entrants.map((e) => ({
      personId: e.personId,
      departement: ctx.departement,
      t0: ctx.receivedDate,
      origine: "INSCRIPTION_AUTO_CAF" as const,
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
      ...(e.lapsedPathway ? { lapsedPathway: e.lapsedPathway } : {}),
    })),
  );
  const opened = pathways.filter((p) => p.opened).map((p) => p.personId);
  counts.newEntrants = opened.length;
  counts.veillesStarted = veilleStarted.length;
  counts.veillesEnded = veilleEnded.length;
  counts.pathwaysClosed = pathways.filter((p) => p.closed).length;
  const closedFor = (reason: AutomaticExitReason) =>
    pathways.filter((p) => p.closed?.exitReason === reason).map((p) => p.personId);

  // one append to the audit chain for the whole batch (identity rows prepared with the plan)
  await (input.copy ? audit.appendPreparedByCopy : audit.appendPrepared)(
    tx,
    plan.identityAudit,
    audit.prepareGroups(deps.clock, actor, [
      // the pathways closed before a new one opens (their orientation in force and work items with them)
      ...automaticExitReasons.map((exitReason) => ({
        personIds: closedFor(exitReason),
        action: "orientation.pathway_closed",
        section: "orientation",
        purpose: "follow" as const,
        details: { ...auditDetails(ctx), exitReason },
      })),
      {
        personIds: veilleStarted.map((r) => r.personId),
        action: "follow_up.veille_started",
        section: "suivi",
        purpose: "follow",
        details: { ...auditDetails(ctx), veilleSince: ctx.dtref },
      },
      {
        personIds: veilleEnded.map((r) => r.personId),
        action: "follow_up.veille_ended",
        section: "suivi",
        purpose: "follow",
        details: auditDetails(ctx),
      },
      {
        personIds: opened,
        action: "orientation.pathway_opened",
        section: "orientation",
        purpose: "follow",
        details: auditDetails(ctx),
      },
    ]),
  );

  const to = input.from + input.readings.length;
  if (!(await importsRepository.advance(tx, ctx.importId, input.from, to, counts)))
    throw importsErrors.runningElsewhere(ctx.importId);
  return { counts, quarantined: rejected, footprint: plan.footprint };
}

/** The NIR fields of a matched person whose NIR may fill an empty one (encrypted only when needed). */
function withCipher(nir: NirFields | null, p: CnafPerson, deps: BatchDeps): NirFields | null {
  if (!nir || !p.nir) return null;
  nir.cipher = deps.secrets.encryptNir(p.nir);
  return nir;
}
