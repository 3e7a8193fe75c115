import { describe, expect, it } from 'vitest';
import { CORRECTIONS_CSV_COLUMNS, flagsToCsv, flagsToJson, flagsToMarkdown } from '@/utils/export/corrections';
import { Flag } from '@/utils/schema/flag';
import { sampleFlag } from '../support/packs';

const flag = sampleFlag;

const AT = '2026-11-26T12:00:00.000Z';

describe('corrections as JSON', () => {
  it('is versioned and gives the flags back exactly', () => {
    const flags = [flag(), flag({ id: 'other.pack:x.y', packId: 'other.pack', entityKey: 'other.pack:x', factId: 'x.y', kind: 'outdated' })];
    const parsed = JSON.parse(flagsToJson(flags, AT));
    expect(parsed).toEqual({ format: 'backstory-corrections', version: 1, exportedAt: AT, flags });
    expect(parsed.flags.map((f: unknown) => Flag.parse(f))).toEqual(flags);
  });
});

describe('corrections as CSV', () => {
  it('writes one header and one row per flag, every field quoted', () => {
    const csv = flagsToCsv([flag()]);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CORRECTIONS_CSV_COLUMNS.map((c) => `"${c}"`).join(','));
    expect(lines[1]).toBe(
      '"test.sample:acme.founded","test.sample","1.0.0","Acme Widgets","test.sample:acme","acme.founded","Founded in 1990.","wrong","The registry says 1991.","2026-11-01T10:00:00.000Z","2026-11-01T10:00:00.000Z"',
    );
  });

  it('neutralises formulas in the reason, the fact text and the entity name', () => {
    const csv = flagsToCsv([flag({ reason: '=HYPERLINK("https://evil.example","click")', factText: '+SUM(A1:A9)', entityName: '@cmd' })]);
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
    expect(csv).toContain(`"'+SUM(A1:A9)"`);
    expect(csv).toContain(`"'@cmd"`);
    const [, row = ''] = csv.trimEnd().split('\r\n');
    for (const cell of row.split('","')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});

describe('corrections as Markdown', () => {
  it('groups by pack, then entity, oldest flag first', () => {
    const md = flagsToMarkdown(
      [
        flag({ id: 'test.sample:acme.ipo', factId: 'acme.ipo', factText: 'Listed in 2001', createdAt: '2026-11-03T00:00:00.000Z', kind: 'outdated' }),
        flag(),
        flag({ id: 'b.pack:globex.x', packId: 'b.pack', packVersion: '2.1.0', entityKey: 'b.pack:globex', entityName: 'Globex', factId: 'globex.x' }),
      ],
      AT,
    );
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Backstory corrections',
      '## Pack b\\.pack, version 2.1.0',
      '### Globex',
      '## Pack test\\.sample, version 1.0.0',
      '### Acme Widgets',
    ]);
    const acme = md.slice(md.indexOf('### Acme Widgets'));
    expect(acme.indexOf('Founded in 1990')).toBeLessThan(acme.indexOf('Listed in 2001'));
    expect(acme).toContain('- **Wrong** (fact acme\\.founded): Founded in 1990.');
    expect(acme).toContain('- **Outdated** (fact acme\\.ipo): Listed in 2001');
    expect(acme).toContain('  Reason: The registry says 1991.');
    expect(md).toContain('3 flagged facts.');
  });

  it('emits no images, links, raw HTML or headings from a reason, a fact or a name', () => {
    const md = flagsToMarkdown(
      [
        flag({
          reason: '![x](https://tracker.example/p.gif) <img src=x onerror=alert(1)> [a](javascript:alert(1))\n# not a heading\n<script>x</script>',
          factText: '[click](https://evil.example) **bold**',
          entityName: 'Acme\n## Injected',
        }),
      ],
      AT,
    );
    expect(md).not.toMatch(/!\[/);
    expect(md).not.toMatch(/<img|<script/);
    // A link needs an unescaped "](": every bracket from the text is escaped.
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Backstory corrections',
      '## Pack test\\.sample, version 1.0.0',
      '### Acme \\#\\# Injected',
    ]);
    // A line break in the reason stays inside its list item.
    expect(md).toContain('  \n  \\# not a heading');
  });
});
