import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharKind, charKind, foldCodePoint } from '../../utils/match/fold';
import {
  BLOCK_SLOTS,
  HANGUL_FIRST,
  HANGUL_LAST,
  HAN_FIRST,
  HAN_LAST,
  TABLE_RANGES,
  UNREAD,
  codePointOfSlot,
  newFoldTable,
  readEntry,
  tableSlot,
} from '../../utils/match/fold-table';
import { TokenStore, tokenizeInto } from '../../utils/match/tokenize';
import { referenceTokenize } from '../support/reference-tokenize';

function fastTokenize(text: string) {
  const store = new TokenStore();
  const n = tokenizeInto(text, store);
  return { starts: Array.from(store.starts.subarray(0, n)), ends: Array.from(store.ends.subarray(0, n)), hashes: Array.from(store.hashes.subarray(0, n)) };
}

describe('the tokenizer table', () => {
  it('gives every code point it covers the kind and fold of the Unicode-property path', () => {
    // Blocks are decoded on first use, in whatever order the page meets them: here, last first.
    const table = newFoldTable();
    const cps: number[] = [];
    for (const [from, to] of TABLE_RANGES) for (let cp = from; cp < to; cp++) cps.push(cp);
    const wrong: string[] = [];
    let covered = 0;
    for (const cp of cps.reverse()) {
      const slot = tableSlot(cp);
      const e = table[slot] === UNREAD ? readEntry(table, slot) : (table[slot] ?? -1);
      if (e < 0) continue; // left to fold.ts: nothing to compare
      covered++;
      const kind = charKind(cp);
      if (((e & 7) as CharKind) !== kind) wrong.push(`U+${cp.toString(16)} kind ${e & 7}, expected ${kind}`);
      if (kind === CharKind.Word || kind === CharKind.Unspaced) {
        const unit = e >>> 3;
        const folded = unit === 0 ? '' : String.fromCharCode(unit);
        if (folded !== foldCodePoint(cp)) wrong.push(`U+${cp.toString(16)} folds to ${JSON.stringify(folded)}, expected ${JSON.stringify(foldCodePoint(cp))}`);
      }
    }
    for (let cp = HAN_FIRST; cp <= HAN_LAST; cp++)
      if (charKind(cp) !== CharKind.Unspaced || foldCodePoint(cp) !== String.fromCharCode(cp)) wrong.push(`Han U+${cp.toString(16)}`);
    for (let cp = HANGUL_FIRST; cp <= HANGUL_LAST; cp++)
      if (charKind(cp) !== CharKind.Word || foldCodePoint(cp) !== String.fromCharCode(cp)) wrong.push(`Hangul U+${cp.toString(16)}`);
    expect(wrong).toEqual([]);
    // The table must actually cover the scripts, not defer them all to the slow path.
    expect(covered).toBeGreaterThan(2200);
  });

  it('decodes one block at a time, each on its own', () => {
    const table = newFoldTable();
    const slot = tableSlot(0x2019);
    const e = readEntry(table, slot);
    expect(e >= 0 && ((e & 7) as CharKind) === CharKind.Separator).toBe(true);
    const decoded = [...table.keys()].filter((s) => s >= 0x80 && table[s] !== UNREAD);
    expect(decoded.length).toBe(BLOCK_SLOTS);
    expect(decoded.includes(slot)).toBe(true);
    // Blocks never straddle two ranges, so a block's code points run on without a gap.
    for (const [from, to] of TABLE_RANGES) if (to !== 0xfff0) expect((to - from) % BLOCK_SLOTS).toBe(0);
    for (const cp of [0x80, 0x7ff, 0x2000, 0x27ff, 0x3000, 0xff00, 0xffef]) expect(codePointOfSlot(tableSlot(cp))).toBe(cp);
  });

  it('does not cover code points outside its ranges', () => {
    for (const cp of [0x41, 0x7f, 0x800, 0x1fff, 0x2800, 0x2fff, 0x3100, 0xd800, 0xfeff, 0xfff0, 0x1f600]) expect(tableSlot(cp)).toBe(-1);
  });

  it('has the slots the tokenizer inlines', () => {
    // tokenizeInto reads table[cp - offset] for each range after the first, with these offsets.
    expect([0x2000, 0x3000, 0xff00].map((cp) => cp - tableSlot(cp))).toEqual([0x1800, 0x2000, 0xee00]);
    expect(tableSlot(0x7ff)).toBe(0x7ff);
  });
});

describe('the tokenizer gives the same tokens as before the table', () => {
  const samples = [
    'Žluťoučký kůň úpěl ďábelské ódy — l’âme naïve, İstanbul ǅemal ß ﬁ',
    'Съешь же ещё этих мягких французских булок; Ґанок їжака',
    'Τάχιστη αλώπηξ βαφής ΐ ΰ ς ϐ',
    'صِف خَلقَ خَودِ كَمِثلِ الشَمسِ؛ שָׁלוֹם עֲלֵיכֶם',
    '中华人民共和国。いろはにほへと「ガギグゲゴ」한국어 문장 ภาษาไทย',
    'e\u0301 \u0301x a\u00ADb c\u200Bd \uFEFFe 𝐀𝐁 😀 \uD800x \uDC00 end\uD83D',
  ];
  it('on scripts, marks, ignorables and surrogates', () => {
    for (const s of samples) expect(fastTokenize(s), s).toEqual(referenceTokenize(s));
  });

  it('on generated strings mixing scripts', () => {
    const pieces = fc.oneof(
      fc.constantFrom(
        ' ',
        '  ',
        '\n',
        '\u00A0',
        '\u2009',
        '\u3000',
        '\u00AD',
        '\u200B',
        '\u200D',
        '\uFEFF',
        '\u0301',
        '\u0308',
        '\u05B8',
        '\u064E',
        '\u3099',
        '’',
        '—',
        '-',
        '.',
        '\uD83D',
        '\uDE00',
        '😀',
        '𝐀',
      ),
      fc.integer({ min: 0, max: 0x7ff }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0x2000, max: 0x206f }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0x3000, max: 0x30ff }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0x4dff, max: 0xa000 }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0xabff, max: 0xd7a4 }).map((cp) => String.fromCharCode(cp)),
      fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp)),
      fc.integer({ min: 0, max: 0xffff }).map((cp) => String.fromCharCode(cp)),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        expect(fastTokenize(s)).toEqual(referenceTokenize(s));
      }),
      { numRuns: 2000 },
    );
  });

  const corpus = process.env.BACKSTORY_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpus');
  const pages = path.join(corpus, 'pages');
  const hasCorpus = fs.existsSync(pages);
  if (!hasCorpus) console.warn(`tokenizer corpus check skipped: no corpus at ${pages} (set BACKSTORY_CORPUS)`);
  it.skipIf(!hasCorpus)('on every corpus page', { timeout: 60_000 }, () => {
    const files = fs.readdirSync(pages);
    expect(files.length).toBeGreaterThanOrEqual(130);
    for (const f of files) {
      const html = fs.readFileSync(path.join(pages, f), 'utf8');
      // Tags stripped but entities and scripts kept: the more characters, the better the check.
      const text = html.replace(/<[^>]+>/g, '\n');
      const a = fastTokenize(text);
      const b = referenceTokenize(text);
      expect(a.hashes.length, f).toBe(b.hashes.length);
      expect(a, f).toEqual(b);
    }
  });
});
