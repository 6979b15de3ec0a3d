// On a running server, the steering fact tables follow the writes within a minute even when nobody opens a
// dashboard (a dashboard refreshes what is left before it computes). Small batches, each in its own
// transaction, so that a write to one of the persons waits at most one batch. A large backlog (the first
// start after the migration that created the tables) is rebuilt at once instead.
import type { Deps } from "../kernel/deps";
import { rebuildSteeringFacts, refreshSteeringFacts, steeringFactsBacklog } from "./steering.facts";

export const REFRESH_EVERY_MS = 60_000;
/** Above this many persons waiting, one rebuild is cheaper than person-by-person batches. */
export const REBUILD_ABOVE = 50_000;

export type SteeringRefresher = { stop(): void; idle(): Promise<void> };

export function startSteeringRefresher(deps: Pick<Deps, "db" | "log">): SteeringRefresher {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const backlog = await steeringFactsBacklog(deps.db);
        if (backlog === 0) return;
        const started = performance.now();
        if (backlog > REBUILD_ABOVE) await rebuildSteeringFacts(deps.db);
        else await refreshSteeringFacts(deps.db, { batch: 500 });
        deps.log.info({
          code: "steering.facts_refreshed",
          persons: backlog,
          rebuilt: backlog > REBUILD_ABOVE,
          ms: Math.round(performance.now() - started),
        });
      } catch (e) {
        deps.log.warn({ code: "steering.facts_refresh_failed", message: (e as Error).message });
      }
    });
  };
  tick();
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
