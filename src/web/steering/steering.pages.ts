import type { RouteObject } from "react-router-dom";

// Loaded on demand: the chart library stays out of the other pages' bundle.
const dashboard = async () => ({ Component: (await import("./dashboard.page")).DashboardPage });

export const steeringPages: RouteObject[] = [
  { path: "/pilotage", lazy: dashboard },
  { path: "/pilotage/:niveau/:code", lazy: dashboard },
];
