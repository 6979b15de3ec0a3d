import { z } from "zod";
import { orientationErrors } from "../../../shared/orientation/orientation.errors";
import { orientationIdSchema } from "../../../shared/orientation/orientation.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { loadOrientation } from "../orientation.load";
import { orientationPolicy } from "../orientation.policy";
import { orientationRepository } from "../orientation.repository";

/** The decision letter (PDF): for the person, their follow-up group, and the professional who decided. */
export const getOrientationLetter = useCase(
  "GetOrientationLetter",
  z.object({ orientationId: orientationIdSchema }),
  async ({ tx, actor, input, clock }) => {
    const { o, subject, ctx } = await loadOrientation(tx, clock, input.orientationId);
    assertCan(orientationPolicy.view(actor, subject, ctx), "orientation.letter_read", {
      personId: o.personId,
      section: "orientation",
      purpose: "follow",
    });
    const letter = await orientationRepository.letterOf(tx, o.id);
    if (!letter) throw orientationErrors.letterNotFound(o.id);
    await audit.record(tx, clock, actor, {
      action: "orientation.letter_read",
      section: "orientation",
      purpose: "follow",
      personId: o.personId,
      details: { orientationId: o.id },
    });
    return { filename: letter.filename, content: letter.content, sha256: letter.sha256 };
  },
);
