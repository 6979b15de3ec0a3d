// Register of the personal fields of a person's identity (PS-01): each column carries its legal
// purposes (art. L. 263-4-1 CASF), a sensitivity level and a retention rule. A db test fails when a
// column of `persons` is missing from this register, so no personal field ships untagged.
import type { AuditPurpose } from "../../shared/audit/audit.schema";

export type Sensitivity = "normal" | "sensitive" | "confidential-social";
export type FieldRule =
  | { purposes: AuditPurpose[]; sensitivity: Sensitivity; retention: string }
  | { technical: string };

/** Default retention after the pathway closes (PS-37, parameter). */
const PATHWAY_24M = "24 mois après la clôture du parcours";

export const personsFieldRegister: Record<string, FieldRule> = {
  id: { technical: "identifiant interne" },
  nir_cipher: { purposes: ["identify"], sensitivity: "sensitive", retention: PATHWAY_24M },
  nir_index: { purposes: ["identify"], sensitivity: "sensitive", retention: PATHWAY_24M },
  nir_last_digits: { purposes: ["identify"], sensitivity: "sensitive", retention: PATHWAY_24M },
  birth_name: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  usage_name: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  first_names: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  sex: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  birth_date: { purposes: ["identify", "assess"], sensitivity: "normal", retention: PATHWAY_24M },
  birth_place: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  nationality: { purposes: ["identify", "assess"], sensitivity: "normal", retention: PATHWAY_24M },
  email: { purposes: ["follow", "support"], sensitivity: "normal", retention: PATHWAY_24M },
  phone: { purposes: ["follow", "support"], sensitivity: "normal", retention: PATHWAY_24M },
  address_line: { purposes: ["identify", "follow"], sensitivity: "normal", retention: PATHWAY_24M },
  postal_code: { purposes: ["identify", "follow"], sensitivity: "normal", retention: PATHWAY_24M },
  commune_code: { purposes: ["identify", "follow"], sensitivity: "normal", retention: PATHWAY_24M },
  departement: { purposes: ["follow"], sensitivity: "normal", retention: PATHWAY_24M },
  france_travail_id: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  caf_organisme: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  caf_numorg: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  caf_matricule: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  household_role: { purposes: ["identify", "assess"], sensitivity: "normal", retention: PATHWAY_24M },
  search_text: { purposes: ["identify"], sensitivity: "normal", retention: PATHWAY_24M },
  status: { technical: "état de l'enregistrement (actif, fusionné)" },
  merged_into: { technical: "fusion de doublons" },
  created_at: { technical: "horodatage" },
  updated_at: { technical: "horodatage" },
  version: { technical: "contrôle de concurrence" },
};
