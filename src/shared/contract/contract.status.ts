// The lifecycle of the single contrat d'engagement as a table (parcours.md §6.6, API kit): one literal
// object drives the server's check, the actions the web app offers, and the tests. `SUSPENDU` remembers
// the state it interrupted, and `resume` restores it.
import { ConflictError } from "../kernel/errors";

export const contractStates = ["A_SIGNER", "SIGNE", "REFUSE", "SUSPENDU", "CLOTURE"] as const;
export type ContractState = (typeof contractStates)[number];

export const contractStateLabels: Record<ContractState, string> = {
  A_SIGNER: "à signer",
  SIGNE: "signé",
  REFUSE: "refusé",
  SUSPENDU: "suspendu",
  CLOTURE: "clôturé",
};

export const contractEvents = [
  /** the person signs the version to sign (in their space, or in person with the professional) */
  "sign",
  /** the person refuses the version to sign */
  "refuse",
  /** new orientation or essential change of pathway: a new version to sign */
  "new_version",
  /** registration ceases */
  "suspend",
  /** re-registration: the state before the suspension comes back */
  "resume",
  /** 12 months after the suspension */
  "close",
] as const;
export type ContractEvent = (typeof contractEvents)[number];

/** The states a contract is « open » in (a suspension may interrupt them). */
export const openContractStates = ["A_SIGNER", "SIGNE", "REFUSE"] as const;
export type OpenContractState = (typeof openContractStates)[number];
const isOpen = (s: ContractState | null): s is OpenContractState =>
  s !== null && (openContractStates as readonly string[]).includes(s);

/** `resume` goes back to the suspended state: written `PREVIOUS` in the table. */
export const PREVIOUS = "PREVIOUS" as const;

export const contractTransitions = {
  A_SIGNER: { sign: "SIGNE", refuse: "REFUSE", suspend: "SUSPENDU" },
  // a refusal may be reconsidered: the person signs later
  REFUSE: { sign: "SIGNE", new_version: "A_SIGNER", suspend: "SUSPENDU" },
  SIGNE: { new_version: "A_SIGNER", suspend: "SUSPENDU" },
  SUSPENDU: { resume: PREVIOUS, close: "CLOTURE" },
  CLOTURE: {},
} as const satisfies Record<ContractState, Partial<Record<ContractEvent, ContractState | typeof PREVIOUS>>>;

/** Contract created: the first version waits for the person's signature. */
export const initialContractState: ContractState = "A_SIGNER";

export function canApplyContractEvent(state: ContractState, event: ContractEvent): boolean {
  return event in contractTransitions[state];
}

/**
 * The state after `event`, and the state to remember (set on suspension, cleared on resume). `previous` is
 * the state stored when the contract was suspended; it is required to resume.
 */
export function nextContractState(
  state: ContractState,
  event: ContractEvent,
  previous: ContractState | null = null,
): { state: ContractState; previous: OpenContractState | null } {
  const to = (contractTransitions[state] as Partial<Record<ContractEvent, ContractState | typeof PREVIOUS>>)[
    event
  ];
  if (!to) {
    throw new ConflictError(
      "contract.transition_not_allowed",
      `Cette action n'est pas possible : le contrat est à l'état « ${contractStateLabels[state]} ».`,
      { state, event },
    );
  }
  if (to === PREVIOUS) {
    if (!isOpen(previous))
      throw new ConflictError(
        "contract.previous_state_unknown",
        "Le contrat ne peut pas reprendre : l'état qu'il avait avant sa suspension n'est pas connu.",
        { state, event },
      );
    return { state: previous, previous: null };
  }
  if (to === "SUSPENDU") return { state: to, previous: isOpen(state) ? state : null };
  return { state: to, previous: to === "CLOTURE" && isOpen(previous) ? previous : null };
}

/** The events the web app may offer in a state. */
export const allowedContractEvents = (state: ContractState): ContractEvent[] =>
  contractEvents.filter((e) => canApplyContractEvent(state, e));
