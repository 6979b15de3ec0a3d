import type { z } from "zod";
import { checkNir } from "../../../shared/identity/nir";
import { searchPersonsQuerySchema } from "../../../shared/persons/persons.schema";
import { normalizeSearchText } from "../../../shared/persons/search-text";
import { audit } from "../../audit/audit";
import { assertCan } from "../../kernel/access";
import { useCase } from "../../kernel/use-case";
import { personsPolicy } from "../persons.policy";
import { presentPersonSummary } from "../persons.presenter";
import { type PersonSearch, personsRepository } from "../persons.repository";

export const PAGE_SIZE = 20;

export const searchPersons = useCase(
  "SearchPersons",
  searchPersonsQuerySchema,
  async ({ tx, actor, input, secrets, clock }) => {
    assertCan(personsPolicy.list(actor), "persons.list", { section: "liste", purpose: "follow" });
    if (actor.kind !== "professional") throw new Error("unreachable");
    const q = input.q?.trim() ?? "";
    let search: PersonSearch = { kind: "all" };
    const compact = q.replace(/[\s.-]/g, "").toUpperCase();
    if (compact.length === 15 && checkNir(compact).ok)
      search = { kind: "nir", nirIndex: secrets.nirIndex(compact.slice(0, 13)) };
    else if (/^([0-9]{7}[0-9A-Z]|[0-9]{11})$/.test(compact))
      search = { kind: "franceTravailId", value: compact };
    else if (normalizeSearchText(q)) search = { kind: "name", text: normalizeSearchText(q) };

    const { total, items } = await personsRepository.search(tx, actor, search, input.page, PAGE_SIZE);
    // every listed person or search hit is a read of their file (PS-18)
    await audit.recordMany(
      tx,
      clock,
      actor,
      items.map((i) => i.id),
      {
        action: search.kind === "all" ? "persons.listed" : "persons.search_hit",
        section: search.kind === "all" ? "liste" : "recherche",
        purpose: "follow",
        details: { searchKind: search.kind },
      },
    );
    return {
      items: items.map((i) => presentPersonSummary(secrets, i)),
      total,
      page: input.page,
      pageSize: PAGE_SIZE,
    };
  },
);

export type SearchPersonsInput = z.input<typeof searchPersonsQuerySchema>;
