// The one HTTP translation point of the error model: SocleError → {code, message, details} with its
// status; schema errors → 400 with French issues; anything else → logged 500 "internal".
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { type ErrorBody, kernelErrors, SocleError } from "../../shared/kernel/errors";

/** The JSON 404 of the error model; `/api/*`, `/auth/*` and `/oidc/*` always get it. */
export function notFoundBody() {
  const e = kernelErrors.notFound();
  return { code: e.code, message: e.message };
}

export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof SocleError) {
      const body: ErrorBody = { code: err.code, message: err.message };
      if (err.details) body.details = err.details;
      const issues = (err as { issues?: ErrorBody["issues"] }).issues;
      if (issues) body.issues = issues;
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const e = kernelErrors.validation(
        err.validation.map((v) => ({
          path: `${err.validationContext ?? ""}${v.instancePath}`.replace(/\//g, "."),
          message: v.message ?? "valeur invalide",
        })),
      );
      return reply.status(400).send({ code: e.code, message: e.message, issues: e.issues });
    }
    if (err.statusCode === 429) {
      return reply.status(429).send({
        code: "http.too_many_requests",
        message: "Trop de tentatives. Patientez un instant avant de réessayer.",
      });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: "http.bad_request", message: "Requête invalide." });
    }
    req.log.error({ err: { message: err.message, stack: err.stack, code: err.code } }, "unhandled error");
    const e = kernelErrors.internal();
    return reply.status(500).send({ code: e.code, message: e.message });
  });
}
