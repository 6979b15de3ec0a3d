// Worker-thread side of read-flow-in-worker.ts: reads the flow and posts its items by chunks, never more
// than the credits the import thread granted ahead (so a slow database never lets the file pile up in
// memory). Items read before an error are posted before it.
import { parentPort, workerData } from "node:worker_threads";
import { SocleError } from "../../../shared/kernel/errors";
import { type Item, readFlow } from "./read-flow";

export type FlowWorkerInput = {
  path: string;
  departement: string;
  skip: number;
  chunk: number;
  credits: number;
};
export type FlowWorkerMessage =
  | { kind: "items"; items: Item[]; bytes: number }
  | { kind: "done"; bytes: number }
  | {
      kind: "error";
      error: { name: string; code?: string; message: string; details?: Record<string, unknown> };
    };

const input = workerData as FlowWorkerInput;
const port = parentPort!;
let credits = input.credits;
let wake: (() => void) | undefined;
port.on("message", (m: { credit: number }) => {
  credits += m.credit;
  wake?.();
});

const progress = { bytes: 0 };
let chunk: Item[] = [];
async function post() {
  while (credits <= 0) await new Promise<void>((r) => (wake = r));
  credits--;
  const items = chunk;
  chunk = [];
  port.postMessage({ kind: "items", items, bytes: progress.bytes } satisfies FlowWorkerMessage);
}

try {
  for await (const item of readFlow(input.path, input.departement, input.skip, progress)) {
    // a household with nothing to quarantine travels without its XML (readHousehold: the import thread
    // reads it again from the file in the rare case it must quarantine it, an identity conflict)
    chunk.push(item);
    if (chunk.length >= input.chunk || item.kind !== "reading") await post();
  }
  if (chunk.length > 0) await post();
  port.postMessage({ kind: "done", bytes: progress.bytes } satisfies FlowWorkerMessage);
} catch (e) {
  if (chunk.length > 0) await post();
  const error =
    e instanceof SocleError
      ? { name: e.name, code: e.code, message: e.message, details: e.details }
      : { name: "Error", message: e instanceof Error ? e.message : String(e) };
  port.postMessage({ kind: "error", error } satisfies FlowWorkerMessage);
}
port.close();
