// The two OIDC relying-party configurations (openid-client v6): professionals (ProConnect in
// production) and persons (FranceConnect in production). In demo and test modes both point at the
// bundled provider mounted under /oidc. Discovery is lazy (first login) and retried: the bundled
// provider is served by this very server, and a real provider may be briefly unreachable.
import * as client from "openid-client";
import type { Deps } from "../kernel/deps";

export type LoginKind = "professional" | "person";

/** URL segment of each kind: /auth/login/pro, /auth/callback/person… */
export const loginKindSegments = { professional: "pro", person: "person" } as const satisfies Record<
  LoginKind,
  string
>;

export const LOCAL_OIDC_PATH = "/oidc";

export type OidcClient = {
  kind: LoginKind;
  configuration: client.Configuration;
  /** the issuer identifier, as validated by discovery (stored in identity_links) */
  issuer: string;
  redirectUri: string;
  scope: string;
};

export type OidcClients = {
  get(kind: LoginKind, opts?: { attempts?: number }): Promise<OidcClient>;
};

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
};

export function oidcSettings(config: Deps["config"], kind: LoginKind): OidcSettings {
  const local = `${config.publicUrl}${LOCAL_OIDC_PATH}`;
  const common = {
    redirectUri: `${config.publicUrl}/auth/callback/${loginKindSegments[kind]}`,
    postLogoutRedirectUri: `${config.publicUrl}/connexion?erreur=deconnecte`,
  };
  return kind === "professional"
    ? {
        ...common,
        issuer: config.OIDC_PRO_ISSUER ?? local,
        clientId: config.OIDC_PRO_CLIENT_ID,
        clientSecret: config.OIDC_PRO_CLIENT_SECRET,
        scope: config.OIDC_PRO_SCOPES,
      }
    : {
        ...common,
        issuer: config.OIDC_PERSON_ISSUER ?? local,
        clientId: config.OIDC_PERSON_CLIENT_ID,
        clientSecret: config.OIDC_PERSON_CLIENT_SECRET,
        scope: config.OIDC_PERSON_SCOPES,
      };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createOidcClients(
  deps: Deps,
  opts: { fetch?: client.CustomFetch; attempts?: number; retryDelayMs?: number } = {},
): OidcClients {
  const cache = new Map<LoginKind, Promise<OidcClient>>();
  const defaultAttempts = opts.attempts ?? 4;
  const retryDelayMs = opts.retryDelayMs ?? 250;

  async function discover(kind: LoginKind, attempts: number): Promise<OidcClient> {
    const s = oidcSettings(deps.config, kind);
    const issuerUrl = new URL(s.issuer);
    const insecure = issuerUrl.protocol === "http:" && !deps.config.isProduction;
    let lastError: unknown;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep(retryDelayMs * 2 ** (attempt - 1));
      try {
        const configuration = await client.discovery(
          issuerUrl,
          s.clientId,
          { client_secret: s.clientSecret },
          client.ClientSecretPost(s.clientSecret),
          {
            execute: insecure ? [client.allowInsecureRequests] : [],
            ...(opts.fetch ? { [client.customFetch]: opts.fetch } : {}),
            timeout: 10,
          },
        );
        if (opts.fetch) configuration[client.customFetch] = opts.fetch;
        deps.log.info({ event: "oidc.discovered", kind, attempt });
        return {
          kind,
          configuration,
          issuer: configuration.serverMetadata().issuer,
          redirectUri: s.redirectUri,
          scope: s.scope,
        };
      } catch (e) {
        lastError = e;
        deps.log.warn({
          event: "oidc.discovery_failed",
          kind,
          attempt,
          code: (e as { code?: string }).code ?? "unknown",
        });
      }
    }
    throw lastError;
  }

  return {
    get(kind, { attempts = defaultAttempts } = {}) {
      let p = cache.get(kind);
      if (!p) {
        p = discover(kind, attempts);
        cache.set(kind, p);
        // a failed discovery is forgotten: the next login tries again
        p.catch(() => cache.delete(kind));
      }
      return p;
    },
  };
}
