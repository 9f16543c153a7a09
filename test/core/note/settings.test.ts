// SPEC §4 "Settings": a bad or older data.json falls back to defaults without
// losing valid values, field by field.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, loadSettings } from "../../../src/core/note/settings";

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
      usePriority: false,
      reasonField: " extraction_notes ",
      enrichmentsField: "enriches",
      compactRows: true,
      aiProvider: "ollama",
      aiBaseUrl: " http://127.0.0.1:11434 ",
      aiModel: "llama3.1:8b",
      aiTimeoutSeconds: 120,
      aiKeySecret: "ollama-key",
      reviewBranch: " review/{{slug}} ",
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
        usePriority: false,
        reasonField: "extraction_notes",
        enrichmentsField: "enriches",
        compactRows: true,
        aiProvider: "ollama",
        aiBaseUrl: "http://127.0.0.1:11434",
        aiModel: "llama3.1:8b",
        aiTimeoutSeconds: 120,
        aiKeySecret: "ollama-key",
        reviewBranch: "review/{{slug}}",
      },
      rejected: [],
    });
  });

  it.each([
    ["a name without {{slug}} would send every source to one branch", "extract/all"],
    ["a space is not in a branch name", "extract {{slug}}"],
    ["nor a double dot", "extract/..{{slug}}"],
    ["nor a leading dash", "-{{slug}}"],
  ])("reviewBranch: %s, so the default is kept", (_why, value) => {
    const { settings, rejected } = loadSettings({ reviewBranch: value });
    expect(rejected).toEqual(["reviewBranch"]);
    expect(settings.reviewBranch).toBe("extract/{{slug}}");
  });

  it("keeps working with a data.json from before the vault-convention settings: they take their defaults", () => {
    const { settings, rejected } = loadSettings({ queueFolder: "Sources", processedBy: "me" });
    expect(rejected).toEqual([]);
    expect(settings).toMatchObject({ usePriority: true, reasonField: "", enrichmentsField: "enrichments", compactRows: false });
  });

  it.each<[string, unknown]>([
    ["a key with a colon", "why: not"],
    ["an empty key", "  "],
    ["a key that is a comment", "#why"],
    ["a number", 3],
  ])("rejects a reason field that is %s", (_name, value) => {
    expect(loadSettings({ reasonField: value })).toEqual({ settings: DEFAULT_SETTINGS, rejected: ["reasonField"] });
  });

  it("rejects a usePriority or compactRows that is not true or false", () => {
    expect(loadSettings({ usePriority: "no", compactRows: 1 }).rejected.sort()).toEqual(["compactRows", "usePriority"]);
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
