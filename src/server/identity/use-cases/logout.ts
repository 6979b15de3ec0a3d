// Logout: revokes the server-side session, then offers the provider's end-session URL so that the
// browser also leaves the ProConnect/FranceConnect session (PS-48). Falls back to the login page when the
// provider has no end-session endpoint or cannot be reached.
import * as client from "openid-client";
import type { Deps } from "../../kernel/deps";
import { type OidcClients, oidcSettings } from "../oidc-clients";
import { sessionsRepository } from "../sessions.repository";

export async function logout(
  deps: Deps,
  oidc: OidcClients,
  sessionId: string,
): Promise<{ redirectTo: string }> {
  const revoked = await sessionsRepository.revoke(deps.db, sessionId, deps.clock.now());
  if (!revoked?.id_token_hint) return { redirectTo: "/connexion?erreur=deconnecte" };
  try {
    const c = await oidc.get(revoked.kind, { attempts: 1 });
    if (!c.configuration.serverMetadata().end_session_endpoint)
      return { redirectTo: "/connexion?erreur=deconnecte" };
    const url = client.buildEndSessionUrl(c.configuration, {
      id_token_hint: revoked.id_token_hint,
      post_logout_redirect_uri: oidcSettings(deps.config, revoked.kind).postLogoutRedirectUri,
      // FranceConnect and ProConnect require a state on logout
      state: deps.ids.token(),
    });
    return { redirectTo: url.href };
  } catch {
    deps.log.warn({ event: "logout.end_session_unavailable", kind: revoked.kind });
    return { redirectTo: "/connexion?erreur=deconnecte" };
  }
}
