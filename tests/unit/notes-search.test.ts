import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Note } from '../../utils/schema/note';
import {
  facetsOf,
  filterFromParams,
  filterNotes,
  filterToParams,
  foldForSearch,
  haystackOf,
  isFiltered,
  mergeNewestFirst,
  NO_FILTER,
  NotesIndex,
  queryWords,
  type NoteFilter,
} from '../../utils/notes-search';

let seq = 0;
function note(over: Partial<Note> = {}): Note {
  seq++;
  return {
    id: `note-${String(seq).padStart(8, '0')}`,
    entityKey: 'p:clearview',
    entityName: 'Clearview AI',
    text: 'A note',
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...over,
  };
}

const ids = (notes: Note[]) => notes.map((n) => n.text);
const run = (notes: Note[], f: Partial<NoteFilter>) => ids(filterNotes(new NotesIndex(notes), { ...NO_FILTER, ...f }));

describe('folding for search', () => {
  it('ignores case, diacritics, typographic apostrophes and ligatures', () => {
    expect(foldForSearch('Sécurité')).toBe('securite');
    expect(foldForSearch('L’AUTORITÉ')).toBe("l'autorite");
    expect(foldForSearch('Cœur  ÆSOP Straße')).toBe('coeur aesop strasse');
    expect(foldForSearch('  deux\n\tmots ')).toBe('deux mots');
  });

  it('splits a query into folded words, without empties or repeats', () => {
    expect(queryWords('  Sécurité  securite DONNÉES ')).toEqual(['securite', 'donnees']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('puts text, quote, tags, entity name, page title and URL in the haystack', () => {
    const h = haystackOf(
      note({ text: 'Texte', quote: 'Citation', tags: ['Étiquette'], entityName: 'NSO Group', pageTitle: 'Le Monde', pageUrl: 'https://www.lemonde.fr/a' }),
    );
    for (const w of ['texte', 'citation', 'etiquette', 'nso group', 'le monde', 'lemonde.fr/a']) expect(h).toContain(w);
  });
});

describe('filterNotes', () => {
  const a = note({ text: 'Sécurité des données', tags: ['RGPD'], pageUrl: 'https://www.lemonde.fr/x', updatedAt: '2026-03-05T10:00:00.000Z' });
  const b = note({
    text: 'Police contract',
    entityKey: 'p:pimeyes',
    entityName: 'PimEyes',
    quote: 'face search',
    tags: ['police', 'Contrats'],
    pageUrl: 'https://example.org/p?id=7',
    updatedAt: '2026-02-01T10:00:00.000Z',
  });
  const c = note({ text: 'Untagged', pageTitle: 'Données personnelles', updatedAt: '2026-04-10T10:00:00.000Z' });
  const all = [a, b, c];

  it('lists newest first by updatedAt, whatever the input order', () => {
    expect(run(all, {})).toEqual(['Untagged', 'Sécurité des données', 'Police contract']);
  });

  it('finds "Securite" in "Sécurité" and requires every word (AND)', () => {
    expect(run(all, { q: 'Securite' })).toEqual(['Sécurité des données']);
    expect(run(all, { q: 'donnees' })).toEqual(['Untagged', 'Sécurité des données']);
    expect(run(all, { q: 'donnees securite' })).toEqual(['Sécurité des données']);
    expect(run(all, { q: 'donnees police' })).toEqual([]);
  });

  it('matches word starts while typing, and searches quote, entity name, page title and URL', () => {
    expect(run(all, { q: 'secu' })).toEqual(['Sécurité des données']);
    expect(run(all, { q: 'FACE' })).toEqual(['Police contract']);
    expect(run(all, { q: 'pimeyes' })).toEqual(['Police contract']);
    expect(run(all, { q: 'personnelles' })).toEqual(['Untagged']);
    expect(run(all, { q: 'lemonde' })).toEqual(['Sécurité des données']);
  });

  it('filters by entity, tag (any case or accent), site, page and date range', () => {
    expect(run(all, { entity: 'p:pimeyes' })).toEqual(['Police contract']);
    expect(run(all, { tag: 'contrats' })).toEqual(['Police contract']);
    expect(run(all, { tag: 'rgpd' })).toEqual(['Sécurité des données']);
    expect(run(all, { site: 'www.lemonde.fr' })).toEqual(['Sécurité des données']);
    expect(run(all, { site: 'lemonde.fr' })).toEqual([]);
    // The page filter cleans the address the way stored notes were: fragments and trackers do not matter.
    expect(run(all, { page: 'https://example.org/p?id=7&utm_source=x#top' })).toEqual(['Police contract']);
    expect(run(all, { from: '2026-03-05' })).toEqual(['Untagged', 'Sécurité des données']);
    expect(run(all, { to: '2026-03-05' })).toEqual(['Sécurité des données', 'Police contract']);
    expect(run(all, { from: '2026-03-01', to: '2026-03-31' })).toEqual(['Sécurité des données']);
    expect(run(all, { from: '2026-03-06', to: '2026-03-31' })).toEqual([]);
    expect(run(all, { q: 'police', entity: 'p:clearview' })).toEqual([]);
  });

  it('is a subset of the notes, in order, and every result contains every query word (property)', () => {
    const word = fc.constantFrom('Sécurité', 'securite', 'police', 'données', 'Cœur', 'coeur', 'rgpd', 'x');
    const arbNote = fc.record({
      text: fc.array(word, { maxLength: 5 }).map((w) => w.join(' ') || 'x'),
      tags: fc.array(word, { maxLength: 2 }),
      updatedAt: fc.integer({ min: 0, max: 1e11 }).map((t) => new Date(1.7e12 + t).toISOString()),
    });
    fc.assert(
      fc.property(fc.array(arbNote, { maxLength: 30 }), fc.array(word, { maxLength: 3 }), (rows, q) => {
        const notes = rows.map((r) => note(r));
        const index = new NotesIndex(notes);
        const out = filterNotes(index, { ...NO_FILTER, q: q.join(' ') });
        const words = queryWords(q.join(' '));
        for (const n of out) for (const w of words) expect(haystackOf(n)).toContain(w);
        const expected = index.entries.map((e) => e.note).filter((n) => words.every((w) => haystackOf(n).includes(w)));
        expect(out).toEqual(expected);
        for (let i = 1; i < out.length; i++) expect((out[i - 1]?.updatedAt ?? '') >= (out[i]?.updatedAt ?? '')).toBe(true);
      }),
    );
  });

  it('builds haystacks ahead of time in slices, and searches the same either way', () => {
    const notes = Array.from({ length: 500 }, (_, i) => note({ text: `note ${i} ${i % 7 === 0 ? 'Sécurité' : ''}` }));
    const lazy = new NotesIndex(notes);
    const eager = new NotesIndex(notes);
    let t = 0;
    // A clock that advances 1 ms per read: the first slice stops early, the next ones finish.
    expect(eager.prepare(1, () => t++)).toBe(false);
    while (!eager.prepare(t + 1000, () => t++));
    const f = { ...NO_FILTER, q: 'securite' };
    expect(filterNotes(eager, f)).toEqual(filterNotes(lazy, f));
    expect(filterNotes(lazy, f)).toHaveLength(72);
  });
});

describe('the index after an edit, a delete and an Undo in the library', () => {
  const older = note({ text: 'Contrat signé', tags: ['police'], updatedAt: '2026-01-01T10:00:00.000Z' });
  const other = note({ text: 'Autre note', tags: ['police'], updatedAt: '2026-02-01T10:00:00.000Z' });

  it('searches the edited text and tags, not the old ones, and moves the note to the top', () => {
    const index = new NotesIndex([older, other]);
    // Haystacks built before the edit must not keep answering for the old text.
    expect(index.prepare(Infinity)).toBe(true);
    expect(run([older, other], { q: 'signe' })).toEqual(['Contrat signé']);
    index.add([{ ...older, text: 'Contrat annulé', tags: ['police', 'Tribunal'], updatedAt: '2026-03-01T10:00:00.000Z' }]);
    const find = (f: Partial<NoteFilter>) => ids(filterNotes(index, { ...NO_FILTER, ...f }));
    expect(find({ q: 'annule' })).toEqual(['Contrat annulé']);
    expect(find({ q: 'signe' })).toEqual([]);
    expect(find({ tag: 'tribunal' })).toEqual(['Contrat annulé']);
    expect(find({})).toEqual(['Contrat annulé', 'Autre note']);
    expect(index.size).toBe(2);
    expect(facetsOf(index).tags).toEqual([
      { value: 'police', label: 'police', count: 2 },
      { value: 'Tribunal', label: 'Tribunal', count: 1 },
    ]);
  });

  it('ignores an older copy of a note that arrives after its edit (a page loaded late)', () => {
    const index = new NotesIndex([{ ...older, text: 'Contrat annulé', updatedAt: '2026-03-01T10:00:00.000Z' }]);
    index.add([older]);
    expect(ids(filterNotes(index, NO_FILTER))).toEqual(['Contrat annulé']);
  });

  it('forgets a deleted note (search, facets, size) and takes it back on Undo', () => {
    const index = new NotesIndex([older, other]);
    index.prepare(Infinity);
    expect(index.remove(older.id)).toBe(older);
    expect(index.remove(older.id)).toBeUndefined();
    expect(index.size).toBe(1);
    expect(ids(filterNotes(index, { ...NO_FILTER, q: 'contrat' }))).toEqual([]);
    expect(facetsOf(index).tags).toEqual([{ value: 'police', label: 'police', count: 1 }]);
    // The remaining note's haystack answers for it, not for the removed one that sat before it.
    expect(ids(filterNotes(index, { ...NO_FILTER, q: 'autre' }))).toEqual(['Autre note']);
    index.add([older]);
    expect(ids(filterNotes(index, NO_FILTER))).toEqual(['Autre note', 'Contrat signé']);
    expect(index.size).toBe(2);
  });
});

describe('mergeNewestFirst', () => {
  const at = (d: string, text = d) => note({ text, updatedAt: `2026-01-${d}T00:00:00.000Z` });
  const [d1, d2, d3, d4] = [at('01'), at('02'), at('03'), at('04')] as [Note, Note, Note, Note];

  it('interleaves the deleted rows where they were, each note once', () => {
    expect(ids(mergeNewestFirst([d4, d1], [d3, d2]))).toEqual(['04', '03', '02', '01']);
    expect(ids(mergeNewestFirst([d4, d2], [d4, d1]))).toEqual(['04', '02', '01']);
    expect(ids(mergeNewestFirst([], [d2]))).toEqual(['02']);
    const matched = [d3, d1];
    expect(mergeNewestFirst(matched, [])).toBe(matched);
  });

  it('is newest first and holds every note of both once (property)', () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}T00:00:00.000Z`);
    const list = fc.array(day, { maxLength: 12 }).map((days) =>
      days
        .sort()
        .reverse()
        .map((updatedAt) => note({ updatedAt })),
    );
    fc.assert(
      fc.property(list, list, (a, b) => {
        const out = mergeNewestFirst(a, b);
        expect(out.map((n) => n.id).sort()).toEqual([...a, ...b].map((n) => n.id).sort());
        for (let i = 1; i < out.length; i++) expect((out[i - 1]?.updatedAt ?? '') >= (out[i]?.updatedAt ?? '')).toBe(true);
      }),
    );
  });
});

describe('facets', () => {
  it('counts entities, tags (one per spelling group, newest spelling) and sites', () => {
    const notes = [
      note({ entityKey: 'p:a', entityName: 'Alpha', tags: ['Sécurité'], pageUrl: 'https://a.example/1', updatedAt: '2026-01-02T00:00:00.000Z' }),
      note({ entityKey: 'p:a', entityName: 'Alpha', tags: ['securite', 'Police'], pageUrl: 'https://a.example/2', updatedAt: '2026-01-01T00:00:00.000Z' }),
      note({ entityKey: 'p:b', entityName: 'Beta' }),
    ];
    const f = facetsOf(new NotesIndex(notes));
    expect(f.entities).toEqual([
      { value: 'p:a', label: 'Alpha', count: 2 },
      { value: 'p:b', label: 'Beta', count: 1 },
    ]);
    expect(f.tags).toEqual([
      { value: 'Sécurité', label: 'Sécurité', count: 2 },
      { value: 'Police', label: 'Police', count: 1 },
    ]);
    expect(f.sites).toEqual([{ value: 'a.example', label: 'a.example', count: 2 }]);
  });
});

describe('the library URL', () => {
  it('reads page, entity, tag, site, query and dates, and ignores malformed dates', () => {
    const f = filterFromParams(
      new URLSearchParams('page=https%3A%2F%2Fx.example%2Fa&entity=p%3Aa&tag=RGPD&site=x.example&q=s%C3%A9cu&from=2026-01-01&to=tomorrow'),
    );
    expect(f).toEqual({ ...NO_FILTER, page: 'https://x.example/a', entity: 'p:a', tag: 'RGPD', site: 'x.example', q: 'sécu', from: '2026-01-01' });
  });

  it('writes only what is set, and reads back what it wrote (round trip)', () => {
    expect(filterToParams(NO_FILTER).toString()).toBe('');
    const f: NoteFilter = { ...NO_FILTER, q: 'a b', tag: 'Sécurité', page: 'https://x.example/a?id=1' };
    expect(filterFromParams(new URLSearchParams(filterToParams(f).toString()))).toEqual(f);
  });

  it('counts as filtered only when something narrows the list', () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, q: '   ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, q: 'x' })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, from: '2026-01-01' })).toBe(true);
  });
});
