import { describe, expect, it } from 'vitest';
import { briefingToMarkdown } from '@/utils/export/briefing';
import { mdText } from '@/utils/export/markdown';
import { setTestLocale } from '../support/i18n-setup';
import type { Briefing, BriefingEntity } from '@/utils/messaging/protocol';
import { sampleNote } from '../support/packs';

const source = (id: string, publisher: string, url = `https://example.org/${id}`) => ({
  id,
  title: `Title ${id}`,
  publisher,
  url,
  published: '2020-01-18',
  language: 'en',
});

const clearview: BriefingEntity = {
  key: 'p:clearview-ai',
  name: 'Clearview AI',
  kind: 'organization',
  summary: 'A facial-recognition firm.',
  count: 7,
  lang: 'en',
  factCount: 54,
  facts: [
    {
      id: 'cv.fine',
      text: 'Fined €20 million by the CNIL.',
      date: '2022-10-20',
      attribution: 'regulator',
      sourceIds: ['cnil'],
      key: true,
      disputes: [
        { id: 'cv.denial', text: 'The company says the CNIL has no jurisdiction.', date: '2022-10', attribution: 'company-statement', sourceIds: ['afp'] },
      ],
    },
    { id: 'cv.nyt', text: 'Revealed by The New York Times.', date: '2020-01-18', attribution: 'reported', sourceIds: ['nyt', 'gone'], key: true },
  ],
  sources: [source('cnil', 'CNIL'), source('afp', 'AFP'), source('nyt', 'The New York Times')],
  notes: [
    {
      ...sampleNote,
      entityKey: 'p:clearview-ai',
      entityName: 'Clearview AI',
      text: 'Call the CNIL\nabout the appeal.',
      quote: 'no jurisdiction',
      pageUrl: 'https://news.example/a',
      pageTitle: 'News',
    },
  ],
};
const pimeyes: BriefingEntity = {
  ...clearview,
  key: 'p:pimeyes',
  name: 'PimEyes',
  summary: 'A face search engine.',
  count: 2,
  factCount: 2,
  facts: [],
  sources: [],
  notes: [],
};
const briefing: Briefing = { url: 'https://news.example/a', title: 'Clearview AI fined', entities: [clearview, pimeyes] };

describe('the page briefing as Markdown', () => {
  const md = briefingToMarkdown(briefing, '2026-12-01T16:21:48.000Z');

  it('names the page and counts what it names', () => {
    const [title, , link, , counts] = md.split('\n');
    expect(title).toBe('# Briefing: Clearview AI fined');
    expect(link).toMatch(/^\[.*news.*\]\(https:\/\/news\.example\/a\)$/);
    expect(counts).toBe('2 known names, 9 mentions. Made by Backstory on 1 Dec 2026.');
  });

  it('gives each entity in the order given, with summary, dated and attributed key facts, their sources and disputes', () => {
    expect(md.indexOf('## Clearview AI — 7 mentions')).toBeLessThan(md.indexOf('## PimEyes — 2 mentions'));
    // Escaped as mdText escapes (not restated here: the escaping rule is markdown.ts's).
    expect(md).toContain(mdText('A facial-recognition firm.'));
    const lines = md.split('\n');
    const fine = lines.findIndex((l) => l.startsWith('- 20 Oct 2022 · Regulator: Fined €20 million by the CNIL'));
    expect(fine).toBeGreaterThan(0);
    expect(lines[fine]).toContain('[CNIL](https://example.org/cnil), 18 Jan 2020');
    expect(lines[fine + 1]).toMatch(
      /^ {2}- Disputed by: Oct 2022 · Company’s own statement: The company says the CNIL has no jurisdiction\b.*\[AFP\]\(https:\/\/example\.org\/afp\)/,
    );
    // A source the entity does not carry is left out, not shown broken.
    expect(lines.find((l) => l.includes('Revealed by'))).toMatch(/\(\[The New York Times\]\(https:\/\/example\.org\/nyt\), 18 Jan 2020\)$/);
    expect(md).toContain('_52 more facts in Backstory’s fact sheet._');
  });

  it('adds the reader’s notes with their quote, date and page', () => {
    const lines = md.split('\n');
    const at = lines.indexOf('**Your notes**');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 2, at + 6)).toEqual([
      '- Call the CNIL  ',
      `  ${mdText('about the appeal.')}`,
      '  > no jurisdiction',
      '  — 1 Nov 2026, [News](https://news.example/a)',
    ]);
  });

  it('lets no pack, page or note text embed an image, HTML or a script link', () => {
    const hostile: Briefing = {
      url: 'javascript:alert(1)',
      title: '<img src=x onerror=alert(1)>',
      entities: [
        {
          ...clearview,
          name: '![x](https://tracker.example/p.gif)',
          summary: '<script>alert(1)</script>',
          sources: [source('cnil', 'CNIL', 'javascript:alert(2)')],
          notes: [{ ...clearview.notes[0]!, text: '[a](javascript:alert(3)) <b>x</b>' }],
        },
      ],
    };
    const out = briefingToMarkdown(hostile, '2026-12-01T00:00:00.000Z');
    expect(out).not.toMatch(/!\[/);
    expect(out).not.toMatch(/<(img|script|b)\b/);
    // An escaped bracket (`\\]`) renders as text; only a bare `](` would open a link.
    expect(out).not.toMatch(/(?<!\\)\]\(javascript:/);
  });

  it('counts one name, one mention and one more fact in the singular', () => {
    const one = briefingToMarkdown({ ...briefing, entities: [{ ...pimeyes, count: 1, factCount: 1 }] }, '2026-12-01T00:00:00.000Z');
    expect(one).toContain('1 known name, 1 mention. Made by Backstory on 1 Dec 2026.');
    expect(one).toContain('## PimEyes — 1 mention');
    expect(one).toContain('_1 more fact in Backstory’s fact sheet._');
  });

  it('speaks the reader’s language and says when the page names nothing', () => {
    setTestLocale('fr-FR');
    const fr = briefingToMarkdown({ ...briefing, entities: [pimeyes] }, '2026-12-01T00:00:00.000Z');
    expect(fr).toContain('# Synthèse : Clearview AI fined');
    expect(fr).toContain('1 nom connu, 2 mentions. Préparé par Backstory le 1 déc. 2026.');
    expect(fr).toContain('## PimEyes — 2 mentions');
    expect(fr).toContain('_2 autres faits dans la fiche de Backstory._');
    const frAll = briefingToMarkdown(briefing, '2026-12-01T00:00:00.000Z').split('\n');
    expect(frAll).toContain('**Faits essentiels**');
    expect(frAll).toContain('**Vos notes**');
    const fine = frAll.findIndex((l) => l.startsWith('- 20 oct. 2022 · Régulateur : Fined €20 million by the CNIL'));
    expect(fine).toBeGreaterThan(0);
    expect(frAll[fine + 1]).toMatch(/^ {2}- Contesté par : oct\. 2022 · Déclaration de l’entreprise : The company says/);
    // French counts 0 and 1 in the singular.
    const one = briefingToMarkdown({ ...briefing, entities: [{ ...pimeyes, count: 1, factCount: 1 }] }, '2026-12-01T00:00:00.000Z');
    expect(one).toContain('1 nom connu, 1 mention. Préparé par Backstory le 1 déc. 2026.');
    expect(one).toContain('_1 autre fait dans la fiche de Backstory._');
    expect(briefingToMarkdown({ ...briefing, entities: [{ ...pimeyes, count: 0 }] }, '2026-12-01T00:00:00.000Z')).toContain('## PimEyes — 0 mention\n');
    expect(briefingToMarkdown({ url: null, title: null, entities: [] }, '2026-12-01T00:00:00.000Z')).toBe(
      '# Synthèse : Page sans titre\n\nAucun nom connu sur cette page.\n',
    );
    setTestLocale('en-GB');
    expect(briefingToMarkdown({ url: null, title: null, entities: [] }, '2026-12-01T00:00:00.000Z')).toBe(
      '# Briefing: Untitled page\n\nNo known names on this page.\n',
    );
  });
});
