import type { FastifyInstance } from "fastify";
import { sharedFileRoutes } from "../../shared/shared-file/shared-file.routes";
import { bindRoute } from "../http/bind-route";
import type { Deps } from "../kernel/deps";
import { sharedFileDocumentsHttp } from "./shared-file-documents.http";
import { addGroupMember } from "./use-cases/add-group-member";
import { addNote } from "./use-cases/add-note";
import { endGroupMember } from "./use-cases/end-group-member";
import { getGroup } from "./use-cases/get-group";
import { getGroupCandidates } from "./use-cases/get-group-candidates";
import { getMyFile } from "./use-cases/get-my-file";
import { getMyTimeline, getTimeline } from "./use-cases/get-timeline";
import { listDocuments } from "./use-cases/list-documents";
import { listNotes } from "./use-cases/list-notes";

export async function sharedFileHttp(app: FastifyInstance, deps: Deps) {
  const r = sharedFileRoutes;
  bindRoute(app, deps, r.getTimeline, (req) => getTimeline(deps, req.actor, { ...req.params, ...req.query }));
  bindRoute(app, deps, r.listNotes, (req) => listNotes(deps, req.actor, req.params));
  bindRoute(app, deps, r.addNote, (req) => addNote(deps, req.actor, { ...req.params, ...req.body }));
  bindRoute(app, deps, r.listDocuments, (req) => listDocuments(deps, req.actor, req.params));
  bindRoute(app, deps, r.getGroup, (req) => getGroup(deps, req.actor, req.params));
  bindRoute(app, deps, r.getGroupCandidates, (req) => getGroupCandidates(deps, req.actor, req.params));
  bindRoute(app, deps, r.addGroupMember, (req) =>
    addGroupMember(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.endGroupMember, (req) =>
    endGroupMember(deps, req.actor, { ...req.params, ...req.body }),
  );
  bindRoute(app, deps, r.getMyFile, (req) => getMyFile(deps, req.actor, {}));
  bindRoute(app, deps, r.getMyTimeline, (req) => getMyTimeline(deps, req.actor, req.query));
  await sharedFileDocumentsHttp(app, deps);
}
