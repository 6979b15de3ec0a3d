import type { RouteObject } from "react-router-dom";
import { LoginPage } from "./login.page";

export const identityPages: RouteObject[] = [{ path: "/connexion", Component: LoginPage }];
