import { CharKind, FNV_OFFSET, charKind, fnvStep, foldCodePoint } from './fold';

/** Tokens of one text, as parallel arrays: original [start, end) offsets and folded-token hashes. */
export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  hashes: Uint32Array;
}

/**
 * Growable parallel arrays of tokens. A scan appends every block's tokens to one store, so a page
 * with thousands of blocks creates a handful of typed arrays, not three per block.
 */
export class TokenStore {
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
export function tokenizeInto(text: string, store: TokenStore): number {
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

const scratch = new TokenStore();

/** Tokens of one text as exact-length views (for tests and one-off use; valid until the next call). */
export function tokenize(text: string): Tokens {
  scratch.count = 0;
  const n = tokenizeInto(text, scratch);
  return { count: n, starts: scratch.starts.subarray(0, n), ends: scratch.ends.subarray(0, n), hashes: scratch.hashes.subarray(0, n) };
}
