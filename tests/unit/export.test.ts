import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, notesToCsv } from '@/utils/export/csv';
import { notesToJson, parseNotesJson } from '@/utils/export/json';
import { mdLink, notesToMarkdown } from '@/utils/export/markdown';
import { safeFileName } from '@/utils/export/filename';
import type { Note } from '@/utils/schema/note';

const note = (text: string, over: Partial<Note> = {}): Note => ({
  id: '0a1b2c3d-0000-4000-8000-000000000000',
  entityKey: 'p:clearview-ai',
  entityName: 'Clearview AI',
  text,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('CSV export', () => {
  it('neutralises formulas and quotes every field', () => {
    for (const t of ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', '  =HYPERLINK("x")']) expect(csvField(t).startsWith(`"'`)).toBe(true);
    expect(csvField('a "quoted", text')).toBe('"a ""quoted"", text"');
    expect(csvField('plain')).toBe('"plain"');
  });

  it('writes one header and one row per note', () => {
    const csv = notesToCsv([note('=cmd|" /C calc"!A0')]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=cmd|"" /C calc""!A0"`);
  });
});

describe('Markdown export', () => {
  it('emits no images, no raw HTML and no script links', () => {
    const md = notesToMarkdown([note('![x](https://tracker.example/p.gif) <img src=x onerror=alert(1)> [a](javascript:alert(1))')], '2026-11-26');
    expect(md).not.toMatch(/!\[/);
    expect(md).not.toMatch(/<img/);
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(mdLink('x', 'javascript:alert(1)')).toBe('`javascript:alert(1)`');
    expect(mdLink('page', 'https://a.example/x (1)')).toBe('[page](https://a.example/x%20%281%29)');
  });
});

describe('JSON export', () => {
  it('round-trips notes exactly', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim() === s && s.length > 0),
          { maxLength: 5 },
        ),
        (texts) => {
          const notes = texts.map((t, i) => note(t, { id: `0a1b2c3d-0000-4000-8000-00000000000${i}` }));
          const back = parseNotesJson(notesToJson(notes, '2026-11-26T00:00:00.000Z'));
          expect(back.ok && back.notes).toEqual(notes);
        },
      ),
    );
  });
});

describe('file names', () => {
  it('are safe on every OS', () => {
    expect(safeFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(safeFileName('CON', 'csv')).toBe('_CON.csv');
    expect(safeFileName('a:b*c', 'json')).toBe('a-b-c.json');
    expect(safeFileName('x'.repeat(300), 'md')).toHaveLength(103);
  });
});
