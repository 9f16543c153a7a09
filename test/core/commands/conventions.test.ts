// SPEC §1, the vault's conventions; §2 rule 9: settings proposed from the
// vault's notes with the counts behind them, and dangling claims_extracted
// entries found and taken out — with real notes of the public knowledge base.
import { describe, expect, it } from "vitest";
import { ClaimIndex } from "../../../src/core/claims/claim-index";
import { claimInputFromText } from "../../../src/core/claims/claim-input";
import { danglingEntries } from "../../../src/core/claims/dangling";
import { applyConventions, conventionLines, detectConventions, detectReasonField, type ConventionNote } from "../../../src/core/commands/conventions";
import { fixDangling, fixedLine } from "../../../src/core/commands/fix-dangling";
import { validateQueue } from "../../../src/core/commands/validate";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { queueItemFromText } from "../../../src/core/queue/queue-item";
import { MemoryPort } from "../memory-port";

const source = (path: string, data: Record<string, unknown>): ConventionNote => ({ path, data: { type: "source", ...data } });
const NOTES: ConventionNote[] = [
  source("inbox/archive/2024-08-28-futardio-proposal-dummy.md", { status: "null-result", extraction_notes: "Futardio proposal with no substantive content." }),
  source("inbox/archive/2011-00-00-mcwilliams-economic-history-medicare-part-c.md", { status: "null-result", extraction_notes: "Historical background only; the KB has the claims." }),
  source("inbox/archive/2025-01-01-paywalled.md", { status: "null-result", notes: "Paywalled" }),
  source("inbox/archive/2026-02-13-noahopinion-smartest-thing-on-earth.md", { status: "unprocessed" }),
  source("inbox/archive/2021-06-29-kaufmann-active-inference-collective-intelligence.md", { status: "unprocessed", priority: "high" }),
  source("inbox/archive/2026-01-13-nasaa-clarity-act-concerns.md", { status: "processing" }),
  { path: "foundations/collective-intelligence/adversarial contribution improves collective knowledge.md", data: { type: "claim", domain: "collective-intelligence" } },
  { path: "agents/theseus/beliefs.md", data: { type: "belief" } },
];
const claims = ClaimIndex.build(
  [
    ["foundations/collective-intelligence/adversarial contribution improves collective knowledge.md", "collective-intelligence"],
    ["foundations/collective-intelligence/collective intelligence is a measurable property of group interaction structure.md", "collective-intelligence"],
    ["domains/ai-alignment/AI alignment is a coordination problem not a technical problem.md", "ai-alignment"],
  ].map(([path, domain]) => claimInputFromText(path ?? "", `---\ntype: claim\ndomain: ${domain}\n---\n`) ?? { path: "", title: null, aliases: [] }),
);

describe("conventions", () => {
  const found = detectConventions(NOTES, claims, DEFAULT_SETTINGS);
  const proposal = (setting: string) => found.proposals.find((p) => p.setting === setting);

  it("proposes the field most null-result notes give their reason in, with the counts", () => {
    expect(proposal("reasonField")).toMatchObject({ value: "extraction_notes", current: "", counts: { notes: 1, extraction_notes: 2 } });
    expect(detectReasonField([]).field).toBe("notes");
  });

  it("proposes the queue folder and the source type from the sources (notes with a status)", () => {
    expect(proposal("queueFolder")).toMatchObject({ value: "inbox", counts: { inbox: 6 } });
    expect(proposal("sourceTypes")).toMatchObject({ value: ["source"], counts: { source: 6 } });
  });

  it("judges whether priority is used by the sources still in the queue", () => {
    expect(proposal("usePriority")).toMatchObject({ value: false, counts: { "with a priority": 1, without: 2 } });
  });

  it("lists the claim folders per domain and proposes auto", () => {
    expect(found.claimFolders).toEqual({
      "ai-alignment": [{ folder: "domains/ai-alignment", count: 1 }],
      "collective-intelligence": [{ folder: "foundations/collective-intelligence", count: 2 }],
    });
    expect(proposal("claimFolder")).toMatchObject({ value: "auto", why: "claims per domain and folder; collective-intelligence live outside domains/{{domain}}" });
  });

  it("changes nothing until applied, and applying sets exactly the proposals", () => {
    expect(DEFAULT_SETTINGS.reasonField).toBe("");
    const next = applyConventions(DEFAULT_SETTINGS, found.proposals);
    expect(next).toEqual({ ...DEFAULT_SETTINGS, reasonField: "extraction_notes", usePriority: false });
    expect(conventionLines(found)[4]).toBe("reasonField: extraction_notes (now detected)");
  });
});

const SOURCE = "inbox/archive/2026-02-22-michaelxbloch-2028-global-intelligence-crisis.md";
const LISTED = [
  "AI labor displacement operates as a self-funding feedback loop (co-source, challenges)",
  "AI alignment is a coordination problem not a technical problem",
  "adversarial-contribution-improves-collective-knowledge.md",
];
const SOURCE_TEXT = `---\ntype: source\ntitle: "The 2028 Global Intelligence Crisis"\nauthor: Michael Bloch\ndate: 2026-02-22\ndomain: ai-alignment\nstatus: processed\nclaims_extracted:\n${LISTED.map((l) => `  - "${l}"`).join("\n")}\nprocessed_by: rio # agent\n---\n\n## Content\n\nText.\n`;

describe("dangling claims_extracted entries (rule 9)", () => {
  it("an entry is dangling when no claim note has that title, alias or file name", () => {
    expect(danglingEntries(LISTED, claims)).toEqual([LISTED[0]]);
    expect(danglingEntries(["[[AI alignment is a coordination problem not a technical problem]]", "[[gone claim|shown]]"], claims)).toEqual(["[[gone claim|shown]]"]);
  });

  it("validate warns once per dangling entry", () => {
    const item = queueItemFromText(SOURCE, SOURCE_TEXT, DEFAULT_SETTINGS);
    if (!item) throw new Error("not a queue note");
    const r = validateQueue({ items: [item], settingsPath: "x", rejected: [], claims: { index: claims, listed: new Map([[SOURCE, LISTED]]) } });
    expect(r.files).toEqual([
      {
        path: SOURCE,
        problems: [
          {
            level: "warning",
            message: `claims_extracted lists "${LISTED[0]}", but no claim note of the vault has that title, alias or file name; the next extraction proposes it again (validate --fix-dangling removes the entry)`,
          },
        ],
      },
    ]);
  });

  it("--fix-dangling removes only the dangling entry's line, through the port's edit, and deletes no note", async () => {
    const port = new MemoryPort({ [SOURCE]: SOURCE_TEXT });
    const fixed = await fixDangling(port, [{ path: SOURCE, listed: LISTED }], claims);
    expect(fixed).toEqual([{ path: SOURCE, removed: [LISTED[0]], error: null }]);
    expect(port.files.get(SOURCE)).toBe(SOURCE_TEXT.replace(`  - "${LISTED[0]}"\n`, ""));
    expect(port.log).toEqual([`edit ${SOURCE}`]);
    expect(fixedLine(fixed[0] ?? { path: "", removed: [], error: null })).toBe(`${SOURCE}: removed 1 dangling claims_extracted entry ("${LISTED[0]}")`);
    expect(await fixDangling(port, [{ path: SOURCE, listed: LISTED.slice(1) }], claims)).toEqual([]);
  });

  it("a source whose YAML cannot be edited is left as it is and reported", async () => {
    const broken = `---\nclaims_extracted: ["${LISTED[0]}"\n---\n`;
    const port = new MemoryPort({ [SOURCE]: broken });
    const fixed = await fixDangling(port, [{ path: SOURCE, listed: [LISTED[0] ?? ""] }], claims);
    expect(fixed[0]?.error).toMatch(/cannot be read/);
    expect(port.files.get(SOURCE)).toBe(broken);
  });
});
