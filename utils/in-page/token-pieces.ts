import { tokenizeInto, type TokenStore } from '../match/tokenize';
import { HAN_FIRST, HAN_LAST } from '../match/fold-table';

/**
 * Characters tokenized as one piece of work. A block may hold up to MAX_BLOCK_CHARS (16,384): at
 * ×4 CPU throttling that is tens of milliseconds in one go, so a long block is tokenized in pieces,
 * with the page's turn in between when the slice is over.
 */
export const TOKENIZE_PIECE_CHARS = 2048;

/**
 * Where a piece of `text` starting at `from` ends: at most `max` characters on, in the piece's second
 * half, just before an ASCII character that is neither a letter nor a digit (a space, a full stop) or
 * a Han character (a token of its own). The tokenizer ends any word there and keeps no other state,
 * so tokenizing the pieces one after the other gives exactly the tokens of the whole. Without such a
 * character the piece runs on to the next one, or to the end.
 */
export function pieceEnd(text: string, from: number, max = TOKENIZE_PIECE_CHARS): number {
  const len = text.length;
  if (len - from <= max) return len;
  const floor = from + (max >> 1);
  for (let i = from + max; i > floor; i--) if (isCut(text.charCodeAt(i))) return i;
  for (let i = from + max + 1; i < len; i++) if (isCut(text.charCodeAt(i))) return i;
  return len;
}

function isCut(c: number): boolean {
  if (c >= HAN_FIRST && c <= HAN_LAST) return true;
  return c < 128 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}

/** Tokenize `text[from, to)` into `store` with offsets into the whole `text`; returns the count added. */
export function tokenizePiece(text: string, from: number, to: number, store: TokenStore): number {
  if (from === 0 && to === text.length) return tokenizeInto(text, store);
  const base = store.count;
  const count = tokenizeInto(text.slice(from, to), store);
  if (from) {
    // The store may have grown into new arrays: read them after tokenizing.
    const { starts, ends } = store;
    for (let k = base; k < base + count; k++) {
      starts[k] = (starts[k] ?? 0) + from;
      ends[k] = (ends[k] ?? 0) + from;
    }
  }
  return count;
}
