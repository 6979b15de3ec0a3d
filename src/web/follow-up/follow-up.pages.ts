import type { RouteObject } from "react-router-dom";
import { FollowUpPage } from "./follow-up.page";
import { MyJobFollowUpPage } from "./my-job-follow-up.page";

export const followUpPages: RouteObject[] = [
  { path: "/personnes/:personId/suivi", Component: FollowUpPage },
  { path: "/mon-espace/suivi-emploi", Component: MyJobFollowUpPage },
];
