// The data-sharing error catalogue: stable codes, French messages, identifiers only in details.
import { NotFoundError, ValidationError } from "../kernel/errors";

export const dataSharingErrors = {
  unknownDepartement: (departement: string) =>
    new ValidationError(
      "data_sharing.unknown_departement",
      "Ce département est inconnu du référentiel géographique.",
      {
        departement,
      },
    ),
  missingColumns: (columns: string[]) =>
    new ValidationError(
      "data_sharing.missing_columns",
      `Le fichier n'a pas les colonnes obligatoires de la liste minimale : ${columns.join(", ")}. La première ligne doit donner le nom des colonnes.`,
      { columns },
    ),
  importNotFound: (importId: string) =>
    new NotFoundError("data_sharing.import_not_found", "Cet import de liste minimale est introuvable.", {
      importId,
    }),
  empty: () => new ValidationError("data_sharing.empty", "Le fichier ne contient aucune ligne de données."),
  tooLarge: () =>
    new ValidationError(
      "data_sharing.too_large",
      "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
    ),
};
