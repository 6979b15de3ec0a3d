import {
  listWorkItemsQuerySchema,
  orientationQueueTypes,
  type WorkItemList,
} from "../../../shared/work-items/work-items.schema";
import { workItemUrgency } from "../../../shared/work-items/work-items.urgency";
import { audit } from "../../audit/audit";
import { AccessDenied } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { orientationRepository } from "../../orientation/orientation.repository";
import { workItemQueueFor } from "../work-items.policy";
import { presentWorkItem } from "../work-items.presenter";
import { workItemsRepository } from "../work-items.repository";

export const WORK_ITEMS_PAGE_SIZE = 50;

/**
 * A work queue sorted by due date, with overdue and due-soon flags computed from today in Paris. Each
 * listed person counts as a read of their file (PS-18).
 */
export const listWorkItems = useCase(
  "ListWorkItems",
  listWorkItemsQuerySchema,
  async ({ tx, actor, input, clock }): Promise<WorkItemList> => {
    const today = parisToday(clock);
    const delegation =
      actor.kind === "professional"
        ? await orientationRepository.delegation(tx, actor.departement)
        : "AUCUNE";
    const queue = workItemQueueFor(actor, input.scope, delegation);
    if (!queue) throw new AccessDenied("work_items.list", { section: "liste", purpose: "follow" });
    const page = await workItemsRepository.list(tx, queue, {
      types: input.types,
      today,
      page: input.page,
      pageSize: WORK_ITEMS_PAGE_SIZE,
    });
    const items = page.items.map((i) => presentWorkItem(i, workItemUrgency(i, today)));
    const orientationPersons = page.items
      .filter((i) => orientationQueueTypes.includes(i.type))
      .map((i) => i.personId);
    const otherPersons = page.items
      .filter((i) => !orientationQueueTypes.includes(i.type))
      .map((i) => i.personId);
    if (orientationPersons.length > 0) {
      await audit.recordMany(tx, clock, actor, orientationPersons, {
        action: "work_items.list",
        section: "orientation",
        purpose: "follow",
      });
    }
    if (otherPersons.length > 0) {
      await audit.recordMany(tx, clock, actor, otherPersons, {
        action: "work_items.list",
        section: "liste",
        purpose: "follow",
      });
    }
    return {
      items,
      total: page.total,
      overdue: page.overdue,
      dueSoon: page.dueSoon,
      page: input.page,
      pageSize: WORK_ITEMS_PAGE_SIZE,
      today,
    };
  },
);
