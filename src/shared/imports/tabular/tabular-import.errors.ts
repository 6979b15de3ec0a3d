import { ConflictError, NotFoundError, ValidationError } from "../../kernel/errors";

export const tabularImportErrors = {
  notFound: (importId: string) =>
    new NotFoundError("tabular_import.not_found", "Cet import est introuvable.", { importId }),
  unreadable: (detail: string) =>
    new ValidationError("tabular_import.unreadable", `Le fichier n'a pas pu être lu : ${detail}`),
  empty: () =>
    new ValidationError(
      "tabular_import.empty",
      "Le fichier ne contient aucune ligne de données : la première ligne doit donner le nom des colonnes, les suivantes une personne chacune.",
    ),
  tooManyRows: (max: number) =>
    new ValidationError(
      "tabular_import.too_many_rows",
      `Le fichier compte plus de ${max.toLocaleString("fr-FR")} lignes : découpez-le en plusieurs fichiers.`,
    ),
  tooLarge: () =>
    new ValidationError(
      "tabular_import.too_large",
      "Le fichier dépasse 10 Mo : découpez-le en plusieurs fichiers.",
    ),
  versionConflict: (importId: string, currentVersion: number) =>
    new ConflictError(
      "tabular_import.version_conflict",
      "La correspondance des colonnes a été modifiée entre-temps par une autre personne. Rechargez la page pour voir la version actuelle.",
      { importId, currentVersion },
    ),
  alreadyStarted: (importId: string) =>
    new ConflictError(
      "tabular_import.already_started",
      "L'import a déjà été lancé : la correspondance des colonnes ne peut plus être modifiée.",
      { importId },
    ),
  invalidMapping: (issues: string[]) =>
    Object.assign(
      new ValidationError(
        "tabular_import.invalid_mapping",
        `La correspondance des colonnes est incomplète : ${issues.join(" ")}`,
      ),
      { issues: issues.map((message) => ({ path: "mapping", message })) },
    ),
};
