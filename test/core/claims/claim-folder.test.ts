// SPEC §3: the `auto` claim folder — where the vault keeps a domain's claims,
// counted by the claim index, with real folders and titles of the public
// knowledge base (teleo-codex).
import { describe, expect, it } from "vitest";
import { chooseClaimFolder } from "../../../src/core/claims/claim-folder";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { claimInputFromText } from "../../../src/core/claims/claim-input";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";

const note = (path: string, domain: string | null) => {
  const input = claimInputFromText(path, `---\ntype: claim\n${domain === null ? "" : `domain: ${domain}\n`}---\n\n# x\n`);
  if (!input) throw new Error("not a claim");
  return input;
};

const CI = "foundations/collective-intelligence";
const vault = () =>
  ClaimIndex.build([
    note(`${CI}/collective intelligence is a measurable property of group interaction structure not aggregated individual ability.md`, "collective-intelligence"),
    note(`${CI}/adversarial contribution improves collective knowledge.md`, "collective-intelligence"),
    note("domains/ai-alignment/AI alignment is a coordination problem not a technical problem.md", "collective-intelligence"),
    note("domains/ai-alignment/voluntary safety pledges cannot survive competitive pressure.md", "ai-alignment"),
    note("domains/internet-finance/futarchy is manipulation-resistant.md", null),
  ]);

const auto = (domain: string | null, index = vault()) => chooseClaimFolder(DEFAULT_SETTINGS, domain, (d) => index.foldersOf(d));

describe("the auto claim folder", () => {
  it("is the default setting", () => {
    expect(DEFAULT_SETTINGS.claimFolder).toBe("auto");
  });

  it("puts collective-intelligence claims under foundations/, where most of them are", () => {
    expect(auto("collective-intelligence")).toEqual({ folder: CI, why: "2 of the 3 claims of collective-intelligence are there" });
  });

  it("matches the domain without regard to case or surrounding space", () => {
    expect(auto(" Collective-Intelligence ").folder).toBe(CI);
  });

  it("with no claim of the domain yet, uses domains/{{domain}}", () => {
    expect(auto("space-development")).toEqual({ folder: "domains/space-development", why: "no claim of space-development in the vault yet" });
  });

  it("with no domain, uses the fallback folder", () => {
    expect(auto(null)).toEqual({ folder: "inbox/claims", why: "the source has no domain" });
  });

  it("a claim with no domain counts for no domain", () => {
    expect(vault().foldersOf("internet-finance")).toEqual([]);
  });

  it("a claim whose domain is a list counts for each domain it names", () => {
    const index = ClaimIndex.build([claimInputFromText("core/mechanisms/futarchy.md", "---\ntype: claim\ndomain: [mechanisms, internet-finance]\n---\n") ?? note("x.md", null)]);
    expect(index.foldersOf("mechanisms")).toEqual([{ folder: "core/mechanisms", count: 1 }]);
    expect(index.foldersOf("internet-finance")).toEqual([{ folder: "core/mechanisms", count: 1 }]);
  });

  it("two folders tied: the alphabetically first, and the preview says so", () => {
    const index = ClaimIndex.build([note("foundations/health/a.md", "health"), note("domains/health/b.md", "health")]);
    expect(auto("health", index)).toEqual({ folder: "domains/health", why: "1 of the 2 claims of health are there; tied with foundations/health: the alphabetically first" });
  });

  it("follows the index as claims are removed and renamed", () => {
    const index = vault();
    index.remove(`${CI}/adversarial contribution improves collective knowledge.md`);
    expect(auto("collective-intelligence", index).folder).toBe("domains/ai-alignment");
    index.rename("domains/ai-alignment/AI alignment is a coordination problem not a technical problem.md", `${CI}/moved.md`);
    expect(index.foldersOf("collective-intelligence")).toEqual([{ folder: CI, count: 2 }]);
  });

  it("a fixed pattern stays available", () => {
    expect(chooseClaimFolder({ ...DEFAULT_SETTINGS, claimFolder: "claims/{{domain}}" }, "collective-intelligence", (d) => vault().foldersOf(d)).folder).toBe("claims/collective-intelligence");
  });

  it("a pattern or a domain that would leave the vault stays inside it", () => {
    expect(chooseClaimFolder({ ...DEFAULT_SETTINGS, claimFolder: "../../{{domain}}" }, "../etc", undefined).folder).not.toMatch(/(^|\/)\.\.(\/|$)|^\//);
    expect(auto("../../etc").folder).not.toMatch(/(^|\/)\.\.(\/|$)|^\//);
    expect(auto("/").folder).toBe("inbox/claims");
  });
});
