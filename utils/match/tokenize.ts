import { CharKind, FNV_OFFSET, charKind, fnvStep, foldCodePoint } from './fold';
import { HANGUL_FIRST, HANGUL_LAST, HAN_FIRST, HAN_LAST, UNREAD, foldTable, readEntry } from './fold-table';

/** Tokens of one text, as parallel arrays: original [start, end) offsets and folded-token hashes. */
export interface Tokens {
  count: number;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  hashes: Uint32Array<ArrayBuffer>;
}

/**
 * Growable parallel arrays of tokens. A scan appends every block's tokens to one store, so a page
 * with thousands of blocks creates a handful of typed arrays, not three per block.
 */
export class TokenStore {
  count = 0;
  starts: Int32Array<ArrayBuffer>;
  ends: Int32Array<ArrayBuffer>;
  hashes: Uint32Array<ArrayBuffer>;

  /** `capacity`: the tokens expected (the store grows past it when needed). */
  constructor(capacity = 1024) {
    const n = Math.max(1024, capacity);
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.hashes = new Uint32Array(n);
  }

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
 *
 * It ran once per page, as cold code, in the content script until issue 14's sixth round moved it
 * to the worker. The common scripts are classified and folded from a small table (fold-table.ts)
 * and hashed inline (FNV-1a, as fnvStep), with no function call per character; only code points outside the table ask fold.ts, whose Unicode
 * regular expressions and caches then cost something.
 */
export function tokenizeInto(text: string, store: TokenStore): number {
  const table = foldTable();
  const first = store.count;
  let n = first;
  let { starts, ends, hashes } = store;
  let inWord = false;
  let h = FNV_OFFSET;
  const len = text.length;
  for (let i = 0; i < len;) {
    let cp = text.charCodeAt(i);
    // ASCII letters and digits dominate real pages: fold them with no lookup at all.
    if (cp < 128) {
      if (cp >= 65 && cp <= 90) cp |= 0x20;
      else if (!((cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57))) {
        if (inWord) {
          ends[n] = i;
          hashes[n++] = h >>> 0;
          inWord = false;
        }
        i += 1;
        continue;
      }
      if (!inWord) {
        if (n === starts.length) {
          store.grow();
          ({ starts, ends, hashes } = store);
        }
        starts[n] = i;
        inWord = true;
        h = FNV_OFFSET;
      }
      h = Math.imul(h ^ cp, 0x01000193);
      i += 1;
      continue;
    }
    let width = 1;
    // Entry as in foldTable(): (folded unit << 3) | kind, folded unit 0 for "folds to nothing".
    let e = -1;
    let slot = -1;
    if (cp < 0x800) slot = cp;
    else if (cp >= HAN_FIRST && cp <= HAN_LAST) e = (cp << 3) | CharKind.Unspaced;
    else if (cp >= HANGUL_FIRST && cp <= HANGUL_LAST) e = (cp << 3) | CharKind.Word;
    else if (cp >= 0x2000 && cp < 0x2800) slot = cp - 0x1800;
    else if (cp >= 0x3000 && cp < 0x3100) slot = cp - 0x2000;
    else if (cp >= 0xff00 && cp < 0xfff0) slot = cp - 0xee00;
    else if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      cp = text.codePointAt(i) ?? cp;
      if (cp > 0xffff) width = 2;
    }
    if (slot >= 0) {
      e = table[slot] ?? -1;
      // The block's first character on this page: decode the block.
      if (e === UNREAD) e = readEntry(table, slot);
    }
    if (e >= 0) {
      const kind = (e & 7) as CharKind;
      const unit = e >>> 3;
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
        if (unit !== 0) h = Math.imul(h ^ unit, 0x01000193);
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
          ends[n] = i + 1;
          hashes[n++] = (unit !== 0 ? Math.imul(FNV_OFFSET ^ unit, 0x01000193) : FNV_OFFSET) >>> 0;
        }
      }
      i += 1;
      continue;
    }

    // Outside the table: the Unicode-property path.
    const kind = charKind(cp);
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

// Made on first use: a module-level `new` is a side effect the bundler keeps, and the content script,
// which imports the dictionary's flag bits, would carry the store and make its arrays on every page.
let scratch: TokenStore | null = null;

/** Tokens of one text as exact-length views (for tests and one-off use; valid until the next call). */
export function tokenize(text: string): Tokens {
  scratch ??= new TokenStore();
  scratch.count = 0;
  const n = tokenizeInto(text, scratch);
  return { count: n, starts: scratch.starts.subarray(0, n), ends: scratch.ends.subarray(0, n), hashes: scratch.hashes.subarray(0, n) };
}
