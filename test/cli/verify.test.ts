import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  body,
  expectExit,
  jsonl,
  type Key,
  keygen,
  keyRef,
  leafHash,
  merkleRoot,
  ORIGIN,
  runCli,
  shardLines,
  sharedTempDir,
  snapshot,
  tempDir,
} from "./run-cli.ts";

let keys: string;
let key: Key;
let otherKey: Key;
let sameOriginKey: Key;

beforeAll(async () => {
  keys = sharedTempDir();
  key = await keygen(keys);
  otherKey = await keygen(keys, "example.org/elsewhere");
  sameOriginKey = await keygen(keys);
});
afterAll(() => rmSync(keys, { recursive: true, force: true }));

async function append(ledger: string, facts: readonly string[], k: Key = key): Promise<void> {
  expectExit(await runCli(["append", ledger, "--key", k.file], { stdin: jsonl(facts.map((f) => body(f))) }), 0);
}

/** A temp folder holding `ledger/` with the bodies for `facts`; commands run with it as cwd. */
async function folderWith(facts: readonly string[]): Promise<string> {
  const dir = tempDir();
  await append(join(dir, "ledger"), facts);
  return dir;
}

function rootOf(ledger: string): string {
  return merkleRoot(shardLines(ledger).map((l) => leafHash(l))).toString("base64");
}

function rewriteLines(ledger: string, edit: (lines: string[]) => string[]): void {
  writeFileSync(join(ledger, "entries/000/000.jsonl"), `${edit(shardLines(ledger)).join("\n")}\n`);
}

const FULL = "every entry, signature, the chain, Merkle root and checkpoint";
const FAST = "seq, chain, Merkle root and checkpoint";

describe("meritlog verify on a sound ledger", () => {
  test("prints 'ok: N entries' with the origin and the Merkle root, and exits 0", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 0);
    const root = rootOf(join(dir, "ledger"));
    expect(r.stdout).toMatch(
      new RegExp(`^ok: 3 entries of ${ORIGIN}, root ${root.replace(/[+/]/g, "\\$&")}; ${FULL} verified in \\d+\\.\\d\\ds\\n$`),
    );
    expect(r.stderr).toBe("");
  });

  test("--json prints one object: ok, level, origin, size, root, witnesses, seconds", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    const r = await runCli(["verify", "ledger", "--json"], { cwd: dir });
    expectExit(r, 0);
    expect(r.stdout.endsWith("}\n")).toBe(true);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(["level", "ok", "origin", "root", "seconds", "size", "witnesses"]);
    expect(out).toMatchObject({ ok: true, level: "full", origin: ORIGIN, size: 3, root: rootOf(join(dir, "ledger")), witnesses: [] });
    expect(out.seconds).toBeTypeOf("number");
    expect(out.seconds as number).toBeGreaterThanOrEqual(0);
    expect(r.stderr).toBe("");
  });

  test("--fast checks the chain, root and checkpoint and says so", async () => {
    const dir = await folderWith(["a", "b"]);
    const text = await runCli(["verify", "ledger", "--fast"], { cwd: dir });
    expectExit(text, 0);
    expect(text.stdout).toMatch(new RegExp(`^ok: 2 entries of ${ORIGIN}, root \\S+; ${FAST} verified in \\d+\\.\\d\\ds\\n$`));
    const json = await runCli(["verify", "ledger", "--fast", "--json"], { cwd: dir });
    expectExit(json, 0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, level: "fast", size: 2 });
  });

  test("verifying changes nothing in the folder", async () => {
    const dir = await folderWith(["a", "b"]);
    const before = snapshot(dir);
    expectExit(await runCli(["verify", "ledger"], { cwd: dir }), 0);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("meritlog verify on a tampered ledger exits 1 and names the file and line", () => {
  test("an edited entry: its signature no longer verifies", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    const ledger = join(dir, "ledger");
    rewriteLines(ledger, (lines) => lines.map((l, i) => (i === 1 ? l.replace('"login":"alice"', '"login":"mallory"') : l)));
    const reason = `sig: signature by ${keyRef(key.vkey)} does not verify`;

    const text = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(text, 1);
    expect(text.stdout).toBe("");
    expect(text.stderr).toBe(`meritlog verify: entries/000/000.jsonl:2: ${reason}\n`);

    const json = await runCli(["verify", "ledger", "--json"], { cwd: dir });
    expectExit(json, 1);
    expect(json.stderr).toBe("");
    expect(JSON.parse(json.stdout)).toEqual({ ok: false, level: "full", where: "entries/000/000.jsonl:2", seq: 1, reason });
  });

  test("--fast trusts an entry's own bytes but still catches the broken chain after it", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    const ledger = join(dir, "ledger");
    const original = leafHash(shardLines(ledger)[1] as string).toString("hex");
    rewriteLines(ledger, (lines) => lines.map((l, i) => (i === 1 ? l.replace('"login":"alice"', '"login":"mallory"') : l)));
    const edited = leafHash(shardLines(ledger)[1] as string).toString("hex");
    const r = await runCli(["verify", "ledger", "--fast"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog verify: entries/000/000.jsonl:3: prev is ${original}, but the leaf hash of seq 1 is ${edited}\n`);
  });

  test("a dropped entry", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    rewriteLines(join(dir, "ledger"), (lines) => [lines[0] as string, lines[2] as string]);
    const r = await runCli(["verify", "ledger", "--json"], { cwd: dir });
    expectExit(r, 1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      level: "full",
      where: "entries/000/000.jsonl:2",
      seq: 1,
      reason: "seq is 2, expected 1: an entry is missing, repeated or out of order here",
    });
  });

  test("a truncated last line", async () => {
    const dir = await folderWith(["a", "b"]);
    const shard = join(dir, "ledger/entries/000/000.jsonl");
    const bytes = readFileSync(shard);
    writeFileSync(shard, bytes.subarray(0, bytes.length - 10));
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog verify: entries/000/000.jsonl:2: last line has no newline (truncated?)\n");
  });

  test("an entry the checkpoint does not cover", async () => {
    const dir = await folderWith(["a", "b"]);
    const ledger = join(dir, "ledger");
    const checkpoint = readFileSync(join(ledger, "checkpoint"));
    const head = readFileSync(join(ledger, "head.json"));
    await append(ledger, ["c"]);
    writeFileSync(join(ledger, "checkpoint"), checkpoint);
    writeFileSync(join(ledger, "head.json"), head);
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe(
      "meritlog verify: entries/000/000.jsonl:3: 3 entries are present but the checkpoint covers only 2: seq 2 onward is not checkpointed\n",
    );
  });

  test("a checkpoint whose signature does not verify", async () => {
    const dir = await folderWith(["a", "b"]);
    const path = join(dir, "ledger/checkpoint");
    writeFileSync(path, readFileSync(path, "utf8").replace(/\n2\n/, "\n3\n"));
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog verify: checkpoint: signature by ${ORIGIN} does not verify\n`);
  });

  test("a head.json that does not match the entries", async () => {
    const dir = await folderWith(["a", "b"]);
    const path = join(dir, "ledger/head.json");
    const head = JSON.parse(readFileSync(path, "utf8")) as { range: string[] };
    head.range[0] = Buffer.alloc(32).toString("base64");
    writeFileSync(path, `${JSON.stringify(head, null, 1)}\n`);
    const r = await runCli(["verify", "ledger", "--json"], { cwd: dir });
    expectExit(r, 1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, where: "head.json" });
  });

  test.each(["null", "[]", "7"])("a head.json holding %s", async (json) => {
    const dir = await folderWith(["a", "b"]);
    writeFileSync(join(dir, "ledger/head.json"), `${json}\n`);
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/^meritlog verify: head\.json: expected \{v: 1, size, range.*\}\n$/);
  });

  test("a keys.json that is not JSON", async () => {
    const dir = await folderWith(["a"]);
    writeFileSync(join(dir, "ledger/keys.json"), "{\n  oops\n}\n");
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog verify: keys.json:2:3: expected a member name in double quotes\n");
  });

  test("a stray file among the shards", async () => {
    const dir = await folderWith(["a"]);
    writeFileSync(join(dir, "ledger/entries/notes.txt"), "hi\n");
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog verify: entries/notes.txt: unexpected file\n");
  });
});

describe("meritlog verify --vkey", () => {
  test("passes when the ledger's current key is one of the keys given", async () => {
    const dir = await folderWith(["a"]);
    const r = await runCli(["verify", "ledger", "--vkey", otherKey.vkey, "--vkey", key.vkey], { cwd: dir });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^ok: 1 entries /);
  });

  // keys.json sits beside the entries it vouches for: whoever rewrites one can rewrite the other.
  test("fails (exit 1) when the ledger is signed by a key that was not given", async () => {
    const dir = await folderWith(["a"]);
    const r = await runCli(["verify", "ledger", "--vkey", sameOriginKey.vkey], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog verify: keys.json: the ledger's current key ${key.vkey} is not one of the trusted keys given\n`);
  });

  test("a --vkey that is not a verifier key is a usage error (exit 2)", async () => {
    const dir = await folderWith(["a"]);
    const r = await runCli(["verify", "ledger", "--vkey", "not-a-key"], { cwd: dir });
    expectExit(r, 2);
    expect(r.stderr).toBe("meritlog verify: verifier key must look like <name>+<key id>+<base64 key>\n");
  });
});

describe("meritlog verify --witness", () => {
  test("an older checkpoint the ledger extends passes, and is reported", async () => {
    const dir = await folderWith(["a", "b"]);
    copyFileSync(join(dir, "ledger/checkpoint"), join(dir, "old.checkpoint"));
    await append(join(dir, "ledger"), ["c", "d", "e"]);

    const text = await runCli(["verify", "ledger", "--witness", "old.checkpoint"], { cwd: dir });
    expectExit(text, 0);
    const lines = text.stdout.split("\n");
    expect(lines[0]).toMatch(/^ok: 5 entries /);
    expect(lines.slice(1)).toEqual(["ok: extends the witness checkpoint old.checkpoint (size 2)", ""]);

    const json = await runCli(["verify", "ledger", "--witness", "old.checkpoint", "--json"], { cwd: dir });
    expectExit(json, 0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, size: 5, witnesses: [{ path: "old.checkpoint", size: 2 }] });
  });

  test("several witnesses, including the current checkpoint itself", async () => {
    const dir = await folderWith(["a"]);
    copyFileSync(join(dir, "ledger/checkpoint"), join(dir, "w1"));
    await append(join(dir, "ledger"), ["b", "c"]);
    copyFileSync(join(dir, "ledger/checkpoint"), join(dir, "w3"));
    const r = await runCli(["verify", "ledger", "--witness", "w1", "--witness", "w3", "--json"], { cwd: dir });
    expectExit(r, 0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      witnesses: [
        { path: "w1", size: 1 },
        { path: "w3", size: 3 },
      ],
    });
  });

  test("a rewritten history fails (exit 1) even though the new ledger is sound on its own", async () => {
    const dir = await folderWith(["a", "b"]);
    copyFileSync(join(dir, "ledger/checkpoint"), join(dir, "old.checkpoint"));
    rmSync(join(dir, "ledger"), { recursive: true });
    await append(join(dir, "ledger"), ["x", "b", "c"]);
    expectExit(await runCli(["verify", "ledger"], { cwd: dir }), 0);

    const r = await runCli(["verify", "ledger", "--witness", "old.checkpoint"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toMatch(
      /^meritlog verify: old\.checkpoint: the ledger does not extend this checkpoint of size 2: history was rewritten \(.+\)\n$/,
    );
    const json = await runCli(["verify", "ledger", "--witness", "old.checkpoint", "--json"], { cwd: dir });
    expectExit(json, 1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, where: "old.checkpoint" });
  });

  test("a truncated history fails (exit 1)", async () => {
    const dir = await folderWith(["a", "b", "c"]);
    copyFileSync(join(dir, "ledger/checkpoint"), join(dir, "old.checkpoint"));
    rmSync(join(dir, "ledger"), { recursive: true });
    await append(join(dir, "ledger"), ["a", "b"]);
    const r = await runCli(["verify", "ledger", "--witness", "old.checkpoint"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog verify: old.checkpoint: witness covers 3 entries but the ledger has only 2: history was truncated\n");
  });

  test("a checkpoint of another ledger is not a witness of this one (exit 1)", async () => {
    const dir = await folderWith(["a"]);
    await append(join(dir, "other"), ["a"], otherKey);
    const r = await runCli(["verify", "ledger", "--witness", "other/checkpoint"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toBe("meritlog verify: other/checkpoint: note is not signed by any known key\n");
  });

  test("a witness file that does not exist is an I/O error (exit 2) naming it", async () => {
    const dir = await folderWith(["a"]);
    const r = await runCli(["verify", "ledger", "--witness", "nowhere.checkpoint"], { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^meritlog verify: --witness .*: no such file\n$/);
    expect(r.stderr).toContain(join(dir, "nowhere.checkpoint"));
  });
});

describe("meritlog verify on something that is not a ledger", () => {
  test("an empty folder is an invalid ledger (exit 1): keys.json is missing", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "ledger"));
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 1);
    expect(r.stderr).toMatch(/^meritlog verify: keys\.json: missing\b.*\n$/);
    const json = await runCli(["verify", "ledger", "--json"], { cwd: dir });
    expectExit(json, 1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      level: "full",
      where: "keys.json",
      reason: expect.stringMatching(/^missing/),
    });
  });

  // A path that names nothing is a mistyped argument, not a ledger with a fault: exit 2 (usage or
  // I/O), as LedgerIoError's own documentation ("missing folder") says.
  test("a folder that does not exist is an I/O error (exit 2) naming it", async () => {
    const dir = tempDir();
    const r = await runCli(["verify", "no-such-ledger"], { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^meritlog verify: /);
    expect(r.stderr).toContain(join(dir, "no-such-ledger"));
  });

  test("a regular file instead of a folder is an I/O error (exit 2)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "ledger"), "not a folder\n");
    const r = await runCli(["verify", "ledger"], { cwd: dir });
    expectExit(r, 2);
    expect(r.stderr).toMatch(/^meritlog verify: .*\n$/);
    expect(r.stderr).toContain(`${dir}/ledger`);
  });
});

// Enough entries for several shard files and for verification to spread over worker processes, which
// in the bundle load dist/verify-worker.js.
test("a ledger of 9300 entries spans several shards, verifies on worker processes, and locates a fault in a later shard", async () => {
  const dir = tempDir();
  const ledger = join(dir, "ledger");
  await append(
    ledger,
    Array.from({ length: 9300 }, (_, i) => `big:${i}`),
  );
  const shards = [...snapshot(ledger).keys()].filter((p) => p.startsWith("entries/")).sort();
  expect(shards.length).toBeGreaterThan(2);
  const sizes = shards.map((p) => shardLines(ledger, p).length);
  const full = sizes[0] as number;
  // Shards line up with Merkle subtrees, so every full one holds the same power of two.
  expect(Math.log2(full) % 1).toBe(0);
  expect(sizes.slice(0, -1).every((n) => n === full)).toBe(true);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(9300);
  const seqs = shards.flatMap((p) => shardLines(ledger, p).map((l) => (JSON.parse(l) as { seq: number }).seq));
  expect(seqs).toEqual(Array.from({ length: 9300 }, (_, i) => i));

  const ok = await runCli(["verify", "ledger", "--json"], { cwd: dir });
  expectExit(ok, 0);
  expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, size: 9300 });

  const seq = 8200;
  const shard = shards[Math.floor(seq / full)] as string;
  const lines = shardLines(ledger, shard);
  const at = seq % full;
  lines[at] = (lines[at] as string).replace('"login":"alice"', '"login":"mallory"');
  writeFileSync(join(ledger, shard), `${lines.join("\n")}\n`);
  const bad = await runCli(["verify", "ledger", "--json"], { cwd: dir });
  expectExit(bad, 1);
  expect(JSON.parse(bad.stdout)).toEqual({
    ok: false,
    level: "full",
    where: `${shard}:${at + 1}`,
    seq,
    reason: `sig: signature by ${keyRef(key.vkey)} does not verify`,
  });
}, 120_000);
