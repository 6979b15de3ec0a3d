// One row of a tabular import against the persons already known: what it would do (preview) and what it
// does (apply). Same guarantees as the CAF/MSA import: a row already applied changes nothing, a strong
// identifier links to the existing file and only fills its empty fields (a different value opens
// DIVERGENCE_DONNEES, never an overwrite), a conflict on a strong identifier is quarantined, names +
// birth date only create a new file flagged DOUBLON_A_EXAMINER (PS-44, PS-45).
//
// Note: the persons capability exports no identity update nor follow-up insert yet; the writes to
// `persons` and `follow_ups` go through this capability's repositories until it does.

import {
  canonicalValues,
  identityKeyOf,
  type TabularPerson,
} from "../../../shared/imports/tabular/tabular-import.rules";
import type { PreviewAction, TabularReason } from "../../../shared/imports/tabular/tabular-import.schema";
import { addDays, type LocalDate } from "../../../shared/kernel/dates";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import {
  DUPLICATE_REVIEW_DUE_DAYS,
  DUPLICATE_REVIEW_DUE_SOON_DAYS,
  departementOfCommune,
} from "../../../shared/registration/registration.rules";
import type { Db } from "../../db/connect";
import type { Clock } from "../../kernel/clock";
import type { Ids } from "../../kernel/ids";
import type { Secrets } from "../../kernel/secrets";
import { personsRepository } from "../../persons/persons.repository";
import { type IdentityMatch, matchIdentity } from "../../registration/identity-match";
import { registrationsRepository } from "../../registration/registration.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { tabularImportsRepository } from "./tabular-imports.repository";
import type { TabularRowStatus } from "./tabular-imports.tables";

export type RowKeys = { naturalKey: string; rawHash: string };

/** Keyed hashes of the row's identity and values: a NIR cannot be found back from them. */
export function rowKeys(secrets: Secrets, p: TabularPerson): RowKeys {
  return { naturalKey: secrets.nirIndex(identityKeyOf(p)), rawHash: secrets.nirIndex(canonicalValues(p)) };
}

function identityOf(secrets: Secrets, p: TabularPerson) {
  return {
    nirIndex: p.nir ? secrets.nirIndex(p.nir.slice(0, 13)) : null,
    franceTravailId: p.numeroFranceTravail ?? null,
    birthName: p.nomFamille,
    firstNames: p.prenoms,
    birthDate: p.dateNaissance,
  };
}

/** A conflict on a strong identifier, as the matching words it, on the identifier's column. */
const conflictReason = (m: Extract<IdentityMatch, { kind: "conflict" }>): TabularReason => ({
  field: m.on === "NIR" ? "nir" : m.on === "NUMERO_FRANCE_TRAVAIL" ? "numeroFranceTravail" : null,
  message: `${m.message} Vérifiez la ligne.`,
});

/** What applying the row would do, in French (read-only). */
export async function previewRow(
  db: Db,
  secrets: Secrets,
  p: TabularPerson,
  keys: RowKeys,
): Promise<{ action: PreviewAction; message: string }> {
  if (await tabularImportsRepository.alreadyApplied(db, keys.naturalKey, keys.rawHash)) {
    return {
      action: "DEJA_IMPORTEE",
      message: "Ligne déjà importée avec les mêmes informations : aucun changement.",
    };
  }
  const m = await matchIdentity(db, identityOf(secrets, p));
  switch (m.kind) {
    case "same":
      return {
        action: "MISE_A_JOUR",
        message:
          m.on === "NIR"
            ? "Un dossier porte ce NIR : ses informations manquantes seront complétées (jamais remplacées)."
            : "Un dossier porte ce numéro France Travail : ses informations manquantes seront complétées (jamais remplacées).",
      };
    case "conflict":
      return {
        action: "CONFLIT",
        message: `${conflictReason(m).message} La ligne sera mise en quarantaine.`,
      };
    case "possible_duplicates":
      return {
        action: "DOUBLON_POSSIBLE",
        message:
          "Un dossier porte les mêmes nom, prénom et date de naissance : un nouveau dossier sera créé et signalé pour examen, sans fusion automatique.",
      };
    case "none":
      return { action: "CREATION", message: "Nouveau dossier." };
  }
}

export type RowOutcome = {
  status: Exclude<TabularRowStatus, "EN_ATTENTE">;
  personId: string | null;
  reasons?: TabularReason[];
};

export async function applyRow(
  tx: Db,
  deps: { clock: Clock; ids: Ids; secrets: Secrets },
  ctx: {
    importId: string;
    line: number;
    departement: string;
    followUpBy: { structureId: string; professionalId: string } | null;
    today: LocalDate;
  },
  p: TabularPerson,
  keys: RowKeys,
): Promise<RowOutcome> {
  const now = deps.clock.now();
  const done = await tabularImportsRepository.alreadyApplied(tx, keys.naturalKey, keys.rawHash);
  if (done) return { status: "INCHANGEE", personId: done.personId };
  const earlier = await tabularImportsRepository.earlierLineOf(tx, ctx.importId, keys.naturalKey, ctx.line);
  if (earlier) {
    return {
      status: "QUARANTAINE",
      personId: null,
      reasons: [
        {
          field: null,
          message: `Même personne qu'à la ligne ${earlier.line}, avec des informations différentes : gardez une seule ligne pour cette personne.`,
        },
      ],
    };
  }

  const m = await matchIdentity(tx, identityOf(deps.secrets, p));
  if (m.kind === "conflict") return { status: "QUARANTAINE", personId: null, reasons: [conflictReason(m)] };
  if (m.kind === "same") return fillExisting(tx, deps, ctx, m.personId, p);

  const personId = deps.ids.uuid();
  const departement = p.codeCommune ? departementOfCommune(p.codeCommune) : ctx.departement;
  const nirBody = p.nir?.slice(0, 13);
  await personsRepository.insert(tx, {
    id: personId,
    nir_cipher: p.nir ? deps.secrets.encryptNir(p.nir) : null,
    nir_index: nirBody ? deps.secrets.nirIndex(nirBody) : null,
    nir_last_digits: p.nir && p.nir.length === 15 ? p.nir.slice(13) : null,
    birth_name: p.nomFamille,
    usage_name: p.nomUsage ?? null,
    first_names: p.prenoms,
    sex: p.sexe ?? null,
    birth_date: p.dateNaissance,
    birth_place: p.lieuNaissance ?? null,
    nationality: null,
    email: p.email ?? null,
    phone: p.telephone ?? null,
    address_line: p.adresse ?? null,
    postal_code: p.codePostal ?? null,
    commune_code: p.codeCommune ?? null,
    departement,
    france_travail_id: p.numeroFranceTravail ?? null,
    caf_organisme: null,
    caf_numorg: null,
    caf_matricule: null,
    household_role: null,
    search_text: normalizeSearchText(p.nomFamille, p.nomUsage, p.prenoms),
    created_at: now,
    updated_at: now,
  });
  if (ctx.followUpBy) {
    await registrationsRepository.insertFollowUp(tx, {
      id: deps.ids.uuid(),
      personId,
      at: now,
      ...ctx.followUpBy,
    });
  }
  if (m.kind === "possible_duplicates") {
    for (const c of m.candidates) {
      await workItemsRepository.open(tx, {
        id: deps.ids.uuid(),
        type: "DOUBLON_A_EXAMINER",
        personId,
        subjectId: c.personId,
        departement,
        structureId: ctx.followUpBy?.structureId ?? null,
        createdAt: now,
        dueDate: addDays(ctx.today, DUPLICATE_REVIEW_DUE_DAYS),
        dueSoonDate: addDays(ctx.today, DUPLICATE_REVIEW_DUE_SOON_DAYS),
      });
    }
    return { status: "DOUBLON_A_EXAMINER", personId };
  }
  return { status: "CREEE", personId };
}

/** Fills the empty fields of a file found on a strong identifier; a different value is a divergence. */
async function fillExisting(
  tx: Db,
  deps: { clock: Clock; ids: Ids; secrets: Secrets },
  ctx: {
    importId: string;
    departement: string;
    followUpBy: { structureId: string } | null;
    today: LocalDate;
  },
  personId: string,
  p: TabularPerson,
): Promise<RowOutcome> {
  const current = await personsRepository.get(tx, personId);
  if (!current)
    return {
      status: "QUARANTAINE",
      personId: null,
      reasons: [{ field: null, message: "Le dossier correspondant est introuvable." }],
    };
  const patch: Record<string, string | null> = {};
  let divergent = false;
  const consider = (
    column: string,
    known: string | null,
    incoming: string | undefined,
    same = (a: string, b: string) => a === b,
  ) => {
    if (incoming === undefined) return;
    if (known === null || known === "") patch[column] = incoming;
    else if (!same(known, incoming)) divergent = true;
  };
  const sameText = (a: string, b: string) => normalizeSearchText(a) === normalizeSearchText(b);
  consider("birth_name", current.birthName, p.nomFamille, sameText);
  consider("first_names", current.firstNames, p.prenoms, sameText);
  consider("usage_name", current.usageName, p.nomUsage, sameText);
  consider("sex", current.sex, p.sexe);
  consider("birth_place", current.birthPlace, p.lieuNaissance, sameText);
  consider("email", current.email, p.email, (a, b) => a.toLowerCase() === b.toLowerCase());
  consider("phone", current.phone, p.telephone, (a, b) => a.replace(/\s/g, "") === b.replace(/\s/g, ""));
  consider("address_line", current.addressLine, p.adresse, sameText);
  consider("postal_code", current.postalCode, p.codePostal);
  consider("commune_code", current.communeCode, p.codeCommune);
  if (p.numeroFranceTravail) {
    if (!current.franceTravailId) {
      const taken = await tx
        .selectFrom("persons")
        .select("id")
        .where("france_travail_id", "=", p.numeroFranceTravail)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (taken) divergent = true;
      else patch.france_travail_id = p.numeroFranceTravail;
    } else if (current.franceTravailId !== p.numeroFranceTravail) divergent = true;
  }
  if (p.nir) {
    const body = p.nir.slice(0, 13);
    const index = deps.secrets.nirIndex(body);
    if (!current.nirCipher) {
      const taken = await tx
        .selectFrom("persons")
        .select("id")
        .where("nir_index", "=", index)
        .where("status", "=", "active")
        .executeTakeFirst();
      if (taken) divergent = true;
      else {
        patch.nir_cipher = deps.secrets.encryptNir(p.nir);
        patch.nir_index = index;
        patch.nir_last_digits = p.nir.length === 15 ? p.nir.slice(13) : null;
      }
    } else if (deps.secrets.decryptNir(current.nirCipher).slice(0, 13) !== body) divergent = true;
  }
  if (patch.birth_name || patch.first_names || patch.usage_name) {
    patch.search_text = normalizeSearchText(
      patch.birth_name ?? current.birthName,
      patch.usage_name ?? current.usageName,
      patch.first_names ?? current.firstNames,
    );
  }
  const now = deps.clock.now();
  if (divergent) {
    await workItemsRepository.open(tx, {
      id: deps.ids.uuid(),
      type: "DIVERGENCE_DONNEES",
      personId,
      subjectId: ctx.importId,
      departement: current.departement,
      structureId: ctx.followUpBy?.structureId ?? null,
      createdAt: now,
      dueDate: addDays(ctx.today, DUPLICATE_REVIEW_DUE_DAYS),
      dueSoonDate: addDays(ctx.today, DUPLICATE_REVIEW_DUE_SOON_DAYS),
    });
  }
  if (Object.keys(patch).length === 0) return { status: "INCHANGEE", personId };
  await tabularImportsRepository.fillPersonFields(tx, personId, patch, now);
  return { status: "MISE_A_JOUR", personId };
}
