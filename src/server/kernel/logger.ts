// Structured logs (pino). Logs carry internal ids, codes, durations and counts, never personal data:
// the request serialiser logs the route pattern, not the raw URL, and `redact` is a safety net.
import pino, { type Logger } from "pino";

export type Log = Logger;

export const redactPaths = [
  "req.headers.authorization",
  "req.headers.cookie",
  "res.headers['set-cookie']",
  "*.nir",
  "*.email",
  "*.nom",
  "*.prenom",
  "*.firstName",
  "*.lastName",
  "*.birthName",
  "*.phone",
  "*.query",
];

export function createLogger(level: string): Log {
  return pino({ level, redact: { paths: redactPaths, censor: "[masqué]" } });
}
