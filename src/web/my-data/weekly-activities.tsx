// « Mes activités de la semaine » on the person's home: the weekly programme of their signed contract
// (parcours.md §6.2), its modules and hours, and the total against the target. It informs; missing hours
// never judge (PS-10).
import { Link } from "react-router-dom";
import { formatHours, programmeTotals } from "../../shared/contract/contract.programme";
import { contractRoutes } from "../../shared/contract/contract.routes";
import type { ContractView } from "../../shared/contract/contract.schema";
import { isoWeekDays } from "../../shared/my-data/iso-week";
import { activityLabel } from "../contract/contract-content";
import { api } from "../kernel/api-client";
import { formatLocalDateLong } from "../kernel/format";
import { LoadError, Loading } from "../kernel/loading";
import { useApiQuery } from "../kernel/use-api-query";

/** The programme of the signed version in force (the newest signed one). */
export function signedProgramme(view: ContractView) {
  const signed = [view.current, ...view.versions].find((v) => v.state === "SIGNE");
  return signed?.content.programme ?? null;
}

const weekLabel = (week: string) => {
  const days = isoWeekDays(week);
  return days
    ? `Semaine du ${formatLocalDateLong(days.monday)} au ${formatLocalDateLong(days.sunday)}`
    : `Semaine ${week}`;
};

export function WeeklyActivities() {
  const { state, reload } = useApiQuery(() => api(contractRoutes.getMyContract, {}), []);
  if (state.status === "loading") return <Loading label="Chargement de vos activités…" />;
  if (state.status === "error") return <LoadError error={state.error} onRetry={() => void reload()} />;
  const programme = state.data.contract ? signedProgramme(state.data.contract) : null;
  if (!programme)
    return (
      <p>
        Vous n'avez pas encore de programme d'activités signé. Il se construit avec votre référent·e, dans
        votre <Link to="/mon-espace/contrat">contrat d'engagement</Link>.
      </p>
    );
  const t = programmeTotals(programme);
  return (
    <>
      <p className="fr-mb-1w">{weekLabel(programme.semaineIso)}</p>
      {programme.activites.length > 0 ? (
        <ul>
          {programme.activites.map((a) => (
            <li key={a.code}>
              {activityLabel(a.code)} : <strong>{formatHours(a.heuresPrevues)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucune activité n'est prévue cette semaine.</p>
      )}
      <p>
        <strong>Total : {formatHours(t.planned)}</strong> pour un objectif de {formatHours(t.target)} par
        semaine{t.targetMet ? "." : ` (il reste ${formatHours(t.missing)} à prévoir avec votre référent·e).`}
      </p>
      <p className="fr-text--sm">
        Des heures manquantes n'entraînent jamais, à elles seules, de sanction.{" "}
        <Link to="/mon-espace/contrat">Voir mon contrat</Link>
      </p>
    </>
  );
}
