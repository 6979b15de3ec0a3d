// CheckRegistrationDuplicates: before sending a registration made for a new person, the professional
// sees which existing files it matches (NIR, France Travail number, then names + birth date) and what
// submitting will do. Only files the professional may read are named; the others are announced
// without any personal detail.
import { z } from "zod";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import { personDisplayName } from "../../../shared/registration/registration.format";
import {
  type DuplicateCandidate,
  registrationIdSchema,
} from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { matchIdentity, type StrongKey } from "../identity-match";
import { registrationPolicy } from "../registration.policy";
import { registrationsRepository } from "../registration.repository";

const keyLabels: Record<StrongKey, string> = {
  NIR: "le même NIR",
  NUMERO_FRANCE_TRAVAIL: "le même numéro France Travail",
  DOSSIER_CAF_MSA: "le même dossier CAF ou MSA",
};

export const checkRegistrationDuplicates = useCase(
  "CheckRegistrationDuplicates",
  z.object({ registrationId: registrationIdSchema }),
  async ({ tx, actor, input, clock }) => {
    const r = await registrationsRepository.get(tx, input.registrationId);
    if (!r) throw registrationErrors.notFound(input.registrationId);
    const scope = {
      personId: r.personId,
      startedByStructureId: r.startedByStructureId,
      personScope: r.personId ? await personsRepository.fileScope(tx, r.personId) : undefined,
    };
    assertCan(
      actor.kind === "professional" && registrationPolicy.edit(actor, scope),
      "registration.duplicates",
      {
        personId: r.personId ?? undefined,
        section: "fusion",
        purpose: "identify",
      },
    );
    const id = r.data.identite;
    if (!id?.nomFamille || !id.prenoms || !id.dateNaissance) return { items: [] };
    const match = await matchIdentity(tx, {
      nirIndex: r.nirIndex,
      franceTravailId: r.data.projet?.numeroFranceTravail ?? null,
      birthName: id.nomFamille,
      firstNames: id.prenoms.join(" "),
      birthDate: id.dateNaissance,
      excludePersonId: r.personId,
    });
    if (match.kind === "none") return { items: [] };

    const found =
      match.kind === "possible_duplicates"
        ? match.candidates.map((c) => ({ personId: c.personId, on: c.on, strength: "FAIBLE" as const }))
        : [
            {
              personId: match.personId,
              on: match.on,
              strength: match.kind === "same" ? ("FORT" as const) : ("CONFLIT" as const),
            },
          ];
    const items: DuplicateCandidate[] = [];
    const seen: string[] = [];
    for (const c of found) {
      const fileScope = await personsRepository.fileScope(tx, c.personId);
      const canView = !!fileScope && personsPolicy.view(actor, fileScope);
      const person = canView ? await personsRepository.get(tx, c.personId) : undefined;
      if (person) seen.push(person.id);
      const bound = r.personId !== null;
      const message =
        c.on === "NOM_DATE_NAISSANCE"
          ? bound
            ? "Un autre dossier porte le même nom de naissance, le même prénom et la même date de naissance : les deux dossiers seront signalés pour examen, sans fusion automatique."
            : "Un dossier porte le même nom de naissance, le même prénom et la même date de naissance. S'il s'agit de la même personne et que vous pouvez modifier son dossier, rattachez-y l'inscription ; sinon un nouveau dossier sera créé et signalé pour examen, sans fusion automatique."
          : c.strength === "CONFLIT" && match.kind === "conflict"
            ? `${match.message} ${bound ? "Les deux dossiers seront signalés pour examen." : "Vérifiez ces informations : l'inscription ne peut pas être envoyée tant que ce conflit n'est pas levé."}`
            : bound
              ? `Un autre dossier porte ${keyLabels[c.on]} : les deux dossiers seront signalés pour examen ; cet identifiant ne sera pas recopié.`
              : `Un dossier porte ${keyLabels[c.on]} et la même date de naissance : l'inscription complétera ce dossier, aucun nouveau dossier ne sera créé.`;
      items.push({
        personId: canView ? c.personId : null,
        matchedOn: c.on,
        strength: c.strength,
        message,
        summary: person
          ? {
              displayName: personDisplayName(person),
              birthDate: person.birthDate,
              communeName: person.communeName ?? null,
            }
          : null,
        canLink: c.strength === "FAIBLE" && !bound && !!fileScope && personsPolicy.edit(actor, fileScope),
      });
    }
    if (seen.length > 0) {
      await audit.recordMany(tx, clock, actor, seen, {
        action: "registration.duplicate_shown",
        section: "fusion",
        purpose: "identify",
        details: { registrationId: r.id },
      });
    }
    return { items };
  },
);
