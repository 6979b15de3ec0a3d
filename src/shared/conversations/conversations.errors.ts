// The conversations' error catalogue: stable codes, French messages, identifiers only in details.
import { NotFoundError } from "../kernel/errors";

export const conversationsErrors = {
  personNotFound: (personId: string) =>
    new NotFoundError("conversations.person_not_found", "Ce dossier est introuvable.", { personId }),
};
