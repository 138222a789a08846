import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  body,
  expectExit,
  factId,
  jsonl,
  type Key,
  keygen,
  keyRef,
  leafHash,
  merkleRoot,
  ORIGIN,
  openNote,
  runCli,
  shardLines,
  sharedTempDir,
  snapshot,
  tempDir,
  usageOf,
} from "./run-cli.ts";

let keys: string;
let key: Key;
let sameOriginKey: Key;
let otherOriginKey: Key;

beforeAll(async () => {
  keys = sharedTempDir();
  key = await keygen(keys);
  sameOriginKey = await keygen(keys);
  otherOriginKey = await keygen(keys, "example.org/elsewhere");
});
afterAll(() => rmSync(keys, { recursive: true, force: true }));

/** A ledger in a new temp folder holding the bodies for `facts`. */
async function ledgerWith(facts: readonly string[]): Promise<string> {
  const ledger = join(tempDir(), "ledger");
  expectExit(await runCli(["append", ledger, "--key", key.file], { stdin: jsonl(facts.map((f) => body(f))) }), 0);
  return ledger;
}

/** Rewrites line `index` (0-based) of the first shard, as a tamperer would. */
function rewriteLine(ledger: string, index: number, edit: (line: string) => string): void {
  const lines = shardLines(ledger);
  lines[index] = edit(lines[index] as string);
  writeFileSync(join(ledger, "entries/000/000.jsonl"), `${lines.join("\n")}\n`);
}

function checkpointOf(ledger: string, vkey = key.vkey): { origin: string; size: number; root: string } {
  const [origin, size, root, ...rest] = openNote(readFileSync(join(ledger, "checkpoint"), "utf8"), vkey).split("\n");
  expect(rest).toEqual([""]);
  return { origin: origin as string, size: Number(size), root: root as string };
}

describe("meritlog append", () => {
  test("creates the ledger on first use: keys.json, head.json, a signed checkpoint and the first shard", async () => {
    const dir = tempDir();
    const r = await runCli(["append", "ledger", "--key", key.file], { cwd: dir, stdin: jsonl([body("pr:1"), body("pr:2")]) });
    expectExit(r, 0);
    const ledger = join(dir, "ledger");
    const files = [...snapshot(ledger).keys()];
    expect(files).toEqual(expect.arrayContaining(["checkpoint", "head.json", "keys.json"]));
    expect(files.filter((f) => f.startsWith("entries/"))).toEqual(["entries/000/000.jsonl"]);

    const lines = shardLines(ledger);
    const leaves = lines.map((l) => leafHash(l));
    const root = merkleRoot(leaves).toString("base64");
    expect(r.stdout).toBe(`appended 2 entries (seq 0–1); 0 already recorded; checkpoint 2 ${root}\n`);
    expect(r.stderr).toBe("");
    expect(JSON.parse(readFileSync(join(ledger, "keys.json"), "utf8"))).toEqual({
      v: 1,
      origin: ORIGIN,
      keys: [{ vkey: key.vkey, from: 0 }],
    });
    expect(checkpointOf(ledger)).toEqual({ origin: ORIGIN, size: 2, root });

    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => [e.v, e.seq, e.id])).toEqual([
      [1, 0, factId("pr:1")],
      [1, 1, factId("pr:2")],
    ]);
    expect(entries[0]).not.toHaveProperty("prev");
    expect(entries[1]?.prev).toBe(leaves[0]?.toString("hex"));
    for (const e of entries) expect((e.sig as { keyid: string }).keyid).toBe(keyRef(key.vkey));

    const verified = await runCli(["verify", ledger]);
    expectExit(verified, 0);
    expect(verified.stdout).toMatch(new RegExp(`^ok: 2 entries of ${ORIGIN}, root `));
  });

  test("appends with contiguous seq, chaining each entry to the one before", async () => {
    const ledger = await ledgerWith(["a", "b"]);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("c"), body("d"), body("e")]) });
    expectExit(r, 0);
    const lines = shardLines(ledger);
    const leaves = lines.map((l) => leafHash(l));
    expect(r.stdout).toBe(`appended 3 entries (seq 2–4); 0 already recorded; checkpoint 5 ${merkleRoot(leaves).toString("base64")}\n`);
    const entries = lines.map((l) => JSON.parse(l) as { seq: number; prev?: string; id: string });
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(entries.map((e) => e.id)).toEqual(["a", "b", "c", "d", "e"].map(factId));
    for (let i = 1; i < entries.length; i++) expect(entries[i]?.prev).toBe(leaves[i - 1]?.toString("hex"));
    expect(checkpointOf(ledger).size).toBe(5);
    expectExit(await runCli(["verify", ledger]), 0);
  });

  test("a replay of recorded bodies appends nothing and leaves every file byte-identical", async () => {
    const ledger = await ledgerWith(["a", "b", "c"]);
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("a"), body("b"), body("c")]) });
    expectExit(r, 0);
    expect(r.stdout).toBe("appended 0 entries; 3 already recorded; ledger unchanged at 3 entries\n");
    expect(snapshot(ledger)).toEqual(before);
  });

  test("a batch mixing recorded and new bodies, and repeating itself, appends each new fact once", async () => {
    const ledger = await ledgerWith(["a"]);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("a"), body("x"), body("x"), body("y")]) });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^appended 2 entries \(seq 1–2\); 2 already recorded; checkpoint 3 /);
    expect(shardLines(ledger).map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["a", "x", "y"].map(factId));
  });

  test("blank lines between bodies are skipped", async () => {
    const ledger = join(tempDir(), "ledger");
    const r = await runCli(["append", ledger, "--key", key.file], {
      stdin: `\n${JSON.stringify(body("a"))}\n\n${JSON.stringify(body("b"))}`,
    });
    expectExit(r, 0);
    expect(shardLines(ledger)).toHaveLength(2);
  });
});

describe("meritlog append refuses bad input (exit 1) and leaves the ledger byte-identical", () => {
  const good = JSON.stringify(body("good"));
  const withField = (extra: Record<string, unknown>) => JSON.stringify({ ...extra, ...body("bad") });
  const big = JSON.stringify(body("n")).replace('"points":1500', '"points":9007199254740993');
  const cases: [string, string, string][] = [
    ["invalid JSON", `${good}\n{"id": 1,\n`, "stdin:2:10: expected a member name in double quotes"],
    ["a truncated line", `${good.slice(0, 40)}\n`, "stdin:1:7: unterminated string"],
    ["a duplicate member name", `${good}\n${good}\n{"id":"x","id":"y"}\n`, 'stdin:3:11: duplicate member name "id"'],
    [
      "an integer past 2^53",
      big,
      `stdin:1:${big.indexOf("9007199254740993") + 1}: integer 9007199254740993 is outside the I-JSON safe range ±(2^53−1)`,
    ],
    ["an unknown field", JSON.stringify(body("u", { colour: "red" })), "stdin:1: entry: unknown field 'colour'"],
    [
      "a nested unknown field",
      JSON.stringify(body("u", { actor: { id: 1, login: "a", name: "A" } })),
      "stdin:1: actor: unknown field 'name'",
    ],
    ["a missing field", JSON.stringify({ ...body("m"), kind: undefined }), "stdin:1: entry: missing field 'kind'"],
    ["an id that is not 64 hex digits", JSON.stringify(body("i", { id: "ABC" })), 'stdin:1: id: must match pattern "^[0-9a-f]{64}$"'],
    [
      "points that are not integers",
      JSON.stringify(
        body("f", {
          breakdown: [
            { rule: "a", points: 1000.5 },
            { rule: "b", points: 499.5 },
          ],
        }),
      ),
      "stdin:1: breakdown.0.points: must be integer",
    ],
    [
      "points that are not the sum of the breakdown",
      JSON.stringify(body("s", { points: 1501 })),
      "stdin:1: points: 1501 is not the sum of the breakdown (1500)",
    ],
    ["a body carrying seq", withField({ seq: 0 }), "stdin:1: seq: must be absent: the ledger sets it when it appends the entry"],
    [
      "a body carrying sig",
      withField({ sig: { keyid: "a+00000000", sig: "x" } }),
      "stdin:1: sig: must be absent: the ledger sets it when it appends the entry",
    ],
    // A body never carries prev, at any seq: the ledger sets it.
    [
      "a body carrying prev",
      withField({ prev: "0".repeat(64) }),
      "stdin:1: prev: must be absent: the ledger sets it when it appends the entry",
    ],
    ["a JSON value that is not an object", `${good}\n[1, 2]\n`, "stdin:2: entry: must be object"],
  ];

  test.each(cases)("%s, on an existing ledger", async (_, stdin, message) => {
    const ledger = await ledgerWith(["a", "b"]);
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin });
    expectExit(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`meritlog append: ${message}\n`);
    expect(snapshot(ledger)).toEqual(before);
  });

  test("a bad line on first use creates no ledger at all", async () => {
    const ledger = join(tempDir(), "ledger");
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: `${good}\n{"id": 1,\n` });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog append: stdin:2:10: expected a member name in double quotes\n");
    expect(existsSync(ledger)).toBe(false);
  });
});

describe("meritlog append and keys", () => {
  test("a key of another origin is a usage error (exit 2); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a"]);
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", otherOriginKey.file], { stdin: jsonl([body("b")]) });
    expectExit(r, 2);
    // --rotate cannot make another origin's key sign this ledger, so the message must not suggest it.
    expect(r.stderr).toBe(
      `meritlog append: --key: the signing key is named 'example.org/elsewhere', but this ledger's origin is '${ORIGIN}'\n${await usageOf("append")}`,
    );
    expect(snapshot(ledger)).toEqual(before);
  });

  test("another key of the same origin is refused without --rotate (exit 2); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a"]);
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", sameOriginKey.file], { stdin: jsonl([body("b")]) });
    expectExit(r, 2);
    expect(r.stderr).toBe(
      `meritlog append: --key: the signing key is not the ledger's current key ${key.vkey}; rotate to make it the current key from the next entry (--rotate)\n${await usageOf("append")}`,
    );
    expect(snapshot(ledger)).toEqual(before);
  });

  test("--rotate makes the new key current from the next seq; the old key is then refused", async () => {
    const ledger = await ledgerWith(["a", "b"]);
    const r = await runCli(["append", ledger, "--key", sameOriginKey.file, "--rotate"], { stdin: jsonl([body("c")]) });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^appended 1 entries \(seq 2–2\); 0 already recorded; checkpoint 3 /);
    expect(JSON.parse(readFileSync(join(ledger, "keys.json"), "utf8"))).toEqual({
      v: 1,
      origin: ORIGIN,
      keys: [
        { vkey: key.vkey, from: 0, until: 1 },
        { vkey: sameOriginKey.vkey, from: 2 },
      ],
    });
    expect(checkpointOf(ledger, sameOriginKey.vkey).size).toBe(3);
    const keyids = shardLines(ledger).map((l) => (JSON.parse(l) as { sig: { keyid: string } }).sig.keyid);
    expect(keyids).toEqual([keyRef(key.vkey), keyRef(key.vkey), keyRef(sameOriginKey.vkey)]);

    const verified = await runCli(["verify", ledger]);
    expectExit(verified, 0);
    expect(verified.stdout).toMatch(/^ok: 3 entries /);

    const before = snapshot(ledger);
    const old = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("d")]) });
    expectExit(old, 2);
    expect(old.stderr).toContain(`the signing key is not the ledger's current key ${sameOriginKey.vkey}`);
    expect(snapshot(ledger)).toEqual(before);

    expectExit(await runCli(["append", ledger, "--key", sameOriginKey.file], { stdin: jsonl([body("d")]) }), 0);
    expectExit(await runCli(["verify", ledger]), 0);
  });

  test("a missing key file is an I/O error (exit 2) naming it; no ledger is created", async () => {
    const dir = tempDir();
    const r = await runCli(["append", "ledger", "--key", "nokey"], { cwd: dir, stdin: jsonl([body("a")]) });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^meritlog append: --key .*: no such file\n$/);
    expect(r.stderr).toContain(join(dir, "nokey"));
    expect(existsSync(join(dir, "ledger"))).toBe(false);
  });

  test("a key file that is not a key is refused (exit 2)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.key"), `${key.vkey}\n`);
    const r = await runCli(["append", "ledger", "--key", "bad.key"], { cwd: dir, stdin: jsonl([body("a")]) });
    expectExit(r, 2);
    expect(r.stderr).toBe("meritlog append: private key must start with PRIVATE+KEY+\n");
    expect(existsSync(join(dir, "ledger"))).toBe(false);
  });
});

describe("meritlog append on a ledger it cannot use", () => {
  // ledger/FORMAT.md §15: an append reads and checks keys.json, checkpoint, head.json and the newest
  // shard's last line, never the whole ledger, so these are the faults it must refuse.
  test("an edited last entry (head.json's last leaf no longer matches) is refused (exit 1); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a", "b", "c"]);
    rewriteLine(ledger, 2, (l) => l.replace('"login":"alice"', '"login":"mallory"'));
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("d")]) });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/^meritlog append: head\.json: .*entries\/000\/000\.jsonl:3.*\n$/);
    expect(snapshot(ledger)).toEqual(before);
  });

  test("a head.json that does not describe the checkpointed tree is refused (exit 1); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a", "b", "c"]);
    const path = join(ledger, "head.json");
    const head = JSON.parse(readFileSync(path, "utf8")) as { range: string[] };
    head.range[0] = Buffer.alloc(32).toString("base64");
    writeFileSync(path, `${JSON.stringify(head, null, 1)}\n`);
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("d")]) });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/^meritlog append: head\.json: \S.*\n$/);
    expect(snapshot(ledger)).toEqual(before);
  });

  test("a keys.json that breaks its schema is refused (exit 1); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a"]);
    writeFileSync(join(ledger, "keys.json"), '{"v":1}\n');
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("b")]) });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/^meritlog append: keys\.json: \S.*\n$/);
    expect(snapshot(ledger)).toEqual(before);
  });

  test("a checkpoint whose signature does not verify is refused (exit 1); the ledger is unchanged", async () => {
    const ledger = await ledgerWith(["a", "b"]);
    const path = join(ledger, "checkpoint");
    writeFileSync(path, readFileSync(path, "utf8").replace(/\n2\n/, "\n3\n"));
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("c")]) });
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog append: checkpoint: signature by ${ORIGIN} does not verify\n`);
    expect(snapshot(ledger)).toEqual(before);
  });

  // The append does not read old entries (FORMAT.md §15), so it cannot refuse an edit deep in the
  // ledger; what must hold is that it does not hide one: the new checkpoint still covers the original
  // bytes, and verify still names the edited line.
  test("an edit deep in the ledger survives an append and is still reported by verify", async () => {
    const ledger = await ledgerWith(["a", "b", "c"]);
    rewriteLine(ledger, 0, (l) => l.replace('"login":"alice"', '"login":"mallory"'));
    await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("d")]) });
    const r = await runCli(["verify", ledger]);
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog verify: entries/000/000.jsonl:1: sig: signature by ${keyRef(key.vkey)} does not verify\n`);
  });

  // Folders write entries, then the checkpoint, then head.json: a crash between the last two leaves
  // head.json one append behind, which the next append rolls forward.
  test("a head.json one append behind the checkpoint is rolled forward", async () => {
    const ledger = await ledgerWith(["a"]);
    const behind = readFileSync(join(ledger, "head.json"));
    expectExit(await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("b")]) }), 0);
    writeFileSync(join(ledger, "head.json"), behind);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("c")]) });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^appended 1 entries \(seq 2–2\); /);
    expect(shardLines(ledger).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([0, 1, 2]);
    expectExit(await runCli(["verify", ledger]), 0);
  });

  test("a ledger folder with keys.json but no checkpoint is refused (exit 1)", async () => {
    const ledger = await ledgerWith(["a"]);
    rmSync(join(ledger, "checkpoint"));
    const before = snapshot(ledger);
    const r = await runCli(["append", ledger, "--key", key.file], { stdin: jsonl([body("b")]) });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog append: checkpoint: missing\n");
    expect(snapshot(ledger)).toEqual(before);
  });

  // Tests run as root, where permission bits do not stop writes; a path through a regular file does.
  test("a ledger folder that cannot be created is an I/O error (exit 2) with the path and the cause", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "file"), "not a folder\n");
    const r = await runCli(["append", "file/ledger", "--key", key.file], { cwd: dir, stdin: jsonl([body("a")]) });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^meritlog append: .*${dir}/file/ledger.*\n$`));
    expect(readFileSync(join(dir, "file"), "utf8")).toBe("not a folder\n");
  });
});
