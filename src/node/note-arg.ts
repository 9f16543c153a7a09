// A note named on the command line, as a vault path.
import { UsageError, type FsVault } from "./fs-vault";

/** The vault path of a note argument; a path out of the vault (or through a link out of it) is refused by name, before "not found". */
export function notePath(vault: FsVault, noteArg: string): string {
  const path = vault.toVaultPath(noteArg);
  vault.abs(path);
  if (vault.existing(path) === null) throw new UsageError(`note not found in the vault: ${noteArg}`);
  return path;
}
