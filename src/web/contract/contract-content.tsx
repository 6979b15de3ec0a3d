// One version of the contrat d'engagement, read-only: its state, the three layers, the plan d'action and the
// weekly programme with its total against the target. Shown to the professional and to the person.
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import { formatHours, programmeTotals, type WeeklyProgramme } from "../../shared/contract/contract.programme";
import { activityModules } from "../../shared/contract/contract.referentiel";
import { type ContractVersionView, versionMotifLabels } from "../../shared/contract/contract.schema";
import { formatInstantDate, formatLocalDateLong } from "../kernel/format";

/** The PDF of a version (bound by hand on the server: no shared route contract for a binary answer). */
export const contractDocumentUrl = (contractId: string, numero: number) =>
  `/api/contracts/${encodeURIComponent(contractId)}/versions/${numero}/document`;

export const versionStateLabels: Record<ContractVersionView["state"], string> = {
  A_SIGNER: "À signer",
  SIGNE: "Signée",
  REFUSE: "Refusée",
  REMPLACEE: "Remplacée",
};

const porteurLabels = {
  PERSONNE: "La personne",
  REFERENT: "Le ou la référent·e",
  PARTENAIRE: "Un partenaire",
};
const actionStatutLabels = {
  PREVUE: "Prévue",
  EN_COURS: "En cours",
  REALISEE: "Réalisée",
  ABANDONNEE: "Abandonnée",
  ANNULEE: "Annulée",
  EN_PAUSE: "En pause",
};

export const activityLabel = (code: string) => {
  const m = activityModules.get(code);
  return m ? `${code} — ${m.label}` : code;
};

export function VersionBadge({ state }: { state: ContractVersionView["state"] }) {
  return (
    <Badge
      small
      noIcon
      as="span"
      severity={
        state === "SIGNE"
          ? "success"
          : state === "REFUSE"
            ? "error"
            : state === "A_SIGNER"
              ? "new"
              : undefined
      }
    >
      {versionStateLabels[state]}
    </Badge>
  );
}

export function versionStatusText(v: ContractVersionView): string {
  if (v.state === "SIGNE" && v.signedAt)
    return `Signée le ${formatInstantDate(v.signedAt)}${v.signatureMode === "PAPIER" ? ", en présence du ou de la référent·e (papier)" : ", dans l'espace personnel"}.`;
  if (v.state === "REFUSE" && v.refusedAt)
    return `Refusée le ${formatInstantDate(v.refusedAt)}${v.refusalReason ? ` : « ${v.refusalReason} »` : ""}.`;
  if (v.state === "REMPLACEE") return "Remplacée par une version plus récente.";
  return "En attente de signature.";
}

export function ProgrammeTable({ programme }: { programme: WeeklyProgramme }) {
  const t = programmeTotals(programme);
  return (
    <>
      {programme.activites.length > 0 ? (
        <Table
          caption={`Programme de la semaine ${programme.semaineIso}`}
          headers={["Activité", "Heures prévues"]}
          data={programme.activites.map((a) => [activityLabel(a.code), formatHours(a.heuresPrevues)])}
        />
      ) : (
        <p>Aucune activité n'est programmée pour la semaine {programme.semaineIso}.</p>
      )}
      <p>
        <strong>Total prévu : {formatHours(t.planned)}</strong> pour un objectif de {formatHours(t.target)}{" "}
        par semaine{" "}
        {t.targetMet ? (
          <Badge small severity="success" as="span">
            Objectif atteint
          </Badge>
        ) : (
          <Badge small severity="warning" as="span">
            Il manque {formatHours(t.missing)}
          </Badge>
        )}
      </p>
      {programme.cibleReduite && (
        <p className="fr-text--sm">
          Objectif réduit pour la situation de la personne, décidé par {programme.cibleReduite.decidePar}
          {programme.cibleReduite.precision ? ` (${programme.cibleReduite.precision})` : ""}.
        </p>
      )}
    </>
  );
}

export function ContractContentView({
  socleCommun,
  version,
}: {
  socleCommun: string;
  version: ContractVersionView;
}) {
  const c = version.content;
  return (
    <div>
      <p className="fr-mb-1w">
        Version {version.numero} · {versionMotifLabels[version.motif]} · créée le{" "}
        {formatInstantDate(version.createdAt)} <VersionBadge state={version.state} />
      </p>
      <p className="fr-text--sm">{versionStatusText(version)}</p>

      <h3 className="fr-h5 fr-mt-3w">Droits et devoirs de tous (socle commun)</h3>
      <p>{socleCommun}</p>

      <h3 className="fr-h5">Obligations liées au parcours</h3>
      <p>{c.couchParcours || "Pas d'obligation particulière en plus du socle commun."}</p>

      <h3 className="fr-h5">Engagements individuels</h3>
      {c.engagementsIndividuels.length > 0 ? (
        <ul>
          {c.engagementsIndividuels.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : (
        <p>Aucun engagement individuel.</p>
      )}

      <h3 className="fr-h5">Plan d'action</h3>
      {c.planAction.length === 0 && <p>Le plan d'action n'est pas encore rempli.</p>}
      {c.planAction.map((axe) => (
        <div key={axe.theme} className="fr-mb-2w">
          <p className="fr-text--bold fr-mb-1w">{axe.theme}</p>
          <ul>
            {axe.objectifs.map((o) => (
              <li key={o.libelle}>
                {o.libelle}
                {o.echeance ? `, d'ici le ${formatLocalDateLong(o.echeance)}` : ""}{" "}
                {o.accordPersonne ? "(accord de la personne)" : "(accord de la personne non noté)"}
                {o.actions.length > 0 && (
                  <ul>
                    {o.actions.map((a) => (
                      <li key={a.libelle}>
                        {a.libelle} — {porteurLabels[a.porteur]}
                        {a.activiteCode ? `, activité ${activityLabel(a.activiteCode)}` : ""} —{" "}
                        {actionStatutLabels[a.statut]}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}

      {c.programme && (
        <>
          <h3 className="fr-h5">Programme hebdomadaire</h3>
          <ProgrammeTable programme={c.programme} />
        </>
      )}
      {c.prochainRendezVous && (
        <p>
          <strong>Prochain rendez-vous :</strong> {formatLocalDateLong(c.prochainRendezVous)}
        </p>
      )}
    </div>
  );
}
