import { describe, expect, it } from "vitest";
import { likePattern, searchPatterns, textSearch, wordVariants } from "./query";

describe("search patterns", () => {
  it("searches a Ukrainian word by its stem and its Latin transliteration", () => {
    expect(wordVariants("військовополонені")).toEqual(["військовополонен", "viiskovopolonen"]);
    expect(wordVariants("військовополонених")).toEqual(wordVariants("військовополонені"));
  });

  it("searches a Latin name in Cyrillic too", () => {
    expect(wordVariants("Lubinets")).toEqual(["lubinets", "лубін"]);
    expect(wordVariants("Kovalenko")).toEqual(["kovalenko", "коваленк"]);
  });

  it("drops a variant that another one already covers", () => {
    // "лубін" is inside "лубінець": searching for both would only repeat the work
    expect(wordVariants("Лубінець")).toEqual(["лубін", "lubin"]);
  });

  it("escapes LIKE wildcards and matches any apostrophe", () => {
    expect(likePattern("100%_x\\")).toBe("100\\%\\_x\\\\");
    expect(likePattern("м'ясо")).toBe("м_ясо");
    expect(likePattern("м’ясо")).toBe("м_ясо");
  });

  it("ANDs the words, ignores one- and two-letter words beside longer ones, and strips punctuation", () => {
    expect(searchPatterns("«ГАНРІ», of the SCA")).toEqual([
      ["ганрі", "hanri"],
      ["the", "тге"],
      ["sca", "сца"],
    ]);
    expect(searchPatterns("№ 2.1/9418-22")).toEqual([["2.1/9418-22"]]);
    expect(searchPatterns("A")).toEqual([["a"]]);
    expect(searchPatterns("   ")).toEqual([]);
  });

  it("builds one OR per word over the fields it is given", () => {
    const where = textSearch("Lubinets", (cs) => cs.map((c) => ({ title: c })));
    expect(where).toEqual([
      {
        OR: [{ title: { contains: "lubinets", mode: "insensitive" } }, { title: { contains: "лубін", mode: "insensitive" } }],
      },
    ]);
  });
});
