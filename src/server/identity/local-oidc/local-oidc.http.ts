// Mounts the bundled demo provider under /oidc in the Fastify server (demo and test modes only):
// - GET/POST /oidc/interaction/:uid: our own French login page (the provider's "interaction");
// - everything else under /oidc/*: handed to the provider's Koa app on the raw Node objects.
// Also returns a fetch function that reaches the provider through `app.inject()`, for the server's
// own back-channel calls (discovery, token, userinfo, JWKS): PUBLIC_URL may not be reachable from
// inside the process (container port mapping), and tests need no listening socket.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { CustomFetch } from "openid-client";
import type { Deps } from "../../kernel/deps";
import { LOCAL_OIDC_PATH } from "../oidc-clients";
import { checkDemoCredentials } from "./local-oidc.accounts";
import { errorPage, loginPage } from "./local-oidc.pages";
import { createLocalProvider, demoClientKinds, interactionPath } from "./local-oidc.provider";

/** Same value as the onSend hook of app.ts: hijacked replies skip Fastify's onSend hooks. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

export async function localOidcHttp(app: FastifyInstance, deps: Deps): Promise<CustomFetch> {
  const provider = createLocalProvider(deps);
  const callback = provider.callback();
  const kinds = demoClientKinds(deps.config);
  const publicUrl = new URL(deps.config.publicUrl);
  const loginRateLimit = {
    rateLimit: { max: deps.config.RATE_LIMIT_LOGIN_PER_MINUTE, timeWindow: "1 minute" },
  };

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply.status(status).header("cache-control", "no-store").type("text/html; charset=utf-8").send(body);
  const expired = (reply: FastifyReply) =>
    html(
      reply,
      400,
      errorPage(
        "Demande de connexion expirée",
        "Cette demande de connexion n'est plus valable (délai dépassé ou page ouverte deux fois). Recommencez la connexion depuis Socle.",
      ),
    );

  /** The pending login interaction of this browser, if it matches the URL. */
  async function pendingLogin(req: FastifyRequest<{ Params: { uid: string } }>, reply: FastifyReply) {
    try {
      const interaction = await provider.interactionDetails(req.raw, reply.raw);
      if (interaction.uid !== req.params.uid || interaction.prompt.name !== "login") return undefined;
      const kind = kinds[String(interaction.params.client_id)];
      return kind ? { interaction, kind } : undefined;
    } catch {
      return undefined; // no interaction cookie, expired or unknown interaction
    }
  }

  // The login page and its form (a form body is parsed here only; the provider parses its own).
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      "application/x-www-form-urlencoded",
      { parseAs: "string", bodyLimit: 4096 },
      (_req, body, done) => done(null, parseQuery(String(body))),
    );
    type Req = FastifyRequest<{ Params: { uid: string }; Body?: Record<string, unknown> }>;
    const field = (req: Req, name: string) => {
      const v = req.body?.[name];
      return typeof v === "string" ? v : "";
    };

    scope.get("/oidc/interaction/:uid", { schema: { hide: true } }, async (req: Req, reply) => {
      const pending = await pendingLogin(req, reply);
      if (!pending) return expired(reply);
      const action = interactionPath(req.params.uid);
      return html(
        reply,
        200,
        loginPage({ action, abortAction: `${action}/abandon`, audience: pending.kind }),
      );
    });

    scope.post(
      "/oidc/interaction/:uid",
      { schema: { hide: true }, config: loginRateLimit },
      async (req: Req, reply) => {
        const pending = await pendingLogin(req, reply);
        if (!pending) return expired(reply);
        const identifier = field(req, "identifiant");
        const accountId = await checkDemoCredentials(
          deps.db,
          pending.kind,
          identifier,
          field(req, "mot_de_passe"),
        );
        if (!accountId) {
          deps.log.info({ event: "local_oidc.bad_credentials", kind: pending.kind });
          const action = interactionPath(req.params.uid);
          return html(
            reply,
            401,
            loginPage({
              action,
              abortAction: `${action}/abandon`,
              audience: pending.kind,
              identifier,
              error: true,
            }),
          );
        }
        const returnTo = await provider.interactionResult(
          req.raw,
          reply.raw,
          { login: { accountId } },
          { mergeWithLastSubmission: false },
        );
        return reply.redirect(returnTo, 303);
      },
    );

    scope.post("/oidc/interaction/:uid/abandon", { schema: { hide: true } }, async (req: Req, reply) => {
      const pending = await pendingLogin(req, reply);
      if (!pending) return expired(reply);
      const returnTo = await provider.interactionResult(
        req.raw,
        reply.raw,
        { error: "access_denied", error_description: "End-User aborted interaction" },
        { mergeWithLastSubmission: false },
      );
      return reply.redirect(returnTo, 303);
    });
  });

  // Everything else: the provider's Koa app, on the raw request, with the /oidc prefix removed.
  await app.register(async (scope) => {
    // leave request bodies unread: the provider reads the stream itself
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", (_req, _payload, done) => done(null, undefined));
    scope.route({
      method: ["GET", "POST", "OPTIONS"],
      url: `${LOCAL_OIDC_PATH}/*`,
      schema: { hide: true },
      handler: async (req, reply) => {
        const raw = req.raw as IncomingMessage & { originalUrl?: string };
        const url = raw.url ?? "/";
        // oidc-provider derives its mount path from originalUrl minus url
        raw.originalUrl = url;
        raw.url = url.slice(LOCAL_OIDC_PATH.length) || "/";
        raw.headers["x-forwarded-host"] = publicUrl.host;
        raw.headers["x-forwarded-proto"] = publicUrl.protocol.replace(":", "");
        raw.headers["x-forwarded-for"] = req.ip;
        reply.hijack();
        keepSecurityHeaders(reply);
        await callback(raw, reply.raw);
      },
    });
  });

  return injectFetch(app, deps.config.publicUrl);
}

/**
 * A hijacked reply skips Fastify's onSend hooks, and Koa drops every header when it renders an
 * uncaught error: copy the headers set so far (helmet, rate limit) and put back any that went missing
 * just before the head is written.
 */
function keepSecurityHeaders(reply: FastifyReply) {
  const res: ServerResponse = reply.raw;
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) res.setHeader(name, value as string | number | string[]);
  }
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  const snapshot = Object.entries(res.getHeaders());
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    for (const [name, value] of snapshot) {
      if (value !== undefined && !this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}

/** fetch() for URLs of this server, answered in-process by app.inject(); others go to the network. */
export function injectFetch(app: FastifyInstance, publicUrl: string): CustomFetch {
  const base = new URL(publicUrl);
  return async (url, options) => {
    const target = new URL(url);
    if (target.origin !== base.origin) return fetch(url, options as RequestInit);
    const body = options.body;
    const res = await app.inject({
      method: options.method as "GET" | "POST",
      url: `${target.pathname}${target.search}`,
      headers: { ...options.headers, host: base.host },
      payload:
        typeof body === "string"
          ? body
          : body instanceof URLSearchParams
            ? body.toString()
            : body
              ? Buffer.from(body as ArrayBuffer)
              : undefined,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(name, v);
      else if (value !== undefined) headers.set(name, String(value));
    }
    const noBody = [101, 204, 205, 304].includes(res.statusCode) || options.method === "HEAD";
    return new Response(noBody ? null : res.rawPayload, { status: res.statusCode, headers });
  };
}
