// SPEC §4 "Settings": a bad or older data.json falls back to defaults without
// losing valid values, field by field.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, loadSettings } from "../../src/core/settings";

describe("loadSettings", () => {
  it("gives the defaults for no stored data", () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, rejected: [] });
    expect(loadSettings(null)).toEqual({ settings: DEFAULT_SETTINGS, rejected: [] });
    expect(loadSettings({})).toEqual({ settings: DEFAULT_SETTINGS, rejected: [] });
  });

  it.each<[string, unknown]>([
    ["a string", "inbox"],
    ["a number", 42],
    ["a list", [{ queueFolder: "x" }]],
    ["a boolean", true],
  ])("gives the defaults for %s, and says the whole file was rejected", (_name, stored) => {
    expect(loadSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, rejected: ["(whole file)"] });
  });

  it("keeps every valid field", () => {
    const stored = {
      queueFolder: "Sources/Inbox",
      sourceTypes: ["Source", "article"],
      otherNoteTypes: ["claim", "MOC"],
      claimFolder: "claims/{{domain}}",
      fallbackClaimFolder: "claims/unsorted",
      defaultConfidence: "likely",
      statusAfterExtraction: "processing",
      processedBy: "  curator-1 ",
    };
    expect(loadSettings(stored)).toEqual({
      settings: {
        queueFolder: "Sources/Inbox",
        sourceTypes: ["source", "article"],
        otherNoteTypes: ["claim", "moc"],
        claimFolder: "claims/{{domain}}",
        fallbackClaimFolder: "claims/unsorted",
        defaultConfidence: "likely",
        statusAfterExtraction: "processing",
        processedBy: "curator-1",
      },
      rejected: [],
    });
  });

  it("falls back per field, keeping the valid ones next to the invalid ones", () => {
    const { settings, rejected } = loadSettings({
      queueFolder: "Sources",
      defaultConfidence: "certain",
      statusAfterExtraction: "done",
      claimFolder: "",
      processedBy: 7,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, queueFolder: "Sources" });
    expect(rejected.sort()).toEqual(["claimFolder", "defaultConfidence", "processedBy", "statusAfterExtraction"]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a folder that climbs out of the vault", { queueFolder: "../elsewhere" }, "queueFolder"],
    ["a claim folder that climbs out of the vault", { claimFolder: "a/../../b" }, "claimFolder"],
    ["an empty fallback folder", { fallbackClaimFolder: "  " }, "fallbackClaimFolder"],
    ["an empty list of source types", { sourceTypes: [] }, "sourceTypes"],
    ["a source type that is blank", { sourceTypes: ["source", " "] }, "sourceTypes"],
    ["other note types that are not a list", { otherNoteTypes: "claim" }, "otherNoteTypes"],
  ])("rejects %s", (_name, stored, field) => {
    expect(loadSettings(stored)).toEqual({ settings: DEFAULT_SETTINGS, rejected: [field] });
  });

  it("trims slashes from folders", () => {
    expect(loadSettings({ queueFolder: " /Sources/ " }).settings.queueFolder).toBe("Sources");
  });

  it("accepts an empty queue folder (the whole vault) and no other note types", () => {
    expect(loadSettings({ queueFolder: "", otherNoteTypes: [] }).settings).toMatchObject({ queueFolder: "", otherNoteTypes: [] });
  });

  it("ignores unknown fields from older or newer versions", () => {
    expect(loadSettings({ oldField: 1, queueFolder: "x" })).toEqual({ settings: { ...DEFAULT_SETTINGS, queueFolder: "x" }, rejected: [] });
  });

  it("never shares the default lists with the result", () => {
    const { settings } = loadSettings({});
    settings.sourceTypes.push("mutated");
    expect(DEFAULT_SETTINGS.sourceTypes).toEqual(["source"]);
  });
});
