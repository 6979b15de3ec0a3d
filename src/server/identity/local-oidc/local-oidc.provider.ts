// The bundled OpenID Connect provider (oidc-provider v9) used in demo and test modes instead of
// ProConnect and FranceConnect, so that the real login code runs end to end with no external
// service. DEMO/TEST ONLY: in-memory storage, signing key generated at start, one shared password.
// Clients: socle-pro and socle-person (authorization code + PKCE, client_secret_post), consent
// granted automatically (first-party clients), accounts read from Socle's tables.
import { createHmac, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import Provider, { interactionPolicy, type KoaContextWithOIDC } from "oidc-provider";
import type { Deps } from "../../kernel/deps";
import { LOCAL_OIDC_PATH, oidcSettings } from "../oidc-clients";
import { type DemoAccountKind, demoAccountClaims, demoAccountKind } from "./local-oidc.accounts";
import { createMemoryAdapterFactory } from "./local-oidc.memory-adapter";
import { errorPage, logoutPage, logoutSuccessPage } from "./local-oidc.pages";

export const localIssuer = (publicUrl: string) => `${publicUrl}${LOCAL_OIDC_PATH}`;
export const interactionPath = (uid: string) => `${LOCAL_OIDC_PATH}/interaction/${uid}`;

/** Which kind of account each demo client accepts. */
export function demoClientKinds(config: Deps["config"]): Record<string, DemoAccountKind> {
  return { [config.OIDC_PRO_CLIENT_ID]: "professional", [config.OIDC_PERSON_CLIENT_ID]: "person" };
}

// One RSA key per process: generating it takes a few dozen milliseconds and tests build many apps.
let signingKey: JsonWebKey | undefined;
function demoSigningKey(): JsonWebKey {
  if (!signingKey) {
    const jwk = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });
    const kid = createHmac("sha256", "socle-demo").update(String(jwk.n)).digest("base64url").slice(0, 16);
    signingKey = { ...jwk, kid, use: "sig", alg: "RS256" };
  }
  return signingKey;
}

export function createLocalProvider(deps: Deps): Provider {
  const { config, db } = deps;
  const kinds = demoClientKinds(config);
  const pro = oidcSettings(config, "professional");
  const person = oidcSettings(config, "person");
  const client = (s: typeof pro) => ({
    client_id: s.clientId,
    client_secret: s.clientSecret,
    redirect_uris: [s.redirectUri],
    post_logout_redirect_uris: [s.postLogoutRedirectUri],
    grant_types: ["authorization_code"],
    response_types: ["code"],
    token_endpoint_auth_method: "client_secret_post",
  });

  // A provider session opened for one kind of account must not sign in through the other client
  // (a professional's session used on the persons' client): ask for a login again.
  const policy = interactionPolicy.base();
  policy.get("login")?.checks.add(
    new interactionPolicy.Check(
      "account_kind_mismatch",
      "the session account does not fit this client",
      async (ctx) => {
        const accountId = ctx.oidc.session.accountId;
        const clientId = ctx.oidc.client?.clientId;
        if (!accountId || !clientId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        return (await demoAccountKind(db, accountId)) === kinds[clientId]
          ? interactionPolicy.Check.NO_NEED_TO_PROMPT
          : interactionPolicy.Check.REQUEST_PROMPT;
      },
    ),
  );

  const provider = new Provider(localIssuer(config.publicUrl), {
    adapter: createMemoryAdapterFactory(),
    clients: [client(pro), client(person)],
    jwks: { keys: [demoSigningKey()] },
    cookies: {
      keys: [createHmac("sha256", config.SESSION_SECRET).update("local-oidc-cookies").digest("base64url")],
    },
    // scopes named after claims, as ProConnect and FranceConnect do
    claims: {
      openid: ["sub"],
      email: ["email"],
      given_name: ["given_name"],
      usual_name: ["usual_name"],
      siret: ["siret"],
      family_name: ["family_name"],
      birthdate: ["birthdate"],
    },
    // the ID token carries no personal claims (they come from userinfo, as with FranceConnect)
    conformIdTokenClaims: true,
    responseTypes: ["code"],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = "html";
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = "html";
          ctx.body = logoutSuccessPage();
        },
      },
    },
    interactions: {
      policy,
      url: async (_ctx: KoaContextWithOIDC, interaction: { uid: string }) => interactionPath(interaction.uid),
    },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const claims = await demoAccountClaims(db, sub);
      return claims ? { accountId: sub, claims: async () => claims } : undefined;
    },
    // first-party clients: every requested scope is granted, no consent screen
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { oidc } = ctx;
      const clientId = oidc.client?.clientId;
      const accountId = oidc.session.accountId;
      if (!clientId || !accountId) return undefined;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== accountId) grant = new oidc.provider.Grant({ accountId, clientId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(" "));
      const claims = [...oidc.requestParamClaims];
      if (claims.length > 0) grant.addOIDCClaims(claims);
      await grant.save();
      return grant;
    },
    renderError: async (ctx: KoaContextWithOIDC, out: { error?: string; error_description?: string }) => {
      ctx.type = "html";
      ctx.body = errorPage(
        "La connexion n'a pas abouti",
        `Le fournisseur d'identité de démonstration a refusé la demande (code technique : ${out.error ?? "inconnu"}). Recommencez la connexion depuis Socle.`,
      );
    },
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 15 * 60,
      Session: config.SESSION_ABSOLUTE_HOURS * 3600,
      Grant: config.SESSION_ABSOLUTE_HOURS * 3600,
    },
  });
  // URLs the provider builds (discovery, redirects, cookies' Secure flag) follow X-Forwarded-Host and
  // X-Forwarded-Proto, which the mount sets from PUBLIC_URL: they always match the issuer.
  provider.proxy = true;
  return provider;
}
