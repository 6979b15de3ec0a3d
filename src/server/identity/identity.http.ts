// Identity over HTTP: the current session, OIDC login (ProConnect for professionals, FranceConnect for
// persons; the bundled demo provider under /oidc in demo and test modes) and logout.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { identityRoutes } from "../../shared/identity/identity.routes";
import { requireSession, SESSION_COOKIE } from "../http/authenticate";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { createOidcClients, type LoginKind } from "./oidc-clients";
import { completeLogin } from "./use-cases/complete-login";
import { getSession } from "./use-cases/get-session";
import { logout } from "./use-cases/logout";
import { startLogin } from "./use-cases/start-login";

const kindParams = z.object({ kind: z.enum(["pro", "person"]) });
const kindOf = (segment: "pro" | "person"): LoginKind => (segment === "pro" ? "professional" : "person");

/** Response of POST /auth/logout (the web client reads it in web/kernel/session.tsx). */
export const logoutResponseSchema = identityRoutes.logout.response;

export async function identityHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, identityRoutes.getSession, (req) => getSession(deps, req.raw.session!));

  // demo and test modes: the provider is served by this server, and reached in-process. Imported
  // on demand so that a production process never loads the demo provider.
  const fetch = deps.config.localOidc
    ? await (await import("./local-oidc/local-oidc.http")).localOidcHttp(app, deps)
    : undefined;
  const oidc = createOidcClients(deps, { fetch });

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const loginRateLimit = {
    rateLimit: { max: deps.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: "1 minute" },
  };
  const loginFailed = (reply: FastifyReply, reason: string) =>
    reply.redirect(`/connexion?erreur=${reason}`, 303);

  routes.get(
    "/auth/login/:kind",
    {
      schema: {
        summary: "Commencer la connexion (redirection vers ProConnect ou FranceConnect)",
        tags: ["identite"],
        params: kindParams,
        querystring: z.object({ retour: z.string().max(512).optional() }),
      },
      config: loginRateLimit,
    },
    async (req, reply) => {
      const kind = kindOf(req.params.kind);
      try {
        const url = await startLogin(deps, oidc, kind, req.query.retour);
        return reply.header("cache-control", "no-store").redirect(url, 303);
      } catch (e) {
        req.log.warn({
          event: "login.provider_unavailable",
          kind,
          code: (e as { code?: string }).code ?? "unknown",
        });
        return loginFailed(reply, "connexion_echouee");
      }
    },
  );

  routes.get(
    "/auth/callback/:kind",
    {
      schema: {
        summary: "Retour du fournisseur d'identité (ouvre la session)",
        tags: ["identite"],
        params: kindParams,
      },
      config: loginRateLimit,
    },
    async (req, reply) => {
      const kind = kindOf(req.params.kind);
      const search = new URL(req.url, "http://socle.invalid").search;
      const outcome = await completeLogin(deps, oidc, kind, search, currentSessionId(req));
      reply.header("cache-control", "no-store");
      if (!outcome.ok) {
        req.log.warn({ event: "login.failed", kind, reason: outcome.reason, detail: outcome.detail });
        return loginFailed(reply, outcome.reason);
      }
      req.log.info({ event: "login.succeeded", kind, accountId: outcome.accountId });
      reply.setCookie(SESSION_COOKIE, outcome.sessionId, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: deps.config.isProduction,
        signed: true,
      });
      return reply.redirect(outcome.returnTo, 303);
    },
  );

  routes.post(
    "/auth/logout",
    {
      schema: {
        summary:
          "Se déconnecter (jeton CSRF requis) ; renvoie l'adresse de déconnexion du fournisseur d'identité",
        tags: ["identite"],
        response: { 200: logoutResponseSchema },
      },
      preHandler: requireSession(deps),
    },
    async (req, reply) => {
      const out = await logout(deps, oidc, req.session!.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      req.log.info({ event: "logout", actorId: req.session!.actor.id });
      return out;
    },
  );
}

/** The session id in this browser's cookie, valid signature or not revoked yet (to revoke at login). */
function currentSessionId(req: FastifyRequest): string | undefined {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return undefined;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}
