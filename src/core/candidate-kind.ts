// Which candidates a careful curator would create (SPEC §2, "Not every item is
// a claim"). Items that enrich, route, caution, ask or give background stay in
// the list, unselected, with the reason shown to the user.

export type CandidateKind = "claim" | "enrichment" | "routing" | "caution" | "question" | "background" | "nothing-new";

export const KIND_LABELS: Record<CandidateKind, string> = {
  claim: "Claim",
  enrichment: "Enriches an existing claim",
  routing: "Routes work elsewhere",
  caution: "Caution or scoping note",
  question: "Research question",
  background: "Background only",
  "nothing-new": "Nothing new to extract",
};

const RULES: [CandidateKind, RegExp][] = [
  ["nothing-new", /\b(no new claims?|nothing (new )?to extract|nothing new|no (extractable|new) (content|claims?)|no claims? to extract)\b/i],
  ["routing", /^(flag|route|send|forward|hand (it |this )?off|pass (it |this )?(on|to)|assign|escalate|ping|cc)\b/i],
  ["routing", /^for (the )?[\w-]+ (agent|team|domain|curator)\b/i],
  [
    "enrichment",
    /^(enrich|update|strengthen|extend|append|amend|revise|refine|add (this |it )?(as evidence|to)|use (this |it )?(as (evidence|support)|to (support|strengthen|update|enrich))|link (this |it )?to|merge|supports? (the )?existing|cite (this |it )?(in|as|for))\b/i,
  ],
  ["enrichment", /\b(existing claim|enrichment|as (additional )?evidence (for|in) (the )?\[\[)/i],
  ["caution", /^(note|caution|caveat|careful|be careful|warning|beware|do not|don't|avoid|scope|scoping|confidence)\b/i],
  ["caution", /\b(overclaim|over-claim|don't overstate|do not overstate)\b/i],
  ["question", /^(research question|open question|question|investigate|find out|check (whether|if)|look (for|into)|explore whether|worth investigating)\b/i],
  ["question", /\?\s*$/],
  ["background", /^(background|context|for context)\b|\b(background only|context only|for context only)\b/i],
];

/** The kind of a hint item, from its own text. */
export function candidateKind(text: string): CandidateKind {
  const plain = text.replace(/\*\*|__/g, "").replace(/^["“'\s]+/, "").trim();
  for (const [kind, re] of RULES) if (re.test(plain)) return kind;
  return "claim";
}
