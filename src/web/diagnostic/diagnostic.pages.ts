import type { RouteObject } from "react-router-dom";
import { DiagnosticPage } from "./diagnostic.page";

export const diagnosticPages: RouteObject[] = [
  { path: "/personnes/:personId/diagnostic", Component: DiagnosticPage },
];
