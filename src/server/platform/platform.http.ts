import type { FastifyInstance } from "fastify";
import { platformRoutes } from "../../shared/platform/platform.routes";
import type { DbHandle } from "../db/connect";
import { currentMigration } from "../db/migrate";
import { bindRoute } from "../http/bind-route";
import { isTravellingClock } from "../kernel/clock";
import type { Deps } from "../kernel/deps";

export async function platformHttp(
  app: FastifyInstance,
  deps: Deps,
  handle: Pick<DbHandle, "kind" | "serverVersion" | "exec" | "db" | "close">,
) {
  bindRoute(app, deps, platformRoutes.getHealth, async () => ({
    status: "ok" as const,
    database: {
      kind: handle.kind,
      serverVersion: await handle.serverVersion(),
      migration: await currentMigration(handle as DbHandle),
    },
    mode: deps.config.SOCLE_ENV,
    version: process.env.npm_package_version ?? "0.1.0",
  }));
  const clock = deps.clock;
  if (deps.config.SOCLE_ENV === "test" && isTravellingClock(clock)) {
    bindRoute(app, deps, platformRoutes.advanceTestClock, async ({ body }) => {
      await clock.advance(body.minutes * 60_000);
      return { now: clock.now().toISOString(), offsetMinutes: Math.round(clock.offsetMs() / 60_000) };
    });
  }
}
