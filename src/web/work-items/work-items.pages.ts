import type { RouteObject } from "react-router-dom";
import { WorkItemsPage } from "./work-items.page";

export const workItemsPages: RouteObject[] = [{ path: "/activites", Component: WorkItemsPage }];
