// SPEC §2 rules 7 and 10 against the vault's claims: under a verdict on the
// whole source, and for "A as evidence for <a claim>", an item that names an
// existing claim is an enrichment of it, not a new claim; curator prose that
// names a claim proposes it even when a hint calls the same words evidence.
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { claimInputFromText } from "../../../src/core/claims/claim-input";
import { planExtract } from "../../../src/core/commands/extract";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { MemoryPort } from "../memory-port";

const NOW = new Date("2026-05-01T12:00:00Z");
const SOURCE = "inbox/source.md";
const PLEDGES = "domains/ai-alignment/voluntary safety pledges cannot survive competitive pressure.md";
const PHASE = "domains/space-development/launch cost reduction is a phase transition for the space economy.md";
const claim = (title: string) => `---\ntype: claim\ndomain: ai-alignment\n---\n# ${title}\n\nWhy.\n\n## Evidence\n- [[older]]\n`;

function vault(body: string): MemoryPort {
  return new MemoryPort({
    [SOURCE]: `---\ntype: source\ntitle: Source\ndomain: ai-alignment\nstatus: unprocessed\n---\n## Content\nAnthropic rolled back its flagship pledge, calling safety at cross-purposes with competitive priorities.\n\n${body}\n`,
    [PLEDGES]: claim("voluntary safety pledges cannot survive competitive pressure"),
    [PHASE]: claim("launch cost reduction is a phase transition for the space economy"),
  });
}

async function plan(body: string) {
  const port = vault(body);
  const claims = ClaimIndex.build([...port.files].map(([path, text]) => claimInputFromText(path, text)).filter((i) => i !== null));
  return planExtract(port, { path: SOURCE }, { settings: DEFAULT_SETTINGS, now: NOW, claims });
}

describe("rule 7 with the vault's claims", () => {
  it("under the curator's 'enrichment source' verdict, a hint naming an existing claim enriches it; nothing new is selected", async () => {
    const p = await plan(
      [
        "## Agent Notes",
        "**Extraction hints:**",
        "- Anthropic's rollback strengthens [[voluntary safety pledges cannot survive competitive pressure]]",
        "- Frontier labs now price safety commitments as competitive liabilities",
        "",
        "## Curator Notes",
        "EXTRACTION HINT: This is an ENRICHMENT source, not a new claim. Update, don't duplicate.",
      ].join("\n"),
    );
    expect(p.candidates.map((c) => [c.kind, c.selected, c.target?.path ?? null])).toEqual([
      ["enrichment", true, PLEDGES],
      ["claim", false, null],
    ]);
    expect(p.creates).toEqual([]);
  });
});

describe("rule 10 with the vault's claims", () => {
  it("'A as concrete evidence for the phase transition claim' enriches that claim with A", async () => {
    const p = await plan(["## Agent Notes", "**Extraction hints:**", "- V3 payload capability as concrete evidence for the phase transition claim."].join("\n"));
    expect(p.candidates[0]).toMatchObject({ kind: "enrichment", names: "phase transition" });
    expect(p.candidates[0]?.target?.path).toBe(PHASE);
    expect(p.creates).toEqual([]);
  });

  it("curator prose that names the claim proposes it even when a hint calls the same words evidence", async () => {
    const p = await plan(
      [
        "## Agent Notes",
        "**Extraction hints:**",
        "- Storytelling as moat as evidence for the phase transition claim",
        "",
        "## Curator Notes",
        "EXTRACTION HINT: Storytelling as moat is the new claim.",
      ].join("\n"),
    );
    const named = p.candidates.find((c) => c.origin === "curator");
    expect(named).toMatchObject({ title: "Storytelling is a moat", kind: "claim", selected: true });
  });
});
