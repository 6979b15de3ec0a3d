// The two downloads of « Mes données ». They answer a file (Content-Disposition: attachment), not a JSON
// view, so the server binds them by hand (my-data.http.ts) from these contracts; the web app links to
// their URLs. The JSON file follows `myDataExportSchema`.
import { z } from "zod";
import { defineRoute } from "../kernel/route";
import { myDataExportSchema } from "./my-data.schema";

export const myDataRoutes = {
  exportMyDataJson: defineRoute({
    method: "GET",
    url: "/api/me/donnees.json",
    summary: "Télécharger toutes mes données (fichier JSON documenté, droit d'accès)",
    tags: ["mes-donnees"],
    response: myDataExportSchema,
  }),
  exportMyDataPdf: defineRoute({
    method: "GET",
    url: "/api/me/donnees.pdf",
    summary: "Télécharger toutes mes données (document PDF lisible, droit d'accès)",
    tags: ["mes-donnees"],
    response: z.instanceof(Uint8Array),
  }),
};
