// Who may download « Mes données »: the person themself, for their own file only (right of access, PS-19 to
// PS-21). A professional exports nothing here: nominative exports are another permission (PS-54).
import type { Actor } from "../kernel/access";

export const myDataPolicy = {
  exportOwn: (a: Actor): a is Extract<Actor, { kind: "person" }> => a.kind === "person",
};
