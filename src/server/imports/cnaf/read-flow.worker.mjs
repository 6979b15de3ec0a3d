// Entry of the flow-reading worker thread: registers tsx in this thread (workers do not inherit the
// loader of `bin/socle.js`), then runs the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./read-flow.worker.ts");
