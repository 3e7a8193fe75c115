/**
 * Character folding shared by the dictionary compiler and the text matcher (both in the worker since
 * issue 14's sixth round; the side panel's fact search folds too). Both must fold identically, so this module is the only place that decides what
 * "the same name" means: case, diacritics, typographic apostrophes and dashes, white space.
 */

/** Character classes used by the tokenizer. */
export const enum CharKind {
  Separator = 0,
  Word = 1,
  /** Scripts written without spaces (Han, kana, Thai…): every character is its own token. */
  Unspaced = 2,
  /** Soft hyphen, zero-width joiners: invisible, they neither end a word nor count in it. */
  Ignorable = 3,
  Space = 4,
}

const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/u;
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u00B4\u0060]/u;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const MARKS = /\p{M}/gu;

const kindCache = new Map<number, CharKind>();
const foldCache = new Map<number, string>();

export function charKind(cp: number): CharKind {
  if (cp < 128) {
    if ((cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)) return CharKind.Word;
    if (cp === 32 || (cp >= 9 && cp <= 13)) return CharKind.Space;
    return CharKind.Separator;
  }
  let k = kindCache.get(cp);
  if (k === undefined) {
    const ch = String.fromCodePoint(cp);
    k = IGNORABLE.test(ch)
      ? CharKind.Ignorable
      : SPACE.test(ch)
        ? CharKind.Space
        : UNSPACED.test(ch)
          ? CharKind.Unspaced
          : WORD.test(ch)
            ? CharKind.Word
            : CharKind.Separator;
    kindCache.set(cp, k);
  }
  return k;
}

/** The folded form of one code point (may be empty or several code units). */
export function foldCodePoint(cp: number, keepCase = false): string {
  if (cp < 128) {
    if (!keepCase && cp >= 65 && cp <= 90) return String.fromCharCode(cp | 0x20);
    if (cp === 32 || (cp >= 9 && cp <= 13)) return ' ';
    return String.fromCharCode(cp);
  }
  const key = keepCase ? -cp : cp;
  let f = foldCache.get(key);
  if (f === undefined) {
    const ch = String.fromCodePoint(cp);
    if (IGNORABLE.test(ch)) f = '';
    else if (SPACE.test(ch)) f = ' ';
    else if (APOSTROPHES.test(ch)) f = "'";
    else if (DASHES.test(ch)) f = '-';
    else {
      f = ch.normalize('NFD').replace(MARKS, '');
      // A lone combining mark folds to nothing; keep letters like "ø" that have no decomposition.
      if (!keepCase) f = f.toLowerCase();
      f = f.normalize('NFC');
    }
    foldCache.set(key, f);
  }
  return f;
}

export interface Folded {
  text: string;
  /** map[i] = index in the original string of folded character i; map[text.length] = original length. */
  map: Int32Array;
}

/**
 * Fold a string and keep, for every folded code unit, the offset of the original character it
 * came from, so a match in folded text can be mapped back to exact original offsets.
 * Runs of white space become one space; leading and trailing space is dropped.
 */
export function foldWithMap(s: string, keepCase = false): Folded {
  let out = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp, keepCase);
    if (f === ' ') {
      if (pendingSpace < 0 && out.length) pendingSpace = i;
    } else if (f) {
      if (pendingSpace >= 0) {
        out += ' ';
        map.push(pendingSpace);
        pendingSpace = -1;
      }
      for (let k = 0; k < f.length; k++) map.push(i);
      out += f;
    }
    i += width;
  }
  map.push(pendingSpace >= 0 ? pendingSpace : s.length);
  return { text: out, map: Int32Array.from(map) };
}

/** `foldWithMap` without the map: the matcher's verification step folds candidate spans often. */
export function fold(s: string, keepCase = false): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp, keepCase);
    if (f === ' ') space = out.length > 0;
    else if (f) {
      if (space) out += ' ';
      space = false;
      out += f;
    }
  }
  return out;
}

/** Key of two adjacent tokens: multi-word aliases are indexed by their first two words. */
export function pairKey(a: number, b: number): number {
  let h = Math.imul(a ^ 0x5bd1e995, 0x01000193) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

// FNV-1a, and a second independent 32-bit hash; together they make a 64-bit fingerprint whose
// collisions we can ignore for verification.
export const FNV_OFFSET = 0x811c9dc5;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
export function hash1(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}
export function hash2(s: string): number {
  let h = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  h = Math.imul(h ^ (h >>> 15), 0x27d4eb2d);
  return (h ^ (h >>> 16)) >>> 0;
}
