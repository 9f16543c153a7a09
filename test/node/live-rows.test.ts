// The MCP server's rows in memory (src/node/live-rows.ts): a new note, an
// edited note and a deleted one show in the next call, with the folder
// watched or, without a watcher, by stat.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LiveRows } from "../../src/node/live-rows";
import { FsVault } from "../../src/node/fs-vault";
import { cleanUp, eventually, tempDir } from "../cli/run-cli";

afterAll(cleanUp);

const note = (title: string, status: string) => `---\ntype: source\ntitle: ${title}\nstatus: ${status}\npriority: high\n---\n`;
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

function write(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
  // Old enough to be remembered by its stamp (see RACY_MS).
  utimesSync(join(dir, path), AN_HOUR_AGO, AN_HOUR_AGO);
}

for (const watched of [true, false]) {
  describe(watched ? "with the queue folder watched" : "without a watcher (stat per call)", () => {
    it("shows new, edited and deleted notes in the next read", async () => {
      const dir = tempDir("sq-live-");
      mkdirSync(join(dir, "inbox", "sub"), { recursive: true });
      write(dir, "inbox/a.md", note("A", "unprocessed"));
      const vault = new FsVault(dir);
      const settings = vault.settings().settings;
      const rows = new LiveRows(Date.now, watched);
      const titles = () => rows.read(vault, settings).map((i) => `${i.title}:${i.status}`);
      expect(titles()).toEqual(["A:unprocessed"]);

      write(dir, "inbox/sub/b.md", note("B", "unprocessed"));
      expect(await eventually(titles, (t) => t.length === 2)).toEqual(["A:unprocessed", "B:unprocessed"]);

      // Same size, same (old) mtime: only the inode or ctime tells; the edit is a rename as FsVault writes.
      write(dir, "inbox/a.md.tmp", note("A", "processing "));
      rmSync(join(dir, "inbox/a.md"));
      writeFileSync(join(dir, "inbox/a.md"), note("A", "processing"));
      rmSync(join(dir, "inbox/a.md.tmp"));
      expect(await eventually(titles, (t) => t[0] === "A:processing")).toEqual(["A:processing", "B:unprocessed"]);

      rmSync(join(dir, "inbox/sub"), { recursive: true });
      expect(await eventually(titles, (t) => t.length === 1)).toEqual(["A:processing"]);
      rows.close();
    });
  });
}
