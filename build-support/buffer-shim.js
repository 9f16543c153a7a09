// gray-matter calls Buffer.from on every parse; Obsidian mobile has no
// Buffer. It only keeps the result as `orig`, so a Uint8Array serves.
const encoder = new TextEncoder();
export const Buffer = {
  from: (input) => (typeof input === "string" ? encoder.encode(input) : input),
  isBuffer: () => false,
};
