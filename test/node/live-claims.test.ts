// The MCP server's claim index in memory (src/node/live-claims.ts): a new
// claim, a retitled one, a deleted one and a folder of claims moved away show
// in the next call, with the vault watched or, without a watcher, through the
// claim cache; the plugin's own files under .obsidian never cost a rescan.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LiveClaims } from "../../src/node/live-claims";
import { FsVault } from "../../src/node/fs-vault";
import { cleanUp, eventually, tempDir } from "../cli/run-cli";

afterAll(cleanUp);

const claim = (title: string) => `---\ntype: claim\n---\n# ${title}\n\nBody.\n`;

for (const watched of [true, false]) {
  describe(watched ? "with the vault watched" : "without a watcher (the claim cache per call)", () => {
    it("shows new, retitled, deleted and moved claims in the next read", async () => {
      const dir = tempDir("sq-live-claims-");
      process.env.SOURCE_QUEUE_CACHE_DIR = tempDir("sq-live-claims-cache-");
      mkdirSync(join(dir, "domains", "a"), { recursive: true });
      mkdirSync(join(dir, ".obsidian", "plugins", "source-queue", "locks"), { recursive: true });
      writeFileSync(join(dir, "domains/a/one.md"), claim("Reward models overrate agreement"));
      const vault = new FsVault(dir);
      const live = new LiveClaims(watched);
      const titles = () => [...live.read(vault).all()].map((e) => `${e.path} = ${e.title}`).sort();
      expect(titles()).toEqual(["domains/a/one.md = Reward models overrate agreement"]);

      writeFileSync(join(dir, "domains/a/two.md"), claim("Oversight degrades with capability gaps"));
      expect(await eventually(titles, (t) => t.length === 2)).toContain("domains/a/two.md = Oversight degrades with capability gaps");

      writeFileSync(join(dir, "domains/a/one.md"), claim("Reward models overrate agreement with the user"));
      expect((await eventually(titles, (t) => t[0]?.endsWith("with the user") === true))[0]).toBe("domains/a/one.md = Reward models overrate agreement with the user");

      // A lock directory of a write comes and goes; the index stays as it is.
      mkdirSync(join(dir, ".obsidian/plugins/source-queue/locks/x.lock"));
      rmSync(join(dir, ".obsidian/plugins/source-queue/locks/x.lock"), { recursive: true });

      rmSync(join(dir, "domains/a/two.md"));
      expect(await eventually(titles, (t) => t.length === 1)).toHaveLength(1);

      mkdirSync(join(dir, "archive"));
      renameSync(join(dir, "domains/a"), join(dir, "archive/a"));
      expect(await eventually(titles, (t) => t[0]?.startsWith("archive/") === true)).toEqual(["archive/a/one.md = Reward models overrate agreement with the user"]);
      live.close();
      delete process.env.SOURCE_QUEUE_CACHE_DIR;
    });
  });
}
