import type { RouteObject } from "react-router-dom";
import { ContractPage } from "./contract.page";
import { MyContractPage } from "./my-contract.page";

export const contractPages: RouteObject[] = [
  { path: "/personnes/:personId/contrat", Component: ContractPage },
  { path: "/mon-espace/contrat", Component: MyContractPage },
];
