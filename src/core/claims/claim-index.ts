// The claim index (SPEC §6): every claim note of the vault (its `type` is
// `claim`, anywhere) by title, aliases and file name, for "similar to [[X]]"
// on new candidates and for finding the claim an enrichment hint names.
//
// Similarity is the score of ../text/similarity (the one place it is
// defined). That score is 0 for two titles that share no term, so an inverted
// index (term → claims) finds every claim that can reach a threshold above 0
// without scanning the rest: a search touches only the claims sharing a term
// with the query, then scores those exactly (./similar-ranking). A test
// checks it against a full scan.
//
// Names are filed under the keys of ./claim-keys, titles cut into terms by
// ./term-cache.
//
// Live updates (add, update, remove, rename) touch one entry's terms, so the
// plugin can follow the metadata cache note by note. Pure TypeScript.
import { basenameOf } from "../note/model";
import { SIMILAR, type TitleTerms } from "../text/similarity";
import type { ClaimInput } from "./claim-input";
import { looseKey, nameKey, withoutMd } from "./claim-keys";
import { pull, push } from "./id-lists";
import { better, insertSorted, type SimilarClaim, type SimilarOptions } from "./similar-ranking";
import { TermCache } from "./term-cache";
import { DomainFolders, type DomainFolder } from "./domain-folders";
import { TermRarity } from "./term-rarity";

export interface ClaimEntry {
  readonly path: string;
  readonly title: string;
  readonly aliases: readonly string[];
  /** The file's name without `.md`. */
  readonly fileName: string;
  /** The note's `domain` values (none when missing or not text). */
  readonly domains: readonly string[];
}

interface Slot {
  entry: ClaimEntry;
  /** The title has no date of its own: it follows the file name on a rename. */
  titleFromFile: boolean;
  /** One name id per distinct name (title, aliases, file name), with its terms. */
  nameIds: number[];
  nameTerms: (readonly string[])[];
  keys: string[];
  looseKeys: string[];
}

export class ClaimIndex {
  private slots: (Slot | undefined)[] = [];
  private freeSlots: number[] = [];
  private byPath = new Map<string, number>();
  /** term → ids of the names holding it (a claim's title, aliases and file name are names). */
  private postings = new Map<string, number[]>();
  /** name id → its claim's slot (-1: free) and its number of terms. */
  private nameSlot: number[] = [];
  private nameSize: number[] = [];
  private freeNames: number[] = [];
  private exact = new Map<string, number[]>();
  /** Built at the first lookup that needs it (links written as slugs): most builds never do, and it costs a quarter of one. */
  private looseMap: Map<string, number[]> | null = null;
  private readonly terms = new TermCache();
  /** Where each domain's claims live (SPEC §3 `auto`). */
  private readonly folders = new DomainFolders();
  /** How many claims hold each term in any of their names: the rarity that weighs it (issue #24). */
  private readonly rarity = new TermRarity();
  /** name id → its terms, and (built at the first search after a change) the sum of their weights. */
  private termsById: (readonly string[] | undefined)[] = [];
  private nameWeight: Float64Array | null = null;
  /** Weight of the shared terms per name during a search; the touched ones are cleared after. */
  private counts = new Float64Array(0);

  static build(inputs: Iterable<ClaimInput>): ClaimIndex {
    const index = new ClaimIndex();
    for (const input of inputs) index.add(input);
    return index;
  }

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): ClaimEntry | null {
    const id = this.byPath.get(path);
    return id === undefined ? null : (this.slots[id]?.entry ?? null);
  }

  *all(): IterableIterator<ClaimEntry> {
    for (const slot of this.slots) if (slot) yield slot.entry;
  }

  /** The normalized terms of a title, as ../text/similarity's titleTerms gives them (memoized per word). */
  termsOf(title: string): TitleTerms {
    return this.terms.of(title);
  }

  /** Put a claim in, replacing what the index held for its path. */
  add(input: ClaimInput): ClaimEntry {
    this.remove(input.path);
    const fileName = basenameOf(input.path);
    const title = input.title?.trim() || fileName;
    const aliases = input.aliases.map((a) => a.trim()).filter((a) => a !== "");
    const domains = [...new Set((input.domains ?? []).map((d) => d.trim()).filter((d) => d !== ""))];
    const entry: ClaimEntry = { path: input.path, title, aliases, fileName, domains };
    this.folders.count(entry.path, entry.domains, 1);
    const id = this.freeSlots.pop() ?? this.slots.length;
    const slot: Slot = { entry, titleFromFile: !input.title?.trim(), nameIds: [], nameTerms: [], keys: [], looseKeys: [] };
    // Most claims are named by their title alone (the file name is the title): that one name costs no set or join.
    const names = fileName === title ? [title, ...aliases] : [title, ...aliases, fileName];
    const seenTerms = names.length > 1 ? new Set<string>() : null;
    for (const name of names) {
      const key = nameKey(name);
      if (slot.keys.includes(key)) continue;
      slot.keys.push(key);
      const terms = this.terms.of(name).terms;
      if (terms.length === 0) continue;
      if (seenTerms) {
        const joined = terms.join(" ");
        if (seenTerms.has(joined)) continue;
        seenTerms.add(joined);
      }
      const nameId = this.freeNames.pop() ?? this.nameSlot.length;
      this.nameSlot[nameId] = id;
      this.nameSize[nameId] = terms.length;
      this.termsById[nameId] = terms;
      slot.nameIds.push(nameId);
      slot.nameTerms.push(terms);
      for (const term of terms) push(this.postings, term, nameId);
    }
    this.slots[id] = slot;
    this.countTerms(slot, 1);
    this.byPath.set(entry.path, id);
    for (const key of slot.keys) push(this.exact, key, id);
    if (this.looseMap !== null) this.addLoose(slot, id, this.looseMap);
    return entry;
  }

  /** The note changed (its title, aliases, or its type in or out of `claim`: pass null to take it out). */
  update(path: string, input: ClaimInput | null): void {
    if (input === null) this.remove(path);
    else this.add({ ...input, path });
  }

  remove(path: string): boolean {
    const id = this.byPath.get(path);
    if (id === undefined) return false;
    const slot = this.slots[id];
    this.byPath.delete(path);
    this.slots[id] = undefined;
    this.freeSlots.push(id);
    if (slot) {
      this.folders.count(slot.entry.path, slot.entry.domains, -1);
      this.countTerms(slot, -1);
      slot.nameIds.forEach((nameId, i) => {
        for (const term of slot.nameTerms[i] ?? []) pull(this.postings, term, nameId);
        this.nameSlot[nameId] = -1;
        this.termsById[nameId] = undefined;
        this.freeNames.push(nameId);
      });
      for (const key of slot.keys) pull(this.exact, key, id);
      if (this.looseMap !== null) for (const key of slot.looseKeys) pull(this.looseMap, key, id);
    }
    return true;
  }

  /** A file moved or was renamed: same claim, new path (and new title when the title was its file name). */
  rename(oldPath: string, newPath: string): boolean {
    const id = this.byPath.get(oldPath);
    const slot = id === undefined ? undefined : this.slots[id];
    if (!slot) return false;
    const { entry, titleFromFile } = slot;
    if (oldPath !== newPath) this.remove(oldPath);
    this.add({ path: newPath, title: titleFromFile ? null : entry.title, aliases: entry.aliases, domains: entry.domains });
    return true;
  }

  /** A claim's distinct terms (over all its names) counted in or out of the document frequencies. */
  private countTerms(slot: Slot, by: 1 | -1): void {
    this.rarity.count(slot.nameTerms.flat(), by);
    this.nameWeight = null;
  }

  /** How much a term weighs in this vault's similarity (../text/similarity termWeight): rarer across claim titles, heavier. */
  weightOf(term: string): number {
    return this.rarity.weightOf(term, this.size);
  }

  private weights(): Float64Array {
    if (this.nameWeight !== null && this.nameWeight.length >= this.termsById.length) return this.nameWeight;
    const out = new Float64Array(this.termsById.length);
    this.termsById.forEach((terms, nameId) => {
      let w = 0;
      for (const t of terms ?? []) w += this.weightOf(t);
      out[nameId] = w;
    });
    this.nameWeight = out;
    return out;
  }

  /** The folders holding claims of `domain`, most claims first, ties alphabetically (SPEC §3 `auto`). */
  foldersOf(domain: string): DomainFolder[] {
    return this.folders.of(domain);
  }

  /** Every domain the claims name, with its folders as foldersOf gives them (`conventions`). */
  domainFolders(): Map<string, DomainFolder[]> {
    return this.folders.all();
  }

  /** The claims whose titles are most like `title` (SPEC §6 near-duplicates), best first. */
  similarTo(title: string, opts: SimilarOptions = {}): SimilarClaim[] {
    return this.similarToTerms(this.terms.of(title), opts);
  }

  /**
   * The search. The postings give, for every name sharing a term with the
   * query, the weight of what it shares (each term weighed by its rarity
   * across the vault's claims, issue #24); a name sharing none scores 0 and
   * is never looked at. The score is ../text/similarity's weightedSimilarity
   * with this index's weights, which the full-scan property test checks.
   */
  similarToTerms(query: TitleTerms, opts: SimilarOptions = {}): SimilarClaim[] {
    const limit = opts.limit ?? 3;
    const min = opts.min ?? SIMILAR;
    if (limit <= 0 || query.terms.length === 0) return [];
    if (!(min > 0)) throw new RangeError("similarTo needs a threshold above 0: claims sharing no word score 0 and are not searched");
    if (this.counts.length < this.nameSlot.length) this.counts = new Float64Array(Math.max(1024, this.nameSlot.length * 2));
    const counts = this.counts;
    const nameWeight = this.weights();
    const touched: number[] = [];
    let queryWeight = 0;
    for (const term of query.terms) {
      const w = this.weightOf(term);
      queryWeight += w;
      const ids = this.postings.get(term);
      if (!ids) continue;
      for (const nameId of ids) {
        const c = counts[nameId] as number;
        if (c === 0) touched.push(nameId);
        counts[nameId] = c + w;
      }
    }
    const best = new Map<number, number>();
    for (const nameId of touched) {
      // ../text/similarity's weightedSimilarity, from the weights gathered here.
      const score = (counts[nameId] as number) / (Math.min(queryWeight, nameWeight[nameId] as number) + 1);
      counts[nameId] = 0;
      if (score < min) continue;
      const slotId = this.nameSlot[nameId] as number;
      if (score > (best.get(slotId) ?? -1)) best.set(slotId, score);
    }
    const top: SimilarClaim[] = [];
    for (const [slotId, score] of best) {
      const entry = this.slots[slotId]?.entry;
      if (!entry || entry.path === opts.exclude) continue;
      const found = { path: entry.path, title: entry.title, score };
      if (top.length === limit && better(found, top[limit - 1] as SimilarClaim) >= 0) continue;
      insertSorted(top, found, limit);
    }
    return top;
  }

  /** Every claim whose title, an alias or file name is `name` (case and Unicode form aside; `.md` optional), shortest path first. */
  named(name: string): ClaimEntry[] {
    return this.entriesOf(this.exact.get(nameKey(withoutMd(name))));
  }

  /** The claim whose title, an alias or file name is `name`, or null; of several, the one a link would reach (shortest path). */
  byExactTitle(name: string): ClaimEntry | null {
    return this.named(name)[0] ?? null;
  }

  /**
   * The claim a name written in a hint or a `[[link]]` means: a vault path
   * (`domains/x/name`, `.md` optional), else a title, alias or file name,
   * else the same words written as a slug. `certain` when exactly one claim
   * answers; with several, the shortest path (as a link resolves).
   */
  resolve(name: string): { entry: ClaimEntry; certain: boolean } | null {
    const target = withoutMd(name.replace(/[#|].*$/s, "").trim());
    if (target === "") return null;
    if (target.includes("/")) {
      const byPath = this.get(`${target.replace(/^\/+/, "")}.md`) ?? this.pathIgnoringCase(target);
      if (byPath) return { entry: byPath, certain: true };
    }
    const base = target.slice(target.lastIndexOf("/") + 1);
    for (const found of [this.named(base), this.entriesOf(this.loose().get(looseKey(base)))]) {
      const first = found[0];
      if (first) return { entry: first, certain: found.length === 1 };
    }
    return null;
  }

  private loose(): Map<string, number[]> {
    if (this.looseMap === null) {
      const map = new Map<string, number[]>();
      this.slots.forEach((slot, id) => {
        if (slot) this.addLoose(slot, id, map);
      });
      this.looseMap = map;
    }
    return this.looseMap;
  }

  private addLoose(slot: Slot, id: number, map: Map<string, number[]>): void {
    slot.looseKeys = [...new Set([slot.entry.title, ...slot.entry.aliases, slot.entry.fileName].map(looseKey).filter((k) => k !== ""))];
    for (const key of slot.looseKeys) push(map, key, id);
  }

  private pathIgnoringCase(target: string): ClaimEntry | null {
    const wanted = `${nameKey(target.replace(/^\/+/, ""))}.md`;
    for (const id of this.exact.get(nameKey(basenameOf(target))) ?? []) {
      const entry = this.slots[id]?.entry;
      if (entry && nameKey(entry.path) === wanted) return entry;
    }
    return null;
  }

  private entriesOf(ids: readonly number[] | undefined): ClaimEntry[] {
    if (!ids) return [];
    const out: ClaimEntry[] = [];
    for (const id of ids) {
      const entry = this.slots[id]?.entry;
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}
