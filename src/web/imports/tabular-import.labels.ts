import type { PreviewAction } from "../../shared/imports/tabular/tabular-import.schema";

export const importStatusLabels = {
  TELEVERSE: "À vérifier avant import",
  EN_COURS: "Import en cours (interrompu ?)",
  TERMINE: "Terminé",
} as const;

export const previewActionLabels: Record<
  PreviewAction,
  { label: string; severity: "success" | "info" | "warning" | "error" | "new" }
> = {
  CREATION: { label: "Nouveau dossier", severity: "new" },
  MISE_A_JOUR: { label: "Dossier complété", severity: "info" },
  DEJA_IMPORTEE: { label: "Déjà importée", severity: "success" },
  DOUBLON_POSSIBLE: { label: "Doublon possible", severity: "warning" },
  CONFLIT: { label: "Conflit : quarantaine", severity: "error" },
  INVALIDE: { label: "Invalide : quarantaine", severity: "error" },
};
