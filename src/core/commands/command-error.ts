// The two ways a command fails, so each door can answer in its own terms:
// the CLI as exit 2 or 1 with one line on stderr, the Obsidian CLI handler
// and the plugin's actions as a thrown error or a notice.

/** The request itself is wrong: an unknown value, a missing reason, a note that is not there (CLI exit 2). */
export class UsageError extends Error {
  /**
   * @param detail what is wrong
   * @param option the argument it is about (`select`), so each door can name
   *   it as its users type it (`--select` on the CLI, `select=` in Obsidian's)
   */
  constructor(
    readonly detail: string,
    readonly option: string | null = null,
  ) {
    super(option === null ? detail : `${option}: ${detail}`);
    this.name = "UsageError";
  }
}

/** The request was fine but the work could not be done, and nothing was written (CLI exit 1). */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandFailed";
  }
}

/** A note's frontmatter cannot be edited line-wise safely (YAML that does not parse): nothing was written. */
export class EditRefused extends CommandFailed {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} was not changed: ${reason}`);
    this.name = "EditRefused";
  }
}
