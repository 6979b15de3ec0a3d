// Reads a flow in a worker thread (read-flow.worker.ts) and yields its items to the import, which meanwhile
// works with the database: XML parsing and the VRSB checks take as much CPU as the rest of the import, and
// the machine has more than one core. Flow control by credits: the worker keeps at most `credits` chunks
// of `chunk` items ahead of the consumer. An error of the file (FluxError) reaches the consumer, with its
// code and French message, after every item read before it.
import { Worker } from "node:worker_threads";
import { FluxError } from "../../../shared/imports/imports.errors";
import { SocleError } from "../../../shared/kernel/errors";
import type { Item } from "./read-flow";
import type { FlowWorkerInput, FlowWorkerMessage } from "./read-flow.worker";

function rebuild(e: Extract<FlowWorkerMessage, { kind: "error" }>["error"]): Error {
  if (e.code === undefined) return new Error(e.message);
  return e.name === "FluxError"
    ? new FluxError(e.code, e.message, e.details)
    : new SocleError(e.code, e.message, e.details);
}

export async function* readFlowInWorker(
  input: Omit<FlowWorkerInput, "chunk" | "credits"> & { chunk?: number; credits?: number },
  progress: { bytes: number },
): AsyncGenerator<Item> {
  const worker = new Worker(new URL("./read-flow.worker.mjs", import.meta.url), {
    workerData: { chunk: 100, credits: 8, ...input } satisfies FlowWorkerInput,
    // no inherited loader flags: the entry registers tsx itself
    execArgv: [],
  });
  const queue: Item[][] = [];
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const finish = (error?: Error) => {
    if (!done) {
      done = true;
      failure = error;
    }
    wake?.();
  };
  worker.on("message", (m: FlowWorkerMessage) => {
    if (m.kind === "items") {
      queue.push(m.items);
      progress.bytes = m.bytes;
      wake?.();
    } else if (m.kind === "done") {
      progress.bytes = m.bytes;
      finish();
    } else finish(rebuild(m.error));
  });
  worker.on("error", (e) => finish(e));
  worker.on("exit", (code) =>
    finish(code === 0 ? undefined : new Error(`La lecture du fichier s'est arrêtée (code ${code}).`)),
  );
  try {
    for (;;) {
      const items = queue.shift();
      if (items) {
        worker.postMessage({ credit: 1 });
        yield* items;
        continue;
      }
      if (done) {
        if (failure) throw failure;
        return;
      }
      await new Promise<void>((r) => (wake = r));
      wake = undefined;
    }
  } finally {
    await worker.terminate();
  }
}
