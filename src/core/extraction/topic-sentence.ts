// A topic's own sentence (SPEC §2 "Title of a candidate"): a title that names
// only a topic ("Platform vulnerability quantification") takes as its proposed
// title the source's sentence that states it, the best evidence sentence of
// `## Content` that has a finite verb and holds most of the topic's content
// words. "Most": more than half of the topic's distinct stems (at least two),
// so a sentence that merely mentions the subject does not become the claim.
import type { EvidenceIndex } from "../claims/evidence";
import { bestEvidence } from "../claims/evidence";
import { finishTitle } from "../text/markdown";
import { wordStems } from "../text/similarity";
import { isTopicTitle } from "./topic-title";

// Words that label a hint rather than name its subject.
const LABEL_WORDS = new Set(["claim", "claims", "evid", "evidence", "data", "point", "framing", "dynamic", "trajectory", "comparison", "structure", "pattern", "signal", "itself", "specific", "key", "new", "potential"].flatMap((w) => wordStems(w)));

/** A title no longer than this many words is a title; a longer sentence is quoted evidence, not a claim's name. */
const MAX_TITLE_WORDS = 35;
/** Of the topic's own words, the share the sentence must hold: a curator read 0 of 6 looser picks as the claim. */
const MIN_SHARE = 0.75;

export function topicSentence(topic: string, index: EvidenceIndex): string | null {
  const stems = [...new Set(wordStems(topic))].filter((s) => !LABEL_WORDS.has(s));
  if (stems.length < 2) return null;
  for (const sentence of bestEvidence(index, topic)) {
    const held = new Set(wordStems(sentence));
    const share = stems.filter((s) => held.has(s)).length / stems.length;
    if (share < MIN_SHARE) continue;
    const title = finishTitle(sentence.replace(/^(?:but|and|so|yet|however|also)[,\s]+/i, ""));
    // A fragment, a labelled line ("Heart failure patients …: costs 52% lower"), a quote or a conditional is not a claim's title.
    if (isTopicTitle(title) || title.split(/\s+/).length > MAX_TITLE_WORDS || /[?:;]/.test(title) || /^["“'‘(]|^(?:if|when|while|although|because)\b/i.test(title)) continue;
    return title.charAt(0).toUpperCase() + title.slice(1);
  }
  return null;
}
