import type { RouteObject } from "react-router-dom";
import { ContractPage } from "./contract.page";
import {
  ContractComparisonPage,
  MY_COMPARISON_PATH,
  MyContractComparisonPage,
} from "./contract-comparison.page";
import { MyContractPage } from "./my-contract.page";

export const contractPages: RouteObject[] = [
  { path: "/personnes/:personId/contrat", Component: ContractPage },
  { path: "/mon-espace/contrat", Component: MyContractPage },
  { path: "/personnes/:personId/contrat/versions", Component: ContractComparisonPage },
  { path: MY_COMPARISON_PATH, Component: MyContractComparisonPage },
];
