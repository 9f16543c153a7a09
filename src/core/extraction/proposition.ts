// The proposition a hint item points at (SPEC §2 rule 10 and "Title of a
// candidate"). Hint writers often name the evidence and the claim together
// ("the BBA-MMA cycle as evidence that MA viability depends on above-FFS
// payments"), a topic as "X as Y" ("RLHF as implicit social choice"), or a
// telegraphic participle ("MA growth driven by payment policy"). A curator
// creates the claim the item states, not the item: these functions return
// that proposition as plain data, flagged `rewritten`, the original kept by
// the caller as the rationale. Surveyed on the archive of the knowledge base
// the seed comes from (cue counts in docs/splitting.md).
import { finishTitle } from "../text/markdown";
import { isTopicTitle, verbBaseOf } from "./topic-title";

export interface Proposition {
  title: string;
  rewritten: boolean;
  /** Rule 10: the evidence A of "A as evidence that B", for the rationale and the evidence search. */
  evidence: string | null;
  /** Rule 10: B names a claim ("the phase transition claim", a link, a quoted title): an enrichment of it. */
  namesClaim: string | null;
}


// "as (concrete) evidence that", "is the strongest evidence that", "— data point for", "as existence proof that".
const ADJ = String.raw`(?:(?:additional|further|concrete|direct|strong|strongest|clear|key|specific|early|more|new|citable|quantitative|empirical|real-world|first|best|the|a|an|some)[\s,]+)*`;
const EVIDENCE_NOUN = String.raw`(?:evidence|existence proof|proof|data points?|demonstration|confirmation|validation)`;
const EVIDENCE_FORMS: RegExp[] = [
  new RegExp(String.raw`^(.+?)\s+(?:as|is|are|provides?|offers?|gives?)\s+${ADJ}${EVIDENCE_NOUN}\s+(that|of|for)\s+(.+)$`, "i"),
  new RegExp(String.raw`^(.+?)\s*(?:—|–|--|\s-\s|:)\s*${ADJ}${EVIDENCE_NOUN}\s+(that|of|for)\s+(.+)$`, "i"),
  /^(.+?)\s+(?:shows?|showing|demonstrates?|demonstrating|proves?|proving|suggests?|suggesting|confirms?|confirming|indicates?|indicating|illustrates?|illustrating)\s+(that)\s+(.+)$/i,
  // "The PA escalation could support a claim about short-term cost management overriding …": the frame goes.
  /^(.+?)\s+(?:could|may|might|would|can)\s+(?:support|ground|anchor|back)\s+(?:a|an|the)\s+(?:new\s+)?claims?\s+(about|that|on)\s+(.+)$/i,
];
// "X suggests Y" without "that": only when Y has a finite verb of its own.
const BARE_SUGGESTS = /^(.+?)\s+(?:suggests?|shows?|demonstrates?|proves?|confirms?)\s+(.+)$/i;

/** B names a claim rather than stating one: "the phase transition claim", "the community-beats-budget thesis", a link or a quoted title. */
export function namedClaim(b: string): string | null {
  const link = /\[\[([^[\]|]+)(?:\|[^[\]]*)?\]\]/.exec(b);
  if (link) return (link[1] ?? "").trim();
  const quoted = /^['‘"“`]([^'’"”`]{8,})['’"”`](?:\s+claims?)?$/.exec(b.trim());
  if (quoted) return (quoted[1] ?? "").trim();
  const phrase = /^(?:the|our|an?\s+existing|existing|this)\s+(?:existing\s+)?(.+?)\s+(?:claims?|thesis|framing|hypothesis)$/i.exec(b.trim());
  if (phrase) return (phrase[1] ?? "").replace(/^['‘"“]|['’"”]$/g, "").trim();
  return null;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Rule 10: "A as evidence that B" is the claim B; "A as evidence for the X claim" enriches X. */
export function evidenceProposition(title: string, raw = title): Proposition | null {
  for (const re of EVIDENCE_FORMS) {
    const m = re.exec(title);
    if (!m) continue;
    const a = (m[1] ?? "").trim();
    const b = finishTitle((m[3] ?? "").replace(/^[:\s]+/, ""));
    if (words(a).length === 0 || words(b).length < 2) continue;
    // The title rules cut a trailing "claim"; the item's own words still say B names one ("… for the X claim").
    const namedInRaw = m[2]?.toLowerCase() !== "that" && new RegExp(`${escape(b)}\\s*['’"”]?\\s+(?:claims?|thesis|framing)\\b`, "i").test(raw) ? b.replace(/^(?:the|our|an existing)\s+/i, "") : null;
    const named = namedClaim(b) ?? namedInRaw;
    if (named !== null) return { title: b, rewritten: true, evidence: a, namesClaim: named };
    return { title: capitalizeLike(title, b), rewritten: true, evidence: a, namesClaim: null };
  }
  const bare = BARE_SUGGESTS.exec(title);
  if (bare && isTopicTitle(bare[1] ?? "") && !isTopicTitle(bare[2] ?? "") && words(bare[2] ?? "").length >= 3) {
    return { title: capitalizeLike(title, finishTitle(bare[2] ?? "")), rewritten: true, evidence: (bare[1] ?? "").trim(), namesClaim: null };
  }
  return null;
}

/** The first letter's case follows the item's: a sentence-case hint gives a sentence-case title. */
function capitalizeLike(original: string, text: string): string {
  const first = original.trimStart().charAt(0);
  return first !== "" && first === first.toUpperCase() && first !== first.toLowerCase() ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

// "such as", "as well as", "as a result", "as of": not the "X as Y" of a topic.
const NOT_TOPIC_AS = /\b(?:such|well|so|much|long|soon|far)\s+as\s|\bas\s+(?:well|a result|of|if|opposed|though|part of|far|long|much|soon|such|to|with|in|for|evidence|the result)\b/i;
const PREPOSITIONS = new Set("of for to in on with without between against from by at through across vs versus rather not than beyond under over within among about into toward towards after before during via despite amid unlike like".split(" "));
const DETERMINERS = /^(?:a|an|the|this|that|these|those|its|their|our|his|her|one|two|three|every|each|no|some|any|many|more|most|much|another|such)\b/i;
// Heads that take no article: abstract and mass nouns by their endings, and the common -th ones.
const MASS = /(?:ism|ity|ness|ion|ance|ence|ing|ics|ship|dom|hood|cy|ure|ment|ledge|ware|age|ry|ia|growth|health|wealth|strength|depth|evidence|data|research|infrastructure|choice|care|governance|alignment)$/i;

/** The head word of a noun phrase: its last word before the first preposition. */
function headOf(phrase: string): string {
  const ws = phrase.toLowerCase().replace(/\([^()]*\)/g, " ").split(/\s+/).filter((w) => w !== "");
  let head = ws[0] ?? "";
  for (const w of ws) {
    if (PREPOSITIONS.has(w.replace(/[^\p{L}]+$/u, ""))) break;
    head = w;
  }
  return head.replace(/[^\p{L}\p{N}-]/gu, "");
}

function isPlural(phrase: string): boolean {
  if (/\band\b|&|\+|\s\/\s/.test(phrase.replace(/\([^()]*\)/g, " "))) return true;
  const head = headOf(phrase);
  if (/^(?:people|data|media|criteria|phenomena)$/.test(head)) return head !== "data" && head !== "media";
  return /[^s']s$/.test(head) && !/(?:ss|us|is|ics|ness|sis|as|os)$/.test(head) || /\d+s$/.test(head);
}

/** "a"/"an" before a singular countable head, nothing before a plural, a mass noun or a determiner. */
const isMass = (head: string) => MASS.test(head) && !COUNTABLE.test(head);
// -ion words that count ("an option", "a decision"), against the -ion rule of MASS.
const COUNTABLE = /^(?:option|region|nation|union|question|decision|institution|organization|organisation|position|solution|version|session|mission|function|section|division|coalition|population)$/i;

function withArticle(y: string): string {
  if (DETERMINERS.test(y)) return y;
  const head = headOf(y);
  if (head === "" || /s$/.test(head) || isMass(head) || /^[A-Z0-9]/.test(y.trim().split(/\s+/)[0] ?? "")) return y;
  const an = /^(?:[aeio]|u(?!ni|se|sa|su|ti))/i.test(y.trim());
  return `${an ? "an" : "a"} ${y}`;
}

/** Rule 10's topic form: "X as Y" with no finite verb is offered as "X is Y" / "X are Y" (agreement from X). */
export function asProposition(title: string): Proposition | null {
  if (!isTopicTitle(title)) return null;
  const m = /^(.+?)\s+as\s+(.+)$/i.exec(title);
  if (!m || NOT_TOPIC_AS.test(title.slice(Math.max(0, (m[1] ?? "").length - 12), (m[1] ?? "").length + 12))) return null;
  const x = (m[1] ?? "").trim();
  const y = (m[2] ?? "").trim();
  if (words(x).length === 0 || words(y).length === 0 || /^(?:evidence|proof|data)\b/i.test(y)) return null;
  // "Critique of X as mechanism design flaw": a report about X is not the subject of a claim. ("X as an
  // indicator of Y" is rewritten all the same: curators read it as a label, but the knowledge base's agents
  // wrote exactly those up as claims, and a rewritten title the curator can sharpen beats none.)
  if (REPORT.test(headOf(x))) return null;
  return { title: `${withDefinite(x)} ${isPlural(x) ? "are" : "is"} ${withArticle(y)}`, rewritten: true, evidence: null, namesClaim: null };
}

// An X that is a report about something ("Critique of …", "Analysis of …") is not the subject of the claim.
const REPORT = /^(?:critique|criticism|analysis|discussion|comparison|review|overview|summary|data|metrics|evidence|details?|commentary|coverage)$/i;

/** "pluralism option is …" wants "the": a singular countable head with no determiner (not a name, not a mass noun). */
function withDefinite(x: string): string {
  if (DETERMINERS.test(x)) return x;
  const head = headOf(x);
  const first = x.trim().split(/\s+/)[0] ?? "";
  if (head === "" || isPlural(x) || isMass(head) || /[A-Z0-9$]/.test(first) || /[A-Z]/.test(x)) return x;
  return `the ${x}`;
}

/**
 * A telegraphic participle with no finite verb: "MA growth driven by payment
 * policy" → "MA growth is driven by payment policy"; "preference
 * heterogeneity being learnable from data" → "… is learnable …"; "GLP-1s
 * reducing hospitalization" → "GLP-1s reduce hospitalization". Only a verb of
 * the claim-verb list is conjugated, so a noun in -ing is left alone.
 */
export function participleProposition(title: string): Proposition | null {
  // The verb of a relative clause is not the title's ("GLP-1s reducing hospitalization, which has broader implications").
  const main = title.split(/,\s*(?:which|who|that|where)\b/i)[0] ?? title;
  if (!isTopicTitle(main)) return null;
  const ws = title.split(" ");
  for (let i = 1; i < Math.min(ws.length - 1, 8); i++) {
    const w = (ws[i] ?? "").toLowerCase();
    const subject = ws.slice(0, i).join(" ");
    if (/^(?:the|a|an|of|in|for|to|and|or|with|by|on)$/i.test(ws[i - 1] ?? "")) continue;
    if (w === "being") return { title: `${subject} ${isPlural(subject) ? "are" : "is"} ${ws.slice(i + 1).join(" ")}`, rewritten: true, evidence: null, namesClaim: null };
    if (/(?:ed|en)$/.test(w) && (ws[i + 1] ?? "").toLowerCase() === "by" && verbBaseOf(w) !== null) {
      return { title: `${subject} ${isPlural(subject) ? "are" : "is"} ${ws.slice(i).join(" ")}`, rewritten: true, evidence: null, namesClaim: null };
    }
    if (w.endsWith("ing") && !/^(?:using|including|involving|regarding|concerning|following|according|during|being)$/.test(w)) {
      const base = verbBaseOf(w);
      if (base === null) continue;
      const finite = isPlural(subject) ? base : thirdPerson(base);
      return { title: `${subject} ${finite} ${ws.slice(i + 1).join(" ")}`, rewritten: true, evidence: null, namesClaim: null };
    }
  }
  return null;
}

function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

// A parenthetical that instructs or cautions the extractor leaves the title for the rationale.
// "authenticity-as-premium as a claim that can sit alongside …": how to file it, not what it says.
const AS_A_CLAIM = /\s+as\s+an?\s+(?:separate\s+|new\s+|standalone\s+|distinct\s+)?claim\b.*$/i;
const INSTRUCTING_PARENTHESIS = /\s*\((?:but\s+)?(?:note|see|caveat|cf\.?|careful|check|verify|if\s+(?:accessible|original|replicated|available|confirmed)|needs?|flag|confidence|scope|scoping|compare|cross-ref\w*|tbd|todo|source|per\s)\b[^()]*\)/gi;

/** The title without the extractor's parenthetical instructions ("(but note selection bias caveat)", "(see …)"). */
export function withoutInstructions(title: string): string {
  const out = finishTitle(title.replace(INSTRUCTING_PARENTHESIS, "").replace(AS_A_CLAIM, ""));
  return out === "" ? title : out;
}
