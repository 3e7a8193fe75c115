import { describe, expect, it } from 'vitest';
import type { Note } from '../../utils/schema/note';
import { fileSlug, notesInScope, scopeFileBase, scopeOfFilter } from '../../utils/notes-export-scope';
import { NO_FILTER } from '../../utils/notes-search';
import { exportedScopeText, formatDay, matchCountText } from '../../components/ext-pages/notes-strings';
import { formatDate } from '../../components/card/labels';
import { sampleNote } from '../support/packs';

const at = new Date(2026, 11, 1, 16, 21, 48);

describe('export scopes', () => {
  it('names each scope’s file differently, with the local date and time', () => {
    expect(scopeFileBase({ kind: 'all' }, at)).toBe('backstory-notes-all-2026-12-01-1621');
    expect(scopeFileBase({ kind: 'filtered' }, at)).toBe('backstory-notes-filtered-2026-12-01-1621');
    expect(scopeFileBase({ kind: 'page', url: 'https://www.lemonde.fr:8443/a?b' }, at)).toBe('backstory-notes-page-www.lemonde.fr-8443-2026-12-01-1621');
    expect(scopeFileBase({ kind: 'entity', key: 'p:c', name: 'Clearview AI' }, at)).toBe('backstory-notes-clearview-ai-2026-12-01-1621');
    expect(scopeFileBase({ kind: 'entity', key: 'p:c', name: '北京' }, at)).toBe('backstory-notes-entity-2026-12-01-1621');
  });

  it('makes names safe file-name parts: ASCII, no separators, bounded', () => {
    expect(fileSlug('Société Générale / ../../etc')).toBe('societe-generale-etc');
    expect(fileSlug('a'.repeat(100))).toHaveLength(40);
    expect(fileSlug('...')).toBe('');
  });

  it('keeps a page’s notes by its cleaned address, or an entity’s by key', () => {
    const notes: Note[] = [
      { ...sampleNote, id: 'aaaaaaaa-1', pageUrl: 'https://x.example/a?id=1' },
      { ...sampleNote, id: 'aaaaaaaa-2', pageUrl: 'https://x.example/b', entityKey: 'test.sample:other' },
    ];
    expect(notesInScope(notes, { kind: 'page', url: 'https://x.example/a?id=1&utm_source=mail#s' }).map((n) => n.id)).toEqual(['aaaaaaaa-1']);
    expect(notesInScope(notes, { kind: 'entity', key: 'test.sample:other', name: 'Other' }).map((n) => n.id)).toEqual(['aaaaaaaa-2']);
    expect(notesInScope(notes, { kind: 'all' })).toHaveLength(2);
  });

  it('exports the library’s filter as all, a page’s, an entity’s, or filtered notes', () => {
    expect(scopeOfFilter(NO_FILTER, '')).toEqual({ kind: 'all' });
    expect(scopeOfFilter({ ...NO_FILTER, page: 'https://x.example/a' }, '')).toEqual({ kind: 'page', url: 'https://x.example/a' });
    expect(scopeOfFilter({ ...NO_FILTER, entity: 'p:c' }, 'Clearview AI')).toEqual({ kind: 'entity', key: 'p:c', name: 'Clearview AI' });
    expect(scopeOfFilter({ ...NO_FILTER, entity: 'p:c', q: 'police' }, 'Clearview AI')).toEqual({ kind: 'filtered' });
  });

  it('says what was exported, in English and French', () => {
    expect(exportedScopeText(3, { kind: 'page', url: 'https://x.example' }, 'f.md', 'en')).toBe('Exported 3 notes on this page to f.md');
    expect(exportedScopeText(1, { kind: 'entity', key: 'k', name: 'PimEyes' }, 'f.md', 'en-GB')).toBe('Exported 1 note about PimEyes to f.md');
    expect(exportedScopeText(12, { kind: 'filtered' }, 'f.json', 'en')).toBe('Exported 12 filtered notes to f.json');
    expect(exportedScopeText(1200, { kind: 'all' }, 'f.csv', 'en')).toBe('Exported 1,200 notes to f.csv');
    expect(exportedScopeText(3, { kind: 'page', url: 'https://x.example' }, 'f.md', 'fr')).toBe('3 notes de cette page exportées dans f.md');
    expect(exportedScopeText(1, { kind: 'filtered' }, 'f.md', 'fr-FR')).toBe('1 note filtrée exportée dans f.md');
  });

  it('counts matches as "12 of 10,000 notes"', () => {
    expect(matchCountText(12, 10_000, true, 'en')).toBe('12 of 10,000 notes');
    expect(matchCountText(10_000, 10_000, false, 'en')).toBe('10,000 notes');
    expect(matchCountText(1, 1, false, 'en')).toBe('1 note');
    expect(matchCountText(0, 1, true, 'en')).toBe('0 of 1 note');
    expect(matchCountText(12, 10_000, true, 'fr').replace(/\s/g, ' ')).toBe('12 sur 10 000 notes');
  });

  it('dates notes in the facts’ style, per language', () => {
    for (const lang of ['en', 'fr', 'fr-CA', 'de'])
      for (const day of ['2026-12-01', '2024-09-03', '2025-05-31']) expect(formatDay(`${day}T23:59:00.000Z`, lang)).toBe(formatDate(day, lang));
  });
});
