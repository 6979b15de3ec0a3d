import { z } from "zod";
import { sharedFileErrors } from "../../../shared/shared-file/shared-file.errors";
import { type TimelinePage, timelineQuerySchema } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { conversationsPolicy } from "../../conversations/conversations.policy";
import { assertCan } from "../../kernel/access";
import { type UseCaseContext, useCase } from "../../kernel/use-case";
import type { PersonFileScope } from "../../persons/persons.policy";
import { allowedFile, fileOf, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { timelineCursor, timelineEntryView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

async function page(
  ctx: UseCaseContext<z.output<typeof timelineQuerySchema>>,
  file: PersonFileScope,
): Promise<TimelinePage> {
  const { tx, actor, input, clock } = ctx;
  const cursor = input.cursor ? timelineCursor.decode(input.cursor) : null;
  if (input.cursor && !cursor) throw sharedFileErrors.invalidCursor();
  const rows = await sharedFileRepository.timeline(tx, {
    personId: file.personId,
    readable: sharedFilePolicy.readableLevels(actor, file),
    forPerson: actor.kind === "person",
    messages: conversationsPolicy.read(actor, file),
    cursor,
    limit: input.limit + 1,
  });
  const shown = rows.slice(0, input.limit);
  await audit.record(tx, clock, actor, {
    action: "shared_file.timeline.read",
    section: SECTION,
    purpose: PURPOSE,
    personId: file.personId,
    details: { entries: shown.length, page: input.cursor ? "next" : "first" },
  });
  const last = shown.at(-1);
  return {
    entries: shown.map(timelineEntryView),
    nextCursor: rows.length > input.limit && last ? timelineCursor.encode(last) : null,
  };
}

/**
 * The file's timeline (fil du dossier): orientation decisions, diagnostic and contract versions,
 * signature, notes and documents the actor may read, group changes; newest first, keyset-paged.
 */
export const getTimeline = useCase(
  "GetFileTimeline",
  timelineQuerySchema.extend({ personId: z.string().uuid() }),
  async (ctx) =>
    page(ctx, await allowedFile(ctx.tx, ctx.actor, ctx.input.personId, "shared_file.timeline.read")),
);

/** The person's own timeline: only what they may see (PERSONNE items, their notices). */
export const getMyTimeline = useCase("GetMyFileTimeline", timelineQuerySchema, async (ctx) => {
  assertCan(ctx.actor.kind === "person", "shared_file.timeline.read", { section: SECTION, purpose: PURPOSE });
  return page(ctx, await fileOf(ctx.tx, ctx.actor.id));
});
