import type { FastifyInstance } from "fastify";
import { diagnosticRoutes } from "../../shared/diagnostic/diagnostic.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { getDiagnostic } from "./use-cases/get-diagnostic";
import { getMyDiagnostic } from "./use-cases/get-my-diagnostic";
import { saveDiagnosticVersion } from "./use-cases/save-diagnostic-version";
import { startDiagnostic } from "./use-cases/start-diagnostic";

export async function diagnosticHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, diagnosticRoutes.getDiagnostic, (req) =>
    getDiagnostic(deps, req.actor, { ...req.params, ...req.query }),
  );
  bindRoute(app, deps, diagnosticRoutes.startDiagnostic, (req) =>
    startDiagnostic(deps, req.actor, req.params),
  );
  bindRoute(app, deps, diagnosticRoutes.saveDiagnosticVersion, (req) =>
    saveDiagnosticVersion(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, diagnosticRoutes.getMyDiagnostic, (req) => getMyDiagnostic(deps, req.actor, {}));
}
