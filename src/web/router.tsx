// The web app's routes: one line per capability's page list. Every page renders inside the layout;
// an error in a page is caught by ErrorPage without losing the header and footer.
import { createBrowserRouter } from "react-router-dom";
import { appointmentsPages } from "./appointments/appointments.pages";
import { auditPages } from "./audit/audit.pages";
import { contractPages } from "./contract/contract.pages";
import { conversationsPages } from "./conversations/conversations.pages";
import { diagnosticPages } from "./diagnostic/diagnostic.pages";
import { followUpPages } from "./follow-up/follow-up.pages";
import { homePages } from "./home/home.pages";
import { identityPages } from "./identity/identity.pages";
import { importsPages } from "./imports/imports.pages";
import { ErrorPage, RootErrorPage } from "./kernel/error.page";
import { Layout } from "./kernel/layout";
import { NotFoundPage } from "./kernel/not-found.page";
import { messagingPages } from "./messaging/messaging.pages";
import { myDataPages } from "./my-data/my-data.pages";
import { orientationPages } from "./orientation/orientation.pages";
import { personsPages } from "./persons/persons.pages";
import { registrationPages } from "./registration/registration.pages";
import { sharedFilePages } from "./shared-file/shared-file.pages";
import { steeringPages } from "./steering/steering.pages";
import { workItemsPages } from "./work-items/work-items.pages";

export const router = createBrowserRouter([
  {
    Component: Layout,
    errorElement: <RootErrorPage />,
    children: [
      {
        errorElement: <ErrorPage />,
        children: [
          ...identityPages,
          ...homePages,
          ...personsPages,
          ...auditPages,
          ...registrationPages,
          ...importsPages,
          ...orientationPages,
          ...workItemsPages,
          ...contractPages,
          ...diagnosticPages,
          ...followUpPages,
          ...appointmentsPages,
          ...sharedFilePages,
          ...conversationsPages,
          ...myDataPages,
          ...steeringPages,
          ...messagingPages,
          { path: "*", Component: NotFoundPage },
        ],
      },
    ],
  },
]);
