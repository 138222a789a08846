import { readFile } from "node:fs/promises";

/** What a command may touch of its process: its streams and working directory, so tests run it in-process. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => Promise<string>;
}

/** The exit codes every command shares. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A command line that cannot be run as given; exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A file named on the command line could not be read; exit 2, without the usage text. */
export class FileArgumentError extends Error {
  override name = "FileArgumentError";
}

/** Input that was read but is wrong (a bad entry body, a proof that does not check); exit 1. */
export class InvalidInputError extends Error {
  override name = "InvalidInputError";
}

/** Contributor-controlled text made safe for a terminal: control characters (escape sequences) shown as '?'. */
export function printable(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    out += (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) ? "?" : ch;
  }
  return out;
}

/** Reads a file named by an option; failures say which option and why, without Node's error codes. */
export async function readOptionFile(option: string, path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, not a file"
          : code === "EACCES"
            ? "permission denied"
            : (e as Error).message;
    throw new FileArgumentError(`${option} ${path}: ${why}`);
  }
}
