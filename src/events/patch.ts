/**
 * Judging a file's change from the unified-diff patch GitHub sends for it: whether it changes only
 * white space (re-indentation, trailing spaces, line wrapping of the same words), which scores as a
 * low-value change.
 */

/** Whether the patch's removed and added lines hold the same text once all white space is dropped. */
export function isWhitespaceOnlyPatch(patch: string): boolean {
  let removed = "";
  let added = "";
  let changed = false;
  for (const line of patch.split("\n")) {
    if (line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@") || line.startsWith("\\")) continue;
    if (line.startsWith("-")) {
      removed += line.slice(1).replace(/\s+/g, "");
      changed = true;
    } else if (line.startsWith("+")) {
      added += line.slice(1).replace(/\s+/g, "");
      changed = true;
    }
  }
  return changed && removed === added;
}
