// A verdict on the whole source (SPEC §2 rule 7). Hints and curator notes
// often judge the source as a whole: it has nothing new ("No novel claims",
// "Null-result expected — …"), it is low priority as a source of claims
// ("Low standalone claim priority — community voice"), or it enriches what
// exists ("This is an ENRICHMENT source, not a new claim", "Update, don't
// duplicate"). Then no new claim is selected by default. Wording surveyed on
// the knowledge base's archive: in frontmatter hint lists the verdict is its
// own item, usually the last; in prose it is a sentence of the hints or of the
// curator's EXTRACTION HINT. A verdict about one item ("The cancer signal
// deserves its own claim if replicated", "X — low priority") is that item's.
import { stripMarkdown } from "../text/markdown";
import { sentencesOf } from "../text/sentences";

export interface SourceVerdict {
  kind: "nothing-new" | "low-priority" | "enriches" | "extracted";
  /** The words that gave it, as the preview quotes them. */
  quote: string;
}

// Each is tried at the start of a sentence (or of a list item): there it speaks of the source.
const AT_START: [SourceVerdict["kind"], RegExp][] = [
  ["nothing-new", /^(?:null[- ]result|no (?:novel|new|extractable) (?:claims?|content|insights?)|nothing (?:new|novel)|no [\w-]+(?:-specific)? claims? (?:identified|found|to extract)|no claims? to extract|already covered by existing|may not warrant its own claims?|not itself a (?:single-claim|standalone|claim) source|skip unless)\b/i],
  ["low-priority", /^(?:low|no)\s+(?:standalone\s+|extraction\s+|claim\s+|new\s+)*(?:claim\s+)?(?:extraction\s+)?priority\b/i],
  ["enriches", /^(?:update,? (?:don'?t|do not) duplicate|(?:likely|mostly|primarily|an?|this is an?|this is)\s+enrichment (?:source|to existing|rather than)|enrichment source|value is as supporting evidence|(?:this|the) (?:source|paper|article|piece|report|thread|study) (?:mostly |primarily )?(?:enriches|validates|supports) (?:existing|the existing|that)|this is evidence for the [^.]*\bclaim,? not a (?:standalone|new) claim)/i],
];
// Anywhere in a sentence: these phrases only ever speak of the source.
const ANYWHERE: [SourceVerdict["kind"], RegExp][] = [
  ["nothing-new", /\b(?:no novel claims?|nothing new to extract|no new claims to extract|null[- ]result (?:expected|likely|candidate))\b/i],
  ["low-priority", /\blow (?:standalone |extraction )?(?:claim )?(?:extraction )?priority (?:for (?:new |direct |standalone )?claims|as a source)\b|\blow standalone claim priority\b/i],
  ["enriches", /\b(?:an? enrichment source|update,? (?:don'?t|do not) duplicate|mostly validates existing|value is as supporting evidence|not a (?:new|standalone) claim\b(?!\s+(?:about|on|for)))/i],
];

const plain = (s: string) => stripMarkdown(s).replace(/^[\s"“'‘*_>-]+/, "").trim();

/** The verdict a text gives on its source, or null. `items` are the hints' own items: a verdict must open one. */
export function verdictOf(texts: readonly (string | null)[], items: readonly string[]): SourceVerdict | null {
  for (const item of items) {
    const head = plain(item);
    for (const [kind, re] of AT_START) if (re.test(head)) return { kind, quote: firstSentence(head) };
  }
  for (const text of texts) {
    if (!text) continue;
    for (const sentence of sentencesOf(stripMarkdown(text).replace(/\s+/g, " ").slice(0, 20_000))) {
      const s = plain(sentence);
      for (const [kind, re] of AT_START) if (re.test(s)) return { kind, quote: s };
      for (const [kind, re] of ANYWHERE) if (re.test(s)) return { kind, quote: s };
    }
  }
  return null;
}

function firstSentence(text: string): string {
  const first = sentencesOf(text)[0] ?? text;
  return first.length > 140 ? `${first.slice(0, 139).trimEnd()}…` : first;
}

/** The one line the preview and the JSON give as the reason a candidate is not selected. */
export function verdictWhy(v: SourceVerdict): string {
  if (v.kind === "extracted") return v.quote;
  const label = v.kind === "enriches" ? "the source enriches existing claims" : v.kind === "low-priority" ? "the source is low priority for claims" : "the source has nothing new";
  return `Verdict: ${label} ("${v.quote.length > 100 ? `${v.quote.slice(0, 99).trimEnd()}…` : v.quote}")`;
}
