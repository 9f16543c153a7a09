// Dangling `claims_extracted` entries (SPEC §2 rule 9): an entry names a claim
// that is "existing" only when a claim note with that title, alias or file
// name (`.md` optional, a vault path or a `[[link]]` as written) is in the
// vault. An entry with no such note is dangling: the next extraction proposes
// the claim again, and `validate` says so. Pure TypeScript.
import type { ClaimIndex } from "./claim-index";

/** The name an entry means: a `[[link|shown]]` is its target, anything else as written. */
const entryName = (entry: string): string => entry.trim().replace(/^\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]$/, "$1").trim();

/** Whether an entry of `claims_extracted` names no claim note of the vault. */
export const isDangling = (entry: string, claims: ClaimIndex): boolean => entryName(entry) !== "" && claims.resolve(entryName(entry)) === null;

/** The entries of a source's `claims_extracted` that name no claim note of the vault, in order. */
export const danglingEntries = (listed: readonly string[], claims: ClaimIndex): string[] => listed.filter((e) => isDangling(e, claims));

/** The warning `validate` gives for one dangling entry. */
export const danglingMessage = (entry: string): string =>
  `claims_extracted lists "${entry.trim()}", but no claim note of the vault has that title, alias or file name; the next extraction proposes it again (validate --fix-dangling removes the entry)`;
