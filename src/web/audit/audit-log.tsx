// An access log, most recent first: a table on wide screens and a stacked list on phones (the same
// entries; only one of the two is displayed). Denied attempts are shown too, marked "Accès refusé".
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Table } from "@codegouvfr/react-dsfr/Table";
import type { AuditEntryView } from "../../shared/audit/audit.schema";
import { formatInstant } from "../kernel/format";

export const DENIED_LABEL = "Accès refusé";

type Props = {
  items: AuditEntryView[];
  caption: string;
  /** Professionals' view: shows who accessed, by name. */
  viewer: "person" | "professional";
};

export function AuditLog({ items, caption, viewer }: Props) {
  if (items.length === 0) {
    return <p className="fr-my-4w">Aucune consultation n'a été enregistrée pour le moment.</p>;
  }
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  const showName = viewer === "professional";

  return (
    <>
      <div className="fr-hidden fr-unhidden-md">
        <Table
          caption={caption}
          headers={[
            "Date",
            "Organisme",
            ...(showName ? ["Professionnel"] : []),
            "Rôle",
            "Partie du dossier",
            "Raison de l'accès",
            "Résultat",
          ]}
          data={sorted.map((e) => [
            formatInstant(e.at),
            organisation(e) ?? "—",
            ...(showName ? [e.actorName ?? "—"] : []),
            role(e, viewer),
            e.sectionLabel,
            e.purposeLabel,
            outcome(e),
          ])}
        />
      </div>
      <div className="fr-hidden-md">
        <p className="fr-text--bold">{caption}</p>
        <ul className="socle-stack">
          {sorted.map((e) => (
            <li key={e.id}>
              <p className="fr-text--bold fr-mb-1v">{formatInstant(e.at)}</p>
              {e.outcome === "denied" && (
                <p className="fr-mb-1v">
                  <Badge severity="error" small>
                    {DENIED_LABEL}
                  </Badge>
                </p>
              )}
              <p className="fr-mb-0">
                {[organisation(e), role(e, viewer), showName ? e.actorName : null]
                  .filter(Boolean)
                  .join(" — ")}
              </p>
              <p className="fr-text--sm fr-mb-0">
                {e.sectionLabel} · {e.purposeLabel}
              </p>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

function organisation(e: AuditEntryView): string | null {
  if (e.structureName) return e.structureName;
  if (e.actorKind === "person") return null;
  if (e.actorKind === "system") return "Socle";
  return "Organisme non renseigné";
}

function role(e: AuditEntryView, viewer: Props["viewer"]): string {
  // the server words the person's own accesses for the person ("Vous-même")
  if (e.actorKind === "person" && viewer === "professional") return "La personne elle-même";
  return e.actorRole ?? "Non renseigné";
}

function outcome(e: AuditEntryView) {
  return e.outcome === "denied" ? (
    <Badge severity="error" small>
      {DENIED_LABEL}
    </Badge>
  ) : (
    "Accès autorisé"
  );
}
