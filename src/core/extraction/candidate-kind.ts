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

// Tried in order; the first match decides. Openings are matched at the
// start, the rest anywhere. Surveyed on real hints: priority notes ("Low
// standalone claim priority — …", "Null-result likely — …") say there is
// nothing to extract; a tail after a dash that classifies the item ("— data
// point for '…' claim", "— enriches existing … claims", "— macro context for
// …", "— track for … extraction") says what the item is for.
const TAIL = String.raw`(?:—|–|--|\s-\s)[^—–]*`;
const RULES: [CandidateKind, RegExp][] = [
  [
    "nothing-new",
    /\b(no new claims?|nothing (new )?to extract|nothing new|no (extractable|new|novel) (content|claims?)|no claims? to extract|no novel claims?|already covered by existing|may not warrant its own claim|not itself a single-claim source)\b/i,
  ],
  ["nothing-new", /^(low|no)\s+(standalone\s+|extraction\s+|claim\s+|new\s+)*(claim\s+)?(extraction\s+)?priority\b|\blow (claim )?extraction priority\b|^null[- ]result\b|^no [\w-]+ claims? (identified|found)\b/i],
  ["routing", /^(flag|route|send|forward|hand (it |this )?off|pass (it |this )?(on|to)|assign|escalate|ping|cc|track|combine with)\b/i],
  ["routing", /^for (the )?[\w-]+ (agent|team|domain|curator)\b/i],
  ["routing", new RegExp(String.raw`${TAIL}\b(track(ing)? for|upcoming source|source to track)\b`, "i")],
  [
    "enrichment",
    /^(enrich|update|strengthen|extend|append|amend|revise|refine|add (this |it )?(as evidence|to)|use (this |it )?(as (evidence|support)|to (support|strengthen|update|enrich))|link (this |it )?to|merge|supports? (the )?existing|cite (this |it )?(in|as|for)|connection\b|enrichment target)\b/i,
  ],
  // "the commercial scale data as evidence for the community-beats-budget thesis": support for a claim held already.
  ["enrichment", /\bas (additional |further )?evidence for (the|our|an existing) [^.]*\b(thesis|claims?)\b/i],
  ["enrichment", /\b(existing claims?|existing [\w'’-]+ claims?|enrichment|as (additional )?evidence (for|in) (the )?\[\[|for updating|claims? (needs?|should be|could be) (updat|enrich|strengthen)\w*|could enrich)\b/i],
  [
    "enrichment",
    new RegExp(String.raw`${TAIL}\b(enrich\w*|data (point )?for|evidence for|additional evidence|implementation detail for|check against|connects? to|maps? (directly )?to|parallel to|supports? (our|the))\b`, "i"),
  ],
  ["caution", /^(note|caution|caveat|careful|be careful|warning|beware|do not|don't|avoid|scope|scoping|confidence|focus on)\b/i],
  ["caution", /\b(overclaim|over-claim|don't overstate|do not overstate|don't extract|do not extract)\b/i],
  ["question", /^(research question|open question|question|investigate|find out|check (whether|if)|look (for|into)|explore whether|worth investigating|tension|whether)\b/i],
  ["question", /\?\s*$/],
  ["background", /^(background|context|for context)\b|\b(background only|context only|for context only)\b/i],
  ["background", new RegExp(String.raw`${TAIL}\b(context|perspective|flow data|metrics|landscape)\b[^—–]*$`, "i")],
];

/** The kind of a hint item, from its own text. */
export function candidateKind(text: string): CandidateKind {
  const plain = text.replace(/\*\*|__/g, "").replace(/^["“'\s]+/, "").trim();
  for (const [kind, re] of RULES) if (re.test(plain)) return kind;
  return "claim";
}
