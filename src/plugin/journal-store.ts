// The plugin's store of extraction journals (SPEC §8), over vault.adapter in
// the plugin's folder (`<configDir>/plugins/source-queue/journal/`), where the
// CLI keeps its own: either finishes what the other left. The adapter has no
// atomic rename-over, so each save is a new file (`<id>.<n>.json`) written
// before the older ones are removed: a save cut short leaves the previous
// one readable. On load, journals left by a run that never finished are
// finished or rolled back, and a notice says so.
import { normalizePath, Notice, type App, type PluginManifest } from "obsidian";
import { journalText, parseJournal, recoverAll, recoveryLine, type ExtractionJournal, type JournalStore } from "../core/writes/journal";
import type { JournalContext } from "../core/extraction/apply-extraction";
import { messageOf } from "../core/text/error-message";
import { ObsidianVaultPort } from "./obsidian-vault-port";

/** A CLI run finishes within seconds; a CLI journal older than this was left by a killed process. */
const CLI_RUN_MS = 60_000;

const FILE = /^(.+)\.(\d+)\.json$/;

export class AdapterJournalStore implements JournalStore {
  private saves = 0;

  constructor(
    private readonly app: App,
    readonly dir: string,
  ) {}

  private async files(): Promise<{ id: string; n: number; path: string }[]> {
    const adapter = this.app.vault.adapter;
    if (!(await adapter.exists(this.dir))) return [];
    const out: { id: string; n: number; path: string }[] = [];
    for (const path of (await adapter.list(this.dir)).files) {
      const m = FILE.exec(path.slice(path.lastIndexOf("/") + 1));
      if (m) out.push({ id: m[1] as string, n: Number(m[2]), path });
    }
    return out;
  }

  async save(journal: ExtractionJournal): Promise<void> {
    const adapter = this.app.vault.adapter;
    if (!(await adapter.exists(this.dir))) await adapter.mkdir(this.dir);
    const older = (await this.files()).filter((f) => f.id === journal.id);
    const n = Math.max(this.saves, ...older.map((f) => f.n)) + 1;
    this.saves = n;
    await adapter.write(normalizePath(`${this.dir}/${journal.id}.${n}.json`), journalText(journal));
    for (const f of older) await adapter.remove(f.path);
  }

  async remove(id: string): Promise<void> {
    for (const f of await this.files()) if (f.id === id) await this.app.vault.adapter.remove(f.path);
  }

  /** Each journal once: its newest save that reads back whole, else its newest text (reported as unreadable). */
  async list(): Promise<{ id: string; text: string }[]> {
    const byId = new Map<string, { n: number; text: string }[]>();
    for (const f of await this.files()) {
      const text = await this.app.vault.adapter.read(f.path);
      byId.set(f.id, [...(byId.get(f.id) ?? []), { n: f.n, text }]);
    }
    return [...byId].map(([id, saves]) => {
      const newest = saves.sort((a, b) => b.n - a.n);
      return { id, text: (newest.find((s) => parseJournal(s.text) !== null) ?? newest[0])?.text ?? "" };
    });
  }
}

export const journalDir = (app: App, manifest: PluginManifest): string =>
  normalizePath(`${manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`}/journal`);

/** What applyExtraction needs to journal a run of the plugin. */
export const pluginJournal = (app: App, manifest: PluginManifest): JournalContext => ({
  store: new AdapterJournalStore(app, journalDir(app, manifest)),
  writer: "plugin",
  pid: null,
  now: () => Date.now(),
});

/** On load (once the vault is indexed): finish or take back what an interrupted run left, with a notice for each. */
export async function recoverInterrupted(app: App, manifest: PluginManifest): Promise<void> {
  const store = new AdapterJournalStore(app, journalDir(app, manifest));
  try {
    // The plugin's own journals are from a session that ended; the CLI's only once its run is surely over.
    const reports = await recoverAll(store, new ObsidianVaultPort(app), (j) => j.writer === "plugin" || Date.now() - j.started > CLI_RUN_MS);
    for (const r of reports) new Notice(`Source queue: ${recoveryLine(r)}.`, 10000);
  } catch (err) {
    new Notice(`Source queue: an interrupted extraction could not be finished or rolled back: ${messageOf(err)}`, 10000);
  }
}
