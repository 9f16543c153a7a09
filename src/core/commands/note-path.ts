// The note a command works on: it has to exist in the vault.
import type { VaultPort } from "../note/vault-port";
import { UsageError } from "./command-error";

/** Refuses a path with no note behind it, by name, before anything is read. */
export function requireNote(port: VaultPort, path: string): void {
  if (port.existing(path) === null) throw new UsageError(`note not found in the vault: ${path}`);
}
