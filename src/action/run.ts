/**
 * The action's entry: reads the event and reports what it would do. Scoring events into the data
 * branch arrives with the event handlers; until then every event is a clear no-op, never a failure.
 */
import * as core from "@actions/core";

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const event = env.GITHUB_EVENT_NAME;
    if (!event) throw new Error("GITHUB_EVENT_NAME is not set: run meritlog as a step of a GitHub Actions workflow");
    core.info(`meritlog: the '${event}' event records nothing in this version`);
  } catch (e) {
    core.setFailed((e as Error).message);
  }
}
