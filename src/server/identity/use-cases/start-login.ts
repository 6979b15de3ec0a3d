// StartLogin: remembers a login attempt (state, nonce, PKCE verifier) and returns the provider's
// authorization URL the browser is sent to. Same code for ProConnect, FranceConnect and the demo provider.
import * as client from "openid-client";
import type { Deps } from "../../kernel/deps";
import { loginAttemptsRepository } from "../login-attempts.repository";
import type { LoginKind, OidcClients } from "../oidc-clients";

/** A login attempt older than this is refused at the callback. */
export const LOGIN_ATTEMPT_TTL_MS = 10 * 60_000;

/** Only a local path may follow the login (no open redirect: "//evil.example", "/\\evil", "https:…"). */
export function safeReturnTo(raw: string | undefined): string {
  if (!raw || raw.length > 512) return "/";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  if (/[\s\\]/.test(raw) || raw.startsWith("/auth/")) return "/";
  return raw;
}

export async function startLogin(
  deps: Deps,
  oidc: OidcClients,
  kind: LoginKind,
  returnTo?: string,
): Promise<string> {
  const c = await oidc.get(kind);
  const now = deps.clock.now();
  const state = deps.ids.token();
  const nonce = deps.ids.token();
  // PKCE verifiers must be 43 to 128 characters: the library's generator guarantees it
  const codeVerifier = client.randomPKCECodeVerifier();
  await loginAttemptsRepository.purgeCreatedBefore(
    deps.db,
    new Date(now.getTime() - 6 * LOGIN_ATTEMPT_TTL_MS),
  );
  await loginAttemptsRepository.insert(deps.db, {
    state,
    kind,
    nonce,
    codeVerifier,
    returnTo: safeReturnTo(returnTo),
    createdAt: now,
  });
  const url = client.buildAuthorizationUrl(c.configuration, {
    redirect_uri: c.redirectUri,
    scope: c.scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return url.href;
}
