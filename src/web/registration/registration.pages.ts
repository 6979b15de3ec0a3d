import type { RouteObject } from "react-router-dom";
import { DuplicateReviewPage } from "./duplicate-review.page";
import { DuplicateReviewsPage } from "./duplicate-reviews.page";
import { MyRegistrationPage } from "./my-registration.page";
import { NewRegistrationPage } from "./new-registration.page";
import { RegistrationPage } from "./registration.page";
import { RegistrationsListPage } from "./registrations-list.page";

export const registrationPages: RouteObject[] = [
  { path: "/inscription", Component: MyRegistrationPage },
  { path: "/inscriptions", Component: RegistrationsListPage },
  { path: "/inscriptions/nouvelle", Component: NewRegistrationPage },
  { path: "/inscriptions/:registrationId", Component: RegistrationPage },
  { path: "/doublons", Component: DuplicateReviewsPage },
  { path: "/doublons/:workItemId", Component: DuplicateReviewPage },
];
