// One set of type parsers for both engines: `date` stays a "YYYY-MM-DD" string (no local-midnight
// off-by-one), int8 and numeric become numbers.
import pg from "pg";

const DATE = 1082;
const INT8 = 20;
const NUMERIC = 1700;

const asNumber = (v: string) => Number(v);
const asString = (v: string) => v;

export const pgliteParsers = { [DATE]: asString, [INT8]: asNumber, [NUMERIC]: asNumber };

let registered = false;
export function registerPgParsers() {
  if (registered) return;
  registered = true;
  pg.types.setTypeParser(DATE, asString);
  pg.types.setTypeParser(INT8, asNumber);
  pg.types.setTypeParser(NUMERIC, asNumber);
}
