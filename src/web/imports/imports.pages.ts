import type { RouteObject } from "react-router-dom";
import { TabularImportPage } from "./tabular-import.page";
import { TabularImportsPage } from "./tabular-imports.page";

export const importsPages: RouteObject[] = [
  { path: "/imports", Component: TabularImportsPage },
  { path: "/imports/:importId", Component: TabularImportPage },
];
