// Every message the code asks for exists in the English catalogue (and so, by
// messages-complete.test.ts, in every other). It reads the sources: each translator made with
// useTranslations("ns") / getTranslations("ns") and each of its calls with a literal key, t("a.b"),
// t.rich("a.b"), t.markup("a.b"); for a key built at run time (t(`names.${l}`)) its fixed prefix must
// be a group of messages. A wrong namespace (useTranslations("common.language") when the messages
// live under "languages.switch") otherwise shows only as MISSING_MESSAGE in the server log.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";

const root = path.resolve(__dirname, "..");
const DIRS = ["app", "components", "lib"];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p) ? [p] : [];
  });

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, dotted: string): string | Tree | undefined =>
  dotted.split(".").reduce<string | Tree | undefined>((node, k) => (node && typeof node === "object" ? node[k] : undefined), tree);

const catalogue = MESSAGES.en as unknown as Tree;

type Binding = { name: string; namespace: string; at: number };
type Use = { file: string; line: number; key: string; dynamic: boolean };

/** Translators bound in a file: `const t = useTranslations("ns")`, and destructured `Promise.all` lists. */
export function bindings(src: string): Binding[] {
  const out: Binding[] = [];
  const call = /(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|'([^']*)')?\s*\)/g;
  for (const m of src.matchAll(/const\s+(\w+)\s*=\s*(?:await\s+)?(?:useTranslations|getTranslations)\(\s*(?:"([^"]*)"|'([^']*)')?\s*\)/g))
    out.push({ name: m[1], namespace: m[2] ?? m[3] ?? "", at: m.index });
  for (const m of src.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\s*\[([\s\S]*?)\]\s*\)/g)) {
    const names = m[1].split(",").map((s) => s.trim());
    const calls = [...m[2].matchAll(/[^,()]*(?:\([^()]*\))?/g)].map((x) => x[0].trim()).filter(Boolean);
    calls.forEach((c, i) => {
      const hit = [...c.matchAll(call)][0];
      if (hit && names[i]) out.push({ name: names[i], namespace: hit[1] ?? hit[2] ?? "", at: m.index });
    });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Each literal (or template-prefixed) key passed to a bound translator, resolved against its namespace. */
export function uses(file: string, src: string): Use[] {
  const bound = bindings(src);
  const out: Use[] = [];
  for (const name of new Set(bound.map((b) => b.name))) {
    const re = new RegExp(`(?<![\\w.])${name}(?:\\.rich|\\.markup)?\\(\\s*(?:"([^"]+)"|'([^']+)'|\`([^\`]+)\`)`, "g");
    for (const m of src.matchAll(re)) {
      // the nearest binding of this name above the call (files with several components reuse "t")
      const b = bound.filter((x) => x.name === name && x.at < m.index).at(-1);
      if (!b) continue;
      const literal = m[1] ?? m[2];
      const template = m[3];
      const dynamic = template !== undefined && template.includes("${");
      const key = literal ?? (dynamic ? template.slice(0, template.indexOf("${")) : template);
      const full = [b.namespace, key].filter(Boolean).join(".");
      out.push({ file: path.relative(root, file), line: src.slice(0, m.index).split("\n").length, key: full, dynamic });
    }
  }
  return out;
}

const all = DIRS.flatMap((d) => sources(path.join(root, d))).flatMap((f) => uses(f, readFileSync(f, "utf8")));

describe("messages the code uses", () => {
  it("finds the translators and their keys", () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all.some((u) => u.key === "languages.switch.label")).toBe(true);
  });

  it("binds destructured translators to their namespaces", () => {
    const src = `const [t, tc] = await Promise.all([getTranslations("actions"), getTranslations("common")]);\nt("title"); tc("buttons.save");`;
    expect(uses("x.tsx", src).map((u) => u.key)).toEqual(["actions.title", "common.buttons.save"]);
  });

  it("resolves each call to the nearest translator above it", () => {
    const src = `function A(){ const t = useTranslations("a"); t("x"); }\nfunction B(){ const t = useTranslations("b"); t(\`y.\${k}\`); }`;
    expect(uses("x.tsx", src).map((u) => [u.key, u.dynamic])).toEqual([
      ["a.x", false],
      ["b.y.", true],
    ]);
  });

  it("finds every used namespace and key in the catalogue", () => {
    const missing = all
      .filter((u) => {
        if (!u.dynamic) return typeof lookup(catalogue, u.key) !== "string";
        // a built key: its fixed part must name a group of messages (or be empty: the namespace)
        const prefix = u.key.replace(/\.$/, "");
        return !prefix.includes(".") ? !(prefix in catalogue) : typeof lookup(catalogue, prefix) !== "object";
      })
      .map((u) => `${u.file}:${u.line} ${u.key}${u.dynamic ? "…" : ""}`);
    expect(missing).toEqual([]);
  });

  it("finds every namespace a translator is made for", () => {
    const missing = DIRS.flatMap((d) => sources(path.join(root, d)))
      .flatMap((f) => bindings(readFileSync(f, "utf8")).map((b) => ({ f, ns: b.namespace })))
      .filter(({ ns }) => ns && typeof lookup(catalogue, ns) !== "object")
      .map(({ f, ns }) => `${path.relative(root, f)}: ${ns}`);
    expect(missing).toEqual([]);
  });
});
