import type { RouteObject } from "react-router-dom";
import { DemoMailboxMessagePage, DemoMailboxPage } from "./demo-mailbox.page";
import { DEMO_MAILBOX_PATH } from "./messaging.paths";

export const messagingPages: RouteObject[] = [
  { path: DEMO_MAILBOX_PATH, Component: DemoMailboxPage },
  { path: `${DEMO_MAILBOX_PATH}/:messageId`, Component: DemoMailboxMessagePage },
];
