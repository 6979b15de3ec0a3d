import type { RouteObject } from "react-router-dom";
import { MY_MESSAGES_PATH } from "../../shared/conversations/conversations.routes";
import { MyMessagesPage } from "./my-messages.page";
import { PersonMessagesPage } from "./person-messages.page";

export const conversationsPages: RouteObject[] = [
  { path: MY_MESSAGES_PATH, Component: MyMessagesPage },
  { path: "/personnes/:personId/messages", Component: PersonMessagesPage },
];
