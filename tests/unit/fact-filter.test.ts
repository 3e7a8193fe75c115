import { describe, expect, it } from 'vitest';
import { byYear, filterFacts, isFiltering, kindCounts, NO_FILTER, sourceKindOf, yearsOpenByDefault, type FilterableFact } from '@/utils/ext-pages/fact-filter';

const facts: (FilterableFact & { id: string })[] = [
  { id: 'fine', date: '2022-10-20', attribution: 'regulator', text: 'La CNIL inflige une amende de 20 millions d’euros.' },
  { id: 'ruling', date: '2022-05', attribution: 'court', text: 'A court in Illinois approved the settlement.' },
  {
    id: 'claim',
    date: '2021',
    attribution: 'company-statement',
    text: 'The company says it holds 10 billion photos.',
    quote: { text: 'We are a search engine.' },
  },
  { id: 'about', date: '2020-01-18', attribution: 'self-description', text: 'Describes itself as a search engine for faces.' },
  { id: 'nyt', date: '2020-01-18', attribution: 'reported', text: 'The New York Times revealed police use.' },
];
const ids = (fs: { id: string }[]) => fs.map((f) => f.id);

describe('filtering a fact sheet', () => {
  it('maps attributions to the kinds of source a reader picks', () => {
    expect(sourceKindOf('reported')).toBe('press');
    expect(sourceKindOf('company-statement')).toBe('company');
    expect(sourceKindOf('self-description')).toBe('company');
    expect(sourceKindOf('court')).toBe('court');
  });

  it('keeps everything without a filter', () => {
    expect(filterFacts(facts, NO_FILTER)).toEqual(facts);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ kinds: new Set(), query: '   ' })).toBe(false);
  });

  it('keeps the chosen kinds of source, in order', () => {
    expect(ids(filterFacts(facts, { kinds: new Set(['court']), query: '' }))).toEqual(['ruling']);
    expect(ids(filterFacts(facts, { kinds: new Set(['company', 'regulator']), query: '' }))).toEqual(['fine', 'claim', 'about']);
  });

  it('searches the text in any case and without accents, every word, quotes included', () => {
    expect(ids(filterFacts(facts, { kinds: new Set(), query: 'cnil' }))).toEqual(['fine']);
    expect(ids(filterFacts(facts, { kinds: new Set(), query: 'EUROS amende' }))).toEqual(['fine']);
    expect(ids(filterFacts(facts, { kinds: new Set(), query: "d'euros" }))).toEqual(['fine']);
    expect(ids(filterFacts(facts, { kinds: new Set(), query: 'search engine' }))).toEqual(['claim', 'about']);
    expect(ids(filterFacts(facts, { kinds: new Set(['company']), query: 'ILLINOIS' }))).toEqual([]);
  });

  it('folds accents on both sides', () => {
    const fr = [{ date: '2021', attribution: 'regulator' as const, text: 'Décision de la Cour d’appel' }];
    expect(filterFacts(fr, { kinds: new Set(), query: 'decision cour' })).toHaveLength(1);
    expect(filterFacts(fr, { kinds: new Set(), query: 'DÉCISION' })).toHaveLength(1);
  });

  it('counts facts per kind of source, only the kinds present', () => {
    expect(kindCounts(facts)).toEqual([
      ['court', 1],
      ['regulator', 1],
      ['press', 1],
      ['company', 2],
    ]);
  });

  it('groups by year in the facts’ order and opens the latest years first', () => {
    const years = byYear(facts);
    expect(years.map(([y, fs]) => [y, ids(fs)])).toEqual([
      ['2022', ['fine', 'ruling']],
      ['2021', ['claim']],
      ['2020', ['about', 'nyt']],
    ]);
    expect([...yearsOpenByDefault(years)]).toEqual(['2022', '2021']);
    expect([...yearsOpenByDefault(years, 2)]).toEqual(['2022']);
    expect([...yearsOpenByDefault([])]).toEqual([]);
  });
});
