import { defineRoute } from "../kernel/route";
import { listWorkItemsQuerySchema, workItemListSchema } from "./work-items.schema";

export const workItemsRoutes = {
  listWorkItems: defineRoute({
    method: "GET",
    url: "/api/work-items",
    summary:
      "Activités à traiter (corbeille) : orientation du département, activités de ma structure ou qui me sont confiées, triées par échéance",
    tags: ["activites"],
    query: listWorkItemsQuerySchema,
    response: workItemListSchema,
  }),
};
