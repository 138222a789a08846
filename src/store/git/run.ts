/**
 * Runs git as a child process. Plumbing commands need standard input (mktree, hash-object --stdin)
 * and per-call environment (credentials, author), so this is a small spawn wrapper rather than a
 * porcelain library. Every message it produces has credentials removed.
 */
import { spawn } from "node:child_process";

export class GitError extends Error {
  override name = "GitError";
  readonly args: readonly string[];
  readonly code: number | null;
  readonly stderr: string;
  constructor(message: string, args: readonly string[], code: number | null, stderr: string) {
    super(message);
    this.args = args;
    this.code = code;
    this.stderr = stderr;
  }
}

export interface GitOptions {
  readonly cwd: string;
  /** Extra environment, e.g. the credentials header; never echoed in errors. */
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string | Buffer;
  /** Secrets to cut out of any message, beyond the credentials in URLs that are always cut. */
  readonly secrets?: readonly string[];
}

/** Removes `user:password@` from URLs and every listed secret from `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, "$1***@");
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join("***");
  return out;
}

/** Runs `git <args>` and resolves with its standard output; rejects with a GitError on a non-zero exit. */
export function git(args: readonly string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: {
        ...process.env,
        // Never prompt for credentials or host keys: a CI job would hang instead of failing.
        GIT_TERMINAL_PROMPT: "0",
        GIT_ASKPASS: "",
        SSH_ASKPASS: "",
        LC_ALL: "C",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    child.on("error", (e) => reject(new GitError(`cannot run git: ${e.message}`, args, null, "")));
    child.on("close", (code, signal) => {
      if (code === 0) {
        resolve(Buffer.concat(out));
        return;
      }
      const stderr = redact(Buffer.concat(err).toString("utf8").trim(), options.secrets);
      const shown = redact(args.join(" "), options.secrets);
      // A signal (a file size limit, the OOM killer) says more than an empty standard error.
      const how = signal
        ? `was killed by ${signal}${signal === "SIGXFSZ" ? " (a file size limit: the disk or quota is full)" : ""}`
        : `failed (exit ${code})`;
      reject(new GitError(`git ${shown} ${how}${stderr ? `: ${stderr}` : ""}`, args, code, stderr || how));
    });
    child.stdin.on("error", () => {
      // git may exit before reading its input; the exit code tells what happened.
    });
    child.stdin.end(options.input ?? "");
  });
}
