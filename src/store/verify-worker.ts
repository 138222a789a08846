/**
 * A verification worker process for `verifyFolder`: checks runs of shard files it is sent over IPC
 * and sends each result back. Processes rather than threads: OpenSSL's and V8's shared state let two
 * threads verify barely faster than one, where two processes verify nearly twice as fast.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkRun, type RunTask } from "./check-run.ts";

process.on("message", (task: RunTask) => {
  process.send?.(checkRun(task, (path) => readFileSync(join(task.dir, path))));
});
process.on("disconnect", () => process.exit(0));
