import { describe, expect, it } from 'vitest';
import { Note, NOTE_LIMITS, normalizeTags } from '@/utils/schema/note';
import { sampleNote } from '../support/packs';
import { parseNotesJson, notesToJson } from '@/utils/export/json';
import { INVISIBLE_CODE_POINTS } from '../support/invisible';

const base = sampleNote;

describe('a note’s quote and page title (text from web pages)', () => {
  it('lose every listed invisible or bidi-control code point, one by one', () => {
    const kept: string[] = [];
    for (const cp of INVISIBLE_CODE_POINTS) {
      const ch = String.fromCodePoint(cp);
      const n = Note.parse({ ...base, quote: `Ac${ch}me`, pageTitle: `Acme ${ch}news` });
      if (n.quote !== 'Acme' || n.pageTitle !== 'Acme news') kept.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(kept).toEqual([]);
  });

  it('keep every other character', () => {
    const quote = 'مرحبا "Acme" — 👋 ק 2026';
    expect(Note.parse({ ...base, quote, pageTitle: quote })).toMatchObject({ quote, pageTitle: quote });
  });

  it('are cleaned when a backup is restored', () => {
    const dirty = { ...base, quote: 'Acme\u202Eemca', pageTitle: 'Acme\u2066 news\u2069' };
    const r = parseNotesJson(notesToJson([dirty], '2026-11-26T00:00:00.000Z'));
    expect(r.ok && r.notes[0]).toMatchObject({ quote: 'Acmeemca', pageTitle: 'Acme news' });
  });
});

describe('a note’s text (the reader’s own words, often pasted)', () => {
  it('drops invisible controls instead of refusing the note, on save and on restore', () => {
    expect(Note.parse({ ...base, text: 'Ger\u00ADman press, \u200Bquoted' }).text).toBe('German press, quoted');
    const r = parseNotesJson(notesToJson([{ ...base, text: 'Ger\u00ADman' }], '2026-11-26T00:00:00.000Z'));
    expect(r.ok && r.notes[0]?.text).toBe('German');
  });

  it('is still refused when nothing visible is left', () => {
    expect(Note.safeParse({ ...base, text: ' \u200B\u00AD ' }).success).toBe(false);
  });
});

describe('note tags', () => {
  it('keeps the first spelling of each tag, trimmed, without empties', () => {
    expect(normalizeTags(['  Police ', 'police', '', 'face  search', 'POLICE'])).toEqual(['Police', 'face search']);
  });
  it('refuses a tag over the limit or too many tags', () => {
    const base = {
      id: 'abcdefgh1',
      entityKey: 'p:e',
      entityName: 'E',
      text: 'x',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(Note.safeParse({ ...base, tags: ['ok'] }).success).toBe(true);
    expect(Note.safeParse({ ...base, tags: ['x'.repeat(NOTE_LIMITS.tag + 1)] }).success).toBe(false);
    expect(Note.safeParse({ ...base, tags: Array.from({ length: NOTE_LIMITS.tags + 1 }, (_, i) => `t${i}`) }).success).toBe(false);
  });
});
