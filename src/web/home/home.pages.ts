import type { RouteObject } from "react-router-dom";
import { HomePage } from "./home.page";

export const homePages: RouteObject[] = [{ path: "/", Component: HomePage }];
