import type { RouteObject } from "react-router-dom";
import { MyOrientationPage } from "./my-orientation.page";
import { OrientationDecisionPage } from "./orientation-decision.page";
import { OrientationQueuePage } from "./orientation-queue.page";

export const orientationPages: RouteObject[] = [
  { path: "/orientation", Component: OrientationQueuePage },
  { path: "/orientation/:orientationId", Component: OrientationDecisionPage },
  { path: "/mon-espace/orientation", Component: MyOrientationPage },
];
