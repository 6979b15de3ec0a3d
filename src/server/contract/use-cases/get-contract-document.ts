import { z } from "zod";
import { contractErrors } from "../../../shared/contract/contract.errors";
import { contractIdSchema } from "../../../shared/contract/contract.schema";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { parisToday } from "../../kernel/clock";
import { useCase } from "../../kernel/use-case";
import { contractView, loadContract } from "../contract.load";
import { contractPolicy } from "../contract.policy";
import { contractDocumentFilename, renderContractPdf } from "../contract-document";

/**
 * One version of a contract as a French PDF: the signed copy, a refused or replaced version (older versions
 * stay readable), or the version to sign as a readable copy before signing. For whoever may read the
 * contract (the person, the professionals who follow them). Each download is audited.
 */
export const getContractDocument = useCase(
  "GetContractDocument",
  z.object({ contractId: contractIdSchema, numero: z.coerce.number().int().min(1) }),
  async ({ tx, actor, input, clock }) => {
    const loaded = await loadContract(tx, input.contractId);
    assertCan(contractPolicy.view(actor, loaded.file), "contract.document_read", {
      personId: loaded.c.person_id,
      section: "contrat",
      purpose: "support",
    });
    const view = await contractView(tx, actor, loaded);
    const version = view.versions.find((v) => v.numero === input.numero);
    if (!version) throw contractErrors.versionNotFound(input.contractId, input.numero);
    await audit.record(tx, clock, actor, {
      action: "contract.document_read",
      section: "contrat",
      purpose: "support",
      personId: loaded.c.person_id,
      details: { contractId: loaded.c.id, numero: version.numero },
    });
    const content = await renderContractPdf(
      {
        contractId: view.id,
        personName: view.personName,
        socleCommun: view.socleCommun,
        version,
        issuedOn: parisToday(clock),
      },
      clock.now(),
    );
    return { filename: contractDocumentFilename(version.numero), content };
  },
);
