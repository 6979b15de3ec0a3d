// Deps for use-case tests: a fixed clock, sequential ids, a silent logger, test secrets.
import type { DbHandle } from "../server/db/connect";
import { fixedClock } from "../server/kernel/clock";
import { loadConfig } from "../server/kernel/config";
import type { Deps } from "../server/kernel/deps";
import { sequentialIds } from "../server/kernel/ids";
import { createLogger } from "../server/kernel/logger";
import { createSecrets } from "../server/kernel/secrets";

// one sequence per test process: ids stay predictable and never collide between tests sharing a database
const ids = sequentialIds();

export const testSecrets = createSecrets("test-nir-secret-0123456789abcdef0123456789");

export function testDeps(handle: DbHandle, now = "2026-03-02T09:00:00Z") {
  const clock = fixedClock(now);
  const deps: Deps = {
    db: handle.db,
    clock,
    ids,
    log: createLogger("silent"),
    config: loadConfig({ SOCLE_ENV: "test", LOG_LEVEL: "silent" }),
    secrets: testSecrets,
  };
  return { deps, clock };
}
