// SPEC §6: the claim index over the vault's claim notes (titles, aliases,
// file names), its near-duplicate search, its live updates and its name
// lookups; and which notes are claims.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { claimInputFromFrontmatter, claimInputFromText, firstH1, type ClaimInput } from "../../../src/core/claims/claim-input";
import { looseKey, nameKey } from "../../../src/core/claims/claim-keys";
import type { SimilarClaim } from "../../../src/core/claims/similar-ranking";
import { COVERS, SIMILAR, termWeight, titleTerms, weightedSimilarity } from "../../../src/core/text/similarity";

const claim = (path: string, title: string | null = null, aliases: string[] = []): ClaimInput => ({ path, title, aliases });

const PLEDGES = "domains/ai-alignment/voluntary safety pledges cannot survive competitive pressure.md";
const ARROW = "domains/ai-alignment/universal alignment is mathematically impossible because of Arrows theorem.md";
const SPACE = "domains/space/commercial space stations are racing to fill the ISS void by 2030.md";

const base = () => ClaimIndex.build([claim(PLEDGES), claim(ARROW), claim(SPACE, null, ["ISS successor stations"])]);

describe("ClaimIndex: similar claims", () => {
  it("a restated title finds the claim, best first, with its score", () => {
    const found = base().similarTo("Voluntary safety pledges can't survive competitive pressure from rivals");
    expect(found[0]).toMatchObject({ path: PLEDGES, title: "voluntary safety pledges cannot survive competitive pressure" });
    expect(found[0]?.score).toBeGreaterThanOrEqual(COVERS);
  });

  it("a title on another topic finds nothing above the threshold", () => {
    expect(base().similarTo("GLP-1 agonists are inflationary through 2035")).toEqual([]);
  });

  it("an alias counts as a name of the claim", () => {
    expect(base().similarTo("ISS successor stations")[0]?.path).toBe(SPACE);
  });

  it("gives at most `limit` claims, and leaves out `exclude`", () => {
    const index = ClaimIndex.build([1, 2, 3, 4, 5].map((i) => claim(`c/${i} safety pledges fail under pressure.md`, "safety pledges fail under pressure")));
    expect(index.similarTo("safety pledges fail under pressure", { limit: 3 }).map((s) => s.path)).toEqual(["c/1 safety pledges fail under pressure.md", "c/2 safety pledges fail under pressure.md", "c/3 safety pledges fail under pressure.md"]);
    expect(index.similarTo("safety pledges fail under pressure", { limit: 2, exclude: "c/1 safety pledges fail under pressure.md" }).map((s) => s.path)).toEqual(["c/2 safety pledges fail under pressure.md", "c/3 safety pledges fail under pressure.md"]);
  });

  it("refuses a threshold of 0, which an index of shared words cannot answer", () => {
    expect(() => base().similarTo("anything", { min: 0 })).toThrow(RangeError);
  });

  it("its terms are those of titleTerms, word by word or whole", () => {
    const index = base();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("Anthropic's", "hours-per-prompt", "Étude", "the", "of", "10^3", "U.S.", "measured", "measurements"), fc.string({ maxLength: 10 })), { maxLength: 12 }), (words) => {
        const text = words.join(" ");
        expect(index.termsOf(text).terms).toEqual(titleTerms(text).terms);
      }),
    );
  });
});

describe("ClaimIndex: live updates", () => {
  it("update replaces a claim's title; the old words no longer find it", () => {
    const index = ClaimIndex.build([claim("d/p.md", "voluntary safety pledges cannot survive competitive pressure")]);
    index.update("d/p.md", claim("d/p.md", "Frontier labs abandon voluntary commitments when rivals ship"));
    expect(index.similarTo("voluntary safety pledges cannot survive competitive pressure")).toEqual([]);
    expect(index.similarTo("labs abandon voluntary commitments when rivals ship")[0]?.path).toBe("d/p.md");
    expect(index.byExactTitle("Frontier labs abandon voluntary commitments when rivals ship")?.path).toBe("d/p.md");
    expect(index.byExactTitle("voluntary safety pledges cannot survive competitive pressure")).toBeNull();
  });

  it("the file name stays a name of the claim when its title changes", () => {
    const index = base();
    index.update(PLEDGES, claim(PLEDGES, "Frontier labs abandon voluntary commitments when rivals ship"));
    expect(index.similarTo("voluntary safety pledges cannot survive competitive pressure")[0]?.path).toBe(PLEDGES);
  });

  it("update with null (the type changed away from claim) and remove take it out", () => {
    const index = base();
    index.update(PLEDGES, null);
    expect(index.get(PLEDGES)).toBeNull();
    expect(index.size).toBe(2);
    expect(index.remove(ARROW)).toBe(true);
    expect(index.remove(ARROW)).toBe(false);
    expect(index.similarTo("Arrows theorem makes universal alignment impossible")).toEqual([]);
    expect(index.byExactTitle("voluntary safety pledges cannot survive competitive pressure")).toBeNull();
  });

  it("rename moves the claim; a title that was its file name follows the new name", () => {
    const index = base();
    const moved = "domains/ai-alignment/safety pledges collapse under competition.md";
    expect(index.rename(PLEDGES, moved)).toBe(true);
    expect(index.get(PLEDGES)).toBeNull();
    expect(index.get(moved)?.title).toBe("safety pledges collapse under competition");
    expect(index.byExactTitle("voluntary safety pledges cannot survive competitive pressure")).toBeNull();
  });

  it("rename keeps a title of the note's own (its H1) and its aliases", () => {
    const index = ClaimIndex.build([claim("a/old.md", "Monitors: fail at scale", ["monitor failure"])]);
    index.rename("a/old.md", "b/new.md");
    expect(index.get("b/new.md")).toEqual({ path: "b/new.md", title: "Monitors: fail at scale", aliases: ["monitor failure"], fileName: "new", domains: [] });
    expect(index.byExactTitle("monitor failure")?.path).toBe("b/new.md");
    expect(index.byExactTitle("old")).toBeNull();
  });

  it("slots freed by removals are reused without mixing claims up", () => {
    const index = base();
    index.remove(ARROW);
    index.add(claim("x/probes beat sparse autoencoders on held-out tasks.md"));
    expect(index.similarTo("probes beat sparse autoencoders")[0]?.path).toBe("x/probes beat sparse autoencoders on held-out tasks.md");
    expect(index.similarTo("Arrows theorem universal alignment impossible")).toEqual([]);
  });
});

describe("ClaimIndex: names", () => {
  const index = ClaimIndex.build([
    claim("domains/a/Monitors - fail at scale.md", "Monitors: fail at scale", ["Monitor failure"]),
    claim("domains/b/Café effects persist.md"),
    claim("domains/c/futarchy-adoption-faces-friction.md", "Futarchy adoption faces friction"),
  ]);
  const cases: { name: string; lookup: string; path: string | null }[] = [
    { name: "the exact title", lookup: "Monitors: fail at scale", path: "domains/a/Monitors - fail at scale.md" },
    { name: "the title in another case", lookup: "MONITORS: FAIL AT SCALE", path: "domains/a/Monitors - fail at scale.md" },
    { name: "an alias", lookup: "monitor failure", path: "domains/a/Monitors - fail at scale.md" },
    { name: "the file name, with or without .md", lookup: "Monitors - fail at scale.md", path: "domains/a/Monitors - fail at scale.md" },
    { name: "a title in another Unicode form (NFD)", lookup: "Cafe\u0301 effects persist", path: "domains/b/Café effects persist.md" },
    { name: "a title with doubled spaces", lookup: "Futarchy  adoption faces friction", path: "domains/c/futarchy-adoption-faces-friction.md" },
    { name: "a different title", lookup: "Monitors fail at scale", path: null },
  ];
  for (const c of cases) {
    it(`byExactTitle finds a claim by ${c.name}`, () => {
      expect(index.byExactTitle(c.lookup)?.path ?? null).toBe(c.path);
    });
  }

  const links: { name: string; link: string; path: string | null; certain?: boolean }[] = [
    { name: "a vault path", link: "domains/a/Monitors - fail at scale", path: "domains/a/Monitors - fail at scale.md", certain: true },
    { name: "a vault path in another case, with a heading", link: "Domains/A/monitors - fail at scale#Evidence", path: "domains/a/Monitors - fail at scale.md", certain: true },
    { name: "a file name with a display text", link: "futarchy-adoption-faces-friction|friction", path: "domains/c/futarchy-adoption-faces-friction.md", certain: true },
    { name: "the title written as a slug", link: "monitors-fail-at-scale", path: "domains/a/Monitors - fail at scale.md", certain: true },
    { name: "the slug file name written with spaces", link: "Futarchy adoption faces friction", path: "domains/c/futarchy-adoption-faces-friction.md", certain: true },
    { name: "a note that is not a claim", link: "_map", path: null },
  ];
  for (const c of links) {
    it(`resolve finds the claim a link names: ${c.name}`, () => {
      const found = index.resolve(c.link);
      expect(found?.entry.path ?? null).toBe(c.path);
      if (c.path) expect(found?.certain).toBe(c.certain);
    });
  }

  it("slug lookups follow claims added and removed after the first lookup", () => {
    const live = ClaimIndex.build([claim("d/Probes beat SAEs.md")]);
    expect(live.resolve("probes-beat-saes")?.entry.path).toBe("d/Probes beat SAEs.md");
    live.add(claim("d/Monitors fail at scale.md"));
    live.remove("d/Probes beat SAEs.md");
    expect(live.resolve("monitors-fail-at-scale")?.entry.path).toBe("d/Monitors fail at scale.md");
    expect(live.resolve("probes-beat-saes")).toBeNull();
  });

  it("keys fold case, Unicode form and punctuation as documented", () => {
    expect(nameKey(" Café\u0301  X ")).toBe(nameKey("café́ x"));
    expect(looseKey("Monitors: fail-at_scale")).toBe("monitors fail at scale");
    expect(looseKey("Éte")).toBe("ete");
  });
});

describe("ClaimIndex: the inverted index answers as a full scan does", () => {
  const WORDS = "safety pledge pledges alignment model reward human feedback market token price carbon heat vaccine debt growth trade the of because and AI".split(" ");
  const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 9 }).map((w) => w.join(" "));
  const op = fc.oneof(
    fc.record({ kind: fc.constant("add" as const), at: fc.nat(12), title, alias: fc.option(title, { nil: undefined }) }),
    fc.record({ kind: fc.constant("remove" as const), at: fc.nat(12) }),
    fc.record({ kind: fc.constant("rename" as const), at: fc.nat(12), to: fc.nat(12) }),
  );

  function bruteForce(claims: Map<string, ClaimInput>, query: string, limit: number, min: number): SimilarClaim[] {
    const q = titleTerms(query);
    const all: SimilarClaim[] = [];
    const namesOf = (c: ClaimInput) => {
      const fileName = c.path.slice(c.path.lastIndexOf("/") + 1, -3);
      return [c.title ?? fileName, ...c.aliases, fileName];
    };
    // Each term weighed by how many claims hold it in any name (issue #24), as the index does.
    const df = new Map<string, number>();
    for (const c of claims.values()) for (const t of new Set(namesOf(c).flatMap((n) => titleTerms(n).terms))) df.set(t, (df.get(t) ?? 0) + 1);
    const weight = (t: string) => termWeight(df.get(t) ?? 0, claims.size);
    for (const c of claims.values()) {
      const fileName = c.path.slice(c.path.lastIndexOf("/") + 1, -3);
      const shown = c.title ?? fileName;
      const score = Math.max(...namesOf(c).map((n) => weightedSimilarity(q, titleTerms(n), weight)));
      if (score >= min) all.push({ path: c.path, title: shown, score });
    }
    return all.sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, limit);
  }

  it("after any sequence of adds, removals and renames, the same top claims with the same scores", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), fc.array(title, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 4 }), fc.constantFrom(SIMILAR, COVERS, 0.2), (ops, queries, limit, min) => {
        const index = new ClaimIndex();
        const model = new Map<string, ClaimInput>();
        const pathAt = (i: number) => `d/claim ${i}.md`;
        for (const o of ops) {
          if (o.kind === "add") {
            const input = claim(pathAt(o.at), o.title, o.alias ? [o.alias] : []);
            index.add(input);
            model.set(input.path, input);
          } else if (o.kind === "remove") {
            index.remove(pathAt(o.at));
            model.delete(pathAt(o.at));
          } else {
            const old = model.get(pathAt(o.at));
            index.rename(pathAt(o.at), pathAt(o.to));
            if (old) {
              model.delete(old.path);
              model.set(pathAt(o.to), { ...old, path: pathAt(o.to) });
            }
          }
        }
        expect(index.size).toBe(model.size);
        for (const q of queries) expect(index.similarTo(q, { limit, min })).toEqual(bruteForce(model, q, limit, min));
      }),
      { numRuns: 300 },
    );
  });
});

describe("which notes are claims", () => {
  it("a note whose type is claim, with its title from the frontmatter, else its first H1, else its file name", () => {
    const text = "---\ntype: claim\naliases: [Short name]\n---\n\n```\n# not this\n```\n# The claim itself\n";
    expect(claimInputFromText("d/x.md", text)).toEqual({ path: "d/x.md", title: "The claim itself", aliases: ["Short name"], domains: [] });
    expect(claimInputFromText("d/x.md", '---\ntype: "Claim"\ntitle: Own title\n---\n# H1\n')?.title).toBe("Own title");
    expect(claimInputFromText("d/x.md", "---\ntype: claim\n---\nNo heading\n")).toEqual({ path: "d/x.md", title: null, aliases: [], domains: [] });
  });

  it("other types, no frontmatter and unreadable YAML are not claims", () => {
    expect(claimInputFromText("d/x.md", "---\ntype: source\n---\n")).toBeNull();
    expect(claimInputFromText("d/x.md", "# no frontmatter\n")).toBeNull();
    expect(claimInputFromText("d/x.md", "---\ntype: claim\ntitle: [oops\n---\n")).toBeNull();
  });

  it("the claim types are a parameter, and a single alias string counts", () => {
    expect(claimInputFromFrontmatter("d/x.md", { type: "insight", alias: "one" }, null, ["insight"])).toEqual({ path: "d/x.md", title: null, aliases: ["one"], domains: [] });
    expect(claimInputFromFrontmatter("d/x.md", { type: "insight" }, null)).toBeNull();
  });

  it("firstH1 skips fenced code and deeper headings", () => {
    expect(firstH1(["## Two", "~~~", "# code", "~~~", "# One"])).toBe("One");
    expect(firstH1(["text"])).toBeNull();
  });
});
