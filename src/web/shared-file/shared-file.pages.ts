import type { RouteObject } from "react-router-dom";
import { MyFilePage } from "./my-file.page";
import { SharedFilePage } from "./shared-file.page";

export const sharedFilePages: RouteObject[] = [
  { path: "/personnes/:personId/dossier", Component: SharedFilePage },
  { path: "/mon-espace/dossier", Component: MyFilePage },
];
