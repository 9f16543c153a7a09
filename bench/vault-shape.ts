// The shape of a benchmark vault (issue "Performance at 50,000 sources"): n
// source notes like the demo vault's inbox. Each note is one of the demo notes
// used as a template (body, hint lists, frontmatter oddities and all) with its
// title, date, priority, status and domain varied by a seeded PRNG, so every
// run and every machine sees the same vault. No Node built-ins: the browser
// part of the benchmark builds its vault with this too.

/** The seed source (SPEC): the note split by the extraction cases. */
export const SEED = "inbox/2026-04-06-circuit-tracing-production-safety-mitra.md";

/** mulberry32: small, fast and good enough to vary test data deterministically. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Template {
  name: string;
  text: string;
  /** Slug of the file name without its date prefix. */
  slug: string;
}

const DOMAINS = ["ai-alignment", "biology", "climate", "economics", "energy", "health", "policy", "materials", "neuroscience", "security", "education", "agriculture"];
const LEADS = ["Evidence", "Field notes", "New data", "Revisited", "A survey", "Replication", "Working paper", "Preprint", "Brief", "Analysis", "Report", "Thread"];
const STATUSES: [string, number][] = [["unprocessed", 0.55], ["processing", 0.15], ["processed", 0.2], ["null-result", 0.05], ["partial", 0.05]];
const PRIORITIES: [string, number][] = [["high", 0.2], ["medium", 0.45], ["low", 0.35]];

function weighted(rand: () => number, table: [string, number][]): string {
  let r = rand();
  for (const [value, weight] of table) {
    r -= weight;
    if (r < 0) return value;
  }
  return table[table.length - 1]![0];
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

const FIRST_DAY = Date.UTC(2018, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);

function randomDate(rand: () => number): string {
  const day = new Date(FIRST_DAY + Math.floor(rand() * ((LAST_DAY - FIRST_DAY) / 86_400_000 + 1)) * 86_400_000);
  const ymd = day.toISOString().slice(0, 10);
  const r = rand();
  // Real notes hold unknown days and months as 00.
  if (r < 0.01) return `${ymd.slice(0, 4)}-00-00`;
  if (r < 0.04) return `${ymd.slice(0, 7)}-00`;
  return ymd;
}

/** Replace a frontmatter field's value when the template writes it plainly; odd values (free text, comments) stay as they are. */
function setField(text: string, field: string, plain: RegExp, value: string): string {
  const re = new RegExp(`^(${field}:[ \\t]*)(.*?)(\\r?)$`, "m");
  return text.replace(re, (whole, head: string, old: string, cr: string) => (plain.test(old) ? `${head}${value}${cr}` : whole));
}

export interface GeneratedNote {
  path: string;
  text: string;
}

/** The i-th note of a benchmark vault (deterministic in seed and i). */
export function makeNote(templates: readonly Template[], seed: number, i: number, width: number): GeneratedNote {
  const rand = prng(seed * 1_000_003 + i);
  const t = pick(rand, templates);
  const date = randomDate(rand);
  const titleMatch = /^title:[ \t]*"?(.*?)"?\r?$/m.exec(t.text);
  const baseTitle = (titleMatch?.[1] ?? t.slug.replace(/-/g, " ")).replace(/"/g, "");
  const title = `${pick(rand, LEADS)}: ${baseTitle} (${i})`;
  let text = t.text;
  text = setField(text, "title", /^".*"$|^[^"#]*$/, `"${title.replace(/\\/g, "")}"`);
  text = setField(text, "date", /^\d{4}-\d{2}-\d{2}$/, date);
  text = setField(text, "priority", /^(high|medium|low)$/, weighted(rand, PRIORITIES));
  text = setField(text, "status", /^(unprocessed|processing|processed|null-result)$/, weighted(rand, STATUSES));
  text = setField(text, "domain", /^[a-z-]+$/, pick(rand, DOMAINS));
  return { path: `inbox/${date}-${t.slug}-${pad(i, width)}.md`, text };
}

export function* generateNotes(templates: readonly Template[], n: number, seed = 42): Generator<GeneratedNote> {
  const width = String(n).length;
  for (let i = 0; i < n; i++) yield makeNote(templates, seed, i, width);
}

/** The same vault as vault path → text, for the Obsidian double's in-memory storage. */
export function vaultFiles(templates: readonly Template[], n: number, seed = 42): Record<string, string> {
  const files: Record<string, string> = {};
  for (const note of generateNotes(templates, n, seed)) files[note.path] = note.text;
  return files;
}
