// SubmitRegistration: the draft is complete and its pre-filled values confirmed; the person's file is
// created or completed, then the pathway opens (T0 = submission date, origin by channel).
//
// Identity matching (parcours.md §1.5, PS-44/45): a draft made for a new person is matched on the NIR,
// the France Travail number, then names + birth date.
//  - strong identifier with the same birth date → that file is completed (never a second file);
//  - strong identifier with another birth date → refused (409), never resolved automatically;
//  - names + birth date only → the professional may attach the registration to that file when they can
//    edit it (a human decision, recorded); otherwise a new file is created and the pair goes to a human
//    as DOUBLON_A_EXAMINER (the merge screen, then the persons capability's logged merge).
// A draft bound to a file (online, or a known person) completes it; another file sharing its
// identifiers is flagged the same way, and an identifier that differs from a confirmed one opens
// DIVERGENCE_DONNEES instead of overwriting it.
//
// Note: the persons capability exports no identity update nor follow-up insert yet; the few writes to
// `persons` and `follow_ups` live in registration.repository.ts until it does.
import { checkNir, normalizeNir } from "../../../shared/identity/nir";
import { addDays } from "../../../shared/kernel/dates";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import { registrationErrors } from "../../../shared/registration/registration.errors";
import {
  DUPLICATE_REVIEW_DUE_DAYS,
  DUPLICATE_REVIEW_DUE_SOON_DAYS,
  departementOfCommune,
  missingForSubmission,
  originOfChannel,
  registrationCriteria,
} from "../../../shared/registration/registration.rules";
import {
  type RegistrationOutcome,
  registrationIdSchema,
  submitRegistrationBodySchema,
} from "../../../shared/registration/registration.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { openPathwayForNewEntrant } from "../../orientation/open-pathway-for-new-entrant";
import { personsPolicy } from "../../persons/persons.policy";
import { personsRepository } from "../../persons/persons.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { matchIdentity } from "../identity-match";
import { registrationPolicy } from "../registration.policy";
import { presentRegistration } from "../registration.presenter";
import { registrationsRepository } from "../registration.repository";

const nationalityOf = { FRANCAISE: "FR", UE: "UE", HORS_UE: "HORS_UE" } as const;

export const submitRegistration = useCase(
  "SubmitRegistration",
  submitRegistrationBodySchema.extend({ registrationId: registrationIdSchema }),
  async ({ tx, actor, input, clock, ids, secrets }) => {
    const r = await registrationsRepository.getForUpdate(tx, input.registrationId);
    if (!r) throw registrationErrors.notFound(input.registrationId);
    const scope = {
      personId: r.personId,
      startedByStructureId: r.startedByStructureId,
      personScope: r.personId ? await personsRepository.fileScope(tx, r.personId) : undefined,
    };
    assertCan(registrationPolicy.edit(actor, scope), "registration.submit", {
      personId: r.personId ?? undefined,
      section: "inscription",
      purpose: "identify",
    });
    if (r.status !== "BROUILLON") throw registrationErrors.alreadySubmitted(r.id);
    if (r.version !== input.version) throw registrationErrors.versionConflict(r.id, r.version);
    if (actor.kind === "person" && input.doublon) throw registrationErrors.channelNotAllowed();

    const now = clock.now();
    const today = parisToday(clock);
    const clearNir = r.nirCipher ? normalizeNir(secrets.decryptNir(r.nirCipher)) : null;
    const nir = clearNir ? checkNir(clearNir) : null;
    const issues = missingForSubmission(r.data, {
      today,
      nirKnown: clearNir !== null,
      nirBody: clearNir ? clearNir.slice(0, 13) : null,
      prefilled: r.provenance,
      confirmed: r.confirmations,
    });
    const id = r.data.identite;
    const birthName = id?.nomFamille;
    const birthDate = id?.dateNaissance;
    const communeCode = id?.adresse?.codeCommune;
    if (issues.length > 0 || !id || !birthName || !birthDate || !id.prenoms || !communeCode) {
      throw registrationErrors.incomplete(issues);
    }
    const firstNames = id.prenoms.join(" ");
    const franceTravailId = r.data.projet?.numeroFranceTravail ?? null;

    const match = await matchIdentity(tx, {
      nirIndex: r.nirIndex,
      franceTravailId,
      birthName,
      firstNames,
      birthDate,
      excludePersonId: r.personId,
    });

    // ── decide which file the registration completes ───────────────────────────────────────────
    let personId: string;
    let outcome: RegistrationOutcome;
    let linkedOn: string | null = null;
    const duplicates = new Set<string>();
    /** identifiers that belong to another file: not written, the pair is examined instead */
    let keepNirOut = false;
    let keepFranceTravailOut = false;
    if (r.personId) {
      personId = r.personId;
      outcome = "DOSSIER_MIS_A_JOUR";
      if (match.kind === "same" || match.kind === "conflict") {
        duplicates.add(match.personId);
        keepNirOut = match.on === "NIR";
        keepFranceTravailOut = match.on === "NUMERO_FRANCE_TRAVAIL";
      }
      if (match.kind === "possible_duplicates") for (const c of match.candidates) duplicates.add(c.personId);
    } else if (match.kind === "same") {
      personId = match.personId;
      outcome = "DOSSIER_MIS_A_JOUR";
      linkedOn = match.on;
    } else if (match.kind === "conflict") {
      throw registrationErrors.identityConflict(match.message);
    } else if (input.doublon?.decision === "RATTACHER") {
      const chosen = input.doublon.personId;
      const candidate =
        match.kind === "possible_duplicates" && match.candidates.some((c) => c.personId === chosen);
      const chosenScope = candidate ? await personsRepository.fileScope(tx, chosen) : undefined;
      if (!chosenScope || !personsPolicy.edit(actor, chosenScope))
        throw registrationErrors.linkNotAllowed(chosen);
      personId = chosen;
      outcome = "DOSSIER_MIS_A_JOUR";
      linkedOn = "NOM_DATE_NAISSANCE";
    } else {
      personId = ids.uuid();
      outcome = match.kind === "possible_duplicates" ? "DOSSIER_CREE_DOUBLON_A_EXAMINER" : "DOSSIER_CREE";
      if (match.kind === "possible_duplicates") for (const c of match.candidates) duplicates.add(c.personId);
    }

    // ── write the person's identity ─────────────────────────────────────────────────────────────
    const departement = departementOfCommune(communeCode);
    const identity = {
      birthName,
      usageName: id.nomUsage ?? null,
      firstNames,
      sex: id.sexe ?? null,
      birthDate,
      birthPlace: id.lieuNaissance ?? null,
      nationality: id.nationalite ? nationalityOf[id.nationalite] : null,
      email: id.contact?.email ?? null,
      phone: id.contact?.telephone ?? null,
      addressLine: id.adresse?.ligne ?? null,
      postalCode: id.adresse?.codePostal ?? null,
      communeCode,
      departement,
      searchText: normalizeSearchText(birthName, id.nomUsage, firstNames),
    };
    const nirFields =
      nir?.ok && r.nirCipher && r.nirIndex && !keepNirOut
        ? { cipher: r.nirCipher, index: r.nirIndex, lastDigits: nir.nir.slice(13) }
        : undefined;
    const divergences: string[] = [];
    if (outcome === "DOSSIER_CREE" || outcome === "DOSSIER_CREE_DOUBLON_A_EXAMINER") {
      await personsRepository.insert(tx, {
        id: personId,
        nir_cipher: nirFields?.cipher ?? null,
        nir_index: nirFields?.index ?? null,
        nir_last_digits: nirFields?.lastDigits ?? null,
        birth_name: identity.birthName,
        usage_name: identity.usageName,
        first_names: identity.firstNames,
        sex: identity.sex,
        birth_date: identity.birthDate,
        birth_place: identity.birthPlace,
        nationality: identity.nationality,
        email: identity.email,
        phone: identity.phone,
        address_line: identity.addressLine,
        postal_code: identity.postalCode,
        commune_code: identity.communeCode,
        departement,
        france_travail_id: franceTravailId,
        caf_organisme: null,
        caf_numorg: null,
        caf_matricule: null,
        household_role: null,
        search_text: identity.searchText,
        created_at: now,
        updated_at: now,
      });
      // the counter that registered a new person follows them until the orientation names a référent
      if (actor.kind === "professional") {
        await registrationsRepository.insertFollowUp(tx, {
          id: ids.uuid(),
          personId,
          structureId: actor.structureId,
          professionalId: actor.id,
          at: now,
        });
      }
    } else {
      const current = await personsRepository.get(tx, personId);
      if (!current) throw personsErrors.notFound(personId);
      if (current.status !== "active") throw personsErrors.alreadyMerged(personId);
      // a strong identifier already on file is never overwritten by a different one
      let nirPatch = nirFields;
      if (current.nirCipher && nirFields) {
        // a file may hold the 13-character NIR of a CAF flow: compare the bodies
        const knownIndex = secrets.nirIndex(normalizeNir(secrets.decryptNir(current.nirCipher)).slice(0, 13));
        if (knownIndex !== nirFields.index) divergences.push("identite.nir");
        nirPatch = undefined;
      }
      let ftPatch = keepFranceTravailOut ? undefined : (franceTravailId ?? undefined);
      if (current.franceTravailId && ftPatch) {
        if (current.franceTravailId !== ftPatch) divergences.push("projet.numeroFranceTravail");
        ftPatch = undefined;
      }
      await registrationsRepository.updatePersonIdentity(tx, personId, {
        ...identity,
        ...(nirPatch ? { nir: nirPatch } : {}),
        ...(ftPatch ? { franceTravailId: ftPatch } : {}),
        at: now,
      });
    }

    // ── work items: possible duplicates, divergences, the abandoned registration closed ────────
    const structureId = actor.kind === "professional" ? actor.structureId : null;
    for (const other of duplicates) {
      await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "DOUBLON_A_EXAMINER",
        personId,
        subjectId: other,
        departement,
        structureId,
        createdAt: now,
        dueDate: addDays(today, DUPLICATE_REVIEW_DUE_DAYS),
        dueSoonDate: addDays(today, DUPLICATE_REVIEW_DUE_SOON_DAYS),
      });
    }
    if (divergences.length > 0) {
      await workItemsRepository.open(tx, {
        id: ids.uuid(),
        type: "DIVERGENCE_DONNEES",
        personId,
        subjectId: r.id,
        departement,
        structureId,
        createdAt: now,
        dueDate: addDays(today, DUPLICATE_REVIEW_DUE_DAYS),
        dueSoonDate: addDays(today, DUPLICATE_REVIEW_DUE_SOON_DAYS),
      });
    }
    if (r.personId) {
      await workItemsRepository.close(tx, {
        type: "INSCRIPTION_ABANDONNEE",
        personId: r.personId,
        subjectId: r.id,
        at: now,
      });
    }

    // ── the pathway opens: T0 = submission date ────────────────────────────────────────────────
    const pathway = await openPathwayForNewEntrant(
      tx,
      { clock, ids },
      {
        personId,
        departement,
        t0: today,
        origine: originOfChannel(r.channel),
        criteria: registrationCriteria(r.data),
      },
    );

    await registrationsRepository.markSubmitted(tx, r.id, {
      personId,
      outcome,
      by: { kind: actor.kind === "person" ? "person" : "professional", id: actor.id },
      departement,
      at: now,
    });
    await audit.record(tx, clock, actor, {
      action: "registration.submitted",
      section: "inscription",
      purpose: "identify",
      personId,
      details: {
        registrationId: r.id,
        outcome,
        linkedOn,
        duplicates: [...duplicates],
        divergences,
        parcoursId: pathway.parcoursId,
      },
    });
    await audit.record(tx, clock, actor, {
      action: outcome === "DOSSIER_MIS_A_JOUR" ? "persons.updated" : "persons.created",
      section: "identite",
      purpose: "identify",
      personId,
      details: { registrationId: r.id },
    });

    const fresh = await registrationsRepository.get(tx, r.id);
    if (!fresh) throw registrationErrors.notFound(r.id);
    return {
      registration: presentRegistration(secrets, fresh, { today, canEdit: false }),
      outcome,
      personId,
      parcoursOuvert: pathway.opened,
      doublonsSignales: duplicates.size,
    };
  },
);
