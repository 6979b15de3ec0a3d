import type { RouteObject } from "react-router-dom";
import { CnafImportPage } from "./cnaf-import.page";
import { TabularImportPage } from "./tabular-import.page";
import { TabularImportsPage } from "./tabular-imports.page";

export const importsPages: RouteObject[] = [
  { path: "/imports", Component: TabularImportsPage },
  { path: "/imports/cnaf", Component: CnafImportPage },
  { path: "/imports/:importId", Component: TabularImportPage },
];
