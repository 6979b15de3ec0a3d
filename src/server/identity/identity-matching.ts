// First login of a person through FranceConnect: the identity it certifies (birth name, given names,
// birth date) designates a Socle file only when exactly one active file carries the same identity.
// Pure function: the candidates (active persons born that day) are read by the caller.
import { normalizeSearchText } from "../../shared/persons/search-text";

export type PersonCandidate = { id: string; birthName: string; firstNames: string };
export type CertifiedIdentity = { familyName: string; givenName: string };

/** The id of the only candidate with the same names (accents, case, hyphens ignored), else undefined. */
export function matchPersonByIdentity(
  candidates: PersonCandidate[],
  identity: CertifiedIdentity,
): string | undefined {
  const family = normalizeSearchText(identity.familyName);
  const given = normalizeSearchText(identity.givenName);
  if (!family || !given) return undefined;
  const matches = candidates.filter(
    (c) => normalizeSearchText(c.birthName) === family && normalizeSearchText(c.firstNames) === given,
  );
  return matches.length === 1 ? matches[0]?.id : undefined;
}
