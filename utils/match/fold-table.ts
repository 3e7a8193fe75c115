import { FOLDS, KINDS } from './fold-table-data';

/**
 * The code points the tokenizer classifies and folds from a table instead of Unicode-property
 * regular expressions: Latin-1 to N'Ko (Latin with diacritics, Greek, Cyrillic, Armenian, Hebrew,
 * Arabic), General Punctuation, CJK punctuation and kana. Han ideographs and Hangul syllables are
 * whole ranges the tokenizer tests directly (one kind, folded to themselves).
 * The table index is cp below 0x800, then the other ranges end to end.
 */
export const TABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x80, 0x800],
  [0x2000, 0x2070],
  [0x3000, 0x3100],
];
export const HAN_FIRST = 0x4e00;
export const HAN_LAST = 0x9fff;
export const HANGUL_FIRST = 0xac00;
export const HANGUL_LAST = 0xd7a3;

/** Table slot of `cp`, or -1 if the table does not cover it (the tokenizer inlines the same tests). */
export function tableSlot(cp: number): number {
  if (cp < 0x80) return -1;
  if (cp < 0x800) return cp;
  if (cp >= 0x2000 && cp < 0x2070) return cp - 0x1800;
  if (cp >= 0x3000 && cp < 0x3100) return cp - 0x2790;
  return -1;
}

let table: Int32Array | null = null;

/**
 * Entry per slot: (folded code unit << 3) | CharKind, folded unit 0 meaning "folds to nothing",
 * or -1 for "ask fold.ts". Decoded from two short strings on first use (a few thousand cheap steps,
 * once per page) rather than shipped as a literal array.
 */
export function foldTable(): Int32Array {
  if (table) return table;
  const t = new Int32Array(0x970).fill(-1);
  const folds = FOLDS.split(',');
  let i = 0;
  let f = 0;
  for (const [from, to] of TABLE_RANGES)
    for (let cp = from; cp < to; cp++, i++) {
      const kind = KINDS.charCodeAt(i) - 48;
      if (kind === 5) continue;
      const slot = tableSlot(cp);
      if (kind === 1 || kind === 2) {
        const d = folds[f++] ?? 'x';
        t[slot] = d === 'x' ? kind : ((cp + parseInt(d, 36)) << 3) | kind;
      } else t[slot] = kind;
    }
  table = t;
  return t;
}
