// The title of a claim candidate (SPEC §2, "Title of a candidate").
import { finishTitle, stripMarkdown } from "../text/markdown";
import { collapseWhitespace, isClaimQuote, quotedPassages, sentencesOf } from "../text/sentences";

export { finishTitle, stripMarkdown };


export interface TitleResult {
  title: string;
  fromQuote: boolean;
}

export interface TitleParts extends TitleResult {
  /** What the hint says beyond the title, instructions to the extractor left out: the description's first choice. */
  commentary: string;
}

// Labels and instructions that open a hint rather than state its claim
// (surveyed on real notes: "Claim about X", "Key claim: X", "Potential new
// claim: X", "Extract claim about X", "Evidence for: X", "Claim enrichment:
// X", "Enrichment target: existing claim X", "Also notable: X"). Tried in
// turn until none applies, so "Also potential new claim about X" loses all
// three.
const MODIFIER = String.raw`(?:(?:new|key|potential|possible|main|primary|strong(?:est)?|another|central|core|candidate|counter|separate|one|a)[\s-]+)*`;
const LEADING: RegExp[] = [
  /^also\b[\s,:]*(?:notable|worth noting|noteworthy)?\s*[:,]?\s*/i,
  new RegExp(String.raw`^${MODIFIER}(?:claims?|claim candidates?|candidate claims?)(?:\s+(?:enrichment|candidates?))?\s*(?::|—|–|\s-\s)\s*`, "i"),
  new RegExp(String.raw`^${MODIFIER}(?:claims?|claim candidates?|candidate claims?)\s+(?:about|on|that|around|regarding|re|for)\s+`, "i"),
  /^extract(?:\s+(?:an?|the|one))?(?:\s+new)?\s+claims?\s*(?:about|on|that|for)?\s*:?\s*/i,
  // "Extract the systemic nature of the delays as evidence of …": the object of "extract" is the title.
  /^extract\s+(?:the|an?|this|these)\s+(?=\S)/i,
  /^evidence\s+(?:for|that|of)\s*:?\s*/i,
  /^(?:potential\s+)?(?:claim\s+)?enrichment(?:\s+target)?\s*:\s*/i,
];

// Where a title stops and the hint-writer's instruction begins: "… deserves
// its own claim", "… is the key claim candidate", "… is a specific mechanism
// worth extracting", "— use this as evidence in …", "Evidence: …", "(… claim)".
// An en dash only with spaces round it: unspaced it is a range ("50–64").
const DASH = String.raw`(?:\s*—\s*|\s+–\s+|\s*--\s*|\s-\s)`;
const TRAILING: { re: RegExp; keepsTail: boolean }[] = [
  { re: /\s+(?:deserves|merits|warrants|needs|is worth|gets)\s+(?:its|their|a|an)\s+(?:own\s+|separate\s+|standalone\s+)?claim\b[\s,:;—–-]*/i, keepsTail: true },
  {
    re: /\s+(?:is|are|may be|might be|would be|could be|seems)\s+(?:itself\s+|also\s+|probably\s+)?(?:(?:a|an|the)\s+)?(?:[\w-]+,?\s+){0,3}?(?:claim[- ]worthy(?:\s+insight)?|claim candidates?|candidate claims?|(?:counter-)?claim|(?:key\s+)?insight|worth\s+(?:extracting|documenting|noting|capturing|considering)\w*)\b[\s,:;—–-]*/i,
    keepsTail: true,
  },
  {
    re: new RegExp(String.raw`${DASH}(?=[^—–]*\b(?:claims?|evidence|extract\w*|enrich\w*|priority|track(?:ing)?|connects?|maps?|data point|check against|new concept|upcoming)\b)`, "i"),
    keepsTail: false,
  },
  { re: /[.;,]?\s+Evidence\s*:\s*/, keepsTail: true },
  { re: /\s*\((?:[^()]*\s)?claims?\)\s*$/i, keepsTail: false },
  { re: /\s+claim\s*$/i, keepsTail: false },
  // "… mechanism claim with specific evidence": what the extractor should attach, not part of the claim.
  { re: /\s+claim\s+with\s+(?:specific|concrete|supporting|the)?\s*(?:evidence|data|numbers)\s*$/i, keepsTail: false },
];

const MAX_SCAN = 10_000;

/**
 * An item that opens with a single-quoted claim of five words or more
 * ("'Solana DeFi overtakes Hyperliquid within 2 years' — trackable
 * prediction"): hint lists kept in YAML double quotes quote claims so. Only at
 * the start, where an apostrophe cannot be meant.
 */
function openingSingleQuote(head: string): { text: string; start: number; end: number } | null {
  const m = /^\s*['‘]([^'’\n]{10,}?)['’](?=\s|$|[—–:,;.])/.exec(head);
  const text = (m?.[1] ?? "").trim();
  if (!m || text.split(/\s+/).length < 5) return null;
  return { text, start: m.index, end: m.index + m[0].length };
}

export function candidateTitle(head: string): TitleResult {
  const { title, fromQuote } = titleParts(head);
  return { title, fromQuote };
}

/**
 * The title of a hint item and what else it says (SPEC §2 "Title of a
 * candidate", §3 description). With `cut` false (items that are not claims:
 * a caution, a routing note) only the label goes: their whole text is what
 * the curator reads.
 */
export function titleParts(head: string, cut = true): TitleParts {
  const quote = quotedPassages(head).find(isClaimQuote) ?? openingSingleQuote(head);
  if (quote) {
    const around = `${head.slice(0, quote.start)} ${head.slice(quote.end)}`;
    return { title: finishTitle(quote.text), fromQuote: true, commentary: cleanCommentary(stripMarkdown(around.slice(0, MAX_SCAN))) };
  }
  let text = stripMarkdown(head).trim();
  let labelled = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of LEADING) {
      const next = text.replace(re, "");
      if (next !== text && next.trim() !== "") {
        text = next;
        changed = labelled = true;
      }
    }
  }
  if (labelled) text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!cut) return { title: finishTitle(text), fromQuote: false, commentary: "" };
  const flat = collapseWhitespace(text).trim();
  // A title is one sentence: past MAX_SCAN characters a pasted page is not scanned for more.
  let sentences = sentencesOf(flat.length > MAX_SCAN ? flat.slice(0, MAX_SCAN) : flat);
  if (flat.length > MAX_SCAN) {
    const head = sentences[0] ?? "";
    sentences = sentences.length <= 1 ? [flat] : [head, flat.slice(flat.indexOf(head) + head.length)];
  }
  let first = sentences[0] ?? "";
  const rest: string[] = [];
  for (const { re, keepsTail } of TRAILING) {
    const m = re.exec(first);
    if (!m || m.index === 0) continue;
    if (keepsTail) rest.push(first.slice(m.index + m[0].length));
    first = first.slice(0, m.index);
  }
  // A cut can leave the joint behind: "… meaningless — this" once "is a … claim we don't have" is gone.
  first = first.replace(/\s*(?:—|–|--|\s-\s)\s*(?:this|it|that|which)?\s*$/i, "");
  rest.push(...sentences.slice(1));
  // Only the commentary's opening is ever used (a description, a query): a pasted page is not carried along.
  return { title: finishTitle(first), fromQuote: false, commentary: cleanCommentary(rest.join(" ").slice(0, MAX_SCAN)) };
}

/** Commentary without the joints a cut leaves ("claim-worthy:", a leading dash), capitalized. */
function cleanCommentary(text: string): string {
  const clean = collapseWhitespace(text)
    .replace(/^[\s.,;:—–-]+/, "")
    .replace(/^(?:the\s+)?(?:[\w/-]+\s+){0,4}?(?:framing\s+)?is\s+claim[- ]worthy\s*:?\s*/i, "")
    .replace(/[\s,;:—–-]+$/, "")
    .trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}
