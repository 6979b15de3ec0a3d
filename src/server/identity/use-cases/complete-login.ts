// CompleteLogin: the provider sent the browser back with a code. Consume the attempt once, exchange the
// code (openid-client checks issuer, audience, signature, nonce, state and PKCE: PS-47), read the
// claims from userinfo, find the Socle account, and open a new server-side session (a fresh random id
// at every login, the previous session of this browser revoked: PS-48).
import * as client from "openid-client";
import { z } from "zod";
import type { Deps } from "../../kernel/deps";
import { organisationsRepository } from "../../organisations/organisations.repository";
import { identityLinksRepository } from "../identity-links.repository";
import { matchPersonByIdentity } from "../identity-matching";
import { loginAttemptsRepository } from "../login-attempts.repository";
import type { LoginKind, OidcClients } from "../oidc-clients";
import { sessionsRepository } from "../sessions.repository";
import { LOGIN_ATTEMPT_TTL_MS } from "./start-login";

/** Codes put in /connexion?erreur=…, each with a French message in web/identity/login-messages.ts. */
export type LoginFailure = "compte_inconnu" | "compte_desactive" | "connexion_annulee" | "connexion_echouee";

export type LoginOutcome =
  | { ok: true; sessionId: string; returnTo: string; kind: LoginKind; accountId: string }
  | { ok: false; reason: LoginFailure; detail: string };

const fail = (reason: LoginFailure, detail: string): LoginOutcome => ({ ok: false, reason, detail });

const professionalClaimsSchema = z.object({ sub: z.string().min(1), email: z.string().min(3).max(320) });
const personClaimsSchema = z.object({
  sub: z.string().min(1),
  given_name: z.string().min(1).max(300),
  family_name: z.string().min(1).max(300),
  birthdate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

type Account =
  | { ok: true; professionalId?: string; personId?: string; accountId: string }
  | { ok: false; outcome: LoginOutcome };

export async function completeLogin(
  deps: Deps,
  oidc: OidcClients,
  kind: LoginKind,
  callbackSearch: string,
  previousSessionId?: string,
): Promise<LoginOutcome> {
  const now = deps.clock.now();
  const params = new URLSearchParams(callbackSearch);
  const state = params.get("state");
  if (!state) return fail("connexion_echouee", "missing_state");
  const attempt = await loginAttemptsRepository.consume(deps.db, state);
  if (!attempt || attempt.kind !== kind) return fail("connexion_echouee", "unknown_state");
  if (now.getTime() - attempt.createdAt.getTime() > LOGIN_ATTEMPT_TTL_MS)
    return fail("connexion_echouee", "attempt_expired");

  let c: Awaited<ReturnType<OidcClients["get"]>>;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  let userinfo: Record<string, unknown>;
  try {
    c = await oidc.get(kind);
    const currentUrl = new URL(c.redirectUri);
    currentUrl.search = params.toString();
    tokens = await client.authorizationCodeGrant(c.configuration, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return fail("connexion_echouee", "no_id_token");
    // claims come from userinfo (FranceConnect and ProConnect put little in the ID token); its sub is checked
    userinfo = { ...(await client.fetchUserInfo(c.configuration, tokens.access_token, idClaims.sub)) };
  } catch (e) {
    if (e instanceof client.AuthorizationResponseError && e.error === "access_denied") {
      return fail("connexion_annulee", "access_denied");
    }
    return fail("connexion_echouee", (e as { code?: string }).code ?? "token_exchange_failed");
  }

  const issuer = c.issuer;
  return deps.db.transaction().execute(async (tx): Promise<LoginOutcome> => {
    const account: Account = kind === "professional" ? await professionalAccount() : await personAccount();
    if (!account.ok) return account.outcome;
    // session id rotation: whatever this browser held before is revoked
    if (previousSessionId) await sessionsRepository.revoke(tx, previousSessionId, now);
    const sessionId = deps.ids.token(32);
    await sessionsRepository.create(tx, {
      id: sessionId,
      kind,
      professionalId: account.professionalId,
      personId: account.personId,
      csrfToken: deps.ids.token(32),
      idTokenHint: tokens.id_token ?? null,
      now,
      idleMinutes:
        kind === "professional"
          ? deps.config.SESSION_IDLE_MINUTES_PRO
          : deps.config.SESSION_IDLE_MINUTES_PERSON,
      absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
    });
    return { ok: true, sessionId, returnTo: attempt.returnTo, kind, accountId: account.accountId };

    async function professionalAccount(): Promise<Account> {
      const claims = professionalClaimsSchema.safeParse(userinfo);
      if (!claims.success) return { ok: false, outcome: fail("connexion_echouee", "missing_claims") };
      const { sub } = claims.data;
      const link = await identityLinksRepository.find(tx, issuer, sub);
      if (link && !link.professionalId)
        return { ok: false, outcome: fail("compte_inconnu", "linked_to_person") };
      let professionalId = link?.professionalId ?? undefined;
      if (!professionalId) {
        const byEmail = await organisationsRepository.professionalByEmail(tx, claims.data.email);
        if (!byEmail) return { ok: false, outcome: fail("compte_inconnu", "no_professional") };
        // an account already bound to another identity of this provider is not taken over by e-mail
        if (
          await identityLinksRepository.linkedToAnotherSubject(tx, issuer, sub, {
            professionalId: byEmail.id,
          })
        ) {
          return { ok: false, outcome: fail("compte_inconnu", "link_conflict") };
        }
        professionalId = byEmail.id;
        if (byEmail.active) {
          await identityLinksRepository.insert(tx, {
            issuer,
            subject: sub,
            professionalId,
            personId: null,
            createdAt: now,
          });
        }
      }
      const pro = await organisationsRepository.professionalWithStructure(tx, professionalId);
      if (!pro) return { ok: false, outcome: fail("compte_inconnu", "no_professional") };
      if (!pro.active) return { ok: false, outcome: fail("compte_desactive", "inactive") };
      return { ok: true, professionalId, accountId: professionalId };
    }

    async function personAccount(): Promise<Account> {
      const claims = personClaimsSchema.safeParse(userinfo);
      if (!claims.success) return { ok: false, outcome: fail("connexion_echouee", "missing_claims") };
      const { sub } = claims.data;
      const link = await identityLinksRepository.find(tx, issuer, sub);
      if (link) {
        const personId = link.personId
          ? await identityLinksRepository.activePersonFor(tx, link.personId)
          : undefined;
        return personId
          ? { ok: true, personId, accountId: personId }
          : { ok: false, outcome: fail("compte_inconnu", "linked_person_gone") };
      }
      const candidates = await identityLinksRepository.activePersonsBornOn(tx, claims.data.birthdate);
      const personId = matchPersonByIdentity(candidates, {
        familyName: claims.data.family_name,
        givenName: claims.data.given_name,
      });
      if (!personId) return { ok: false, outcome: fail("compte_inconnu", "no_single_match") };
      if (await identityLinksRepository.linkedToAnotherSubject(tx, issuer, sub, { personId })) {
        return { ok: false, outcome: fail("compte_inconnu", "link_conflict") };
      }
      await identityLinksRepository.insert(tx, {
        issuer,
        subject: sub,
        professionalId: null,
        personId,
        createdAt: now,
      });
      return { ok: true, personId, accountId: personId };
    }
  });
}
