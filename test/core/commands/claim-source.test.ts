// SPEC §7 claim_source / release_source / next_source: who holds a source,
// when a lease runs out, and that only the lines of the claim change.
import { describe, expect, it } from "vitest";
import { claimSource, releaseSource } from "../../../src/core/commands/claim-source";
import { nextSource } from "../../../src/core/commands/next-source";
import { removeFrontmatterKeys } from "../../../src/core/note/frontmatter-remove";
import { parseFrontmatter } from "../../../src/core/note/parse-frontmatter";
import type { QueueItem } from "../../../src/core/queue/queue-query";
import { MemoryPort } from "../memory-port";

const NOW = new Date("2026-12-03T09:00:00.000Z");
const PATH = "inbox/a.md";
const LIVE = "2026-12-03T09:30:00.000Z";
const EXPIRED = "2026-12-03T08:59:59.000Z";

const note = (fields: string) => `---\ntype: source\ntitle: A source\n${fields}priority: high # triaged\n---\n\n## Content\n\nText.\n`;
const dataOf = (text: string) => parseFrontmatter(text).data ?? {};

describe("claiming a source", () => {
  const cases: { name: string; fields: string; agent: string; ok: boolean; outcome?: string; error?: RegExp }[] = [
    { name: "an unprocessed source is claimed", fields: "status: unprocessed\n", agent: "agent-a", ok: true, outcome: "claimed" },
    { name: "a quoted unprocessed status is claimed", fields: 'status: "unprocessed"\n', agent: "agent-a", ok: true, outcome: "claimed" },
    { name: "a source another agent holds on a live lease is refused", fields: `status: processing\nprocessed_by: agent-b\nprocessing_until: "${LIVE}"\n`, agent: "agent-a", ok: false, error: /held by agent-b until 2026-12-03T09:30:00.000Z/ },
    { name: "a source whose lease ran out is taken over", fields: `status: processing\nprocessed_by: agent-b\nprocessing_until: "${EXPIRED}"\n`, agent: "agent-a", ok: true, outcome: "taken-over" },
    { name: "the same agent claiming again extends its lease", fields: `status: processing\nprocessed_by: agent-a\nprocessing_until: "${LIVE}"\n`, agent: "agent-a", ok: true, outcome: "extended" },
    { name: "the same agent claiming again with a lease ending sooner shortens it", fields: `status: processing\nprocessed_by: agent-a\nprocessing_until: "2026-12-03T11:00:00.000Z"\n`, agent: "agent-a", ok: true, outcome: "shortened" },
    { name: "a source in processing without a lease (a curator's toggle) is held with no end", fields: "status: processing\n", agent: "agent-a", ok: false, error: /no processing_until, so it does not run out/ },
    { name: "a legacy partial status counts as processing and is held", fields: "status: partial\nprocessed_by: curator\n", agent: "agent-a", ok: false, error: /held by curator/ },
    { name: "a lease that does not read as a time never runs out", fields: "status: processing\nprocessed_by: agent-b\nprocessing_until: tomorrow\n", agent: "agent-a", ok: false, error: /"tomorrow" is not a time/ },
    { name: "a processed source is refused", fields: "status: processed\n", agent: "agent-a", ok: false, error: /is processed, so it cannot be claimed/ },
    { name: "a null-result source is refused", fields: "status: null-result\n", agent: "agent-a", ok: false, error: /is null-result/ },
    { name: "a source of unknown status is refused", fields: "status: complete (13 pages)\n", agent: "agent-a", ok: false, error: /unknown status/ },
    { name: "an empty agent name is refused", fields: "status: unprocessed\n", agent: "  ", ok: false, error: /agent name is empty/ },
    { name: "an agent name of two lines is refused", fields: "status: unprocessed\n", agent: "a\nb", ok: false, error: /one line/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = note(c.fields);
      const port = new MemoryPort({ [PATH]: before });
      const result = await claimSource(port, { path: PATH, agent: c.agent }, NOW);
      expect(result.ok).toBe(c.ok);
      const after = port.files.get(PATH) ?? "";
      if (!result.ok) {
        expect(result.error).toMatch(c.error ?? /./);
        expect(result.error).not.toContain("\n");
        expect(after).toBe(before);
        return;
      }
      expect(result.outcome).toBe(c.outcome);
      expect(result.until).toBe("2026-12-03T10:00:00.000Z");
      const data = dataOf(after);
      expect(data).toMatchObject({ status: "processing", processed_by: c.agent, processing_until: "2026-12-03T10:00:00.000Z", priority: "high" });
    });
  }

  it("changes only the lines of status, processed_by and processing_until", async () => {
    const port = new MemoryPort({ [PATH]: note("status: unprocessed # new\n") });
    await claimSource(port, { path: PATH, agent: "agent-a", leaseMinutes: 15 }, NOW);
    expect(port.files.get(PATH)).toBe(
      '---\ntype: source\ntitle: A source\nstatus: processing # new\npriority: high # triaged\nprocessed_by: agent-a\nprocessing_until: "2026-12-03T09:15:00.000Z"\n---\n\n## Content\n\nText.\n',
    );
  });

  it("refuses a lease of zero, a fraction or more than a week of minutes", async () => {
    const port = new MemoryPort({ [PATH]: note("status: unprocessed\n") });
    for (const leaseMinutes of [0, 1.5, 7 * 24 * 60 + 1]) {
      const result = await claimSource(port, { path: PATH, agent: "a", leaseMinutes }, NOW);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/whole number of minutes/) });
    }
    expect(port.log).toEqual([]);
  });

  it("refuses a note whose YAML does not parse, writing nothing", async () => {
    const broken = "---\nstatus: [unprocessed\n---\n";
    const port = new MemoryPort({ [PATH]: broken });
    const result = await claimSource(port, { path: PATH, agent: "a" }, NOW);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/no readable frontmatter/) });
    expect(port.files.get(PATH)).toBe(broken);
  });

  it("reports a missing note as one line", async () => {
    const result = await claimSource(new MemoryPort(), { path: "inbox/none.md", agent: "a" }, NOW);
    expect(result).toMatchObject({ ok: false, error: "inbox/none.md does not exist" });
  });

  it("lets exactly one of two claims made at once win", async () => {
    const port = new MemoryPort({ [PATH]: note("status: unprocessed\n") });
    const results = await Promise.all([claimSource(port, { path: PATH, agent: "a" }, NOW), claimSource(port, { path: PATH, agent: "b" }, NOW)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const winner = results.find((r) => r.ok)?.ok ? (results.find((r) => r.ok) as { agent: string }).agent : null;
    expect(dataOf(port.files.get(PATH) ?? "").processed_by).toBe(winner);
  });
});

describe("releasing a source", () => {
  it("gives the agent's source back as it was before the claim", async () => {
    const before = note("status: unprocessed\n");
    const port = new MemoryPort({ [PATH]: before });
    await claimSource(port, { path: PATH, agent: "agent-a" }, NOW);
    const result = await releaseSource(port, { path: PATH, agent: "agent-a" }, NOW);
    expect(result).toEqual({ ok: true, path: PATH, agent: "agent-a", status: "unprocessed" });
    expect(port.files.get(PATH)).toBe(before);
  });

  const refusals: { name: string; fields: string; error: RegExp }[] = [
    { name: "another agent's live lease is not released", fields: `status: processing\nprocessed_by: agent-b\nprocessing_until: "${LIVE}"\n`, error: /held by agent-b.*not by agent-a/ },
    { name: "another agent's expired lease is not released (it can be taken over)", fields: `status: processing\nprocessed_by: agent-b\nprocessing_until: "${EXPIRED}"\n`, error: /claimed by agent-b \(lease expired\)/ },
    { name: "a source that is not in processing has nothing to release", fields: "status: unprocessed\n", error: /not processing, so there is nothing to release/ },
  ];
  for (const c of refusals) {
    it(c.name, async () => {
      const before = note(c.fields);
      const port = new MemoryPort({ [PATH]: before });
      const result = await releaseSource(port, { path: PATH, agent: "agent-a" }, NOW);
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(c.error) });
      expect(port.files.get(PATH)).toBe(before);
    });
  }

  it("releases its own lease even after it ran out", async () => {
    const port = new MemoryPort({ [PATH]: note(`status: processing\nprocessed_by: agent-a\nprocessing_until: "${EXPIRED}"\n`) });
    expect((await releaseSource(port, { path: PATH, agent: "agent-a" }, NOW)).ok).toBe(true);
    expect(dataOf(port.files.get(PATH) ?? "")).toEqual({ type: "source", title: "A source", status: "unprocessed", priority: "high" });
  });
});

describe("removing frontmatter keys line by line", () => {
  const cases: { name: string; text: string; keys: string[]; out: string }[] = [
    { name: "a key and nothing else goes", text: "---\na: 1\nb: 2\nc: 3\n---\nbody\n", keys: ["b"], out: "---\na: 1\nc: 3\n---\nbody\n" },
    { name: "a list key goes with its items", text: "---\na: 1\nb:\n  - x\n  - y\nc: 3\n---\n", keys: ["b"], out: "---\na: 1\nc: 3\n---\n" },
    { name: "every copy of a duplicated key goes", text: "---\nb: 1\na: 1\nb: 2\n---\n", keys: ["b"], out: "---\na: 1\n---\n" },
    { name: "CRLF line endings are kept", text: "---\r\na: 1\r\nb: 2\r\n---\r\n", keys: ["b"], out: "---\r\na: 1\r\n---\r\n" },
    { name: "a key that is not there changes nothing", text: "---\na: 1\n---\n", keys: ["z"], out: "---\na: 1\n---\n" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = removeFrontmatterKeys(c.text, c.keys);
      expect(result).toMatchObject({ ok: true, text: c.out, changed: c.out !== c.text });
    });
  }
  it("refuses a note whose YAML does not parse", () => {
    expect(removeFrontmatterKeys("---\na: [1\n---\n", ["a"]).ok).toBe(false);
  });
});

describe("the next source", () => {
  const row = (path: string, fields: Partial<QueueItem>): QueueItem => ({ path, title: path, author: null, date: "2026-01-01", domain: "ai", status: "unprocessed", priority: "medium", hints: 1, problems: [], ...fields });
  const items = [
    row("inbox/low.md", { priority: "low", date: "2026-06-01" }),
    row("inbox/medium-old.md", { date: "2025-01-01" }),
    row("inbox/medium-new.md", { date: "2026-03-01" }),
    row("inbox/high-processed.md", { priority: "high", status: "processed" }),
    row("inbox/high-held.md", { priority: "high", status: "processing" }),
    row("inbox/high-expired.md", { priority: "high", status: "processing", date: "2025-01-01" }),
    row("inbox/high-bio.md", { priority: "high", domain: "Biology", date: "2024-01-01" }),
  ];
  const processingData = new Map<string, Record<string, unknown>>([
    ["inbox/high-held.md", { status: "processing", processed_by: "b", processing_until: LIVE }],
    ["inbox/high-expired.md", { status: "processing", processed_by: "b", processing_until: EXPIRED }],
  ]);

  const cases: { name: string; items: QueueItem[]; domain?: string; agent?: string; data?: Map<string, Record<string, unknown>>; want: string | null }[] = [
    { name: "the highest priority comes first, newest first within it", items: items.filter((i) => i.priority !== "high"), want: "inbox/medium-new.md" },
    { name: "a held source is skipped and an expired lease is offered again", items, data: processingData, want: "inbox/high-expired.md" },
    { name: "a processing source whose frontmatter was not read counts as held", items, want: "inbox/high-bio.md" },
    { name: "the domain filter ignores case", items, domain: "biology", want: "inbox/high-bio.md" },
    { name: "nothing available gives null", items: items.filter((i) => i.status === "processed"), want: null },
    { name: "an agent's own live hold counts as free for it (a restarted agent resumes its unfinished source)", items, agent: "b", data: processingData, want: "inbox/high-held.md" },
    { name: "another agent's live hold does not", items, agent: "c", data: processingData, want: "inbox/high-expired.md" },
    {
      name: "nor the agent's own hold of a source in review (a rejected review frees it only when the lease runs out)",
      items,
      agent: "b",
      data: new Map([...processingData, ["inbox/high-held.md", { status: "processing", processed_by: "b", processing_until: LIVE, review_branch: "extract/high-held" }]]),
      want: "inbox/high-expired.md",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(nextSource(c.items, { domain: c.domain, agent: c.agent, frontmatterOf: (p) => c.data?.get(p) }, NOW)?.path ?? null).toBe(c.want);
    });
  }

  it("reads the lease only of processing rows that would come first", () => {
    const asked: string[] = [];
    const many = [...items, ...Array.from({ length: 50 }, (_, i) => row(`inbox/low-processing-${i}.md`, { priority: "low", status: "processing" }))];
    const next = nextSource(many, { frontmatterOf: (p) => (asked.push(p), processingData.get(p)) }, NOW);
    expect(next?.path).toBe("inbox/high-expired.md");
    // The 50 low-priority processing rows come after a free high one: never asked.
    expect(asked.filter((p) => p.includes("low-processing"))).toEqual([]);
    expect(asked.length).toBeLessThanOrEqual(2);
  });
});
