import { maskNir } from "../../shared/identity/nir";
import type { LocalDate } from "../../shared/kernel/dates";
import { personDisplayName } from "../../shared/registration/registration.format";
import { prefillSourceLabels } from "../../shared/registration/registration.labels";
import { missingForSubmission } from "../../shared/registration/registration.rules";
import type { RegistrationSummary, RegistrationView } from "../../shared/registration/registration.schema";
import type { Secrets } from "../kernel/secrets";
import type { RegistrationRecord } from "./registration.repository";

export function presentRegistration(
  secrets: Secrets,
  r: RegistrationRecord & { startedByStructureName: string | null },
  opts: { today: LocalDate; canEdit: boolean },
): RegistrationView {
  const nir = r.nirCipher ? secrets.decryptNir(r.nirCipher) : null;
  return {
    id: r.id,
    status: r.status,
    canal: r.channel,
    personId: r.personId,
    version: r.version,
    lastStep: r.lastStep,
    data: r.data,
    nirMasked: nir ? maskNir(nir) : null,
    prefill: Object.fromEntries(
      Object.entries(r.provenance).map(([path, p]) => [
        path,
        {
          source: p.source,
          sourceLabel: prefillSourceLabels[p.source],
          dateSource: p.dateSource,
          importeLe: p.importeLe,
          valeur: p.valeur,
        },
      ]),
    ),
    confirmations: r.confirmations,
    missing:
      r.status === "BROUILLON"
        ? missingForSubmission(r.data, {
            today: opts.today,
            nirKnown: nir !== null,
            nirBody: nir ? nir.slice(0, 13) : null,
            prefilled: r.provenance,
            confirmed: r.confirmations,
          })
        : [],
    startedAt: r.startedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
    outcome: r.outcome,
    startedBy: {
      kind: r.startedByKind === "person" ? "personne" : "professionnel",
      structureName: r.startedByStructureName,
    },
    canEdit: opts.canEdit && r.status === "BROUILLON",
  };
}

type DraftRow = {
  id: string;
  status: "BROUILLON" | "SOUMISE";
  channel: RegistrationSummary["canal"];
  personId: string | null;
  lastStep: RegistrationSummary["lastStep"];
  data: unknown;
  birthName: string | null;
  usageName: string | null;
  firstNames: string | null;
  startedAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
};

export function presentRegistrationSummary(r: DraftRow): RegistrationSummary {
  const identite = (r.data as { identite?: { nomFamille?: string; nomUsage?: string; prenoms?: string[] } })
    .identite;
  const displayName = r.birthName
    ? personDisplayName({ birthName: r.birthName, usageName: r.usageName, firstNames: r.firstNames ?? "" })
    : identite?.nomFamille
      ? personDisplayName({
          birthName: identite.nomFamille,
          usageName: identite.nomUsage ?? null,
          firstNames: (identite.prenoms ?? []).join(" "),
        })
      : null;
  return {
    id: r.id,
    status: r.status,
    canal: r.channel,
    personId: r.personId,
    displayName,
    lastStep: r.lastStep,
    startedAt: r.startedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
  };
}
