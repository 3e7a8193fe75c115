import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mdText, notesToMarkdown } from '@/utils/export/markdown';
import { CSV_COLUMNS, notesToCsv, spreadsheetDate } from '@/utils/export/csv';
import { notesToJson, parseNotesJson } from '@/utils/export/json';
import type { Note } from '@/utils/schema/note';

const note = (over: Partial<Note> = {}): Note => ({
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  entityKey: 'p:clearview-ai',
  entityName: 'Clearview AI',
  text: 'a note',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

describe('Markdown escaping: only what would change the rendering', () => {
  // [text as typed, as written to the file]
  const cases: [string, string][] = [
    // Ordinary prose stays as typed.
    ['a start-up (27 Feb 2020), 3.5 million!', 'a start-up (27 Feb 2020), 3.5 million!'],
    ['Founded in 1990. It said: "no".', 'Founded in 1990. It said: "no".'],
    ['AT&T, C#, 50% + tax = more; a > b', 'AT&T, C#, 50% + tax = more; a > b'],
    ['snake_case_name and e-mail', 'snake_case_name and e-mail'],
    ['#hashtag and issue #12', '#hashtag and issue #12'],
    // Emphasis, code, strikethrough, tables.
    ['**bold** and _it_', '\\*\\*bold\\*\\* and \\_it\\_'],
    ['`code` ~~gone~~ a|b', '\\`code\\` \\~\\~gone\\~\\~ a\\|b'],
    // Links, images, references, footnotes: every bracket escaped, so no "](" survives.
    ['[a](javascript:alert(1))', '\\[a\\](javascript:alert(1))'],
    ['![x](https://tracker.example/p.gif)', '!\\[x\\](https\\://tracker\\.example/p\\.gif)'],
    ['[ref]: https://evil.example', '\\[ref\\]: https\\://evil\\.example'],
    ['see [^1]', 'see \\[^1\\]'],
    // Bare addresses, which GFM and linkify turn into links: their dots and "://" are escaped.
    ['www.example.com and mail@evil.example', 'www\\.example\\.com and mail@evil\\.example'],
    ['http://localhost/x', 'http\\://localhost/x'],
    // HTML and entities.
    ['<img src=x onerror=alert(1)> <script>', '&lt;img src=x onerror=alert(1)> &lt;script>'],
    ['&copy; &#60; &amp;', '&amp;copy; &amp;#60; &amp;amp;'],
    ['<https://evil.example>', '&lt;https\\://evil\\.example>'],
    // Backslashes that would escape or break.
    ['C:\\Users\\me and a\\*b', 'C:\\Users\\me and a\\\\\\*b'],
    ['ends with \\', 'ends with \\\\'],
    // Block syntax at the start of a line.
    ['# not a heading', '\\# not a heading'],
    ['## two', '\\#\\# two'],
    ['> not a quote', '\\> not a quote'],
    ['- not a bullet', '\\- not a bullet'],
    ['+ not a bullet', '\\+ not a bullet'],
    ['* not a bullet', '\\* not a bullet'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['- - -', '\\- - -'],
    ['```js', '\\`\\`\\`js'],
    ['~~~', '\\~\\~\\~'],
    ['    indented code', 'indented code'],
    // A heading's closing run would be eaten.
    ['Acme ##', 'Acme \\#\\#'],
    // Each line on its own.
    ['first\n# second\n1. third', 'first\n\\# second\n1\\. third'],
  ];
  it.each(cases)('%j', (typed, written) => {
    expect(mdText(typed)).toBe(written);
  });

  it('never lets an image, a link, HTML or a block opening through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'![]()<>&#*_`~|-+=.:/\\ \n1aw@'.split('')), maxLength: 40 }), (s) => {
        const out = mdText(s);
        expect(out).not.toMatch(/(?<!\\)[[\]`*~|<]/);
        for (const line of out.split('\n')) expect(line).not.toMatch(/^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d+[.)](\s|$)|=+\s*$|-+\s*$|\s)/);
      }),
    );
  });
});

describe('Markdown export', () => {
  it('shows tags and, once the note was edited, when', () => {
    const md = notesToMarkdown(
      [
        note({ text: 'Edited one', tags: ['court', 'privacy'], updatedAt: '2026-12-01T16:21:00.000Z', quote: 'They said it.' }),
        note({ id: '0a1b2c3d-0000-4000-8000-000000000002', text: 'Untouched', createdAt: '2026-11-02T10:00:00.000Z', updatedAt: '2026-11-02T10:00:00.000Z' }),
      ],
      '2026-12-02T00:00:00.000Z',
    );
    expect(md).toContain(['- Edited one  ', '  Tags: court, privacy  ', '  — 2026-11-01, edited 2026-12-01', '  > They said it.'].join('\n'));
    expect(md).toContain(['- Untouched  ', '  — 2026-11-02'].join('\n'));
    expect(md).not.toContain('Untouched  \n  Tags');
  });
});

describe('CSV export', () => {
  it('puts what a reader wants first and the internal ids last', () => {
    expect(CSV_COLUMNS).toEqual(['date', 'entity', 'note', 'quote', 'page title', 'page URL', 'tags', 'created', 'updated', 'entity key', 'id']);
    const csv = notesToCsv(
      [
        note({
          text: '=HYPERLINK("x")',
          quote: '-2',
          tags: ['court', 'privacy'],
          pageTitle: 'A page',
          pageUrl: 'https://news.example/a',
          createdAt: '2026-12-01T16:21:48.000Z',
          updatedAt: '2026-12-02T08:00:00.000Z',
        }),
      ],
      { timeZone: 'UTC' },
    );
    const [head, row] = csv.trimEnd().split('\r\n');
    expect(head).toBe(CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(row).toBe(
      [
        '"2026-12-01 16:21"',
        '"Clearview AI"',
        `"'=HYPERLINK(""x"")"`,
        `"'-2"`,
        '"A page"',
        '"https://news.example/a"',
        '"court, privacy"',
        '"2026-12-01T16:21:48.000Z"',
        '"2026-12-02T08:00:00.000Z"',
        '"p:clearview-ai"',
        '"0a1b2c3d-0000-4000-8000-000000000001"',
      ].join(','),
    );
  });

  it('writes dates a spreadsheet reads, in the reader’s time zone', () => {
    expect(spreadsheetDate('2026-12-01T16:21:48.000Z', 'UTC')).toBe('2026-12-01 16:21');
    expect(spreadsheetDate('2026-12-01T23:30:00.000Z', 'Europe/Paris')).toBe('2026-12-02 00:30');
    expect(spreadsheetDate('2026-12-01T00:05:00.000Z', 'America/New_York')).toBe('2026-11-30 19:05');
    expect(spreadsheetDate('not a date')).toBe('not a date');
  });
});

describe('JSON export', () => {
  it('round-trips tagged and edited notes exactly', () => {
    const notes = [
      note({ tags: ['court', 'privacy'], quote: 'q', pageUrl: 'https://news.example/a', pageTitle: 'T', updatedAt: '2026-12-01T16:21:00.000Z' }),
      note({ id: '0a1b2c3d-0000-4000-8000-000000000002', text: 'no tags' }),
    ];
    const text = notesToJson(notes, '2026-12-02T00:00:00.000Z');
    expect(JSON.parse(text)).toMatchObject({ format: 'backstory-notes', version: 1, notes: [{ tags: ['court', 'privacy'] }, {}] });
    const back = parseNotesJson(text);
    expect(back.ok && back.notes).toEqual(notes);
  });

  it('still reads a file written before notes had tags', () => {
    const old = JSON.stringify({ format: 'backstory-notes', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', notes: [note()] });
    expect(parseNotesJson(old)).toEqual({ ok: true, notes: [note()] });
  });
});
