// `set` as every door runs it (issue #13): values checked (trimmed,
// lowercased, known), a reason for null-result, every field in ONE edit,
// today from the clock given, and the text before and after for undo.
import { describe, expect, it } from "vitest";
import { today } from "../../../src/core/commands/clock";
import { checkChange, reasonField, setFields, setJson, type FieldChange } from "../../../src/core/commands/set-fields";
import { DEFAULT_SETTINGS } from "../../../src/core/note/settings";
import { MemoryPort } from "../memory-port";

const NOTE = "inbox/a.md";
const TEXT = "---\ntype: source\ntitle: \"A\" # kept\nstatus: unprocessed\npriority: medium\n---\nBody\n";
const NOON = new Date(2026, 2, 14, 12, 0, 0);
const ctx = { settings: { ...DEFAULT_SETTINGS, processedBy: "curator" }, now: NOON };

/** A port that counts edits, so "one edit" is what is asserted. */
class CountingPort extends MemoryPort {
  edits = 0;
  override edit(path: string, fn: (current: string) => string | null): Promise<string> {
    this.edits++;
    return super.edit(path, fn);
  }
}

describe("checkChange", () => {
  it.each<[string, FieldChange, string]>([
    ["an unknown status", { status: "done" }, 'status: "done" is not one of unprocessed, processing, processed, null-result'],
    ["an unknown priority", { priority: "urgent" }, 'priority: "urgent" is not one of high, medium, low'],
    ["no field at all", {}, "set needs a status or a priority"],
    ["null-result without a reason", { status: "null-result" }, "status: null-result needs a reason (it is written to notes)"],
    ["null-result with a blank reason", { status: "null-result", reason: "   " }, "status: null-result needs a reason (it is written to notes)"],
    ["a reason without null-result", { status: "processed", reason: "why" }, "reason: goes with status null-result"],
  ])("refuses %s with one line naming it", (_name, change, message) => {
    expect(() => checkChange(change)).toThrow(message);
  });

  it.each<[FieldChange, ReturnType<typeof checkChange>]>([
    [{ status: " Processed " }, { status: "processed", priority: undefined, reason: undefined }],
    [{ priority: "HIGH" }, { status: undefined, priority: "high", reason: undefined }],
    [{ status: "NULL-RESULT", reason: "  Paywalled \n again " }, { status: "null-result", priority: undefined, reason: "Paywalled again" }],
  ])("takes %j as %j (trimmed, lowercased)", (change, checked) => {
    expect(checkChange(change)).toEqual(checked);
  });
});

describe("setFields", () => {
  it("writes status, processed_date, processed_by and priority in one edit, changing only their lines", async () => {
    const port = new CountingPort({ [NOTE]: TEXT });
    const result = await setFields(port, NOTE, { status: "Processed", priority: "low" }, ctx);
    expect(port.edits).toBe(1);
    expect(await port.read(NOTE)).toBe(`---\ntype: source\ntitle: "A" # kept\nstatus: processed\npriority: low\nprocessed_date: ${today(NOON)}\nprocessed_by: curator\n---\nBody\n`);
    expect(setJson(result)).toEqual({ path: NOTE, changed: true, fields: { priority: "low", status: "processed", processed_date: "2026-03-14", processed_by: "curator" } });
    expect(result.before).toBe(TEXT);
    expect(result.after).toBe(await port.read(NOTE));
  });

  it("writes a null-result's reason to the reason field, notes by default", async () => {
    const port = new MemoryPort({ [NOTE]: TEXT });
    await setFields(port, NOTE, { status: "null-result", reason: "Paywalled" }, ctx);
    expect(reasonField(DEFAULT_SETTINGS)).toBe("notes");
    expect(await port.read(NOTE)).toContain("status: null-result\npriority: medium\nnotes: Paywalled\n");
  });

  it("a value already set writes nothing and says so", async () => {
    const port = new MemoryPort({ [NOTE]: TEXT });
    const result = await setFields(port, NOTE, { priority: "medium" }, ctx);
    expect(result.changed).toBe(false);
    expect(port.log).toEqual([]);
  });

  it("a cycle advances from the value on disk, one step per call", async () => {
    const port = new MemoryPort({ [NOTE]: TEXT });
    for (let i = 0; i < 4; i++) await setFields(port, NOTE, { cycle: "priority" }, ctx);
    // medium → low → high → medium → low
    expect(await port.read(NOTE)).toContain("priority: low\n");
  });

  it("refuses a note that is not there, and a block that cannot be edited line-wise, writing nothing", async () => {
    const broken = "---\ntitle: [unclosed\nstatus: unprocessed\n---\n";
    const port = new MemoryPort({ [NOTE]: broken });
    await expect(setFields(port, "inbox/none.md", { priority: "low" }, ctx)).rejects.toThrow("note not found in the vault: inbox/none.md");
    await expect(setFields(port, NOTE, { priority: "low" }, ctx)).rejects.toThrow(`${NOTE} was not changed`);
    expect(await port.read(NOTE)).toBe(broken);
  });
});
