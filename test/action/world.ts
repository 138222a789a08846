/**
 * One repository's world for the action's end-to-end tests: the fake GitHub API holding its pull
 * requests and people, a bare git remote where `GITHUB_SERVER_URL` says the repository lives, the
 * ledger's signing key, and a way to run the built action on an event and read the branch back.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeEach } from "vitest";
import { type ActionRun, runAction } from "../helpers/action-runner.ts";
import { branchLog, createBareRemote, gitSync, readBranch, remoteSnapshot } from "../helpers/git-remote.ts";
import {
  addCollaborator,
  addPull,
  addUser,
  type CommitState,
  type FakeGitHub,
  type FileState,
  prFile,
  type RepoState,
  repoState,
  startGitHubApi,
} from "../helpers/github-api.ts";
import { removeTempDirs, tempDir, testSigner } from "../helpers/ledger.ts";
import { derivedPullRequestMerged, retarget, setAuthor, setNumber, setSender, useApiUrl } from "../helpers/webhooks.ts";

export const OWNER = { login: "octo-org", id: 9000 };
export const MAINTAINER = { login: "maya", id: 201, type: "User" as const };
export const ALICE = { login: "alice", id: 101, type: "User" as const };
export const BOB = { login: "bob", id: 102, type: "User" as const };
export const READER = { login: "rita", id: 103, type: "User" as const };
export const ORIGIN = "github.com/octo-org/widgets/meritlog";

export interface LedgerLine {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly actor: { id: number; login: string };
  readonly points: number;
  readonly subject: { type: string; number?: number };
  readonly inputs?: Record<string, unknown>;
  readonly breakdown: { rule: string; points: number; note?: string }[];
  readonly reason?: string;
  readonly by?: { id: number; login: string };
  readonly ref?: string;
}

export class World {
  readonly signer = testSigner("action", ORIGIN);
  readonly state: RepoState;
  readonly api: FakeGitHub;
  /** Where repositories are served from: `<root>/<owner>/<name>.git`. */
  readonly root: string;
  serverUrl: string;
  readonly remote: string;
  config: string | undefined;

  private constructor(state: RepoState, api: FakeGitHub, root: string) {
    this.state = state;
    this.api = api;
    this.root = root;
    this.serverUrl = pathToFileURL(root).href;
    this.remote = createBareRemote(join(root, OWNER.login), "widgets.git");
  }

  static async create(): Promise<World> {
    const state = repoState({ owner: OWNER.login, name: "widgets", id: 4242, ownerId: OWNER.id, ownerType: "Organization" });
    for (const p of [MAINTAINER, ALICE, BOB, READER]) addUser(state, p.login, { id: p.id, type: p.type });
    addCollaborator(state, MAINTAINER.login, "maintain");
    addCollaborator(state, BOB.login, "write");
    const api = await startGitHubApi(state);
    const root = tempDir("meritlog-server-");
    mkdirSync(join(root, OWNER.login));
    return new World(state, api, root);
  }

  /**
   * Pull request `number` by alice, merged by the maintainer, in the fake API; returns the
   * `pull_request` closed event that reports the merge.
   */
  mergedPullRequest(
    number = 7,
    files: FileState[] = [prFile({ filename: "src/app.ts", additions: 40, deletions: 2 })],
    commits: CommitState[] = [],
  ): object {
    addPull(this.state, {
      number,
      user: ALICE.login,
      state: "closed",
      merged: true,
      mergedAt: "2026-11-02T10:00:00Z",
      closedAt: "2026-11-02T10:00:00Z",
      mergedBy: MAINTAINER.login,
      files,
      commits,
    });
    return this.payload(setSender(setAuthor(setNumber(derivedPullRequestMerged(), number), ALICE), MAINTAINER));
  }

  /** A published (or derived) payload moved onto this world's repository. */
  payload<T extends object>(payload: T): T {
    return useApiUrl(retarget(payload as never, this.state.repo), this.api.url) as T;
  }

  run(
    event: string,
    payload: unknown,
    options: { inputs?: Record<string, string>; env?: Record<string, string | undefined> } = {},
  ): Promise<ActionRun> {
    return runAction({
      event,
      payload,
      apiUrl: this.api.url,
      serverUrl: this.serverUrl,
      repository: `${OWNER.login}/widgets`,
      inputs: { "signing-key": this.signer.skey, ...options.inputs },
      ...(this.config === undefined ? {} : { workspaceFiles: { ".github/meritlog.yml": this.config } }),
      ...(options.env ? { env: options.env } : {}),
    });
  }

  /** The ledger's entries, after checking that the branch verifies. */
  async entries(): Promise<LedgerLine[]> {
    const branch = await readBranch(this.remote);
    if (!branch) return [];
    const files = gitSync(this.remote, ["ls-tree", "-r", "--name-only", "meritlog", "entries/"]).trim().split("\n").filter(Boolean).sort();
    return files.flatMap((f) =>
      gitSync(this.remote, ["show", `meritlog:${f}`])
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LedgerLine),
    );
  }

  snapshot() {
    return remoteSnapshot(this.remote);
  }

  commits() {
    return branchLog(this.remote);
  }

  /** API requests since `from`, as `METHOD path` without the query. */
  requestsSince(from: number): string[] {
    return this.api.requests.slice(from).map((r) => `${r.method} ${r.path.split("?")[0]}`);
  }

  close(): Promise<void> {
    return this.api.close();
  }
}

/** A fresh world for each test of the file that calls this, closed after it. */
export function eachTestInANewWorld(): () => World {
  let world: World | undefined;
  beforeEach(async () => {
    world = await World.create();
    return () => world?.close();
  });
  afterAll(removeTempDirs);
  return () => world as World;
}
