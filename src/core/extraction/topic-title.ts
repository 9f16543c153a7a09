// Does a title name only a topic? (SPEC §2: "A title is a claim: an
// assertion someone could disagree with. A title that names only a topic …
// is flagged.") Hint writers often list noun phrases ("RLHF as implicit social
// choice without normative scrutiny", "the formal alignment trilemma as
// impossibility result"); those become titles the curator should rewrite.
//
// The heuristic: a title asserts when it holds a finite verb, found as
//   1. an auxiliary, copula or modal ("is", "are", "has", "can", "will",
//      "must", "isn't", …), or
//   2. a common verb of claims in a finite form: third person ("generates",
//      "depends", "applies"), past ("crossed", "required"), or the base form
//      after a plural subject, an -ly adverb or a pronoun ("AI agents execute",
//      "structurally incentivize", "they fail");
// a verb form right after an article, a preposition or "to" is a noun or an
// infinitive ("the shift", "to scale") and does not count. Without a finite
// verb the title is a topic. No tagger: a small closed list and a verb list
// keep it fast, predictable and testable; it errs towards "assertion" on
// nouns that are also verbs ("drug costs"), so a flag is rarely wrong.

const AUXILIARIES = new Set(
  "is are was were am be isn't aren't wasn't weren't has have had hasn't haven't hadn't does do did doesn't don't didn't can cannot can't could couldn't will won't would wouldn't shall should shouldn't must mustn't may might need needs ought 's".split(
    " ",
  ),
);

const VERBS = new Set(
  (
    "make create drive require enable produce show reveal depend outperform fail generate cause reduce increase lead mean save scale " +
    "predict determine change decouple compress execute cross beat win lose grow decline shift replace remain become emerge capture " +
    "undermine degrade improve exceed lag match converge coexist survive collapse prevent protect force favor favour shape constrain " +
    "limit bypass challenge explain solve work hold apply follow matter pay earn offset incentivize incentivise outpace dominate " +
    "benefit hurt raise lower drop fall rise double triple cut deliver achieve provide offer allow translate transfer transmit " +
    "concentrate redistribute displace substitute complement accelerate slow stall persist resist erode inflate flatten homogenize " +
    "diversify align act function serve operate compete differ vary correlate fit break escape avoid succeed attract sacrifice " +
    "validate demonstrate prove suggest indicate imply signal represent constitute appear seem tend begin start stop continue keep " +
    "turn move go come get give take put set let run see know want use find reach extend expand shrink outweigh sustain destroy " +
    "remove add transform unlock open close gain miss ignore treat rely belong contain include exclude need create cost-shift " +
    "amplify magnify dilute weaken strengthen reinforce enhance boost lift suppress block crowd commoditize democratize centralize " +
    "decentralize fragment consolidate migrate absorb dissolve outlast outlive underperform overpay underpay subsidize privatize " +
    "address detect map cover support oppose measure mark bridge link connect focus target lack face pose define hide deceive " +
    "sandbag scheme learn train outcompete overrate underrate overstate understate exist occur happen arise " +
    "unify compose decompose aggregate encode yield induce trigger mitigate enforce approximate govern coordinate " +
    "invert entrench stabilize destabilize accumulate compound saturate stagnate deteriorate recover rebound mediate " +
    "evolve adapt optimize exploit manipulate overfit generalize replicate underestimate overestimate mislead distort " +
    "cannibalize unbundle disintermediate widen narrow outgrow undercut reflect resemble contradict confirm refute " +
    "falsify consume emit sequester outsource automate hinge inherit embed embody encompass integrate separate " +
    "distinguish isolate punish penalize invest divest borrow lend owe accrue retain overtake " +
    "override outweigh resolve sidestep reframe erase entail fuel doom mirror outrun outsell outlast undermine predate postdate"
  ).split(" "),
);

const NOT_BEFORE_VERB = new Set(
  "the a an its their our his her this that's these those of in on for with by to from at as into over under and or vs versus no each every".split(" "),
);
const PRONOUNS = new Set("they we it he she who which that".split(" "));

/** The base forms a word may be a finite form of. */
function baseForms(word: string): string[] {
  const out: string[] = [];
  if (word.endsWith("ies")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) out.push(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) out.push(word.slice(0, -1));
  if (word.endsWith("ied")) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("ed")) out.push(word.slice(0, -2), word.slice(0, -1), word.slice(0, -3));
  return out;
}

/** What opens a past tense's object, never a preposition after a participle ("based on", "driven by"). */
const OBJECT_DETERMINERS = new Set("the a an its their our his her this these those no every each".split(" "));
const OBJECT_OPENERS = new Set("a an the their its our his her more less about roughly nearly most".split(" "));
const ADJECTIVE_BEFORE_PARTICIPLE = new Set("first second third last newly well most least less more fully partially under over self multiple many few several all some any both other non".split(" "));
/** Topics are short: the archive's run from "inverted-U relationship" to a dozen words. */
const MAX_TOPIC_WORDS = 16;

const IRREGULAR_PAST = new Set("made led grew fell rose became began held kept went came got gave took ran saw knew found won lost meant paid cut put set let".split(" "));

/** A title's verb comes early; past this many characters the text is not a title to judge. */
const MAX_TITLE_CHARS = 1000;

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'-]+/u)
    .map((w) => w.replace(/^'+|'+$/g, ""))
    .filter((w) => w !== "");
}

export function isTopicTitle(title: string): boolean {
  // What stands in parentheses or short quotes names or illustrates ("RLCF
  // architecture (AI generates, humans rate)", 'the "incumbents exit" dynamic'):
  // its verbs are not the title's.
  const main = title
    .slice(0, MAX_TITLE_CHARS)
    .replace(/\([^()]*\)/g, " ")
    .replace(/"[^"]*"|“[^”]*”|(^|\s)'[^']*'(?=[\s,.;:—–]|$)/g, " ");
  if (/[\p{L}\p{N}]/u.test(title) && !/[\p{L}\p{N}]/u.test(main)) return false;
  const words = wordsOf(main);
  if (words.length === 0) return false;
  // What follows a spaced dash glosses the topic ("the pluralism option — multiple aligned systems"): its participles are adjectives.
  const dash = main.search(/\s[—–]\s|\s--\s/);
  const beforeGloss = dash < 0 ? words.length : wordsOf(main.slice(0, dash)).length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const prev = words[i - 1] ?? "";
    const next = words[i + 1] ?? "";
    if (AUXILIARIES.has(w)) return false;
    if (NOT_BEFORE_VERB.has(prev)) continue;
    // "multiple aligned systems", a participle in a gloss after a dash: an adjective.
    if (/ed$/.test(w) && (ADJECTIVE_BEFORE_PARTICIPLE.has(prev) || i >= beforeGloss)) continue;
    if (IRREGULAR_PAST.has(w) && i > 0) return false;
    if (baseForms(w).some((b) => VERBS.has(b))) return false;
    const subjectBefore = (prev.endsWith("s") && !prev.endsWith("ss")) || prev.endsWith("ly") || PRONOUNS.has(prev);
    if (VERBS.has(w) && i > 0 && subjectBefore) return false;
    // A plural head earlier makes a later base form its verb: "Booms in household debt predict weaker growth".
    if (VERBS.has(w) && i > 1 && words.slice(0, i - 1).some((x) => /[^s']s$/.test(x) && !NOT_BEFORE_VERB.has(x) && !/(?:ss|us|is|ics|ness)$/.test(x))) return false;
    // A verb of the list in its base form before an adverb or an object: "Irrigation expansion offset roughly a third".
    if (VERBS.has(w) && i > 0 && (/ly$/.test(next) || OBJECT_OPENERS.has(next))) return false;
    // Any past tense after its subject ("plumes travelled more than 4 km", "Phage therapy cleared infections"),
    // unless an ordinal or an adverb makes it an adjective ("first documented", "widely used").
    const pastAfterSubject = i > 0 && i < beforeGloss && !/ly$/.test(prev) && !ADJECTIVE_BEFORE_PARTICIPLE.has(prev);
    if (pastAfterSubject && /^[a-z]{3,}ed$/.test(w) && next !== "" && next !== "by" && next !== "to" && !NOT_BEFORE_VERB.has(next)) return false;
    // A past tense with its object: "Fee caps halved the settlement time", "The rule delayed its rollout".
    // ("-eed" words are mostly not past tenses: "speed", "need", "proceed".)
    if (pastAfterSubject && /^[a-z]{3,}[^e]ed$/.test(w) && !NOT_BEFORE_VERB.has(prev) && OBJECT_DETERMINERS.has(next)) return false;
    // After a relative pronoun any -s form is its verb: "…, which confounds behavioral evals".
    if (i > 0 && (prev === "which" || prev === "who") && /[^s]s$/.test(w)) return false;
  }
  // A title this long with no verb we know is likelier a claim with a verb we lack than a topic.
  return words.length <= MAX_TOPIC_WORDS;
}

const IRREGULAR_PARTICIPLE: Record<string, string> = { driven: "drive", shown: "show", given: "give", taken: "take", grown: "grow", known: "know", held: "hold", made: "make", led: "lead", paid: "pay", won: "win", lost: "lose", kept: "keep", built: "build", run: "run" };

/** The base form of a claim verb's -ing form or participle ("reducing" → "reduce", "driven" → "drive"), or null when it is no verb of the list. */
export function verbBaseOf(word: string): string | null {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PARTICIPLE[w];
  if (irregular !== undefined) return irregular;
  const stems: string[] = [];
  if (w.endsWith("ing")) {
    const s = w.slice(0, -3);
    stems.push(s, `${s}e`, s.slice(0, -1));
    if (s.endsWith("y")) stems.push(s);
  }
  if (w.endsWith("ed")) stems.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3), w.endsWith("ied") ? `${w.slice(0, -3)}y` : "");
  return stems.find((s) => s !== "" && VERBS.has(s)) ?? null;
}
