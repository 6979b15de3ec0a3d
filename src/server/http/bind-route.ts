// Binds a shared route contract to a handler: zod validation and serialisation through
// fastify-type-provider-zod, OpenAPI from the same schemas, authentication unless `auth: false`.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import type { RouteContract } from "../../shared/kernel/route";
import type { Actor } from "../kernel/access";
import type { Deps } from "../kernel/deps";
import { requireSession } from "./authenticate";

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export type BoundRequest<C extends RouteContract> = {
  params: Out<NonNullable<C["params"]>>;
  query: Out<NonNullable<C["query"]>>;
  body: Out<NonNullable<C["body"]>>;
  actor: Actor;
  raw: FastifyRequest;
};

export function bindRoute<C extends RouteContract>(
  app: FastifyInstance,
  deps: Deps,
  contract: C,
  handler: (req: BoundRequest<C>) => Promise<z.input<C["response"]>>,
) {
  const auth = contract.auth !== false;
  app.withTypeProvider<ZodTypeProvider>().route({
    method: contract.method,
    url: contract.url,
    schema: {
      summary: contract.summary,
      tags: contract.tags,
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { querystring: contract.query } : {}),
      ...(contract.body ? { body: contract.body } : {}),
      response: { 200: contract.response },
    },
    preHandler: auth ? requireSession(deps) : undefined,
    handler: async (req) =>
      handler({
        params: req.params as BoundRequest<C>["params"],
        query: req.query as BoundRequest<C>["query"],
        body: req.body as BoundRequest<C>["body"],
        actor: req.session?.actor ?? { kind: "system", id: "anonymous", channel: "web", requestId: req.id },
        raw: req,
      }),
  });
}
