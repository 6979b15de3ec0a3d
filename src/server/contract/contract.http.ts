import type { FastifyInstance } from "fastify";
import { contractRoutes } from "../../shared/contract/contract.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { contractDocumentHttp } from "./contract-document.http";
import { createContract } from "./use-cases/create-contract";
import { getContract, getMyContract } from "./use-cases/get-contract";
import { newContractVersion } from "./use-cases/new-contract-version";
import { refuseContract } from "./use-cases/refuse-contract";
import { signContract } from "./use-cases/sign-contract";
import { updateContractDraft } from "./use-cases/update-contract-draft";

export async function contractHttp(app: FastifyInstance, deps: Deps) {
  bindRoute(app, deps, contractRoutes.createContract, (req) => createContract(deps, req.actor, req.body));
  bindRoute(app, deps, contractRoutes.getContract, (req) => getContract(deps, req.actor, req.params));
  bindRoute(app, deps, contractRoutes.getPersonContract, (req) => getContract(deps, req.actor, req.params));
  bindRoute(app, deps, contractRoutes.updateContract, (req) =>
    updateContractDraft(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, contractRoutes.newContractVersion, (req) =>
    newContractVersion(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, contractRoutes.signContract, (req) =>
    signContract(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, contractRoutes.refuseContract, (req) =>
    refuseContract(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, contractRoutes.getMyContract, (req) => getMyContract(deps, req.actor, {}));
  await contractDocumentHttp(app, deps);
}
