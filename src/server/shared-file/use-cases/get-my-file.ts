import { z } from "zod";
import type { MyFileView } from "../../../shared/shared-file/shared-file.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { fileOf, PURPOSE, SECTION } from "../shared-file.load";
import { sharedFilePolicy } from "../shared-file.policy";
import { documentView, groupMemberView, noteView } from "../shared-file.presenter";
import { sharedFileRepository } from "../shared-file.repository";

/** The person's dossier in their space: their group, and the notes and documents shared with them. */
export const getMyFile = useCase(
  "GetMyFile",
  z.object({}),
  async ({ tx, actor, clock }): Promise<MyFileView> => {
    assertCan(actor.kind === "person", "shared_file.read_own", { section: SECTION, purpose: PURPOSE });
    const file = await fileOf(tx, actor.id);
    const readable = sharedFilePolicy.readableLevels(actor, file);
    const [group, notes, documents] = [
      await sharedFileRepository.group(tx, file.personId),
      await sharedFileRepository.notes(tx, file.personId, readable),
      await sharedFileRepository.documents(tx, file.personId, readable),
    ];
    await audit.record(tx, clock, actor, {
      action: "shared_file.read_own",
      section: SECTION,
      purpose: PURPOSE,
      personId: file.personId,
    });
    return {
      group: group.map(groupMemberView),
      notes: notes.map((n) => noteView(n, () => false)),
      documents: documents.map(documentView),
    };
  },
);
