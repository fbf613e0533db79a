import { describe, expect, it } from "vitest";
import { isLatinWord, toCyrillic, toLatin } from "./translit";

describe("toLatin (national table, Resolution No. 55 of 2010)", () => {
  it.each([
    ["Лубінець", "lubinets"],
    ["Коваленко", "kovalenko"],
    ["Андрій", "andrii"],
    ["Київ", "kyiv"],
    ["Зеленський", "zelenskyi"],
    ["Сергієнко", "serhiienko"],
    // Є, Ї, Й, Ю, Я at the start of a word
    ["Євген", "yevhen"],
    ["Їжакевич", "yizhakevych"],
    ["Йосип", "yosyp"],
    ["Юрій", "yurii"],
    ["Яготин", "yahotyn"],
    // зг is zgh (not zh); Ґ is g, Г is h; the apostrophe and the soft sign are dropped
    ["Згурський", "zghurskyi"],
    ["Ґалаґан", "galagan"],
    ["Гурт", "hurt"],
    ["Мар'яна", "mariana"],
    ["Щербина", "shcherbyna"],
  ])("%s → %s", (cyrillic, latin) => {
    expect(toLatin(cyrillic)).toBe(latin);
  });

  it("keeps other characters and treats each word on its own", () => {
    expect(toLatin("Івано-Франківськ, 2024")).toBe("ivano-frankivsk, 2024");
    expect(toLatin("Юрій Яценко")).toBe("yurii yatsenko");
  });
});

describe("toCyrillic (the national table reversed, best effort)", () => {
  it.each([
    ["Lubinets", "лубінец"], // the soft sign cannot come back; the stemmer then cuts -ец
    ["Kovalenko", "коваленко"],
    ["Andrii", "андрій"],
    ["Kyiv", "київ"],
    ["Zelenskyi", "зеленський"],
    ["Serhiienko", "сергієнко"],
    ["Mariia", "марія"],
    ["Yevhen", "євген"],
    ["Yurii", "юрій"],
    ["Zghurskyi", "згурський"],
    ["Shcherbyna", "щербина"],
    ["Ivano-Frankivsk", "івано-франківськ"],
  ])("%s → %s", (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });

  it("round-trips names the table writes without loss", () => {
    for (const name of ["Коваленко", "Андрій", "Київ", "Зеленський", "Сергієнко", "Євген", "Юрій", "Щербина", "Згурський"])
      expect(toCyrillic(toLatin(name))).toBe(name.toLocaleLowerCase("uk"));
  });

  it("recognises Latin words", () => {
    expect(isLatinWord("Lubinets")).toBe(true);
    expect(isLatinWord("O'Neill")).toBe(true);
    expect(isLatinWord("Лубінець")).toBe(false);
    expect(isLatinWord("2.1/9418-22")).toBe(false);
  });
});
