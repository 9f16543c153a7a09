// Claims the curator names in prose (SPEC §2 rule 11): "The 1997-2003
// crash-and-rescue cycle is the most extractable insight. It demonstrates that
// MA's growth is policy-contingent, not demand-driven.", "The key insight is
// revenue model → creative freedom.", "The favorable selection mechanism
// deserves its own claim — it's the less-discussed half …". Surveyed on the
// archive's Curator Notes (43 lines in 39 notes): the named thing is usually a
// noun phrase and the proposition follows ("It demonstrates that …", "— it's
// that …"); when it does, the proposition is the candidate.
import { stripMarkdown } from "../text/markdown";
import { collapseWhitespace, sentencesOf } from "../text/sentences";

const NAMED_BEFORE = /^(.{6,200}?)\s+(?:is|are)\s+(?:itself\s+)?(?:the\s+|a\s+)?(?:single\s+)?(?:most\s+)?(?:(?:key|core|central|main|new|novel|real|primary|highest-value|strongest|separate)\s+)?(?:extractable\s+)?(?:insight|claim|finding|milestone|extraction(?:\s+target)?|claim candidate|counter-claim)\b/i;
const NAMED_AFTER = /\bthe\s+(?:single\s+)?(?:most\s+)?(?:key|core|central|main|extractable|real|new)\s+(?:extractable\s+)?(?:insight|claim|finding)\s+(?:is|here is)\s*:?\s+(?!(?:about|that)\b)(.{6,300})$/i;
const DESERVES = /^(.{6,200}?)\s+(?:deserves|merits|warrants)\s+(?:its|a)\s+(?:own|separate|dedicated)\s+claim\b/i;
// The proposition that follows a named thing: "It demonstrates that …", "— it's that …", ": …".
const FOLLOWS = /^(?:it|this|that)\s+(?:demonstrates|shows|proves|means|is the [\w\s-]{0,30}?proof|'s the [\w\s-]{0,30}?proof|is that|'s that)\s+(?:that\s+)?(.+)$/i;
const DASH_THAT = /\s(?:—|–|--)\s*(?:it'?s|it is)\s+that\s+(.+)$/i;
const NEGATED = /^the key (?:insight|claim) (?:isn'?t|is not)\b.*?\bbut\s+(?:the\s+)?(.+)$/i;

export interface NamedClaim {
  /** The named claim as the curator wrote it, or the proposition that follows it. */
  text: string;
  /** The sentence(s) it came from: the rationale. */
  source: string;
}

const clean = (s: string) => collapseWhitespace(stripMarkdown(s)).replace(/^["“'‘]+|["”'’]+$/g, "").trim();

export function namedInProse(curatorText: string | null): NamedClaim[] {
  if (!curatorText) return [];
  const sentences = sentencesOf(collapseWhitespace(curatorText).slice(0, 20_000));
  const out: NamedClaim[] = [];
  sentences.forEach((sentence, i) => {
    const s = clean(sentence);
    const negated = NEGATED.exec(s);
    const m = negated ? null : (NAMED_BEFORE.exec(s) ?? DESERVES.exec(s));
    const after = negated ? null : NAMED_AFTER.exec(s);
    let named = negated?.[1] ?? m?.[1] ?? after?.[1] ?? null;
    if (named === null) return;
    if (/^(?:this|it|that|both|which)\b/i.test(named) || /\?/.test(named)) return;
    // The proposition that follows it wins over the name.
    const dash = DASH_THAT.exec(s);
    const next = FOLLOWS.exec(clean(sentences[i + 1] ?? ""));
    const rationale = [s];
    if (dash) named = dash[1] ?? named;
    else if (next && m) {
      named = next[1] ?? named;
      rationale.push(clean(sentences[i + 1] ?? ""));
    }
    named = named.replace(/\s*(?:—|–|--)\s*.*$/, "").replace(/[.:;,\s]+$/, "").trim();
    if (named.split(/\s+/).length < 2) return;
    out.push({ text: named.replace(/^(?:the|a|an)\s+(?=\S)/i, (a) => a), source: rationale.join(" ") });
  });
  return out;
}
