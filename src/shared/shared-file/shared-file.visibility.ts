// The visibility levels of a note or document of the dossier partagé, from widest to narrowest
// (privacy-and-security.md PS-07, PS-11, PS-12). The server's policy decides who reads what; the web
// app shows these labels and descriptions next to the radio buttons.
//
// - PERSONNE: the person and every member of the follow-up group (PS-20: the person sees their file).
// - GROUPE: every member of the follow-up group, not the person.
// - REFERENTS: the référent and co-référents only (PS-07: « only the référent and explicitly authorised
//   co-referents »).
// - CONFIDENTIEL: the members of the group who belong to the author's structure only (PS-07: « social
//   workers' notes marked confidentiel are visible only within the author's structure »).
export const noteVisibilities = ["PERSONNE", "GROUPE", "REFERENTS", "CONFIDENTIEL"] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

export const visibilityLabels: Record<NoteVisibility, string> = {
  PERSONNE: "Partagée avec la personne",
  GROUPE: "Groupe de suivi",
  REFERENTS: "Référent·es seulement",
  CONFIDENTIEL: "Confidentielle (ma structure)",
};

export const visibilityDescriptions: Record<NoteVisibility, string> = {
  PERSONNE: "La personne la voit dans son espace, ainsi que tous les membres de son groupe de suivi.",
  GROUPE: "Tous les membres du groupe de suivi, y compris ceux d'autres structures. Pas la personne.",
  REFERENTS: "Seulement le ou la référent·e et les co-référent·es.",
  CONFIDENTIEL:
    "Seulement les membres du groupe de suivi de votre structure (notes de travail social confidentielles).",
};
