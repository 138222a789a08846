import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  body,
  expectExit,
  factId,
  inclusionPath,
  jsonl,
  type Key,
  keygen,
  keyRef,
  leafHash,
  ORIGIN,
  runCli,
  shardLines,
  sharedTempDir,
  tempDir,
  usageOf,
} from "./run-cli.ts";

let shared: string;
let key: Key;
let otherKey: Key;
/** A ledger of five entries, only read by the tests. */
let ledger: string;

beforeAll(async () => {
  shared = sharedTempDir();
  key = await keygen(shared);
  otherKey = await keygen(shared, "example.org/elsewhere");
  ledger = join(shared, "ledger");
  const bodies = ["a", "b", "c", "d", "e"].map((f) => body(f, { actor: { id: 100, login: `user-${f}` } }));
  expectExit(await runCli(["append", ledger, "--key", key.file], { stdin: jsonl(bodies) }), 0);
});
afterAll(() => rmSync(shared, { recursive: true, force: true }));

/** The tlog-proof of `seq` the specification prescribes for the ledger as it stands. */
function expectedProof(seq: number): string {
  const lines = shardLines(ledger);
  const path = inclusionPath(
    seq,
    lines.map((l) => leafHash(l)),
  );
  const checkpoint = readFileSync(join(ledger, "checkpoint"), "utf8");
  const extra = Buffer.from(lines[seq] as string, "utf8").toString("base64");
  return ["c2sp.org/tlog-proof@v1", `extra ${extra}`, `index ${seq}`, ...path.map((h) => h.toString("base64")), "", checkpoint].join("\n");
}

async function proofOf(seq: number): Promise<string> {
  const r = await runCli(["prove", ledger, String(seq)]);
  expectExit(r, 0);
  return r.stdout;
}

describe("meritlog prove", () => {
  test.each([0, 3, 4])("by seq %i prints the c2sp.org/tlog-proof@v1 proof of that entry", async (seq) => {
    const r = await runCli(["prove", ledger, String(seq)]);
    expectExit(r, 0);
    expect(r.stderr).toBe("");
    expect(r.stdout.startsWith("c2sp.org/tlog-proof@v1\n")).toBe(true);
    expect(r.stdout).toBe(expectedProof(seq));
  });

  test("by id prints the same proof as by its seq", async () => {
    const r = await runCli(["prove", ledger, factId("c")]);
    expectExit(r, 0);
    expect(r.stdout).toBe(expectedProof(2));
  });

  test("a seq past the end is not in the ledger (exit 1)", async () => {
    const r = await runCli(["prove", ledger, "5"]);
    expectExit(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("meritlog prove: no entry has seq 5; the ledger has 5\n");
  });

  test("an id not in the ledger (exit 1)", async () => {
    const id = factId("never recorded");
    const r = await runCli(["prove", ledger, id]);
    expectExit(r, 1);
    expect(r.stderr).toBe(`meritlog prove: no entry has id ${id}\n`);
  });

  test.each(["01", "1.5", "abc", "0x1", `${"A".repeat(64)}`, "f".repeat(63), "99999999999999999"])(
    "'%s' is neither a seq nor an id: a usage error (exit 2)",
    async (which) => {
      const r = await runCli(["prove", ledger, which]);
      expectExit(r, 2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`meritlog prove: '${which}' is neither a seq nor a 64-hex-digit entry id\n${await usageOf("prove")}`);
    },
  );

  test("a tampered ledger gives no proof (exit 1)", async () => {
    const dir = tempDir();
    const copy = join(dir, "ledger");
    expectExit(await runCli(["append", copy, "--key", key.file], { stdin: jsonl([body("a"), body("b")]) }), 0);
    const lines = shardLines(copy);
    writeFileSync(join(copy, "entries/000/000.jsonl"), `${lines[0]}\n${lines[0]}\n`);
    const r = await runCli(["prove", copy, "0"]);
    expectExit(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^meritlog prove: entries\/000\/000\.jsonl:2: /);
  });
});

describe("meritlog check-proof", () => {
  test("with the ledger's verifier key: exit 0, naming the entry and where it stands", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "entry.tlog-proof"), await proofOf(3));
    const r = await runCli(["check-proof", "entry.tlog-proof", "--vkey", key.vkey], { cwd: dir });
    expectExit(r, 0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`ok: entry ${factId("d")} (award, user-d, 1500 millipoints) is at seq 3 of ${ORIGIN}, checkpoint size 5\n`);
  });

  test("reads the proof from stdin with '-'", async () => {
    const r = await runCli(["check-proof", "-", "--vkey", key.vkey], { stdin: await proofOf(0) });
    expectExit(r, 0);
    expect(r.stdout).toBe(`ok: entry ${factId("a")} (award, user-a, 1500 millipoints) is at seq 0 of ${ORIGIN}, checkpoint size 5\n`);
  });

  test("one trusted key among several is enough", async () => {
    const r = await runCli(["check-proof", "-", "--vkey", otherKey.vkey, "--vkey", key.vkey], { stdin: await proofOf(4) });
    expectExit(r, 0);
    expect(r.stdout).toMatch(/^ok: entry [0-9a-f]{64} \(award, user-e, 1500 millipoints\) is at seq 4 /);
  });

  test("with another ledger's verifier key: exit 1", async () => {
    const r = await runCli(["check-proof", "-", "--vkey", otherKey.vkey], { stdin: await proofOf(1) });
    expectExit(r, 1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("meritlog check-proof: checkpoint: note is not signed by any known key\n");
  });

  test("after a key rotation, an older entry's own signature is checked only when its key is given too", async () => {
    const dir = tempDir();
    const rotated = join(dir, "ledger");
    const next = await keygen(dir);
    expectExit(await runCli(["append", rotated, "--key", key.file], { stdin: jsonl([body("a"), body("b")]) }), 0);
    expectExit(await runCli(["append", rotated, "--key", next.file, "--rotate"], { stdin: jsonl([body("c")]) }), 0);
    const proof = await runCli(["prove", rotated, "0"]);
    expectExit(proof, 0);
    const first = `ok: entry ${factId("a")} (award, alice, 1500 millipoints) is at seq 0 of ${ORIGIN}, checkpoint size 3\n`;

    const currentOnly = await runCli(["check-proof", "-", "--vkey", next.vkey], { stdin: proof.stdout });
    expectExit(currentOnly, 0);
    expect(currentOnly.stdout).toBe(
      `${first}note: the entry's own signature (by ${keyRef(key.vkey)}) was not checked: pass that key with --vkey to check it\n`,
    );
    const both = await runCli(["check-proof", "-", "--vkey", next.vkey, "--vkey", key.vkey], { stdin: proof.stdout });
    expectExit(both, 0);
    expect(both.stdout).toBe(first);
    // The retired key signed the entry but not the checkpoint the proof rests on.
    const retiredOnly = await runCli(["check-proof", "-", "--vkey", key.vkey], { stdin: proof.stdout });
    expectExit(retiredOnly, 1);
    expect(retiredOnly.stderr).toBe("meritlog check-proof: checkpoint: note is not signed by any known key\n");
  });

  describe("a tampered proof: exit 1", () => {
    const cases: [string, (proof: string, lines: string[]) => string, string][] = [
      [
        "a path hash changed",
        (p) => {
          const lines = p.split("\n");
          const h = Buffer.from(lines[3] as string, "base64");
          h[0] = (h[0] as number) ^ 1;
          lines[3] = h.toString("base64");
          return lines.join("\n");
        },
        "inclusion proof leads to a different root",
      ],
      [
        "another entry's line in extra",
        (p, lines) => p.replace(/^extra .*$/m, `extra ${Buffer.from(lines[2] as string).toString("base64")}`),
        "inclusion proof leads to a different root",
      ],
      ["the index moved", (p) => p.replace(/^index 1$/m, "index 0"), "inclusion proof leads to a different root"],
      ["a path hash dropped", (p) => p.replace(/^index 1\n[^\n]+\n/m, "index 1\n"), "inclusion proof is shorter than the path to the root"],
      ["the checkpoint's size changed", (p) => p.replace(/\n5\n/, "\n6\n"), `checkpoint: signature by ${ORIGIN} does not verify`],
      ["the header changed", (p) => p.replace("tlog-proof@v1", "tlog-proof@v2"), "the first line must be c2sp.org/tlog-proof@v1"],
      ["no entry carried", (p) => p.replace(/^extra .*\n/m, ""), "the proof carries no entry (no extra line) to check"],
    ];
    test.each(cases)("%s", async (_, tamper, reason) => {
      const proof = await proofOf(1);
      const tampered = tamper(proof, shardLines(ledger));
      expect(tampered).not.toBe(proof);
      const r = await runCli(["check-proof", "-", "--vkey", key.vkey], { stdin: tampered });
      expectExit(r, 1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`meritlog check-proof: ${reason}\n`);
    });
  });

  test("without --vkey: a usage error (exit 2)", async () => {
    const r = await runCli(["check-proof", "-"], { stdin: await proofOf(0) });
    expectExit(r, 2);
    expect(r.stderr).toBe(
      `meritlog check-proof: --vkey is required: the proof is only as good as the key you trust\n${await usageOf("check-proof")}`,
    );
  });

  test("a --vkey that is not a verifier key: exit 2", async () => {
    const r = await runCli(["check-proof", "-", "--vkey", "not-a-key"], { stdin: await proofOf(0) });
    expectExit(r, 2);
    expect(r.stderr).toBe("meritlog check-proof: verifier key must look like <name>+<key id>+<base64 key>\n");
  });

  test("a proof file that does not exist is an I/O error (exit 2) naming it", async () => {
    const dir = tempDir();
    const r = await runCli(["check-proof", "missing.tlog-proof", "--vkey", key.vkey], { cwd: dir });
    expectExit(r, 2);
    expect(r.stderr).toMatch(/^meritlog check-proof: .*ENOENT/);
    expect(r.stderr).toContain(join(dir, "missing.tlog-proof"));
  });
});
