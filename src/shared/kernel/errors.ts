// One error model for the whole platform: a stable code, a French message for the user,
// and identifiers only in `details`. HTTP translation happens in server/http/error-handler.ts.

export class SocleError extends Error {
  readonly status: number = 500;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ValidationError extends SocleError {
  override readonly status = 400;
}
export class UnauthenticatedError extends SocleError {
  override readonly status = 401;
}
export class ForbiddenError extends SocleError {
  override readonly status = 403;
}
export class NotFoundError extends SocleError {
  override readonly status = 404;
}
export class ConflictError extends SocleError {
  override readonly status = 409;
}
export class TooManyRequestsError extends SocleError {
  override readonly status = 429;
}
export class UpstreamError extends SocleError {
  override readonly status = 502;
}

export type ErrorBody = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  issues?: { path: string; message: string }[];
};

export const kernelErrors = {
  unauthenticated: () =>
    new UnauthenticatedError("auth.unauthenticated", "Vous devez vous connecter pour accéder à cette page."),
  forbidden: (action: string) =>
    new ForbiddenError("access.forbidden", "Vous n'avez pas accès à cette information.", { action }),
  csrf: () =>
    new ForbiddenError(
      "auth.csrf_invalid",
      "La requête a été refusée par mesure de sécurité (jeton CSRF absent ou invalide). Rechargez la page et réessayez.",
    ),
  validation: (issues: { path: string; message: string }[]) =>
    Object.assign(
      new ValidationError(
        "validation.invalid",
        "Certaines informations sont invalides. Corrigez les champs signalés.",
      ),
      { issues },
    ),
  notFound: () => new NotFoundError("http.not_found", "Cette adresse n'existe pas."),
  internal: () =>
    new SocleError("internal", "Une erreur inattendue s'est produite. Réessayez dans quelques instants."),
};
