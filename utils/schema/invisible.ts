/**
 * Characters that draw nothing or reorder the text around them, so they can hide or disguise
 * what a reader sees (docs/security.md, item 23): bidi embeddings, overrides, isolates and marks (including
 * the Arabic letter mark); zero-width spaces and joiners; the soft hyphen; the combining grapheme
 * joiner; the Mongolian vowel separator; the Hangul fillers, which render as blank letters;
 * invisible operators; the byte-order mark; and the tag characters.
 */
const CLASS = '\\u00AD\\u034F\\u061C\\u115F\\u1160\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\u3164\\uFEFF\\uFFA0\\u{E0000}-\\u{E007F}';

// The class holds a combining character (U+034F, the grapheme joiner) on purpose: it is matched alone.
// eslint-disable-next-line no-misleading-character-class -- see above
const ANY = new RegExp(`[${CLASS}]`, 'u');
// eslint-disable-next-line no-misleading-character-class -- see above
const ALL = new RegExp(`[${CLASS}]`, 'gu');

export function hasInvisible(s: string): boolean {
  return ANY.test(s);
}

/** For text taken from web pages, where refusing would only lose the reader's work. */
export function stripInvisible(s: string): string {
  return s.replace(ALL, '');
}
