// On a running server, the steering fact tables follow the writes within a minute even when nobody opens a
// dashboard (a dashboard refreshes what is left before it computes). Small batches, each in its own
// transaction, so that a write to one of the persons waits at most one batch. A backlog as large as the
// tables themselves (the first start after the migration that created them, the demo's seed) is rebuilt in
// one pass instead, which is much cheaper than person by person.
import type { Deps } from "../kernel/deps";
import {
  rebuildSteeringFacts,
  refreshSteeringFacts,
  steeringFactsBacklog,
  steeringFactsPathways,
} from "./steering.facts";

export const REFRESH_EVERY_MS = 60_000;
/** Above this many persons waiting, one rebuild is cheaper than person-by-person batches. */
export const REBUILD_ABOVE = 50_000;

export type CatchUp = { persons: number; rebuilt: boolean; ms: number };

/** Brings the fact tables up to date now: a rebuild when the backlog is large, batches otherwise. */
export async function catchUpSteeringFacts(deps: Pick<Deps, "db">): Promise<CatchUp> {
  const started = performance.now();
  const persons = await steeringFactsBacklog(deps.db);
  if (persons === 0) return { persons, rebuilt: false, ms: 0 };
  const rebuilt = persons > REBUILD_ABOVE || persons >= (await steeringFactsPathways(deps.db)) / 2;
  if (rebuilt) await rebuildSteeringFacts(deps.db);
  else await refreshSteeringFacts(deps.db, { batch: 500 });
  return { persons, rebuilt, ms: Math.round(performance.now() - started) };
}

export type SteeringRefresher = { stop(): void; idle(): Promise<void> };

export function startSteeringRefresher(deps: Pick<Deps, "db" | "log">): SteeringRefresher {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const r = await catchUpSteeringFacts(deps);
        if (r.persons > 0) deps.log.info({ code: "steering.facts_refreshed", ...r });
      } catch (e) {
        deps.log.warn({ code: "steering.facts_refresh_failed", message: (e as Error).message });
      }
    });
  };
  const timer = setInterval(tick, REFRESH_EVERY_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => running,
  };
}
