import { describe, expect, it } from 'vitest';
import type { Note } from '../../utils/schema/note';
import { fileSlug, notesInScope, scopeFileBase, scopeOfFilter } from '../../utils/notes-export-scope';
import { NO_FILTER } from '../../utils/notes-search';
import { exportedScopeText, matchCountText } from '../../components/ext-pages/notes-strings';
import { formatDate, formatDay } from '../../utils/i18n/dates';
import { setTestLocale } from '../support/i18n-setup';
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

  it('says what was exported, in English and French, with each language’s plurals', () => {
    expect(exportedScopeText(3, { kind: 'page', url: 'https://x.example' }, 'f.md')).toBe('Exported 3 notes on this page to f.md');
    expect(exportedScopeText(1, { kind: 'entity', key: 'k', name: 'PimEyes' }, 'f.md')).toBe('Exported 1 note about PimEyes to f.md');
    expect(exportedScopeText(12, { kind: 'filtered' }, 'f.json')).toBe('Exported 12 filtered notes to f.json');
    expect(exportedScopeText(1200, { kind: 'all' }, 'f.csv')).toBe('Exported 1,200 notes to f.csv');
    expect(exportedScopeText(0, { kind: 'all' }, 'f.csv')).toBe('Exported 0 notes to f.csv');
    setTestLocale('fr-FR');
    expect(exportedScopeText(3, { kind: 'page', url: 'https://x.example' }, 'f.md')).toBe('3 notes de cette page exportées dans f.md');
    expect(exportedScopeText(1, { kind: 'filtered' }, 'f.md')).toBe('1 note filtrée exportée dans f.md');
    expect(exportedScopeText(0, { kind: 'all' }, 'f.md')).toBe('0 note exportée dans f.md');
    expect(exportedScopeText(2, { kind: 'entity', key: 'k', name: 'PimEyes' }, 'f.md')).toBe('2 notes sur PimEyes exportées dans f.md');
  });

  it('counts matches as "12 of 10,000 notes"', () => {
    expect(matchCountText(12, 10_000, true)).toBe('12 of 10,000 notes');
    expect(matchCountText(10_000, 10_000, false)).toBe('10,000 notes');
    expect(matchCountText(1, 1, false)).toBe('1 note');
    expect(matchCountText(0, 0, false)).toBe('0 notes');
    expect(matchCountText(0, 1, true)).toBe('0 of 1 note');
    expect(matchCountText(0, 2, true)).toBe('0 of 2 notes');
    setTestLocale('fr-FR');
    expect(matchCountText(12, 10_000, true).replace(/\s/g, ' ')).toBe('12 sur 10 000 notes');
    expect(matchCountText(0, 0, false)).toBe('0 note');
    expect(matchCountText(1, 1, false)).toBe('1 note');
    expect(matchCountText(0, 2, true)).toBe('0 sur 2 notes');
  });

  it('dates notes in the facts’ style, in the reader’s language and region, whatever the time of day', () => {
    const cases: [string, string][] = [
      ['en-GB', '1 Dec 2026'],
      ['en-US', 'Dec 1, 2026'],
      ['fr-FR', '1 déc. 2026'],
      ['fr-CA', '1 déc. 2026'],
      // A language with no catalogue gets English, without the browser's region.
      ['de-DE', 'Dec 1, 2026'],
    ];
    for (const [locale, day] of cases) {
      setTestLocale(locale);
      for (const at of ['2026-12-01T00:00:00.000Z', '2026-12-01T23:59:00.000Z']) expect(formatDay(at), `${locale} ${at}`).toBe(day);
      expect(formatDate('2026-12-01'), locale).toBe(day);
    }
    setTestLocale('fr-FR');
    expect([formatDate('2022-10'), formatDate('2021'), formatDate('not a date')]).toEqual(['oct. 2022', '2021', 'not a date']);
  });

  it('keeps one date formatter per language and precision: the library formats hundreds per keystroke', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = function (...args: ConstructorParameters<typeof Real>) {
      made++;
      return new Real(...args);
    } as unknown as typeof Real;
    try {
      for (let i = 0; i < 50; i++) formatDay(`2026-12-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`);
      for (let i = 0; i < 50; i++) formatDate('2026-12-01');
      expect(made).toBeLessThanOrEqual(1);
      setTestLocale('fr-FR');
      for (let i = 0; i < 50; i++) formatDay('2026-12-01T10:00:00.000Z');
      expect(made).toBeLessThanOrEqual(2);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
