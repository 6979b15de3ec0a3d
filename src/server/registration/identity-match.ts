// Finds the existing file an identity designates, with the shared identity matching of
// persons/person-matching.ts (parcours.md §1.5): same NIR, same France Travail number, same CAF/MSA file
// + role + birth date → the same person; a strong identifier whose other facts differ is a conflict,
// never resolved automatically; same birth name, first name and birth date only → possible duplicates
// for a human to examine (PS-44, PS-45). Registration and the tabular import call this one function.
import type { Db } from "../db/connect";
import { decideMatch, type MatchedBy, personMatchingRepository } from "../persons/person-matching";

export type IdentityKeys = {
  /** keyed HMAC of the 13 first characters of the NIR (secrets.nirIndex) */
  nirIndex?: string | null;
  franceTravailId?: string | null;
  caf?: {
    organisme: "CAF" | "MSA";
    numorg: string;
    matricule: string;
    role: "DEM" | "CJT" | "ENF" | "AUT";
  } | null;
  birthName: string;
  firstNames: string;
  birthDate: string;
  /** the file the identity already belongs to (a registration made from a person's own space) */
  excludePersonId?: string | null;
};

export type StrongKey = "NIR" | "NUMERO_FRANCE_TRAVAIL" | "DOSSIER_CAF_MSA";
export type IdentityMatch =
  | { kind: "same"; personId: string; on: StrongKey }
  | { kind: "conflict"; personId: string; on: StrongKey; message: string }
  | { kind: "possible_duplicates"; candidates: { personId: string; on: "NOM_DATE_NAISSANCE" }[] }
  | { kind: "none" };

const keyOf: Record<MatchedBy, StrongKey> = {
  nir: "NIR",
  france_travail: "NUMERO_FRANCE_TRAVAIL",
  caf: "DOSSIER_CAF_MSA",
};

export async function matchIdentity(db: Db, keys: IdentityKeys): Promise<IdentityMatch> {
  const incoming = {
    nirIndex: keys.nirIndex ?? null,
    franceTravailId: keys.franceTravailId ?? null,
    caf: keys.caf ?? null,
    birthName: keys.birthName,
    firstNames: keys.firstNames,
    birthDate: keys.birthDate,
  };
  const candidates = (await personMatchingRepository.findCandidates(db, [incoming])).filter(
    (c) => c.id !== keys.excludePersonId,
  );
  const d = decideMatch(incoming, candidates);
  switch (d.kind) {
    case "same_person":
      return { kind: "same", personId: d.personId, on: keyOf[d.by] };
    case "conflict":
      return { kind: "conflict", personId: d.personId, on: keyOf[d.by], message: d.message };
    case "possible_duplicate":
      return {
        kind: "possible_duplicates",
        candidates: d.candidateIds.map((personId) => ({ personId, on: "NOM_DATE_NAISSANCE" as const })),
      };
    case "new_person":
      return { kind: "none" };
  }
}
