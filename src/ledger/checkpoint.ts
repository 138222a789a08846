/**
 * C2SP tlog-checkpoint: the note text `<origin>\n<tree size>\n<base64 root>\n[extension lines]`.
 */
import { HASH_SIZE } from "./merkle.ts";

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Buffer;
  /** Extension lines, opaque to this format; kept so a parsed checkpoint re-serialises to the byte. */
  readonly extensions: readonly string[];
}

export class CheckpointError extends Error {
  override name = "CheckpointError";
}

export function formatCheckpoint(c: Checkpoint): string {
  return [c.origin, String(c.size), c.root.toString("base64"), ...c.extensions].map((l) => `${l}\n`).join("");
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith("\n")) throw new CheckpointError("checkpoint must end with a newline");
  const [origin, size, root, ...extensions] = text.slice(0, -1).split("\n");
  if (!origin) throw new CheckpointError("checkpoint origin line is empty");
  if (size === undefined || !/^(0|[1-9]\d*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw new CheckpointError(`checkpoint tree size '${size ?? ""}' must be a decimal without leading zeros`);
  }
  const hash = Buffer.from(root ?? "", "base64");
  if (hash.length !== HASH_SIZE || hash.toString("base64") !== root) {
    throw new CheckpointError(`checkpoint root '${root ?? ""}' must be the base64 of ${HASH_SIZE} bytes`);
  }
  if (extensions.some((e) => e === "")) throw new CheckpointError("checkpoint extension lines must not be empty");
  return { origin, size: Number(size), root: hash, extensions };
}
