// Choosing a job title from the ROME 4.0 (GET /api/reference/rome/appellations?q=): type two letters or
// more, then pick one of the suggestions.
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useEffect, useId, useState } from "react";
import { referenceDataRoutes } from "../../shared/reference-data/reference-data.routes";
import type { AppellationView } from "../../shared/reference-data/reference-data.schema";
import type { AppellationRef } from "../../shared/registration/registration.schema";
import { api } from "../kernel/api-client";

export function AppellationPicker(p: {
  label: string;
  hint?: string;
  error?: string;
  onPick: (a: AppellationRef) => void;
}) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<AppellationView[]>([]);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");
  const listId = useId();
  useEffect(() => {
    const text = q.trim();
    if (text.length < 2) {
      setItems([]);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      setStatus("loading");
      api(referenceDataRoutes.searchAppellations, { query: { q: text, limit: 8 } })
        .then((r) => {
          if (!cancelled) {
            setItems(r.items);
            setStatus("idle");
          }
        })
        .catch(() => !cancelled && setStatus("error"));
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q]);
  return (
    <div className="fr-mb-3w">
      <Input
        label={p.label}
        hintText={p.hint ?? "Tapez au moins 2 lettres du métier, puis choisissez-le dans la liste."}
        state={p.error ? "error" : "default"}
        stateRelatedMessage={p.error}
        nativeInputProps={{
          value: q,
          onChange: (e) => setQ(e.target.value),
          autoComplete: "off",
          "aria-controls": listId,
        }}
      />
      <div id={listId} aria-live="polite">
        {status === "loading" && <p className="fr-hint-text">Recherche…</p>}
        {status === "error" && (
          <p className="fr-error-text">La recherche de métiers n'a pas abouti. Réessayez.</p>
        )}
        {q.trim().length >= 2 && status === "idle" && items.length === 0 && (
          <p className="fr-hint-text">Aucun métier trouvé : essayez un autre mot.</p>
        )}
        {items.length > 0 && (
          <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--left">
            {items.map((a) => (
              <li key={a.codeOgr}>
                <Button
                  type="button"
                  priority="tertiary"
                  size="small"
                  onClick={() => {
                    p.onPick({ codeOgr: a.codeOgr, libelle: a.label });
                    setQ("");
                    setItems([]);
                  }}
                >
                  {a.label}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
