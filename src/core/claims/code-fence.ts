// Fenced code blocks, read line by line (CommonMark): a fence of three or more
// backticks or tildes, indented at most three spaces, is closed by a fence of
// the same character at least as long. What stands in fenced code is not the
// note's prose: no heading or section there counts.
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export class CodeFences {
  private open: string | null = null;

  /** Reads the next line; true when it is a fence line or inside fenced code, to be passed over. */
  skip(line: string): boolean {
    const f = FENCE.exec(line);
    if (f?.[1]) {
      if (this.open === null) this.open = f[1];
      else if (f[1].startsWith(this.open[0] ?? "") && f[1].length >= this.open.length) this.open = null;
      return true;
    }
    return this.open !== null;
  }

  /** The lines read so far end inside an open fence. */
  get inside(): boolean {
    return this.open !== null;
  }
}
