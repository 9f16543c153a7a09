// One error line on stderr (SPEC §5): the code once ("EISDIR: …", never
// "EISDIR: EISDIR: …"), one line, and short enough to read: a path of
// 100 KB (a folder setting gone wrong) is shown by its ends.

/** The longest line written; a terminal shows it on a few rows at most. */
export const MAX_LINE = 299;
const MAX_WORD = 80;

/** A run of characters without spaces longer than MAX_WORD keeps its start and end. */
function shortenWords(text: string): string {
  return text.replace(/\S{81,}/g, (word) => `${word.slice(0, 48)}…${word.slice(-(MAX_WORD - 49))}`);
}

export function shortLine(text: string): string {
  const one = shortenWords(text.replace(/\s*[\r\n]+\s*/g, " ").trim());
  const chars = [...one];
  return chars.length <= MAX_LINE ? one : `${chars.slice(0, MAX_LINE - 1).join("")}…`;
}

/** The message of an error, with its code said once. */
export function errorText(err: unknown): string {
  const e = err as Partial<NodeJS.ErrnoException> | null;
  const message = e && typeof e.message === "string" ? e.message : String(err);
  const code = e && typeof e.code === "string" ? e.code : null;
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}
