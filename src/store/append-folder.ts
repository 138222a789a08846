/**
 * Appending to a ledger folder on the local disk.
 */

import { mkdir } from "node:fs/promises";
import type { EntryBody } from "../ledger/entry.ts";
import type { Signer } from "../ledger/keys.ts";
import { assertFolder, folderFiles, LedgerIoError, recoverFolder, writeChanges } from "./folder.ts";
import { type PreparedAppend, type PrepareOptions, prepareAppend } from "./ledger-files.ts";

/** Appends `bodies` to the ledger in `dir`, creating it on first use. */
export async function appendToFolder(
  dir: string,
  bodies: readonly EntryBody[],
  signer: Signer,
  options: PrepareOptions = {},
): Promise<PreparedAppend> {
  await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    throw new LedgerIoError(`cannot create the ledger folder ${dir}: ${e.code === "ENOTDIR" ? "a part of its path is a file" : e.message}`);
  });
  await assertFolder(dir);
  await recoverFolder(dir);
  const prepared = await prepareAppend(folderFiles(dir), bodies, signer, options);
  await writeChanges(dir, prepared.changes);
  return prepared;
}
