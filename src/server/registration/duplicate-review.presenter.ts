import { maskNir } from "../../shared/identity/nir";
import { normalizeSearchText } from "../../shared/persons/search-text";
import type { DuplicatePersonCard } from "../../shared/registration/duplicate-review.schema";
import type { Secrets } from "../kernel/secrets";
import { sameFirstName } from "../persons/person-matching";
import type { personsRepository } from "../persons/persons.repository";

type Person = NonNullable<Awaited<ReturnType<typeof personsRepository.get>>>;
type FollowUps = Awaited<ReturnType<typeof personsRepository.followUpsOf>>;

export function presentPersonCard(
  secrets: Secrets,
  p: Person,
  followUps: FollowUps,
  createdAt: Date,
): DuplicatePersonCard {
  return {
    id: p.id,
    status: p.status,
    birthName: p.birthName,
    usageName: p.usageName,
    firstNames: p.firstNames,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    nirMasked: p.nirCipher ? maskNir(secrets.decryptNir(p.nirCipher)) : null,
    franceTravailId: p.franceTravailId,
    addressLine: p.addressLine,
    postalCode: p.postalCode,
    communeName: p.communeName ?? null,
    email: p.email,
    phone: p.phone,
    createdAt: createdAt.toISOString(),
    followedBy: [...new Set(followUps.map((f) => f.structureName))],
  };
}

/** What the two files have in common, in French (never the values themselves). */
export function duplicateEvidence(secrets: Secrets, a: Person, b: Person): string[] {
  const out: string[] = [];
  const nir = (p: Person) => (p.nirCipher ? secrets.decryptNir(p.nirCipher).slice(0, 13) : null);
  const na = nir(a);
  const nb = nir(b);
  if (na && nb) out.push(na === nb ? "Même NIR" : "NIR différents");
  if (a.franceTravailId && b.franceTravailId) {
    out.push(
      a.franceTravailId === b.franceTravailId
        ? "Même numéro France Travail"
        : "Numéros France Travail différents",
    );
  }
  if (a.birthDate === b.birthDate) out.push("Même date de naissance");
  if (normalizeSearchText(a.birthName) === normalizeSearchText(b.birthName))
    out.push("Même nom de naissance");
  if (sameFirstName(a.firstNames, b.firstNames)) out.push("Même prénom");
  if (a.communeCode && a.communeCode === b.communeCode) out.push("Même commune");
  return out;
}
