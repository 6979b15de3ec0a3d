// The registration and import entry points shown on the persons list, by role.
import type { ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import type { SessionView } from "../../shared/identity/identity.schema";
import { canImportLists, canRegisterPersons, canReviewDuplicates } from "./registration.access";

export function RegistrationShortcuts({ session }: { session: SessionView }) {
  const buttons: ButtonProps[] = [];
  if (canRegisterPersons(session)) {
    buttons.push({
      children: "Inscrire une personne",
      iconId: "fr-icon-user-add-line",
      linkProps: { to: "/inscriptions/nouvelle" },
    });
    buttons.push({
      children: "Inscriptions en cours",
      priority: "secondary",
      linkProps: { to: "/inscriptions" },
    });
  }
  if (canImportLists(session))
    buttons.push({ children: "Importer une liste", priority: "secondary", linkProps: { to: "/imports" } });
  if (canReviewDuplicates(session))
    buttons.push({ children: "Doublons à examiner", priority: "tertiary", linkProps: { to: "/doublons" } });
  const [first, ...rest] = buttons;
  if (!first) return null;
  return (
    <ButtonsGroup
      className="fr-mb-2w"
      inlineLayoutWhen="md and up"
      buttonsSize="small"
      buttons={[first, ...rest]}
    />
  );
}
