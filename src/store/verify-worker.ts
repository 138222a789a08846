/**
 * Worker thread body for `verifyFolder`: checks one run of shard files and posts the result back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parentPort } from "node:worker_threads";
import { checkRun, type RunTask } from "./check-run.ts";

parentPort?.on("message", (task: RunTask) => {
  const result = checkRun(task, (path) => readFileSync(join(task.dir, path)));
  parentPort?.postMessage(result, [result.leaves.buffer as ArrayBuffer]);
});
