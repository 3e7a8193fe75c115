/**
 * Look-alike names: "Сlearview" with a Cyrillic С, or a Greek ο in a Latin word, reads as the
 * real name but is a different string. A word whose letters are all in one script is fine
 * ("Клирвью", "Clearview"); digits, punctuation and combining marks belong to no script here.
 */
const SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
] as const;

const LETTER = /\p{L}/u;

export interface MixedWord {
  word: string;
  scripts: string[];
}

/** The first white-space-separated word whose letters mix Latin, Cyrillic and Greek, if any. */
export function mixedScriptWord(text: string): MixedWord | undefined {
  for (const word of text.split(/\s+/u)) {
    const found = new Set<string>();
    for (const ch of word) {
      if (!LETTER.test(ch)) continue;
      for (const [name, re] of SCRIPTS) if (re.test(ch)) found.add(name);
    }
    if (found.size > 1) return { word, scripts: SCRIPTS.map(([n]) => n).filter((n) => found.has(n)) };
  }
  return undefined;
}
