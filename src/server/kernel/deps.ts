// What every use case receives: database, clock, ids, logger, configuration, secrets.
import type { Db } from "../db/connect";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Ids } from "./ids";
import type { Log } from "./logger";
import type { Secrets } from "./secrets";

export type Deps = {
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Log;
  config: Config;
  secrets: Secrets;
};
