import type { RouteObject } from "react-router-dom";
import { MyDataPage } from "./my-data.page";

export const myDataPages: RouteObject[] = [{ path: "/mon-espace/mes-donnees", Component: MyDataPage }];
