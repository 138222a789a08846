import { createPrivateKey, createPublicKey } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { body, expectExit, jsonl, ORIGIN, parseVkey, runCli, sha256, tempDir, usageOf } from "./run-cli.ts";

/** The public key a C2SP private key file `PRIVATE+KEY+<name>+<id>+<base64(0x01 ‖ seed)>` stands for. */
function publicKeyOfKeyFile(text: string): { name: string; id: string; raw: Buffer } {
  const m = /^PRIVATE\+KEY\+([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]{44})\n$/.exec(text);
  if (!m) throw new Error(`not a private key file: ${JSON.stringify(text)}`);
  const seed = Buffer.from(m[3] as string, "base64");
  expect(seed[0]).toBe(1);
  const pkcs8 = Buffer.concat([Buffer.from("302e020100300506032b657004220420", "hex"), seed.subarray(1)]);
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" })).export({ format: "der", type: "spki" });
  return { name: m[1] as string, id: m[2] as string, raw: spki.subarray(12) };
}

describe("meritlog keygen", () => {
  test("writes meritlog.key (mode 0600) in the working folder and prints the matching verifier key", async () => {
    const dir = tempDir();
    const r = await runCli(["keygen", "--origin", ORIGIN], { cwd: dir });
    expectExit(r, 0);
    const path = join(dir, "meritlog.key");
    expect(r.stderr).toBe(`wrote the private key to ${path} (mode 0600); keep it secret\n`);
    expect(r.stdout).toMatch(/^[^+\s]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}\n$/);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    const vkey = parseVkey(r.stdout.trim());
    expect(vkey.name).toBe(ORIGIN);
    // C2SP signed-note: key id = first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
    expect(vkey.id).toBe(
      sha256(ORIGIN, "\n", Buffer.from([1]), vkey.raw)
        .subarray(0, 4)
        .toString("hex"),
    );
    const secret = publicKeyOfKeyFile(readFileSync(path, "utf8"));
    expect(secret).toEqual({ name: ORIGIN, id: vkey.id, raw: vkey.raw });
  });

  test("--out writes the key into another folder, relative to the working folder", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "keys"));
    const r = await runCli(["keygen", "--origin", "example.org/ledger", "--out", "keys"], { cwd: dir });
    expectExit(r, 0);
    expect(r.stderr).toBe(`wrote the private key to ${join(dir, "keys", "meritlog.key")} (mode 0600); keep it secret\n`);
    expect(existsSync(join(dir, "meritlog.key"))).toBe(false);
    expect(statSync(join(dir, "keys", "meritlog.key")).mode & 0o777).toBe(0o600);
    expect(parseVkey(r.stdout.trim()).name).toBe("example.org/ledger");
  });

  test("two runs give two different keys", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    const a = await runCli(["keygen", "--origin", ORIGIN, "--out", "a"], { cwd: dir });
    const b = await runCli(["keygen", "--origin", ORIGIN, "--out", "b"], { cwd: dir });
    expectExit(a, 0);
    expectExit(b, 0);
    expect(a.stdout).not.toBe(b.stdout);
  });

  test("refuses to overwrite an existing key file (exit 2), leaving it as it was", async () => {
    const dir = tempDir();
    const path = join(dir, "meritlog.key");
    writeFileSync(path, "precious\n");
    const r = await runCli(["keygen", "--origin", ORIGIN], { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`meritlog keygen: ${path} already exists; refusing to overwrite a key\n${await usageOf("keygen")}`);
    expect(readFileSync(path, "utf8")).toBe("precious\n");
  });

  test.each([
    ["a space", "github.com/octo/demo meritlog"],
    ["a '+'", "github.com/octo+demo"],
    ["a tab", "a\tb"],
  ])("refuses an origin holding %s (exit 2) and writes no key", async (_, origin) => {
    const dir = tempDir();
    const r = await runCli(["keygen", "--origin", origin], { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `meritlog keygen: --origin: key name ${JSON.stringify(origin)} must be non-empty, without '+' or white space\n${await usageOf("keygen")}`,
    );
    expect(existsSync(join(dir, "meritlog.key"))).toBe(false);
  });

  test("an --out folder that does not exist is an I/O error (exit 2) naming the path", async () => {
    const dir = tempDir();
    const r = await runCli(["keygen", "--origin", ORIGIN, "--out", "missing"], { cwd: dir });
    expectExit(r, 2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^meritlog keygen: .*ENOENT/);
    expect(r.stderr).toContain(join(dir, "missing", "meritlog.key"));
  });

  // Base64 uses '+', which also separates the parts of a key: a key whose base64 holds one must
  // still be usable, or about half of all generated keys would be refused.
  test("a key whose base64 holds '+' signs a ledger and checks a proof like any other", async () => {
    const dir = tempDir();
    let found: { file: string; vkey: string } | undefined;
    for (let i = 0; i < 64 && !found; i++) {
      const out = join(dir, `k${i}`);
      mkdirSync(out);
      const r = await runCli(["keygen", "--origin", ORIGIN, "--out", out]);
      expectExit(r, 0);
      const file = join(out, "meritlog.key");
      // Both key forms end in the 44 characters of base64(0x01 ‖ 32 bytes).
      if (r.stdout.trim().slice(-44).includes("+") && readFileSync(file, "utf8").trim().slice(-44).includes("+")) {
        found = { file, vkey: r.stdout.trim() };
      }
    }
    if (!found) throw new Error("no key with '+' in both its base64 parts in 64 tries");
    const ledger = join(dir, "ledger");
    expectExit(await runCli(["append", ledger, "--key", found.file], { stdin: jsonl([body("plus")]) }), 0);
    expectExit(await runCli(["verify", ledger]), 0);
    const proof = await runCli(["prove", ledger, "0"]);
    expectExit(proof, 0);
    const checked = await runCli(["check-proof", "-", "--vkey", found.vkey], { stdin: proof.stdout });
    expectExit(checked, 0);
  });
});
