// `validate --fix-dangling` takes items out of claims_extracted line by line:
// every other byte stays; a result that would read differently is refused.
import { describe, expect, it } from "vitest";
import { removeListItems } from "../../../src/core/note/frontmatter-list-remove";

const DANGLING = "AI labor displacement operates as a self-funding feedback loop (co-source, challenges)";
const drop = (item: string) => item === DANGLING;

describe("removeListItems", () => {
  it.each<[string, string, string]>([
    [
      "a block list loses the item's own line",
      `---\ntype: source\nclaims_extracted:\n  - "${DANGLING}"\n  - "AI is already superintelligent"\nstatus: processed # done\n---\nBody\n`,
      `---\ntype: source\nclaims_extracted:\n  - "AI is already superintelligent"\nstatus: processed # done\n---\nBody\n`,
    ],
    [
      "a block list with every item gone becomes an empty list",
      `---\nclaims_extracted:\n- ${DANGLING}\nstatus: processed\n---\n`,
      `---\nclaims_extracted: []\nstatus: processed\n---\n`,
    ],
    [
      "a flow list is written again with the items left",
      `---\nclaims_extracted: ["${DANGLING}", "consumer-crypto-adoption-requires-apps-optimized-for-earning-and-belonging-not-speculation"]\n---\n`,
      `---\nclaims_extracted: [consumer-crypto-adoption-requires-apps-optimized-for-earning-and-belonging-not-speculation]\n---\n`,
    ],
    ["CRLF line endings stay", `---\r\nclaims_extracted:\r\n  - "${DANGLING}"\r\n  - b\r\n---\r\n`, `---\r\nclaims_extracted:\r\n  - b\r\n---\r\n`],
  ])("%s", (_name, before, after) => {
    expect(removeListItems(before, "claims_extracted", drop)).toEqual({ ok: true, text: after, changed: true });
  });

  it("no item to drop is no change", () => {
    const text = "---\nclaims_extracted:\n  - kept\n---\n";
    expect(removeListItems(text, "claims_extracted", drop)).toEqual({ ok: true, text, changed: false });
  });

  it("YAML that does not parse is refused", () => {
    expect(removeListItems(`---\nclaims_extracted: [oops\n---\n`, "claims_extracted", drop).ok).toBe(false);
  });
});
