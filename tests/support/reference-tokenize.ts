/**
 * The tokenizer as it was before the table fast path (utils/match/tokenize.ts and the parts of
 * fold.ts it used, copied verbatim, renamed only where they would clash): the tests assert the
 * fast tokenizer gives exactly these tokens. Do not "fix" this file; it is the yardstick.
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

export const FNV_OFFSET = 0x811c9dc5;
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}
/**
 * Growable parallel arrays of tokens. A scan appends every block's tokens to one store, so a page
 * with thousands of blocks creates a handful of typed arrays, not three per block.
 */
class TokenStore {
  count = 0;
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  hashes = new Uint32Array(1024);

  grow() {
    const cap = this.starts.length * 2;
    const s = new Int32Array(cap);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(cap);
    e.set(this.ends);
    this.ends = e;
    const h = new Uint32Array(cap);
    h.set(this.hashes);
    this.hashes = h;
  }
}

/**
 * Split text into word tokens (letters, digits and combining marks of any script) and hash each
 * token's folded form on the fly, without building strings. Characters of unspaced scripts are
 * one token each, so names in Chinese or Japanese match with no word boundary.
 *
 * Appends to `store` and returns how many tokens the text has; offsets are within `text`.
 */
export function referenceTokenizeInto(text: string, store: TokenStore): number {
  const first = store.count;
  let n = first;
  let { starts, ends, hashes } = store;
  let inWord = false;
  let h = FNV_OFFSET;
  const len = text.length;
  for (let i = 0; i < len;) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      cp = text.codePointAt(i)!;
      if (cp > 0xffff) width = 2;
    }
    // ASCII letters and digits dominate real pages: fold them without a table lookup.
    let kind: CharKind;
    if (cp < 128) {
      if (cp >= 97 && cp <= 122) kind = CharKind.Word;
      else if (cp >= 65 && cp <= 90) {
        kind = CharKind.Word;
        cp |= 0x20;
      } else if (cp >= 48 && cp <= 57) kind = CharKind.Word;
      else kind = CharKind.Separator;
      if (kind === CharKind.Word) {
        if (!inWord) {
          if (n === starts.length) {
            store.grow();
            ({ starts, ends, hashes } = store);
          }
          starts[n] = i;
          inWord = true;
          h = FNV_OFFSET;
        }
        h = fnvStep(h, cp);
        i += 1;
        continue;
      }
    } else kind = charKind(cp);

    if (kind === CharKind.Word) {
      if (!inWord) {
        if (n === starts.length) {
          store.grow();
          ({ starts, ends, hashes } = store);
        }
        starts[n] = i;
        inWord = true;
        h = FNV_OFFSET;
      }
      const f = foldCodePoint(cp);
      for (let k = 0; k < f.length; k++) h = fnvStep(h, f.charCodeAt(k));
    } else if (kind !== CharKind.Ignorable) {
      if (inWord) {
        ends[n] = i;
        hashes[n++] = h >>> 0;
        inWord = false;
      }
      if (kind === CharKind.Unspaced) {
        if (n === starts.length) {
          store.grow();
          ({ starts, ends, hashes } = store);
        }
        starts[n] = i;
        ends[n] = i + width;
        let u = FNV_OFFSET;
        const f = foldCodePoint(cp);
        for (let k = 0; k < f.length; k++) u = fnvStep(u, f.charCodeAt(k));
        hashes[n++] = u >>> 0;
      }
    }
    i += width;
  }
  if (inWord) {
    ends[n] = len;
    hashes[n++] = h >>> 0;
  }
  store.count = n;
  return n - first;
}

/** Tokens of `text` as plain arrays, by the reference tokenizer. */
export function referenceTokenize(text: string): { starts: number[]; ends: number[]; hashes: number[] } {
  const store = new TokenStore();
  const n = referenceTokenizeInto(text, store);
  return { starts: Array.from(store.starts.subarray(0, n)), ends: Array.from(store.ends.subarray(0, n)), hashes: Array.from(store.hashes.subarray(0, n)) };
}
