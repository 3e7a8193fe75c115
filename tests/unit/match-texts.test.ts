import { describe, expect, it } from 'vitest';
import { FLAG_DISCREET, FLAG_WEAK, compileDictionary, type AliasInput } from '@/utils/match/dictionary';
import { matchTexts } from '@/utils/match/match-texts';
import { MATCH_FIELDS } from '@/utils/messaging/limits';

const ALIASES: AliasInput[] = [
  { text: 'Cambridge Analytica', entity: 'ca' },
  { text: 'Clearview AI', entity: 'clearview' },
  { text: 'Clearview', entity: 'clearview', weak: true },
  { text: 'John Smith', entity: 'smith' },
  { text: 'John Doe', entity: 'doe', discreet: true },
  { text: 'Predator', entity: 'predator', context: ['spyware'] },
  { text: '商汤科技', entity: 'sensetime' },
];

/** The worker's answer to page.match, read back as "text index: words → entity (flags)". */
async function read(texts: string[]) {
  const dict = compileDictionary(ALIASES, 't', { typo: true });
  const { entities, matches } = await matchTexts(dict, texts);
  const out: string[] = [];
  for (let k = 0; k < matches.length; k += MATCH_FIELDS) {
    const [text = -1, start, end, entity = -1, flags = 0] = matches.slice(k, k + MATCH_FIELDS);
    const marks = [flags & FLAG_WEAK ? 'weak' : '', flags & FLAG_DISCREET ? 'discreet' : ''].filter(Boolean).join(' ');
    out.push(`${text}: ${texts[text]?.slice(start, end)} → ${entities[entity]}${marks ? ` (${marks})` : ''}`);
  }
  return { out, entities };
}

describe('page.match in the worker (matchTexts)', () => {
  it('finds exact, one-typo, weak, discreet and context names, by text index, exact before typos within a text', async () => {
    const { out } = await read([
      'Cambrige Analytica and Cambridge Analytica both appear.',
      '',
      'Clearview said so; John Doe and John Smith did not.',
      'Predator, the film.',
      'The Predator spyware.',
      '商汤科技的声明',
    ]);
    expect(out).toEqual([
      '0: Cambridge Analytica → ca',
      '0: Cambrige Analytica → ca',
      '2: Clearview → clearview (weak)',
      '2: John Doe → doe (discreet)',
      '2: John Smith → smith',
      '4: Predator → predator',
      '5: 商汤科技 → sensetime',
    ]);
  });

  it('names only the entities it found, each once, in the order first found', async () => {
    const { entities } = await read(['John Smith met Cambridge Analytica.', 'Cambridge Analytica again, and John Smith.']);
    expect(entities).toEqual(['smith', 'ca']);
  });

  it('answers nothing for text without a name, or no text', async () => {
    expect((await read(['Nothing to see here.'])).out).toEqual([]);
    expect((await read([])).out).toEqual([]);
  });
});
