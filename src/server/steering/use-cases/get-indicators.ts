// GET /api/indicateurs: the steering figures of a territory and range, exact aggregates (audience
// « Institution », pilotage.md §1.2). No person's data leaves: the audit row records the figures consulted.
import { indicatorsQuerySchema } from "../../../shared/steering/steering.schema";
import { audit } from "../../audit/audit";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { loadSteeringReport } from "../steering.load";

export const getIndicators = useCase(
  "GetIndicators",
  indicatorsQuerySchema,
  async ({ tx, actor, input, clock }) => {
    const report = await loadSteeringReport(tx, actor, input, parisToday(clock), "steering.view");
    await audit.record(tx, clock, actor, {
      action: "steering.indicators_viewed",
      section: "pilotage",
      purpose: "follow",
      personId: null,
      details: { niveau: input.niveau, code: report.territoire.code, de: input.de, a: input.a },
    });
    return report;
  },
);
