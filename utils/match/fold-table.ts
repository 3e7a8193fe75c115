import { FOLDS, KINDS } from './fold-table-data';

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

let table: Int32Array | null = null;

/**
 * Entry per slot: (folded code unit << 3) | CharKind, folded unit 0 meaning "folds to nothing",
 * or -1 for "ask fold.ts". Decoded from two short strings on first use, one character read per
 * code point (once per page, a fraction of a millisecond even as cold code).
 */
export function foldTable(): Int32Array {
  if (table) return table;
  const t = new Int32Array(tableSlot(0xffef) + 1).fill(-1);
  let slot = 0x80;
  let j = 0;
  let delta = 0;
  for (const [from, to] of TABLE_RANGES)
    for (let cp = from; cp < to; cp++, slot++) {
      const kind = KINDS.charCodeAt(slot - 0x80) - 48;
      if (kind === 5) continue;
      if (kind !== 1 && kind !== 2) {
        t[slot] = kind;
        continue;
      }
      const c = FOLDS.charCodeAt(j++);
      if (c === FOLD_NOTHING) {
        t[slot] = kind;
        continue;
      }
      if (c === FOLD_ESCAPE) {
        delta = parseInt(FOLDS.slice(j, j + 4), 16) - 0x8000;
        j += 4;
      } else delta += c - FOLD_ZERO;
      t[slot] = ((cp + delta) << 3) | kind;
    }
  table = t;
  return t;
}
