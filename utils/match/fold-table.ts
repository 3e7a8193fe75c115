import { FOLDS, FOLD_BLOCKS, KINDS } from './fold-table-data';

/**
 * The code points the tokenizer classifies and folds from a table instead of Unicode-property
 * regular expressions: Latin-1 to N'Ko (Latin with diacritics, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic), punctuation, arrows, maths, box drawing and other symbols, CJK punctuation and kana, and
 * the fullwidth forms (what the corpus's pages sent to the slow path most). Han ideographs and Hangul
 * syllables are whole ranges the tokenizer tests directly (one kind, folded to themselves).
 * The table index is cp below 0x800, then the other ranges end to end: the tokenizer inlines the
 * same offsets (tokenize-table.test.ts checks they agree).
 */
export const TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0x800],
  [0x2000, 0x2800],
  [0x3000, 0x3100],
  [0xff00, 0xfff0],
];
export const HAN_FIRST = 0x4e00;
export const HAN_LAST = 0x9fff;
export const HANGUL_FIRST = 0xac00;
export const HANGUL_LAST = 0xd7a3;

/** The encoding of FOLDS (scripts/gen-fold-table.ts writes it): a character per Word or Unspaced code point. */
export const FOLD_NOTHING = 0x21; // '!': folds to nothing
export const FOLD_ESCAPE = 0x7e; // '~' then four hex digits: the new difference + 0x8000
export const FOLD_ZERO = 0x50; // 'P': the same difference as the last one

/** Table slot of `cp`, or -1 if the table does not cover it. */
export function tableSlot(cp: number): number {
  let base = 0x80;
  for (const [from, to] of TABLE_RANGES) {
    if (cp < to) return cp >= from ? base + cp - from : -1;
    base += to - from;
  }
  return -1;
}

/** Code points decoded together: the block of the first character met that needs it. Every range but the last is a whole number of blocks. */
export const BLOCK_SLOTS = 64;

/** A slot whose block is not decoded yet (a decoded entry is -1 or more). */
export const UNREAD = -2;

/** The first slot of the table (slots below it are ASCII, which the tokenizer folds inline). */
const FIRST_SLOT = 0x80;

/**
 * An empty table: every slot UNREAD. Entries, once read (readEntry), are (folded code unit << 3) |
 * CharKind, folded unit 0 meaning "folds to nothing", or -1 for "ask fold.ts".
 */
export function newFoldTable(): Int32Array {
  return new Int32Array(tableSlot(0xffef) + 1).fill(UNREAD);
}

let table: Int32Array | null = null;

/** The table (decoded block by block as the tokenizer needs it). */
export function foldTable(): Int32Array {
  return (table ??= newFoldTable());
}

/**
 * Decode the block holding `slot` into `t` and return the slot's entry. Text meets a handful of
 * blocks (Latin-1, general punctuation, one script or two): decoding all 4,464 slots up front, as
 * cold code, cost about a millisecond (on every page, when this ran in the content script).
 */
export function readEntry(t: Int32Array, slot: number): number {
  const first = FIRST_SLOT + (((slot - FIRST_SLOT) / BLOCK_SLOTS) | 0) * BLOCK_SLOTS;
  const end = Math.min(first + BLOCK_SLOTS, t.length);
  let j = FOLD_BLOCKS[(first - FIRST_SLOT) / BLOCK_SLOTS] ?? 0;
  let delta = 0;
  let cp = codePointOfSlot(first);
  for (let s = first; s < end; s++, cp++) {
    const kind = KINDS.charCodeAt(s - FIRST_SLOT) - 48;
    if (kind === 5) {
      t[s] = -1;
      continue;
    }
    if (kind !== 1 && kind !== 2) {
      t[s] = kind;
      continue;
    }
    const c = FOLDS.charCodeAt(j++);
    if (c === FOLD_NOTHING) {
      t[s] = kind;
      continue;
    }
    if (c === FOLD_ESCAPE) {
      delta = parseInt(FOLDS.slice(j, j + 4), 16) - 0x8000;
      j += 4;
    } else delta += c - FOLD_ZERO;
    t[s] = ((cp + delta) << 3) | kind;
  }
  return t[slot] ?? -1;
}

/** The code point of a slot (the inverse of tableSlot). */
export function codePointOfSlot(slot: number): number {
  let base = FIRST_SLOT;
  for (const [from, to] of TABLE_RANGES) {
    if (slot < base + to - from) return from + slot - base;
    base += to - from;
  }
  return -1;
}
