// The communes of a postal code, for the address of the registration form (COG reference data).
import { communesQuerySchema } from "../../../shared/registration/registration.schema";
import { useCase } from "../../kernel/use-case";
import { registrationsRepository } from "../registration.repository";

export const searchCommunes = useCase("SearchCommunes", communesQuerySchema, async ({ tx, input }) => ({
  items: await registrationsRepository.communesByPostalCode(tx, input.codePostal),
}));
