// Builds the runtime dependencies from the configuration: database (PGlite or PostgreSQL, migrated),
// clock, ids, logger, secrets. Shared by the server (main.ts) and the CLI.
import type { DbHandle } from "./db/connect";
import { connectFromConfig } from "./db/connect";
import { migrate } from "./db/migrate";
import { systemClock, travellingClock } from "./kernel/clock";
import type { Config } from "./kernel/config";
import type { Deps } from "./kernel/deps";
import { randomIds } from "./kernel/ids";
import { createLogger } from "./kernel/logger";
import { createSecrets } from "./kernel/secrets";

export async function bootstrap(
  config: Config,
): Promise<{ deps: Deps; handle: DbHandle; migrated: string[] }> {
  const log = createLogger(config.LOG_LEVEL);
  const handle = await connectFromConfig(config);
  const report = await migrate(handle);
  const deps: Deps = {
    db: handle.db,
    clock: config.SOCLE_ENV === "test" ? travellingClock() : systemClock,
    ids: randomIds,
    log,
    config,
    secrets: createSecrets(config.NIR_SECRET),
  };
  return { deps, handle, migrated: report.applied };
}
