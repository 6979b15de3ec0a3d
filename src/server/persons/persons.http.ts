import type { FastifyInstance } from "fastify";
import { personsRoutes } from "../../shared/persons/persons.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getPerson } from "./use-cases/get-person";
import { mergePersons, undoMerge } from "./use-cases/merge-persons";
import { searchPersons } from "./use-cases/search-persons";
import { updatePersonContact } from "./use-cases/update-person-contact";

export async function personsHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, personsRoutes.searchPersons, (req) => searchPersons(deps, req.actor, req.query));
  bindRoute(app, deps, personsRoutes.getPerson, (req) => getPerson(deps, req.actor, req.params));
  bindRoute(app, deps, personsRoutes.updatePersonContact, (req) =>
    updatePersonContact(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, personsRoutes.mergePersons, (req) =>
    mergePersons(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, personsRoutes.undoMerge, (req) => undoMerge(deps, req.actor, req.params));
}
