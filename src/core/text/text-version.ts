// `version` of a note (SPEC §7 `read_source`): a hash of its text, so a write
// planned on what an agent read is refused once the note changed. Not a
// defence against forgery (an agent that wants the current text reads it);
// two 32-bit lanes (cyrb53-style mixing) and the length make an accidental
// match between two versions of one note practically impossible. Pure: it
// runs where the plugin runs, with no crypto module.

export function textVersion(text: string): string {
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${text.length.toString(36)}-${hex(h1)}${hex(h2)}`;
}
