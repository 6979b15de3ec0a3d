// buildApp(deps): the composition root. Security plugins, OpenAPI, then one register line per capability.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { appointmentsHttp } from "./appointments/appointments.http";
import { auditHttp } from "./audit/audit.http";
import { contractHttp } from "./contract/contract.http";
import { conversationsHttp } from "./conversations/conversations.http";
import { dataSharingHttp } from "./data-sharing/data-sharing.http";
import type { DbHandle } from "./db/connect";
import { diagnosticHttp } from "./diagnostic/diagnostic.http";
import { followUpHttp } from "./follow-up/follow-up.http";
import { installErrorHandler, notFoundBody } from "./http/error-handler";
import { identityHttp } from "./identity/identity.http";
import { importsHttp } from "./imports/imports.http";
import { tabularImportsHttp } from "./imports/tabular/tabular-imports.http";
import type { Deps } from "./kernel/deps";
import { redactPaths } from "./kernel/logger";
import { messagingHttp } from "./messaging/messaging.http";
import { myDataHttp } from "./my-data/my-data.http";
import { orientationHttp } from "./orientation/orientation.http";
import { personsHttp } from "./persons/persons.http";
import { platformHttp } from "./platform/platform.http";
import { referenceDataHttp } from "./reference-data/reference-data.http";
import { registrationHttp } from "./registration/registration.http";
import { sharedFileHttp } from "./shared-file/shared-file.http";
import { steeringHttp } from "./steering/steering.http";
import { workItemsHttp } from "./work-items/work-items.http";

export type AppOptions = { webDist?: string; logger?: boolean; logStream?: NodeJS.WritableStream };

export async function buildApp(
  deps: Deps,
  handle: DbHandle,
  opts: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false || (deps.config.LOG_LEVEL === "silent" && !opts.logStream)
        ? false
        : {
            level: deps.config.LOG_LEVEL,
            ...(opts.logStream ? { stream: opts.logStream } : {}),
            redact: { paths: redactPaths, censor: "[masqué]" },
            // never the raw URL: a query string can hold a surname
            serializers: {
              req: (req) => ({ method: req.method, route: req.routeOptions?.url ?? "?", id: req.id }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
          },
    trustProxy: deps.config.isProduction,
    genReqId: () => deps.ids.uuid(),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(fastifyCookie, { secret: deps.config.SESSION_SECRET });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: [
          "'self'",
          ...(deps.config.OIDC_PRO_ISSUER ? [new URL(deps.config.OIDC_PRO_ISSUER).origin] : []),
          ...(deps.config.OIDC_PERSON_ISSUER ? [new URL(deps.config.OIDC_PERSON_ISSUER).origin] : []),
        ],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: deps.config.isProduction ? [] : null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (_req, reply) => {
    reply.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_PUBLIC_PER_MINUTE,
    timeWindow: "1 minute",
    // static files of the web app are not limited: an agency behind one address loads them often
    allowList: (req) => !/^\/(api|auth|oidc)(\/|$)/.test(req.url),
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Socle — API",
        description:
          "API de la plateforme Socle (réseau pour l'emploi). Toutes les erreurs suivent le format {code, message, details}.",
        version: "0.1.0",
      },
      tags: [
        { name: "plateforme", description: "État du service" },
        { name: "identite", description: "Connexion, session" },
        { name: "personnes", description: "Identité des personnes accompagnées" },
        { name: "journal", description: "Journal des accès (qui a consulté mon dossier)" },
        { name: "referentiels", description: "Référentiels (territoires, ROME)" },
        { name: "inscription", description: "Inscription en ligne ou au guichet, doublons" },
        { name: "imports", description: "Imports : flux CAF/MSA, fichiers CSV/XLSX" },
        { name: "orientation", description: "Orientation : critères, préconisation, décision" },
        { name: "activites", description: "Activités opérationnelles (corbeilles)" },
        { name: "rendez-vous", description: "Agenda, invitations, convocations, présence" },
        { name: "suivi", description: "Suivi : points d'étape, décrochage, sortie, suivi dans l'emploi" },
        { name: "messagerie", description: "Courriels et SMS envoyés (démonstration et test)" },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  // one line per capability
  await platformHttp(app, deps, handle);
  await identityHttp(app, deps);
  await personsHttp(app, deps);
  await auditHttp(app, deps);
  await referenceDataHttp(app, deps);
  await importsHttp(app, deps);
  await registrationHttp(app, deps);
  await tabularImportsHttp(app, deps);
  await orientationHttp(app, deps);
  await workItemsHttp(app, deps);
  await contractHttp(app, deps);
  await diagnosticHttp(app, deps);
  await appointmentsHttp(app, deps);
  await followUpHttp(app, deps);
  await sharedFileHttp(app, deps);
  await conversationsHttp(app, deps);
  await myDataHttp(app, deps);
  await steeringHttp(app, deps);
  await dataSharingHttp(app, deps);
  await messagingHttp(app, deps);

  const spa = opts.webDist && existsSync(join(opts.webDist, "index.html"));
  if (spa) await app.register(fastifyStatic, { root: opts.webDist!, prefix: "/", wildcard: false });
  // client-side routes fall back to index.html; API, login and provider paths get the JSON 404
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === "GET" && !/^\/(api|auth|oidc)(\/|$)/.test(req.url);
    if (spa && isPage) return reply.type("text/html").sendFile("index.html");
    return reply.status(404).send(notFoundBody());
  });
  return app;
}
