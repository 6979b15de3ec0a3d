import { maskNir } from "../../shared/identity/nir";
import type { PersonSummary, PersonView } from "../../shared/persons/persons.schema";
import type { Secrets } from "../kernel/secrets";
import type { personsRepository } from "./persons.repository";

type FollowUps = Awaited<ReturnType<typeof personsRepository.followUpsOf>>;
type Person = NonNullable<Awaited<ReturnType<typeof personsRepository.get>>>;

const masked = (secrets: Secrets, cipher: string | null) =>
  cipher ? maskNir(secrets.decryptNir(cipher)) : null;

export function presentPerson(
  secrets: Secrets,
  p: Person,
  followUps: FollowUps,
  canEdit: boolean,
): PersonView {
  return {
    id: p.id,
    version: p.version,
    birthName: p.birthName,
    usageName: p.usageName,
    firstNames: p.firstNames,
    sex: p.sex,
    birthDate: p.birthDate,
    birthPlace: p.birthPlace,
    nationality: p.nationality,
    nirMasked: masked(secrets, p.nirCipher),
    franceTravailId: p.franceTravailId,
    caf:
      p.cafOrganisme && p.cafNumorg && p.cafMatricule && p.householdRole
        ? {
            organisme: p.cafOrganisme,
            numorg: p.cafNumorg,
            matricule: p.cafMatricule,
            householdRole: p.householdRole,
          }
        : null,
    contact: { email: p.email, phone: p.phone },
    address: {
      line: p.addressLine,
      postalCode: p.postalCode,
      communeCode: p.communeCode,
      communeName: p.communeName ?? null,
    },
    departement: p.departement,
    followUps: followUps.map((f) => ({
      structureId: f.structureId,
      structureName: f.structureName,
      structureKind: f.structureKind,
      professionalName: f.professionalFirstName
        ? `${f.professionalFirstName} ${f.professionalLastName}`
        : null,
      role: f.role,
      startedAt: f.startedAt.toISOString(),
    })),
    canEdit,
  };
}

export function presentPersonSummary(
  secrets: Secrets,
  p: {
    id: string;
    birthName: string;
    usageName: string | null;
    firstNames: string;
    birthDate: string;
    nirCipher: string | null;
    franceTravailId: string | null;
    communeName: string | null;
    referentName: string | null;
  },
): PersonSummary {
  return {
    id: p.id,
    birthName: p.birthName,
    usageName: p.usageName,
    firstNames: p.firstNames,
    birthDate: p.birthDate,
    nirMasked: masked(secrets, p.nirCipher),
    franceTravailId: p.franceTravailId,
    communeName: p.communeName,
    referentName: p.referentName,
  };
}
