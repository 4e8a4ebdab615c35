import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countInputs } from "./count-inputs.js";

describe("countInputs", () => {
  it("counts files in folders and lines in JSON Lines files, skipping dotfiles", () => {
    const dir = mkdtempSync(join(tmpdir(), "count-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.txt"), "x");
    writeFileSync(join(dir, ".hidden.txt"), "x");
    writeFileSync(join(dir, "sub", "b.jsonl"), '{"text":"a"}\n{"text":"b"}\n{"text":"c"}');
    expect(countInputs([dir, join(dir, "missing.txt")])).toBe(1 + 3 + 1);
  });
});
