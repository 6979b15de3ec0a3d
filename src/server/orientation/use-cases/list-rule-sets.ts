import { z } from "zod";
import { selectRuleSets, versionReferentiel } from "../../../shared/orientation/orientation.rules";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { orientationRepository } from "../orientation.repository";

/** The référentiels in force for a département (PS-23: readable, versioned, published to all). */
export const listRuleSets = useCase(
  "ListRuleSets",
  z.object({ departement: z.string().min(2).max(3) }),
  async ({ tx, input, clock }) => {
    const sets = selectRuleSets(
      await orientationRepository.publishedRuleSets(tx),
      input.departement,
      parisToday(clock),
    );
    return {
      versionReferentiel: versionReferentiel(sets),
      ruleSets: [sets.local, sets.national].flatMap((s) =>
        s ? [{ ...s, publishedAt: new Date(s.publishedAt ?? 0).toISOString() }] : [],
      ),
    };
  },
);
