// An enrichment target as a door names it (`--target 3=path` on the command
// line, `targets: {"3": "path"}` from an agent): a path inside the vault that
// is a claim note of its claim index, spelled as the vault spells it.
import type { ClaimIndex } from "../core/claims/claim-index";
import { UsageError } from "../core/commands/command-error";
import type { FsVault } from "./fs-vault";
import { notePath } from "./note-arg";

/** Candidate number → the target claim's vault path; else one usage line naming the candidate. */
export function claimTargets(vault: FsVault, pairs: Iterable<readonly [number, string]>, claims: ClaimIndex): Map<number, string> {
  const out = new Map<number, string>();
  for (const [n, arg] of pairs) {
    let path: string;
    try {
      path = notePath(vault, arg.trim());
    } catch (err) {
      throw new UsageError(`candidate ${n}: ${(err as Error).message}`, "target");
    }
    const entry = claims.get(path) ?? claims.resolve(path.replace(/\.md$/i, ""))?.entry;
    if (!entry || entry.path.normalize("NFC").toLowerCase() !== path.normalize("NFC").toLowerCase()) throw new UsageError(`candidate ${n}: ${path} is not a claim note`, "target");
    out.set(n, entry.path);
  }
  return out;
}
