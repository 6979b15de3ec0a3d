// What a page shows while its data loads, and when loading failed (with a retry).
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import type { ApiError } from "./api-client";

export function Loading({ label }: { label: string }) {
  return (
    <p role="status" className="fr-my-4w">
      {label}
    </p>
  );
}

export function LoadError({
  error,
  onRetry,
  title,
}: {
  error: ApiError;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="fr-my-4w">
      <Alert
        severity="error"
        as="h2"
        title={title ?? errorTitle(error)}
        description={error.message}
        role="alert"
      />
      {onRetry && error.status !== 403 && error.status !== 404 && (
        <Button className="fr-mt-2w" priority="secondary" onClick={onRetry}>
          Réessayer
        </Button>
      )}
    </div>
  );
}

function errorTitle(error: ApiError): string {
  if (error.status === 0) return "Connexion au serveur impossible";
  if (error.status === 401) return "Votre session a expiré";
  if (error.status === 403) return "Accès refusé";
  if (error.status === 404) return "Introuvable";
  return "Le chargement a échoué";
}
