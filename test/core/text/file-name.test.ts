// SPEC §2 "File name" and §3 "Folder": whatever a title or a domain holds, the
// claim is one usable file inside the claim folder.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { claimFolder, cutToBytes, joinPath, MAX_NAME_BYTES, normalizeFolder, sameName, toFileName } from "../../../src/core/text/file-name";

const bytes = (s: string) => new TextEncoder().encode(s).length;
const FORBIDDEN = /[\\/:*?"<>|#^[\]]/;
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

describe("toFileName", () => {
  it.each<[string, string, string]>([
    ["a backslash becomes a dash", "either\\or", "either-or"],
    ["a slash becomes a dash", "input/output", "input-output"],
    ["a pipe becomes a dash", "this|that", "this-that"],
    ["a colon becomes a spaced dash", "Claim: probes win", "Claim - probes win"],
    ["a colon without spaces becomes a spaced dash", "ratio 3:1 holds", "ratio 3 - 1 holds"],
    ["a star is removed", "the *real* cost", "the real cost"],
    ["a question mark is removed", "Do probes win?", "Do probes win"],
    ["double quotes become single quotes", 'the "hours per prompt" bottleneck', "the 'hours per prompt' bottleneck"],
    ["angle brackets become lookalikes, so a comparison survives", "Stablecoin flows > TVL as metric", "Stablecoin flows › TVL as metric"],
    ["a less-than survives as its lookalike", "a <b> c", "a ‹b› c"],
    ["a hash is removed", "issue #42 matters", "issue 42 matters"],
    ["an exponent becomes superscript, so 10^3 does not become 103", "10^3 vs 10^8 parameters", "10³ vs 10⁸ parameters"],
    ["a negative exponent keeps its sign", "errors fall to 10^-8", "errors fall to 10⁻⁸"],
    ["x^2 becomes x²", "x^2 grows", "x² grows"],
    ["a lone caret is removed", "up ^ down", "up down"],
    ["a spaced star is a multiplication sign", "cost grows as 2 * n", "cost grows as 2 × n"],
    ["a run of spaces between two spaced stars keeps both multiplication signs", "a *  * b", "a × × b"],
    ["link brackets are removed", "[[link]] here", "link here"],
    ["single square brackets become parentheses", "the effect [sic] holds", "the effect (sic) holds"],
    ["every forbidden character at once", 'a\\b/c:d*e?f"g<h>i|j#k^l[m]n', "a-b-c - def'g‹h›i-jkl(m)n"],
    ["a leading dot is removed", ".hidden claim", "hidden claim"],
    ["leading dots that would climb are removed", "../../escape", "escape"],
    ["a leading dash left by a separator is removed", "/root claim", "root claim"],
    ["a trailing period is removed", "Ends with a dot.", "Ends with a dot"],
    ["trailing dots and spaces are removed", "Ends with dots ...  ", "Ends with dots"],
    ["whitespace is collapsed", "  many   spaces\there\n", "many spaces here"],
    ["control characters become spaces", "a\u0000b\u0007c", "a b c"],
    ["zero-width and direction marks are removed", "a\u200bb\u202ec", "a b c"],
    ["allowed punctuation is kept", "Anthropic's probes, (mostly) — 50% & more!", "Anthropic's probes, (mostly) — 50% & more!"],
    ["letters of every script are kept", "Über größere Модели 模型", "Über größere Модели 模型"],
    ["an emoji between words is kept", "brain 🧠 scan", "brain 🧠 scan"],
  ])("%s", (_name, title, name) => {
    expect(toFileName(title)).toBe(name);
  });

  it.each<[string, string, string]>([
    ["CON is a Windows device name", "CON", "CON (claim)"],
    ["nul is a Windows device name in any case", "nul", "nul (claim)"],
    ["Aux is a Windows device name", "Aux", "Aux (claim)"],
    ["COM1 is a Windows device name", "COM1", "COM1 (claim)"],
    ["LPT9 is a Windows device name", "LPT9", "LPT9 (claim)"],
    ["a device name with an extension is still one", "con.txt", "con (claim).txt"],
    ["a device name with two extensions is still one", "nul.tar.gz", "nul (claim).tar.gz"],
    ["COM with a superscript digit is a device name", "COM¹", "COM¹ (claim)"],
    ["a word that starts like a device name is fine", "Consensus holds", "Consensus holds"],
  ])("%s", (_name, title, name) => {
    expect(toFileName(title)).toBe(name);
  });

  it.each<[string, string]>([
    ["an empty title", ""],
    ["a title of spaces", "   "],
    ["a title of punctuation only", "?!?"],
    ["a title of dots only", "..."],
    ["a title of forbidden characters only", '[[#^|]]:*"'],
  ])("%s gets the fallback name", (_name, title) => {
    expect(toFileName(title)).toBe("Untitled claim");
    expect(toFileName(title, "Claim 3")).toBe("Claim 3");
  });

  it("gives NFC and NFD spellings the same name", () => {
    expect(toFileName("cafe\u0301 effect")).toBe("caf\u00e9 effect");
    expect(toFileName("caf\u00e9 effect")).toBe("caf\u00e9 effect");
  });
});

describe("cutting to 200 bytes of UTF-8", () => {
  it("leaves a title of exactly 200 bytes whole", () => {
    const title = "a".repeat(200);
    expect(toFileName(title)).toBe(title);
  });

  it("cuts a long title at a word boundary", () => {
    const name = toFileName("word ".repeat(60));
    expect(name).toBe(Array(40).fill("word").join(" "));
    expect(bytes(name)).toBe(199);
  });

  it("counts bytes, not characters, for accented text", () => {
    const name = toFileName(`${"é".repeat(99)} ${"é".repeat(10)}`);
    expect(name).toBe("é".repeat(99));
    expect(bytes(name)).toBe(198);
  });

  it("never splits a multi-byte character in one long word", () => {
    const name = toFileName("漢".repeat(100));
    expect(name).toBe("漢".repeat(66));
    expect(bytes(name)).toBe(198);
  });

  it("never splits an emoji, even a joined one", () => {
    const family = "👨‍👩‍👧";
    const name = toFileName(`x${family.repeat(20)}`);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(name.slice(1).split(family).every((part) => part === "")).toBe(true);
    expect(name).toBe(`x${family.repeat(11)}`);
  });

  it("drops a trailing dot or space left by the cut", () => {
    const name = toFileName(`${"a".repeat(150)} ${"b".repeat(48)}. c`);
    expect(name).toBe(`${"a".repeat(150)} ${"b".repeat(48)}`);
  });

  it("cutToBytes cuts mid-word only when the last space is in the first half", () => {
    expect(cutToBytes("abcdefgh ij", 6)).toBe("abcdef");
    expect(cutToBytes("abcdef gh", 8)).toBe("abcdef");
    expect(cutToBytes("ab cdefgh", 7)).toBe("ab cdef");
    expect(cutToBytes("abc def ghi", 7)).toBe("abc def");
    expect(cutToBytes("short", 10)).toBe("short");
  });
});

describe("claimFolder", () => {
  it.each<[string, string | null, string]>([
    ["a domain fills {{domain}}", "ai-alignment", "domains/ai-alignment"],
    ["no domain gives the fallback folder", null, "inbox/claims"],
    ["an empty domain gives the fallback folder", "", "inbox/claims"],
    ["a blank domain gives the fallback folder", "   ", "inbox/claims"],
    ["a hostile domain stays inside", "../../.obsidian", "domains/obsidian"],
    ["a domain of dots gives the fallback folder", "..", "inbox/claims"],
    ["a domain with a slash stays one folder", "health/nutrition", "domains/health-nutrition"],
    ["a domain with a backslash stays one folder", "..\\..\\etc", "domains/etc"],
    ["a Windows device name is made safe", "CON", "domains/CON (claim)"],
    ["allowed punctuation in a domain is kept", "health & wellness", "domains/health & wellness"],
  ])("%s", (_name, domain, folder) => {
    expect(claimFolder("domains/{{domain}}", "inbox/claims", domain)).toBe(folder);
  });

  it("accepts spaces inside the placeholder and text after it", () => {
    expect(claimFolder("claims/{{ domain }}/new", "inbox/claims", "bio")).toBe("claims/bio/new");
  });

  it("uses a template without a placeholder as it is, domain or not", () => {
    expect(claimFolder("claims", "inbox/claims", null)).toBe("claims");
    expect(claimFolder("claims", "inbox/claims", "bio")).toBe("claims");
  });

  it("normalizes configured folders: no empty, '.' or '..' segments", () => {
    expect(normalizeFolder("/a//./b/../c/")).toBe("a/b/c");
    expect(normalizeFolder("a\\b")).toBe("a/b");
    expect(claimFolder("../{{domain}}", "../../x", null)).toBe("x");
  });

  it("joinPath adds the .md extension, with or without a folder", () => {
    expect(joinPath("domains/bio", "Probes win")).toBe("domains/bio/Probes win.md");
    expect(joinPath("", "Probes win")).toBe("Probes win.md");
  });

  it("sameName compares case-insensitively and across NFC/NFD", () => {
    expect(sameName("Café", "cafe\u0301")).toBe(true);
    expect(sameName("Probes Win", "probes win")).toBe(true);
    expect(sameName("Probes win", "Probes won")).toBe(false);
  });
});

describe("properties for any title and any domain", () => {
  const hostile = fc.constantFrom("../", "/", "\\", ".", "..", "CON", "nul.txt", "\u0000", "\u0085", "\u200b", ":", "#", "^", "[[", "]]", "|", " ", "\t", "\n", "🧠", "👨‍👩‍👧", "é", "e\u0301", "漢");
  const anyText = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 300 }),
    fc.string({ unit: "binary", maxLength: 300 }),
    fc.string({ unit: "binary-ascii", maxLength: 300 }),
    fc.array(fc.oneof(hostile, fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join("")),
  );

  it("toFileName gives a non-empty, safe name of at most 200 bytes", () => {
    fc.assert(
      fc.property(anyText, (title) => {
        const name = toFileName(title);
        expect(name).not.toBe("");
        expect(name).not.toMatch(FORBIDDEN);
        expect(name).not.toMatch(CONTROL);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES);
        expect(name.startsWith(".")).toBe(false);
        expect(name.endsWith(".") || name.endsWith(" ")).toBe(false);
        expect(name).toBe(name.trim());
        expect(/[\ud800-\udfff]/u.test(name)).toBe(false); // no lone surrogate halves
      }),
      { numRuns: 1000 },
    );
  });

  it("the claim path is always the folder, a slash and one more segment, never '..'", () => {
    fc.assert(
      fc.property(fc.option(anyText, { nil: null }), anyText, (domain, title) => {
        const folder = claimFolder("domains/{{domain}}", "inbox/claims", domain);
        const path = joinPath(folder, toFileName(title));
        expect(path.startsWith(`${folder}/`)).toBe(true);
        expect(path.split("/")).toHaveLength(folder.split("/").length + 1);
        expect(path.split("/")).not.toContain("..");
        expect(path.split("/")).not.toContain(".");
        expect(path.split("/")).not.toContain("");
        expect(folder === "inbox/claims" || folder.startsWith("domains/")).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("NFC and NFD of the same title give the same name", () => {
    fc.assert(
      fc.property(anyText, (title) => {
        expect(toFileName(title.normalize("NFD"))).toBe(toFileName(title.normalize("NFC")));
      }),
      { numRuns: 1000 },
    );
  });
});
