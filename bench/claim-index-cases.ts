// Claim index cases (issue "Similar claims and enrichment", SPEC §6): the
// index built over 50,000 claim titles, one source's candidates (5 titles)
// searched against it, and one changed claim updated in it. Titles are 15–25
// words drawn from a vocabulary with a Zipf-like skew (a few words in many
// titles, as "AI" and "alignment" are in a real vault), seeded, so every run
// sees the same claims. No Node built-ins.
import { ClaimIndex } from "../src/core/claims/claim-index";
import type { ClaimInput } from "../src/core/claims/claim-input";
import { Pacer } from "../src/core/queue/pacer";
import { SIMILAR } from "../src/core/text/similarity";
import { sample } from "./measure";
import type { Report } from "./report";
import { prng } from "./vault-shape";

const FUNCTION_WORDS = "the a of in to for and because which that is are by with than as when not more only from".split(" ");
const CONTENT_WORDS = (
  "alignment model models training reward preference human feedback oversight scalable interpretability circuit feature features " +
  "safety evaluation benchmark capability capabilities deployment governance policy regulation market markets price prices token " +
  "futarchy treasury liquidity proposal vote voting coordination collective intelligence diversity network agents agent autonomy " +
  "carbon emissions climate warming heat ocean permafrost drought yield crops soil water energy solar battery grid storage " +
  "vaccine immune antibiotic microbiome gene editing protein cell tissue disease mortality health care cost payment insurance " +
  "medicare hospital prevention chronic obesity glp1 weight metabolic inflation wage labor productivity debt growth trade tariff " +
  "export compute chips semiconductor supply chain launch orbit satellite reusable rocket manufacturing pharmaceutical fiber " +
  "creator audience platform streaming studio content community ownership fans revenue subscription advertising attention " +
  "research replication evidence sample effect size confidence bias measurement error survey panel cohort trial randomized " +
  "increase decrease reduce predicts causes enables prevents requires outperforms fails collapses scales converges diverges " +
  "faster slower cheaper larger smaller early late long short persistent temporary structural marginal systematic irreversible " +
  "first second three five ten percent twice half decade year 2030 2035 global regional local national federal"
).split(" ");

/** A claim title of 15–25 words: content words drawn with a skew toward the front of the vocabulary, function words between. */
export function claimTitle(rand: () => number): string {
  const n = 15 + Math.floor(rand() * 11);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0 && rand() < 0.35) words.push(FUNCTION_WORDS[Math.floor(rand() * FUNCTION_WORDS.length)] as string);
    else words.push(CONTENT_WORDS[Math.floor(CONTENT_WORDS.length * rand() ** 1.8)] as string);
  }
  const title = words.join(" ");
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** n claims in a few domain folders. */
export function claimInputs(n: number, seed = 11): ClaimInput[] {
  const rand = prng(seed);
  const domains = ["ai-alignment", "health", "internet-finance", "entertainment", "space-development", "climate"];
  const out: ClaimInput[] = [];
  for (let i = 0; i < n; i++) {
    const title = claimTitle(rand);
    const folder = domains[i % domains.length] as string;
    // The file name is the title, as the claim writer makes it (one in ten cut short, the title kept as an alias).
    const cut = i % 10 === 0;
    const name = cut ? title.split(" ").slice(0, 12).join(" ") : title;
    out.push({ path: `domains/${folder}/${name}.md`, title: cut ? null : title, aliases: cut ? [title] : [] });
  }
  return out;
}

/** How loaded the machine is: a loop of 660,000 map pushes, to compare runs on a shared machine whose load swings tenfold. */
function calibration(): number {
  const start = performance.now();
  const m = new Map<string, number[]>();
  for (let i = 0; i < 660_000; i++) {
    const k = `t${i % 3000}`;
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  }
  return performance.now() - start;
}

/**
 * The plugin's build (src/plugin/claim-index-live.ts) in its steps of 10 ms,
 * each followed by a yield to the event loop: the longest stretch between two
 * yields is what the app cannot answer in, collections included.
 */
async function longestStep(inputs: readonly ClaimInput[]): Promise<number> {
  let longest = 0;
  let began = performance.now();
  const pacer = new Pacer({
    budgetMs: 10,
    pause: async () => {
      longest = Math.max(longest, performance.now() - began);
      await new Promise((resolve) => setTimeout(resolve, 0));
      began = performance.now();
    },
  });
  const index = new ClaimIndex();
  for (const input of inputs) {
    index.add(input);
    if (pacer.tick()) await pacer.rest();
  }
  return Math.max(longest, performance.now() - began);
}

export async function claimIndexCases(report: Report, n: number): Promise<void> {
  report.time("claim index: machine calibration (660k map pushes; compare runs by it)", n, await sample(calibration, { warmup: 1, runs: 5 }), null);
  const inputs = claimInputs(n);
  const build = await sample(() => ClaimIndex.build(inputs), { warmup: 2, runs: n >= 50_000 ? 7 : 11, collect: "each" });
  report.time("claim index: build from n claims", n, build, n >= 50_000 ? 300 : null);
  report.add("claim index: built in steps, as the plugin builds it at start-up: longest step", n, await longestStep(inputs), "ms", 50);

  const index = ClaimIndex.build(inputs);
  const rand = prng(5);
  // A source's candidates: new titles from the same vocabulary, and one that restates a claim.
  let turn = 0;
  const candidatesOf = () => {
    const restated = inputs[Math.floor(rand() * inputs.length)]?.title ?? claimTitle(rand);
    return [claimTitle(rand), claimTitle(rand), claimTitle(rand), claimTitle(rand), `${restated} in practice`];
  };
  const sources = Array.from({ length: 40 }, candidatesOf);
  const search = await sample(
    () => {
      const candidates = sources[turn++ % sources.length] ?? [];
      for (const title of candidates) index.similarTo(title, { limit: 3, min: SIMILAR });
    },
    { warmup: 5, runs: 31 },
  );
  report.time("claim index: similar claims for one source's 5 candidates", n, search, n >= 50_000 ? 20 : null);

  // One claim changed: its title edited, as the metadata cache reports it.
  let k = 0;
  const update = await sample(
    () => {
      const input = inputs[(k * 7919) % inputs.length] as ClaimInput;
      index.update(input.path, { ...input, title: `${input.title ?? ""} revised ${k++}` });
    },
    { warmup: 20, runs: 201 },
  );
  report.time("claim index: update one changed claim", n, update, 1);
}
