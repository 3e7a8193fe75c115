import { describe, expect, it } from 'vitest';
import { fold, foldWithMap } from '@/utils/match/fold';
import { tokenize } from '@/utils/match/tokenize';
import { compileDictionary, lookupRows, startersAmong, FLAG_WEAK, ROW, type AliasInput, type Dictionary } from '@/utils/match/dictionary';
import { lookupInTwoRounds, type DictLookup } from '@/utils/match/dictionary-lookup';
import { matchTokens } from '@/utils/match/matcher';
import { PageIndex } from '@/utils/match/page-index';

/** Answers as the worker's `dict.lookup` handler does. */
const ask =
  (dict: Dictionary): DictLookup =>
  (words, pairs) =>
    Promise.resolve({ ...lookupRows(dict, [...words, ...pairs]), starters: startersAmong(dict, words) });

/** The scanner's lookup on one text: both rounds' answers. */
function lookup(dict: Dictionary, text: string) {
  const toks = tokenize(text);
  // A copy: `tokenize` reuses its arrays, and the second round reads them after an await.
  return lookupInTwoRounds({ hashes: toks.hashes.slice(), blocks: [{ base: 0, count: toks.count }] }, ask(dict));
}

/** Run the whole page-side pipeline on one text: tokens → the two-round lookup → the page's index → verified matches. */
async function find(text: string, aliases: AliasInput[]) {
  const dict = compileDictionary(aliases, 'test');
  const known = new PageIndex();
  for (const answer of await lookup(dict, text)) known.merge(answer);
  return matchTokens(text, tokenize(text), known.candidates).map((m) => ({
    text: text.slice(m.start, m.end),
    entity: known.keyOf(m.entity),
    weak: !!(m.flags & FLAG_WEAK),
  }));
}

const CV: AliasInput[] = [
  { text: 'Clearview AI', entity: 'cv' },
  { text: 'Clearview', entity: 'cv', weak: true },
  { text: 'Cleaview AI', entity: 'cv' },
];

describe('fold', () => {
  it('folds case, diacritics, apostrophes, dashes and white space', () => {
    expect(fold('  Tôn Thất\u00a0Hoàn  ')).toBe('ton that hoan');
    expect(fold('L’Américain — Ton‑That')).toBe("l'americain - ton-that");
    expect(fold('ÉCOLE\u00ADNORMALE')).toBe('ecolenormale');
  });

  it('maps every folded character back to its original offset', () => {
    const src = 'A\u00a0\u00a0Béatrice’s';
    const { text, map } = foldWithMap(src);
    expect(text).toBe("a beatrice's");
    expect(map).toHaveLength(text.length + 1);
    text.split('').forEach((ch, i) => expect(fold(src.charAt(map[i] ?? -1))).toBe(ch === ' ' ? '' : ch));
    expect(map[text.length]).toBe(src.length);
  });

  it('keeps case when asked (case-sensitive aliases)', () => {
    expect(fold('RING  Doorbell', true)).toBe('RING Doorbell');
  });
});

describe('tokenize', () => {
  it('splits on any non-letter and hashes folded tokens', () => {
    const a = tokenize('Clearview AI’s');
    expect(a.count).toBe(3);
    const h = [...a.hashes];
    const b = tokenize('CLEARVIEW ai');
    expect([...b.hashes]).toEqual(h.slice(0, 2));
  });

  it('treats each Han or kana character as a token', () => {
    const t = tokenize('谷歌公司');
    expect(t.count).toBe(4);
  });
});

describe('matching', () => {
  it('finds exact, folded and misspelled aliases', async () => {
    const r = await find('CLEARVIEW AI said. Later, clearview ai and Cleaview AI.', CV);
    expect(r.map((m) => m.text)).toEqual(['CLEARVIEW AI', 'clearview ai', 'Cleaview AI']);
  });

  it('prefers the longest alias and never overlaps', async () => {
    const r = await find('Clearview AI and Clearview', CV);
    expect(r).toEqual([
      { text: 'Clearview AI', entity: 'cv', weak: false },
      { text: 'Clearview', entity: 'cv', weak: true },
    ]);
  });

  it('respects word boundaries in every script', async () => {
    const eve = [{ text: 'Eve', entity: 'eve' }];
    expect(await find('never evening Steve', eve)).toEqual([]);
    expect((await find('Eve, and eve.', eve)).map((m) => m.text)).toEqual(['Eve', 'eve']);
    // German compounds are one word: "Siemens" is not inside "Siemenswerk".
    expect((await find('Das Siemenswerk und Siemens.', [{ text: 'Siemens', entity: 's' }])).map((m) => m.text)).toEqual(['Siemens']);
    // French elision: the name after l’ or d’ is still a word.
    expect((await find("d’Hoan Ton-That et l'entreprise Clearview AI", [...CV, { text: 'Hoan Ton-That', entity: 'h' }])).map((m) => m.text)).toEqual([
      'Hoan Ton-That',
      'Clearview AI',
    ]);
  });

  it('matches Chinese and Japanese names without word boundaries, and Latin names touching them', async () => {
    const zh = [
      { text: '谷歌', entity: 'g' },
      { text: 'Google', entity: 'g' },
    ];
    expect((await find('谷歌公司和Googleが発表', zh)).map((m) => m.text)).toEqual(['谷歌', 'Google']);
  });

  it('matches right-to-left names', async () => {
    expect((await find('أعلنت شركة كلير فيو اليوم', [{ text: 'كلير فيو', entity: 'cv' }])).map((m) => m.text)).toEqual(['كلير فيو']);
    expect((await find('החברה קלירוויו הודיעה', [{ text: 'קלירוויו', entity: 'cv' }])).map((m) => m.text)).toEqual(['קלירוויו']);
  });

  it('does not bridge punctuation that the alias does not have', async () => {
    expect((await find('Clearview, AI experts', CV)).map((m) => m.text)).toEqual(['Clearview']);
    expect((await find('Clearview\u00a0AI', CV)).map((m) => m.text)).toEqual(['Clearview\u00a0AI']);
  });

  it('honours case-sensitive aliases', async () => {
    const ring = [{ text: 'RING', entity: 'r', caseSensitive: true }];
    expect((await find('a ring and RING and Ring', ring)).map((m) => m.text)).toEqual(['RING']);
  });

  it('treats regex metacharacters in aliases literally', async () => {
    const weird = [
      { text: '(a+)+$ Corp', entity: 'x' },
      { text: 'C++ Labs', entity: 'y' },
    ];
    // A match spans first to last token: the alias's leading "(" is outside the highlight.
    expect((await find('aaaa Corp, (a+)+$ Corp and C++ Labs', weird)).map((m) => m.text)).toEqual(['a+)+$ Corp', 'C++ Labs']);
  });

  it('keeps candidate lists short when thousands of names share a first word', async () => {
    const aliases: AliasInput[] = Array.from({ length: 3000 }, (_, i) => ({ text: `John Smith${i}`, entity: `j${i}` }));
    const dict = compileDictionary(aliases, 'v');
    const t = tokenize('John Smith17 met John Doe');
    expect(startersAmong(dict, t.hashes)).toHaveLength(2); // "John", twice
    const answers = await lookup(dict, 'John Smith17 met John Doe');
    expect(answers.flatMap((a) => a.entities)).toEqual(['j17']);
  });

  it('sends the page only rows whose first token occurs on it', async () => {
    const aliases: AliasInput[] = Array.from({ length: 5000 }, (_, i) => ({ text: `Company Number${i} Holdings`, entity: `e${i}` }));
    aliases.push(...CV);
    const dict = compileDictionary(aliases, 'v');
    const answers = await lookup(dict, 'Clearview AI only');
    expect(new Set(answers.flatMap((a) => a.entities))).toEqual(new Set(['cv']));
    // The weak "Clearview" (keyed by its word), then "Clearview AI" (by its two words); not "Cleaview AI", nor 5,000 companies.
    expect(answers.map((a) => a.rows.length / ROW)).toEqual([1, 1]);
  });
});
