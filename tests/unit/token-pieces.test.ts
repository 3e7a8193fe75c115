import { describe, expect, it } from 'vitest';
import { TokenStore, tokenizeInto } from '@/utils/match/tokenize';
import { TOKENIZE_PIECE_CHARS, pieceEnd, tokenizePiece } from '@/utils/in-page/token-pieces';

function tokensOf(store: TokenStore) {
  return {
    starts: [...store.starts.subarray(0, store.count)],
    ends: [...store.ends.subarray(0, store.count)],
    hashes: [...store.hashes.subarray(0, store.count)],
  };
}

/** Tokenize `text` whole, and in pieces of at most about `max` characters, after some earlier tokens. */
function bothWays(text: string, max: number) {
  const whole = new TokenStore();
  const pieces = new TokenStore();
  tokenizeInto('earlier words', whole);
  tokenizeInto('earlier words', pieces);
  tokenizeInto(text, whole);
  let cuts = 0;
  for (let from = 0; from < text.length;) {
    const to = pieceEnd(text, from, max);
    expect(to).toBeGreaterThan(from);
    tokenizePiece(text, from, to, pieces);
    from = to;
    cuts++;
  }
  return { whole: tokensOf(whole), pieces: tokensOf(pieces), cuts };
}

// A seeded generator: the same "random" text on every run.
function seeded(seed: number) {
  return () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32;
}

describe('tokenizing a long block in pieces', () => {
  const parts = [
    'Clearview',
    'AI',
    'Zoë',
    'Straße',
    "O'Brien",
    'l’État',
    '2024',
    '北京市',
    '東京',
    'Ñandú',
    '😀',
    '\ud83d',
    'x\u0301',
    '—',
    ', ',
    '. ',
    ' ',
    '\n',
    '-',
    'ǅ',
    'Россия',
    'العربية',
    'ﬁ',
  ];

  it('gives exactly the tokens of the whole, whatever the mix of scripts and where it is cut', () => {
    const random = seeded(14);
    for (const max of [8, 64, 700]) {
      const text = Array.from({ length: 4000 }, () => parts[Math.floor(random() * parts.length)]).join(random() < 0.5 ? ' ' : '');
      const { whole, pieces, cuts } = bothWays(text, max);
      expect(cuts).toBeGreaterThan(1);
      expect(pieces).toEqual(whole);
    }
  });

  it('cuts a long paragraph into pieces of at most the piece size', () => {
    const text = 'Clearview AI met the council. '.repeat(2000);
    for (let from = 0; from < text.length;) {
      const to = pieceEnd(text, from);
      expect(to - from).toBeLessThanOrEqual(TOKENIZE_PIECE_CHARS);
      if (to < text.length) expect(to - from).toBeGreaterThan(TOKENIZE_PIECE_CHARS / 2);
      from = to;
    }
  });

  it('leaves a block of one piece whole, and cuts before a Han character', () => {
    expect(pieceEnd('short text', 0)).toBe(10);
    const han = '北京市'.repeat(3000);
    const to = pieceEnd(han, 0);
    expect(to).toBeLessThanOrEqual(TOKENIZE_PIECE_CHARS);
    const { whole, pieces } = bothWays(han, 100);
    expect(pieces).toEqual(whole);
  });
});
