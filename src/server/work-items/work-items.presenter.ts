import { recommendationSchema } from "../../shared/orientation/orientation.schema";
import type { WorkItemView } from "../../shared/work-items/work-items.schema";
import type { Urgency } from "../../shared/work-items/work-items.urgency";
import type { workItemsRepository } from "./work-items.repository";

type Row = Awaited<ReturnType<typeof workItemsRepository.list>>["items"][number];

export function presentWorkItem(r: Row, u: Urgency): WorkItemView {
  const parsed = recommendationSchema.safeParse(r.recommendation);
  const rec = parsed.success ? parsed.data : null;
  return {
    id: r.id,
    type: r.type,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    dueDate: r.dueDate,
    dueSoonDate: r.dueSoonDate,
    ...u,
    person: {
      id: r.personId,
      birthName: r.birthName,
      usageName: r.usageName,
      firstNames: r.firstNames,
      birthDate: r.birthDate,
      communeName: r.communeName,
    },
    structureName: r.structureName,
    orientation:
      r.orientationId && r.orientationEtat
        ? {
            id: r.orientationId,
            etat: r.orientationEtat,
            recommendedOrganisme: rec?.organisme ?? null,
            recommendedParcours: rec?.parcours ?? null,
          }
        : null,
  };
}
