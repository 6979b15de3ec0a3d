import { z } from "zod";
import {
  type MyDataExport,
  myDataExportSchema,
  myDataFilename,
} from "../../../shared/my-data/my-data.schema";
import { personsErrors } from "../../../shared/persons/persons.errors";
import { appointmentsRepository } from "../../appointments/appointments.repository";
import { audit } from "../../audit/audit";
import { auditRepository } from "../../audit/audit.repository";
import { contractRepository } from "../../contract/contract.repository";
import { conversationsPolicy } from "../../conversations/conversations.policy";
import { conversationsRepository } from "../../conversations/conversations.repository";
import { diagnosticRepository } from "../../diagnostic/diagnostic.repository";
import { importsRepository } from "../../imports/imports.repository";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { orientationRepository } from "../../orientation/orientation.repository";
import { personsRepository } from "../../persons/persons.repository";
import { registrationsRepository } from "../../registration/registration.repository";
import { sharedFilePolicy } from "../../shared-file/shared-file.policy";
import { sharedFileRepository } from "../../shared-file/shared-file.repository";
import { workItemsRepository } from "../../work-items/work-items.repository";
import { myDataPolicy } from "../my-data.policy";
import { MY_DATA_AUDIT_SECTION, type MyDataSources, presentMyData } from "../my-data.presenter";
import { renderMyDataPdf } from "../my-data-document";

/** The access log goes into the file up to this many rows (the log keeps 12 months: PS-39). */
const ACCESSES_LIMIT = 20_000;

export type MyDataFile =
  | { format: "json"; filename: string; data: MyDataExport }
  | { format: "pdf"; filename: string; data: MyDataExport; content: Buffer };

/**
 * « Télécharger mes données » (right of access, PS-19 to PS-21): everything Socle holds about the logged-in
 * person, read from each capability's repository, as the documented JSON file or a readable French PDF.
 * The download is itself written to the audit trail first, so the file's access log shows it.
 */
export const exportMyData = useCase(
  "ExportMyData",
  z.object({ format: z.enum(["json", "pdf"]) }),
  async ({ tx, actor, input, clock }): Promise<MyDataFile> => {
    // the right of access is not one of the four purposes of L. 263-4-1; « follow » is the closest, as
    // for « qui a consulté mon dossier »
    assertCan(myDataPolicy.exportOwn(actor), "my_data.export", {
      section: MY_DATA_AUDIT_SECTION,
      purpose: "follow",
    });
    const personId = actor.id;
    const person = await personsRepository.get(tx, personId);
    if (!person) throw personsErrors.notFound(personId);
    await audit.record(tx, clock, actor, {
      action: "my_data.export",
      section: MY_DATA_AUDIT_SECTION,
      purpose: "follow",
      personId,
      details: { format: input.format },
    });

    // one query after the other: a transaction is one connection
    const orientations: MyDataSources["orientations"] = [];
    for (const o of await orientationRepository.allOf(tx, personId))
      orientations.push({
        o,
        decider: o.decidedBy ? await orientationRepository.professionalName(tx, o.decidedBy) : undefined,
        structureName: o.structureId
          ? ((await orientationRepository.structure(tx, o.structureId))?.name ?? null)
          : null,
        transitions: await orientationRepository.transitions(tx, o.id),
      });
    const contracts: MyDataSources["contracts"] = [];
    for (const c of await contractRepository.allOf(tx, personId))
      contracts.push({ c, versions: await contractRepository.versions(tx, c.id) });
    const diagnostic = await diagnosticRepository.ofPerson(tx, personId);
    const appointments: MyDataSources["appointments"] = [];
    for (const a of await appointmentsRepository.ofPerson(tx, personId))
      appointments.push({
        a,
        slot: a.slot_id ? await appointmentsRepository.slot(tx, a.slot_id) : undefined,
        structureName: (await appointmentsRepository.structure(tx, a.structure_id))?.name ?? null,
      });
    // what the person reads of their dossier partagé, by the shared file's own rule
    const scope = await personsRepository.fileScope(tx, personId);
    const readable = scope
      ? sharedFilePolicy.readableLevels(actor, scope)
      : { levels: [], confidentialStructureId: null };
    const sources: MyDataSources = {
      person,
      nirLastDigits: await personsRepository.nirLastDigits(tx, personId),
      rights: await importsRepository.rightsOf(tx, [personId]),
      months: await importsRepository.monthsOf(tx, personId),
      registrations: await registrationsRepository.allOf(tx, personId),
      orientations,
      followUps: await personsRepository.followUpsOf(tx, personId),
      diagnosticVersions: diagnostic ? await diagnosticRepository.sharedContents(tx, diagnostic.id) : [],
      contracts,
      workItems: await workItemsRepository.ofPerson(tx, personId),
      appointments,
      notes: await sharedFileRepository.notes(tx, personId, readable),
      documents: await sharedFileRepository.documents(tx, personId, readable),
      // the person's conversation with their référent·es, by the conversations' own rule
      messages:
        scope && conversationsPolicy.read(actor, scope)
          ? await conversationsRepository.messages(tx, personId)
          : [],
      // as « qui a consulté mon dossier »: the person and the records merged into it
      accesses: await auditRepository.listForPerson(
        tx,
        await personsRepository.aliasIds(tx, personId),
        ACCESSES_LIMIT,
      ),
      accessesLimit: ACCESSES_LIMIT,
    };
    // the documented structure, and nothing else (any extra field is dropped)
    const data = myDataExportSchema.parse(presentMyData(sources, clock.now()));
    const day = parisToday(clock);
    if (input.format === "json") return { format: "json", filename: myDataFilename(day, "json"), data };
    return {
      format: "pdf",
      filename: myDataFilename(day, "pdf"),
      data,
      content: await renderMyDataPdf(data, day, clock.now()),
    };
  },
);
