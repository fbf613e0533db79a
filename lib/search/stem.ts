// A light Ukrainian stemmer for search: it strips one common inflectional ending (of nouns, adjectives,
// participles and verbs) so that a search for any form of a word finds the others by "contains"
// (ILIKE '%stem%' over the trigram indexes). It is deliberately crude: it never rewrites a stem
// (the alternations of Київ/Києва, рік/року are not handled), and it prefers cutting a little too
// much, since a shorter stem only finds more. Words without Cyrillic letters are returned lower-cased.
// Pure; safe anywhere.

const CYRILLIC = /[\u0400-\u04FF]/;

/** The shortest stem an ending may leave: "суду" → "суд", but "ООН" and "суд" stay as they are. */
const MIN_STEM = 3;

// The -ець/-ця family (Лубінець, Лубінця, Лубінцем; українець, українцями): the е drops out in every
// form but the first, so the stem ends before it. "ец" is -ець as a Latin transliteration gives it back
// (Lubinets → лубінец). Tried before the general endings.
const FLEETING_E = ["цями", "цеві", "цям", "цях", "ців", "цем", "ець", "ец", "ця", "цю", "ці"];

// Endings, tried longest first: noun cases of every declension, adjective and participle forms, verb
// forms (the reflexive -ся/-сь is removed before). The -ння/-ття nouns need none of their own: the
// doubled consonant is undone below.
// prettier-ignore
const ENDINGS = [
  // adjectives and participles
  "ього", "ьому", "ого", "ому", "ими", "іми", "ий", "ій", "им", "ім", "их", "іх", "ої", "ою", "ьою", "ая", "яя", "еє",
  // nouns
  "ами", "ями", "ові", "еві", "єві", "ах", "ях", "ам", "ям", "ів", "їв", "ей", "ом", "ем", "єм", "ею", "єю",
  "ія", "ії", "ію", "ією", "іям", "іями", "іях",
  // verbs
  "увати", "ювати", "ували", "ювали", "увала", "ував", "ують", "юють", "ати", "яти", "ити", "іти", "ути",
  "ємо", "имо", "ете", "ите", "ють", "уть", "ать", "ять", "ить", "іть", "ила", "ило", "или", "ала", "ало", "али",
  "ла", "ло", "ли", "ти", "ть", "ує", "ає", "яє", "еш", "иш",
  // one letter
  "а", "я", "о", "е", "є", "и", "і", "ї", "у", "ю", "ь", "й",
].filter((e, i, all) => all.indexOf(e) === i).sort((a, b) => b.length - a.length);

const REFLEXIVE = ["ся", "сь"];

// A consonant doubled before the ending (звернення, зверненням, but звернень) is written single in
// other forms: the stem keeps one, so that every form contains it.
const DOUBLED = /([бвгґджзклмнпрстфхцчшщ])\1$/;

// Acronyms (ООН, ГАНРІ, МКЧХ, ЄКЗК) are not declined: kept whole.
const ACRONYM = /^[А-ЯІЇЄҐ]{2,7}$/;

function strip(word: string, endings: readonly string[]): string | null {
  for (const e of endings) if (word.endsWith(e) && word.length - e.length >= MIN_STEM) return word.slice(0, -e.length);
  return null;
}

const undouble = (stem: string) => (DOUBLED.test(stem) && stem.length > MIN_STEM + 1 ? stem.slice(0, -1) : stem);

/** The stem of one word, lower-cased: військовополонені, військовополонених, військовополоненим → "військовополонен". */
export function stemUk(word: string): string {
  const nfc = word.normalize("NFC");
  if (ACRONYM.test(nfc)) return nfc.toLocaleLowerCase("uk");
  let w = nfc.toLocaleLowerCase("uk");
  if (!CYRILLIC.test(w) || w.length <= MIN_STEM) return w;
  for (const r of REFLEXIVE) {
    if (w.endsWith(r) && w.length - r.length > MIN_STEM + 1) {
      w = w.slice(0, -r.length);
      break;
    }
  }
  const stem = strip(w, FLEETING_E) ?? strip(w, ENDINGS);
  return stem ? undouble(stem) : w;
}

export const hasCyrillic = (s: string) => CYRILLIC.test(s);
