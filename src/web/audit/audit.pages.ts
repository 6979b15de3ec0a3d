import type { RouteObject } from "react-router-dom";
import { MyAuditLogPage } from "./my-audit-log.page";

export const auditPages: RouteObject[] = [{ path: "/mon-espace/journal", Component: MyAuditLogPage }];
