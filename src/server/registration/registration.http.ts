import type { FastifyInstance } from "fastify";
import { registrationRoutes } from "../../shared/registration/registration.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { checkRegistrationDuplicates } from "./use-cases/check-registration-duplicates";
import { getDuplicateReview } from "./use-cases/get-duplicate-review";
import { getMyRegistration } from "./use-cases/get-my-registration";
import { getRegistration } from "./use-cases/get-registration";
import { listDuplicateReviews } from "./use-cases/list-duplicate-reviews";
import { listRegistrations } from "./use-cases/list-registrations";
import { resolveDuplicateReview } from "./use-cases/resolve-duplicate-review";
import { saveRegistrationStep } from "./use-cases/save-registration-step";
import { searchCommunes } from "./use-cases/search-communes";
import { startRegistration } from "./use-cases/start-registration";
import { submitRegistration } from "./use-cases/submit-registration";

export async function registrationHttp(app: FastifyInstance, deps: Deps) {
  const r = registrationRoutes;
  bindRoute(app, deps, r.startRegistration, (req) => startRegistration(deps, req.actor, req.body));
  bindRoute(app, deps, r.getMyRegistration, (req) => getMyRegistration(deps, req.actor, {}));
  bindRoute(app, deps, r.listRegistrations, (req) => listRegistrations(deps, req.actor, {}));
  bindRoute(app, deps, r.searchCommunes, (req) => searchCommunes(deps, req.actor, req.query));
  bindRoute(app, deps, r.getRegistration, (req) => getRegistration(deps, req.actor, req.params));
  bindRoute(app, deps, r.saveRegistrationStep, (req) =>
    saveRegistrationStep(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.checkRegistrationDuplicates, (req) =>
    checkRegistrationDuplicates(deps, req.actor, req.params),
  );
  bindRoute(app, deps, r.submitRegistration, (req) =>
    submitRegistration(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.listDuplicateReviews, (req) => listDuplicateReviews(deps, req.actor, {}));
  bindRoute(app, deps, r.getDuplicateReview, (req) => getDuplicateReview(deps, req.actor, req.params));
  bindRoute(app, deps, r.resolveDuplicateReview, (req) =>
    resolveDuplicateReview(deps, req.actor, { ...req.params, ...req.body }),
  );
}
