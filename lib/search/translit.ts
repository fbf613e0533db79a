// Ukrainian ↔ Latin transliteration for search, so that "Lubinets" finds "Лубінець" and the reverse.
// Cyrillic → Latin follows the national table (Cabinet of Ministers Resolution No. 55 of 27 January
// 2010, the one in Ukrainian passports): Є, Ї, Й, Ю, Я at the start of a word are ye, yi, y, yu, ya,
// elsewhere ie, i, i, iu, ia; зг is zgh; the soft sign and the apostrophe are dropped. Latin → Cyrillic
// reverses it as well as a table that drops letters can be reversed: the soft sign cannot come back
// (a search only needs a prefix, which the stemmer then shortens), and g/c/w/x/q/j, which the national
// table does not produce, get their usual readings. Pure; safe anywhere.

const FORWARD: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: "iu",
  я: "ia",
  "'": "",
  "’": "",
  ʼ: "",
  // Russian letters that appear in names quoted in records
  ё: "io",
  ы: "y",
  э: "e",
  ъ: "",
};
const WORD_INITIAL: Record<string, string> = { є: "ye", ї: "yi", й: "y", ю: "yu", я: "ya" };

const isLetter = (ch: string | undefined) => !!ch && /\p{L}/u.test(ch);

/** Cyrillic → Latin (national table), lower-case; other characters pass through. */
export function toLatin(text: string): string {
  const s = text.toLocaleLowerCase("uk");
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const initial = !isLetter(s[i - 1]) && s[i - 1] !== "'" && s[i - 1] !== "’" && s[i - 1] !== "ʼ";
    if (ch === "з" && s[i + 1] === "г") {
      out += "zgh";
      i++;
      continue;
    }
    out += (initial ? WORD_INITIAL[ch] : undefined) ?? FORWARD[ch] ?? ch;
  }
  return out;
}

// Latin → Cyrillic, longest match first. "^" marks a rule for the start of a word, "$" for its end.
const REVERSE: [string, string][] = [
  ["shch", "щ"],
  // the soft sign of -ський/-цький/-зький adjectives and surnames, and of -ськ/-цьк place names
  ["tskyi$", "цький"],
  ["skyi$", "ський"],
  ["zkyi$", "зький"],
  ["tska$", "цька"],
  ["ska$", "ська"],
  ["ske$", "ське"],
  ["tsk$", "цьк"],
  ["sk$", "ськ"],
  ["zgh", "зг"],
  ["^ye", "є"],
  ["^yi", "ї"],
  ["^yu", "ю"],
  ["^ya", "я"],
  ["^yo", "йо"],
  ["yi$", "ий"],
  ["ii$", "ій"],
  ["ai$", "ай"],
  ["oi$", "ой"],
  ["ei$", "ей"],
  ["ui$", "уй"],
  // і before є/ю/я: Сергієнко is Serhiienko, Марія is Mariia
  ["iie", "іє"],
  ["iiu", "ію"],
  ["iia", "ія"],
  ["yi", "иї"],
  ["ii", "ії"],
  ["ie", "є"],
  ["iu", "ю"],
  ["ia", "я"],
  ["kh", "х"],
  ["zh", "ж"],
  ["ts", "ц"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["a", "а"],
  ["b", "б"],
  ["v", "в"],
  ["h", "г"],
  ["g", "г"],
  ["d", "д"],
  ["e", "е"],
  ["z", "з"],
  ["y", "и"],
  ["i", "і"],
  ["k", "к"],
  ["l", "л"],
  ["m", "м"],
  ["n", "н"],
  ["o", "о"],
  ["p", "п"],
  ["r", "р"],
  ["s", "с"],
  ["t", "т"],
  ["u", "у"],
  ["f", "ф"],
  ["c", "ц"],
  ["w", "в"],
  ["x", "кс"],
  ["q", "к"],
  ["j", "й"],
];

/** Latin → Cyrillic, best effort (see above), lower-case; other characters pass through. */
export function toCyrillic(text: string): string {
  const s = text.toLowerCase();
  let out = "";
  let i = 0;
  while (i < s.length) {
    const initial = !isLetter(s[i - 1]);
    let matched = false;
    for (const [rule, cyr] of REVERSE) {
      const atStart = rule.startsWith("^");
      const atEnd = rule.endsWith("$");
      const latin = rule.replace(/^\^|\$$/g, "");
      if (atStart && !initial) continue;
      if (!s.startsWith(latin, i)) continue;
      if (atEnd && isLetter(s[i + latin.length])) continue;
      out += cyr;
      i += latin.length;
      matched = true;
      break;
    }
    if (!matched) out += s[i++];
  }
  return out;
}

const LATIN_WORD = /^[a-z'’ʼ-]+$/i;

/** True for a word written only in Latin letters (and apostrophes or hyphens): a candidate for toCyrillic. */
export const isLatinWord = (word: string) => LATIN_WORD.test(word);
