import { pairKey } from '@/utils/match/fold';
import { compileDictionary, lookupRows, startersAmong } from '@/utils/match/dictionary';

/** The page's two lookups: words, then pairs that begin with a starter word. */
export function lookupBothRounds(dict: ReturnType<typeof compileDictionary>, hashes: Uint32Array) {
  const starters = new Set(startersAmong(dict, hashes));
  const pairs: number[] = [];
  for (let i = 0; i + 1 < hashes.length; i++) if (starters.has(hashes[i])) pairs.push(pairKey(hashes[i], hashes[i + 1]));
  return lookupRows(dict, [...new Set(hashes), ...pairs]);
}
