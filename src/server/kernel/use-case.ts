// The use-case helper owns input validation, the transaction (unit of work) and logging.
// A refused access (AccessDenied) rolls the transaction back, then is written to the audit trail
// in a transaction of its own so that denied attempts are never lost.
import type { z } from "zod";
import { kernelErrors } from "../../shared/kernel/errors";
import { audit } from "../audit/audit";
import type { Db } from "../db/connect";
import { AccessDenied, type Actor } from "./access";
import type { Deps } from "./deps";

export type UseCaseContext<I> = Deps & { tx: Db; actor: Actor; input: I };

export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function useCase<S extends z.ZodType, O>(
  name: string,
  schema: S,
  run: (ctx: UseCaseContext<z.output<S>>) => Promise<O>,
) {
  return async (deps: Deps, actor: Actor, raw: z.input<S>): Promise<O> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw kernelErrors.validation(zodIssues(parsed.error));
    const started = performance.now();
    try {
      const out = await deps.db
        .transaction()
        .execute((tx) => run({ ...deps, tx, actor, input: parsed.data }));
      deps.log.info({ useCase: name, actorId: actor.id, ms: Math.round(performance.now() - started) });
      return out;
    } catch (e) {
      if (e instanceof AccessDenied && e.subject) {
        const subject = e.subject;
        await deps.db.transaction().execute((tx) =>
          audit.record(tx, deps.clock, actor, {
            action: e.action,
            section: subject.section,
            purpose: subject.purpose,
            personId: subject.personId ?? null,
            outcome: "denied",
          }),
        );
      }
      deps.log.warn({ useCase: name, actorId: actor.id, code: (e as { code?: string }).code ?? "internal" });
      throw e;
    }
  };
}
