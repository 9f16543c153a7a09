// The keys the claim index files a claim's names under: the exact key (the
// same name as Obsidian compares file names) and the loose one (the same
// words written as a slug or with other punctuation). Pure TypeScript.

/** Same name? As Obsidian compares file names on a case-insensitive disk, in NFC, whitespace collapsed. */
export function nameKey(name: string): string {
  // Most names are plain ASCII with single spaces: no normalization or regex needed for them.
  const plain = /^[\x21-\x7e]+( [\x21-\x7e]+)*$/.test(name);
  return plain ? name.toLowerCase() : name.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * The same name written as a slug or with punctuation swapped (`a-b_c` for
 * `a b c`, "Monitors - fail" for "Monitors: fail"): letters and digits only,
 * accents dropped. For a link the exact key does not resolve.
 */
export function looseKey(name: string): string {
  const folded = /^[\x20-\x7e]*$/.test(name) ? name.toLowerCase() : name.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
  return folded.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** A name with its `.md` (any case) taken off, as a link may write it. */
export const withoutMd = (name: string): string => (name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name);
