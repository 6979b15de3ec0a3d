// Error catalogue of the imports capability, with the French message shown to the user.
import { ConflictError, NotFoundError, SocleError, ValidationError } from "../kernel/errors";

/** Refused because of what the file holds (encoding, well-formedness, header): 422. */
export class FluxError extends SocleError {
  override readonly status = 422;
}
export class PayloadTooLargeError extends SocleError {
  override readonly status = 413;
}

export const importsErrors = {
  notFound: (importId: string) =>
    new NotFoundError("imports.not_found", "Cet import est introuvable.", { importId }),
  fileUnreadable: () =>
    new ValidationError("imports.file_unreadable", "Le fichier est introuvable ou illisible."),
  emptyFile: () => new FluxError("imports.empty_file", "Le fichier est vide."),
  tooLarge: (maxMb: number) =>
    new PayloadTooLargeError(
      "imports.too_large",
      `Le fichier dépasse la taille maximale acceptée (${maxMb} Mo).`,
      { maxMb },
    ),
  departementInvalid: (code: string) =>
    new ValidationError(
      "imports.departement_invalid",
      `« ${code} » n'est pas un code de département (ex. 80, 2A, 971).`,
    ),
  encodingNotDeclared: () =>
    new FluxError(
      "imports.cnaf.encoding_not_declared",
      'Le fichier ne déclare pas son encodage (en-tête <?xml … encoding="windows-1252"?> attendu) : un flux CAF/MSA VRSB 08.01 est encodé en windows-1252.',
    ),
  encodingUnsupported: (declared: string) =>
    new FluxError(
      "imports.cnaf.encoding_unsupported",
      `Le fichier déclare l'encodage « ${declared} » : un flux CAF/MSA VRSB 08.01 doit être encodé en windows-1252. Demandez un nouvel envoi du fichier.`,
      { declared },
    ),
  byteOrderMark: () =>
    new FluxError(
      "imports.cnaf.encoding_unsupported",
      "Le fichier commence par une marque d'ordre d'octets UTF-8 : un flux CAF/MSA VRSB 08.01 doit être encodé en windows-1252.",
    ),
  malformed: (line: number, detail: string) =>
    new FluxError(
      "imports.cnaf.malformed_xml",
      `XML mal formé ligne ${line} : ${detail}. Les foyers qui précèdent cette ligne ont été importés et l'import est arrêté. Corrigez le fichier ou demandez un nouvel envoi, puis relancez l'import : les foyers déjà importés ne seront pas dupliqués.`,
      { line },
    ),
  unexpectedElement: (line: number, name: string, expected: string) =>
    new FluxError(
      "imports.cnaf.unexpected_element",
      `Élément <${name}> inattendu ligne ${line} : ${expected}. Ce fichier n'est pas un flux bénéficiaires RSA VRSB 08.01 complet.`,
      { line },
    ),
  headerInvalid: (line: number, issues: string[]) =>
    new FluxError(
      "imports.cnaf.header_invalid",
      `L'en-tête du flux (IdentificationFlux, ligne ${line}) est invalide : ${issues.join(" ; ")}.`,
      { line },
    ),
  truncated: () =>
    new FluxError(
      "imports.cnaf.truncated",
      "Le fichier s'arrête avant la fin du flux (bloc TransmissionFlux absent) : fichier tronqué ? Les foyers lus ont été importés ; relancez l'import avec le fichier complet.",
    ),
  runningElsewhere: (importId: string) =>
    new ConflictError(
      "imports.running_elsewhere",
      "Cet import est déjà en cours dans un autre traitement : attendez sa fin avant de le relancer.",
      { importId },
    ),
};
