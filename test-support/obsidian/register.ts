/**
 * The double's upper classes, for the modules beneath them. obsidian.d.ts is
 * one file, where a file names its vault, a view its app and its leaf, and a
 * settings tab its plugin, as plain back-references. Split into modules, the
 * same names were import circles: the Vault imports files.ts, which imported
 * vault.ts back for `TAbstractFile.vault`. So each upper module registers its
 * class here (declaration merging, as TanStack Router's `Register` takes an
 * app's router), and a module the upper one imports, directly or not, names
 * it from here: the types stay exactly the d.ts's, and imports only go down.
 * test/import-circles.test.ts holds the double (and src) to that.
 */

/** Filled in by app.ts, vault.ts, workspace-leaf.ts and plugin.ts, each with its own class. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- empty here by design: the classes' modules add to it
export interface Register {}

export type App = Register["app"];
export type Vault = Register["vault"];
export type WorkspaceLeaf = Register["workspaceLeaf"];
export type Plugin = Register["plugin"];
