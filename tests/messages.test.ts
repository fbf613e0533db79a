// Every message key the domain layer can hand to a form or an API client exists in the English
// catalogue, so the user never sees a raw key like "validation.parentCycle".
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { englishMessage } from "@/lib/http";

const libDir = path.resolve(__dirname, "../lib");
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
  });

const keys = [
  ...new Set(
    sources(libDir).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/["'`]((?:validation|errors)\.[A-Za-z]+)["'`]/g)].map((m) => m[1]),
    ),
  ),
].sort();

describe("message catalogue", () => {
  it("finds the keys used in lib/", () => {
    expect(keys).toContain("validation.required");
    expect(keys).toContain("errors.linkExists");
  });

  it.each(keys)("has an English text for %s", (key) => {
    expect(englishMessage(key)).not.toBe(key);
  });
});
