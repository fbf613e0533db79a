import { describe, expect, it } from "vitest";
import { stemUk } from "./stem";

describe("stemUk", () => {
  it.each([
    // the example, in every case and number
    ["військовополонені", "військовополонен"],
    ["військовополонених", "військовополонен"],
    ["військовополоненим", "військовополонен"],
    ["військовополоненими", "військовополонен"],
    ["військовополоненого", "військовополонен"],
    ["військовополонений", "військовополонен"],
    // nouns of every declension
    ["заява", "заяв"],
    ["заяви", "заяв"],
    ["заяв", "заяв"],
    ["денонсація", "денонсац"],
    ["денонсації", "денонсац"],
    ["організаціями", "організац"],
    ["мережі", "мереж"],
    ["омбудсмана", "омбудсман"],
    ["суду", "суд"],
    // -ння nouns: the doubled consonant is written single in the genitive plural
    ["звернення", "звернен"],
    ["зверненням", "звернен"],
    ["звернень", "звернен"],
    ["зверненнях", "звернен"],
    // adjectives and participles
    ["Уповноважений", "уповноважен"],
    ["Уповноваженого", "уповноважен"],
    ["виключено", "виключен"],
    // -ець surnames lose the е in other cases
    ["Лубінець", "лубін"],
    ["Лубінця", "лубін"],
    ["Лубінцем", "лубін"],
    ["Коваленко", "коваленк"],
    ["Коваленка", "коваленк"],
  ])("%s → %s", (word, stem) => {
    expect(stemUk(word)).toBe(stem);
  });

  it("gives every form of a word the same stem", () => {
    const forms = ["військовополонені", "військовополонених", "військовополоненим", "військовополоненими"];
    expect(new Set(forms.map(stemUk)).size).toBe(1);
  });

  it("leaves short words, acronyms and Latin words whole (lower-cased)", () => {
    expect(stemUk("суд")).toBe("суд");
    expect(stemUk("ООН")).toBe("оон");
    expect(stemUk("ГАНРІ")).toBe("ганрі");
    expect(stemUk("МКЧХ")).toBe("мкчх");
    expect(stemUk("GANHRI")).toBe("ganhri");
    expect(stemUk("2.1/9418-22")).toBe("2.1/9418-22");
  });

  it("removes the reflexive particle before the ending", () => {
    expect(stemUk("звернулися")).toBe(stemUk("звернули"));
    expect(stemUk("звернувся")).toBe(stemUk("звернув"));
  });

  it("never leaves fewer than three letters", () => {
    for (const w of ["мир", "рік", "ще", "їх", "ім'я", "Київ"])
      expect(stemUk(w).length).toBeGreaterThanOrEqual(Math.min(3, w.length));
  });
});
