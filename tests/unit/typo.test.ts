import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { withinOneEdit } from '@/utils/match/edit-distance';
import { tokenize } from '@/utils/match/tokenize';
import { lookupBothRounds } from '../support/lookup';
import { compileDictionary, type AliasInput } from '@/utils/match/dictionary';
import { indexSlice, indexTypos, matchTokens, matchTypos } from '@/utils/match/matcher';
import { validatePack } from '@/utils/schema/validate';

function finder(aliases: AliasInput[]) {
  const dict = compileDictionary(aliases, 't', { typo: true });
  return (text: string) => {
    const t = tokenize(text);
    const toks = { count: t.count, starts: t.starts.slice(), ends: t.ends.slice(), hashes: t.hashes.slice() };
    const slice = lookupBothRounds(dict, toks.hashes);
    const exact = matchTokens(text, toks, indexSlice(slice));
    const typos = matchTypos(text, toks, indexTypos(slice), exact);
    return { exact: exact.map((m) => text.slice(m.start, m.end)), typos: typos.map((m) => text.slice(m.start, m.end)) };
  };
}

describe('one-typo tolerance', () => {
  it('knows what one edit is', () => {
    expect(withinOneEdit('cambridge', 'cambrige')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambirdge')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambridgee')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambxidge')).toBe(true);
    expect(withinOneEdit('cambridge', 'cambirge')).toBe(false);
    expect(withinOneEdit('abc', 'cba')).toBe(false);
  });

  it('finds long multi-word names with one typo, never short ones, and prefers exact matches', () => {
    const find = finder([
      { text: 'Cambridge Analytica', entity: 'ca' },
      { text: 'NSO Group', entity: 'nso' },
    ]);
    expect(find('Cambrige Analytica and Cambridge Analyitca said')).toEqual({ exact: [], typos: ['Cambrige Analytica', 'Cambridge Analyitca'] });
    expect(find('Cambridge Analytica')).toEqual({ exact: ['Cambridge Analytica'], typos: [] });
    expect(find('NSO Grop')).toEqual({ exact: [], typos: [] });
    expect(find('Cambridgeshire Analysts')).toEqual({ exact: [], typos: [] });
  });
});

// The default depends on this measurement: typo tolerance is on only if it finds nothing on
// the corpus with the bundled packs (which do not name anything on those pages).
const corpus = process.env.BACKSTORY_CORPUS ?? path.resolve(import.meta.dirname, '../../../shared/corpus');
describe.skipIf(!fs.existsSync(path.join(corpus, 'pages')))('typo tolerance on the corpus', () => {
  it('yields zero false positives with the bundled pack', () => {
    const packDir = path.resolve(import.meta.dirname, '../../assets/packs');
    const aliases: AliasInput[] = [];
    for (const f of fs.readdirSync(packDir)) {
      const r = validatePack(JSON.parse(fs.readFileSync(path.join(packDir, f), 'utf8')));
      if (!r.ok) throw new Error(f);
      for (const e of r.pack.entities)
        for (const a of e.aliases) aliases.push({ text: a.text, entity: e.id, weak: a.strength === 'weak', caseSensitive: a.caseSensitive });
    }
    const find = finder(aliases);
    const hits: string[] = [];
    for (const f of fs.readdirSync(path.join(corpus, 'pages'))) {
      const html = fs.readFileSync(path.join(corpus, 'pages', f), 'utf8');
      const text = html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]+>/g, '\n');
      for (const line of text.split('\n')) for (const t of find(line).typos) hits.push(`${f}: ${t}`);
    }
    expect(hits).toEqual([]);
    // Reads all 130 corpus pages: seconds on a loaded 2-core machine, not a speed assertion.
  }, 60_000);
});
