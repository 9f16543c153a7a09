// One claim once (SPEC §2 rule 8). Two candidates are the same claim when one's
// key phrase (its title without leading articles and trailing qualifiers) is
// contained in the other's title, or when §6 similarity says so. On real notes
// the duplicates are the curator's enumeration restating an agent's hint with
// another complement or an example ("(3) pluralism option as structural
// alternative to forced consensus" / "(3) the pluralism option — multiple
// aligned systems rather than one"): the part before " as ", " — " or "(" is
// the same. The fuller wording is kept: an assertion over a topic, an agent's
// sentence over a curator's noun phrase, the longer over the shorter.
import { stripMarkdown } from "../text/markdown";
import { COVERS, similarity, titleTerms, type TitleTerms } from "../text/similarity";

const STOP = new Set("a an the of in on for to and or with by at as from into its their our this that these those".split(" "));

const normal = (s: string) =>
  stripMarkdown(s)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The key phrase: the title before its first qualifier (" as ", a dash, a parenthesis, a colon), without leading articles. */
export function keyPhrase(title: string): string {
  const cut = stripMarkdown(title).split(/\s+as\s+|\s[—–-]+\s|\s*\(|:\s/i)[0] ?? title;
  return normal(cut).replace(/^(?:(?:the|a|an)\s+)+/, "");
}

const contentWords = (phrase: string) => phrase.split(" ").filter((w) => w !== "" && !STOP.has(w));

/** Is `inner`'s key phrase (two content words or more) a run of words of `outer`'s title? */
export function containsKeyPhrase(outer: string, inner: string): boolean {
  const key = keyPhrase(inner);
  if (contentWords(key).length < 2) return false;
  return ` ${normal(outer)} `.includes(` ${key} `);
}

export interface Wording {
  title: string;
  /** Its title names only a topic. */
  topic: boolean;
  /** Its title is our rewrite of a topic ("X as Y" → "X is Y"), not the writer's own sentence. */
  rewritten?: boolean;
  origin: string;
}

/** A writer's own sentence, then our rewrite of a topic, then a topic. */
const rank = (w: Wording) => (w.topic ? 0 : w.rewritten ? 1 : 2);

/** Of two wordings of one claim, is `a` the fuller? A writer's sentence over a rewrite over a topic, a hint over the curator, the longer title. */
export function fuller(a: Wording, b: Wording): boolean {
  // One that says all the other says and more is fuller, whoever wrote it.
  const wa = new Set(contentWords(normal(a.title)));
  const wb = new Set(contentWords(normal(b.title)));
  if (wa.size !== wb.size && [...wb].every((w) => wa.has(w))) return true;
  if (wa.size !== wb.size && [...wa].every((w) => wb.has(w))) return false;
  if (rank(a) !== rank(b)) return rank(a) > rank(b);
  if (a.origin !== b.origin && (a.origin === "curator" || b.origin === "curator")) return b.origin === "curator";
  // Words, not characters: "Probes: beat SAEs" says no more than "Probes beat SAEs"; a tie keeps the earlier.
  return normal(a.title).split(" ").length >= normal(b.title).split(" ").length;
}

/**
 * Pairs of the same claim among wordings, as a map from each dropped index to
 * the index that covers it. Containment counts only for a key phrase that is
 * a topic or the whole title, so two claims about one subject ("prediction
 * markets beat polls", "prediction markets fail on thin volume") stay two.
 */
export function sameClaims(wordings: readonly Wording[], terms: readonly TitleTerms[] = wordings.map((w) => titleTerms(w.title))): Map<number, number> {
  const dropped = new Map<number, number>();
  for (let i = 0; i < wordings.length; i++) {
    for (let j = i + 1; j < wordings.length; j++) {
      if (dropped.has(i) || dropped.has(j)) continue;
      const a = wordings[i] as Wording;
      const b = wordings[j] as Wording;
      if (a.title === "" || b.title === "") continue;
      const bInA = (b.topic || keyPhrase(b.title) === normal(b.title)) && containsKeyPhrase(a.title, b.title);
      const aInB = (a.topic || keyPhrase(a.title) === normal(a.title)) && containsKeyPhrase(b.title, a.title);
      // Similar words alone merge only where one side is the curator's or a topic: two agent sentences are two claims.
      const close = (a.origin !== b.origin || a.topic || b.topic) && similarity(terms[i] as TitleTerms, terms[j] as TitleTerms) >= COVERS;
      if (!bInA && !aInB && !close) continue;
      if (fuller(a, b)) dropped.set(j, i);
      else dropped.set(i, j);
    }
  }
  return dropped;
}
