// Both catalogues say everything: every namespace file of messages/en has its messages/uk twin (and
// the reverse) with the same keys, and every message parses as ICU, uses the same placeholders (and
// rich-text tags) as its English original, formats with sample values, and in Ukrainian gives each
// plural the forms the language needs (one/few/many/other: 1 дія, 2 дії, 5 дій, 21 дія).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/i18n/config";
import { MESSAGES } from "@/i18n/messages";

const root = path.resolve(__dirname, "../messages");
const SOURCE = "en";
const TARGETS = LOCALES.filter((l) => l !== SOURCE);

type Tree = { [key: string]: string | Tree };
const namespaces = (locale: string) =>
  readdirSync(path.join(root, locale))
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length));
const load = (locale: string, ns: string): Tree => JSON.parse(readFileSync(path.join(root, locale, `${ns}.json`), "utf8"));

/** Every leaf as "a.b.c" → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(p, value);
    else if (value && typeof value === "object") for (const [k, v] of leaves(value, p)) out.set(k, v);
    else out.set(p, String(value)); // not a message at all: reported by the "strings only" test
  }
  return out;
}

type Arg = { name: string; kind: "plain" | "number" | "date" | "time" | "plural" | "select" | "tag"; options?: string[] };

/** The arguments and tags a message uses, at any depth (inside plural and select branches too). */
function argsOf(elements: MessageFormatElement[], out: Arg[] = []): Arg[] {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
        out.push({ name: el.value, kind: "plain" });
        break;
      case TYPE.number:
        out.push({ name: el.value, kind: "number" });
        break;
      case TYPE.date:
        out.push({ name: el.value, kind: "date" });
        break;
      case TYPE.time:
        out.push({ name: el.value, kind: "time" });
        break;
      case TYPE.plural:
        out.push({ name: el.value, kind: "plural", options: Object.keys(el.options) });
        for (const o of Object.values(el.options)) argsOf(o.value, out);
        break;
      case TYPE.select:
        out.push({ name: el.value, kind: "select", options: Object.keys(el.options) });
        for (const o of Object.values(el.options)) argsOf(o.value, out);
        break;
      case TYPE.tag:
        out.push({ name: el.value, kind: "tag" });
        argsOf(el.children, out);
        break;
    }
  }
  return out;
}

const names = (args: Arg[]) => [...new Set(args.map((a) => (a.kind === "tag" ? `<${a.name}>` : a.name)))].sort();

/** Sample values: every number a plural cares about, every option of a select, a function per tag. */
function samples(args: Arg[]): Record<string, unknown>[] {
  const numbers = [0, 1, 2, 5, 21, 1.5];
  const base: Record<string, unknown> = {};
  for (const a of args) {
    if (a.kind === "tag") base[a.name] = (chunks: unknown[]) => chunks.join("");
    else if (a.kind === "date" || a.kind === "time") base[a.name] = new Date(Date.UTC(2026, 0, 15));
    else if (a.kind === "number" || a.kind === "plural") base[a.name] = 2;
    else if (a.kind === "select") base[a.name] = a.options?.find((o) => o !== "other") ?? "other";
    else base[a.name] ??= "x";
  }
  const out = [base];
  for (const a of args) {
    if (a.kind === "plural") for (const n of numbers) out.push({ ...base, [a.name]: n });
    if (a.kind === "select") for (const o of [...(a.options ?? []), "something-else"]) out.push({ ...base, [a.name]: o });
  }
  return out;
}

const parseOrError = (message: string): MessageFormatElement[] | Error => {
  try {
    return parse(message, { ignoreTag: false, requiresOtherClause: true });
  } catch (e) {
    return e as Error;
  }
};

const allNamespaces = [...new Set(LOCALES.flatMap(namespaces))].sort();

describe("message catalogues", () => {
  it("finds the namespaces", () => {
    expect(allNamespaces).toContain("common");
    expect(allNamespaces).toContain("actions");
  });

  describe.each(allNamespaces)("namespace %s", (ns) => {
    it.each(LOCALES)("exists in %s and holds only strings", (locale) => {
      expect(namespaces(locale), `messages/${locale}/${ns}.json is missing`).toContain(ns);
      const tree = load(locale, ns);
      const notStrings = [...leaves(tree)].filter(([, v]) => typeof v !== "string").map(([k]) => k);
      expect(notStrings).toEqual([]);
    });

    it.each(TARGETS)("has the same keys in en and %s", (locale) => {
      if (!namespaces(SOURCE).includes(ns) || !namespaces(locale).includes(ns)) return; // reported above
      const en = [...leaves(load(SOURCE, ns)).keys()];
      const other = [...leaves(load(locale, ns)).keys()];
      const missing = en.filter((k) => !other.includes(k));
      const extra = other.filter((k) => !en.includes(k));
      expect({ [`missing in ${locale}`]: missing, [`only in ${locale}`]: extra }).toEqual({
        [`missing in ${locale}`]: [],
        [`only in ${locale}`]: [],
      });
    });

    it.each(LOCALES)("parses and formats every %s message", (locale) => {
      if (!namespaces(locale).includes(ns)) return;
      const problems: string[] = [];
      for (const [key, message] of leaves(load(locale, ns))) {
        const ast = parseOrError(message);
        if (ast instanceof Error) {
          problems.push(`${ns}.${key}: does not parse (${ast.message})`);
          continue;
        }
        const args = argsOf(ast);
        for (const values of samples(args)) {
          try {
            new IntlMessageFormat(message, locale).format(values as Record<string, string>);
          } catch (e) {
            problems.push(`${ns}.${key}: does not format with ${JSON.stringify(values)} (${(e as Error).message})`);
            break;
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it.each(TARGETS)("uses the English placeholders, and full plurals, in %s", (locale) => {
      if (!namespaces(SOURCE).includes(ns) || !namespaces(locale).includes(ns)) return;
      const en = leaves(load(SOURCE, ns));
      const problems: string[] = [];
      for (const [key, message] of leaves(load(locale, ns))) {
        const source = en.get(key);
        if (source === undefined) continue;
        const [a, b] = [parseOrError(source), parseOrError(message)];
        if (a instanceof Error || b instanceof Error) continue; // reported by the parse test
        const [argsEn, argsOther] = [argsOf(a), argsOf(b)];
        if (names(argsEn).join() !== names(argsOther).join())
          problems.push(
            `${ns}.${key}: placeholders ${names(argsOther).join(", ") || "none"} ≠ English ${names(argsEn).join(", ") || "none"}`,
          );
        // Select branches are codes the code passes in: each English one needs its translation.
        for (const s of argsEn.filter((x) => x.kind === "select")) {
          const mine = argsOther.find((x) => x.kind === "select" && x.name === s.name);
          const lacking = (s.options ?? []).filter((o) => !mine?.options?.includes(o));
          if (mine && lacking.length) problems.push(`${ns}.${key}: select ${s.name} lacks ${lacking.join(", ")}`);
        }
        if (locale === "uk")
          for (const p of argsOther.filter((x) => x.kind === "plural")) {
            const lacking = ["one", "few", "many", "other"].filter((c) => !p.options?.includes(c));
            if (lacking.length) problems.push(`${ns}.${key}: plural ${p.name} lacks ${lacking.join(", ")}`);
          }
      }
      expect(problems).toEqual([]);
    });
  });

  it("formats Ukrainian plurals as the language does: 1 дія, 2 дії, 5 дій, 21 дія", () => {
    const message = (MESSAGES.uk.campaigns.timeline as { counts: string }).counts;
    const f = (actions: number) => new IntlMessageFormat(message, "uk").format({ actions, outcomes: 1 });
    expect([1, 2, 5, 21, 11, 22].map(f)).toEqual([
      "1 дія · 1 результат",
      "2 дії · 1 результат",
      "5 дій · 1 результат",
      "21 дія · 1 результат",
      "11 дій · 1 результат",
      "22 дії · 1 результат",
    ]);
  });

  it("counts list rows in Ukrainian plural forms", () => {
    const f = (ns: "actions" | "outcomes" | "organizations" | "campaigns", count: number) =>
      new IntlMessageFormat(MESSAGES.uk[ns].count, "uk").format({ count });
    expect([0, 1, 2, 5, 21, 1234].map((n) => f("actions", n))).toEqual([
      "Жодної дії",
      "1 дія",
      "2 дії",
      "5 дій",
      "21 дія",
      "1\u00a0234 дії",
    ]);
    expect([1, 3, 11].map((n) => f("outcomes", n))).toEqual(["1 результат", "3 результати", "11 результатів"]);
    expect(new IntlMessageFormat(MESSAGES.en.actions.count, "en").format({ count: 1234 })).toBe("1,234 actions");
  });

  it("serves Ukrainian from the Ukrainian files, with every English key present", () => {
    expect(MESSAGES.uk.common.nav.actions).toBe("Дії");
    const en = leaves(MESSAGES.en as unknown as Tree);
    const uk = leaves(MESSAGES.uk as unknown as Tree);
    expect([...en.keys()].filter((k) => !uk.has(k))).toEqual([]);
  });
});
