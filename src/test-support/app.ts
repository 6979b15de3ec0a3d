// The whole HTTP app on a fresh migrated test database, for *.http.test.ts files: `app.inject()` by
// default, or a real server on a free local port (`listen: true`) whose address is PUBLIC_URL.
import { createServer } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/app";
import type { DbHandle } from "../server/db/connect";
import { type Clock, systemClock } from "../server/kernel/clock";
import { loadConfig } from "../server/kernel/config";
import type { Deps } from "../server/kernel/deps";
import { type Ids, randomIds } from "../server/kernel/ids";
import { createLogger } from "../server/kernel/logger";
import { type MessagingRuntime, startMessaging } from "../server/messaging/start-messaging";
import { testDb } from "./db";
import { testSecrets } from "./deps";

export type TestAppOptions = {
  clock?: Clock;
  ids?: Ids;
  /** extra environment variables for loadConfig (SOCLE_ENV is "test", LOG_LEVEL "silent") */
  env?: Record<string, string>;
  /** listen on 127.0.0.1 on a free port, PUBLIC_URL set to that address */
  listen?: boolean;
};

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  handle: DbHandle;
  /** PUBLIC_URL of this app (the listening address with `listen: true`) */
  baseUrl: string;
  /** the messaging runtime (no polling: `messaging.drain()` sends the messages due at deps.clock) */
  messaging: MessagingRuntime;
  close(): Promise<void>;
};

/** A free TCP port on 127.0.0.1 (asked to the OS, then released for the app to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function testApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const handle = await testDb();
  const port = opts.listen ? await freePort() : undefined;
  const config = loadConfig({
    SOCLE_ENV: "test",
    LOG_LEVEL: "silent",
    ...(port ? { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` } : {}),
    ...opts.env,
  });
  const deps: Deps = {
    db: handle.db,
    clock: opts.clock ?? systemClock,
    ids: opts.ids ?? randomIds,
    log: createLogger("silent"),
    config,
    secrets: testSecrets,
  };
  const app = await buildApp(deps, handle, { logger: false });
  if (port) await app.listen({ port, host: "127.0.0.1" });
  else await app.ready();
  const messaging = await startMessaging(deps, handle, { poll: false });
  return {
    app,
    deps,
    handle,
    baseUrl: config.publicUrl,
    messaging,
    close: async () => {
      await messaging.stop();
      await app.close();
      await handle.close();
    },
  };
}
