import type { FastifyInstance } from "fastify";
import { referenceDataRoutes } from "../../shared/reference-data/reference-data.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getTerritory } from "./use-cases/get-territory";
import { listReferenceVersions } from "./use-cases/list-reference-versions";
import { searchAppellations } from "./use-cases/search-appellations";

export async function referenceDataHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, referenceDataRoutes.searchAppellations, (req) =>
    searchAppellations(deps, req.actor, req.query),
  );
  bindRoute(app, deps, referenceDataRoutes.listReferenceVersions, (req) =>
    listReferenceVersions(deps, req.actor, {}),
  );
  bindRoute(app, deps, referenceDataRoutes.getTerritory, (req) => getTerritory(deps, req.actor, req.query));
}
