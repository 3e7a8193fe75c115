import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';

// The catalogue is the only source of UI text: both languages carry the same keys and placeholders,
// every key is used, and the lint rule that keeps literals out of components really fires.
const ROOT = path.resolve(import.meta.dirname, '../..');
const LOCALES = path.join(ROOT, 'assets/locales');
const LANGS = ['en', 'fr'] as const;

let catalogues: Record<(typeof LANGS)[number], Map<string, ParsedMessage>>;
beforeAll(async () => {
  const entries = await Promise.all(LANGS.map(async (l) => [l, await parseMessagesFile(path.join(LOCALES, `${l}.yml`))] as const));
  catalogues = Object.fromEntries(entries.map(([l, msgs]) => [l, new Map(msgs.map((m) => [m.key.join('.'), m]))])) as typeof catalogues;
});

const textOf = (m: ParsedMessage) => (m.type === 'plural' ? Object.values(m.plurals).join(' ') : m.message);
const named = (m: ParsedMessage) => [...new Set(textOf(m).match(/\{[A-Za-z]+\}/g) ?? [])].sort();

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .flatMap((e) => (e.isFile() && /\.tsx?$/.test(e.name) ? [path.join(e.parentPath, e.name)] : []));
}

describe('the UI catalogue', () => {
  it('has the same keys in English and French, none empty', () => {
    // French alone has a "many" form ("1 000 000 de faits"); English has none.
    const en = [...catalogues.en.keys()].sort();
    const fr = [...catalogues.fr.keys()].filter((k) => !k.endsWith('.many')).sort();
    expect(
      fr.filter((k) => !catalogues.en.has(k)),
      'keys only in fr.yml',
    ).toEqual([]);
    expect(
      en.filter((k) => !catalogues.fr.has(k)),
      'keys missing from fr.yml',
    ).toEqual([]);
    for (const l of LANGS) for (const [k, m] of catalogues[l]) expect(textOf(m).trim(), `${l}: ${k}`).not.toBe('');
  });

  it('gives each key the same named placeholders in both languages', () => {
    for (const [k, m] of catalogues.en) expect(named(catalogues.fr.get(k)!), k).toEqual(named(m));
  });

  it('defines every plural with one and other forms, and no other form without them', () => {
    for (const l of LANGS) {
      const keys = [...catalogues[l].keys()];
      const bases = new Set(keys.filter((k) => /\.(one|other|many)$/.test(k)).map((k) => k.replace(/\.(one|other|many)$/, '')));
      for (const b of bases) {
        expect(catalogues[l].has(`${b}.one`), `${l}: ${b}.one`).toBe(true);
        expect(catalogues[l].has(`${b}.other`), `${l}: ${b}.other`).toBe(true);
      }
    }
  });

  it('has no key the code never uses', () => {
    const code = ['components', 'entrypoints', 'utils'].flatMap(sourceFiles).map((f) => fs.readFileSync(f, 'utf8'));
    code.push(fs.readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'));
    const all = code.join('\n');
    const unused = [...catalogues.en.keys()]
      .map((k) => k.replace(/\.(one|other|many)$/, ''))
      .filter((k) => k !== 'meta.lang' && !k.startsWith('@@') && !all.includes(`'${k}'`) && !all.includes(`__MSG_${k.replaceAll('.', '_')}__`));
    expect([...new Set(unused)]).toEqual([]);
  });
});

/** The rule alone, on a syntax-only parse: the project's type-aware setup costs tens of seconds here. */
async function ruleAlone(): Promise<ESLint> {
  const { i18nPlugin } = (await import(path.join(ROOT, 'eslint.config.js'))) as { i18nPlugin: ESLint.Plugin };
  const lintTs: string = 'backstory-lint-ts';
  const tseslint = ((await import(lintTs)) as { default: { parser: unknown } }).default;
  return new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tseslint.parser as never, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { i18n: i18nPlugin },
        rules: { 'i18n/no-stray-text': 'error' },
      },
    ],
  });
}

describe('the stray-text lint rule', () => {
  const planted = path.join(ROOT, 'components', `__i18n-probe-${process.pid}.tsx`);
  afterAll(() => fs.rmSync(planted, { force: true }));

  it('is on, as an error, for components, extension pages and utils', async () => {
    // The project's own configuration (computing it lints nothing, so no type information is built).
    const eslint = new ESLint({ cwd: ROOT });
    for (const file of ['components/card/EntityCard.tsx', 'entrypoints/popup/main.tsx', 'utils/worker/refusals.ts']) {
      const config = (await eslint.calculateConfigForFile(path.join(ROOT, file))) as { rules?: Record<string, unknown> };
      expect(config.rules?.['i18n/no-stray-text'], file).toEqual([2]);
    }
  });

  it('finds no text written in place in any component, extension page or utility', async () => {
    const eslint = await ruleAlone();
    const results = await eslint.lintFiles(['components', 'entrypoints', 'utils'].map((d) => path.join(ROOT, d)));
    expect(results.length).toBeGreaterThan(50);
    const found = results.flatMap((r) =>
      r.messages.filter((m) => m.fatal || m.ruleId === 'i18n/no-stray-text').map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.message}`),
    );
    expect(found).toEqual([]);
  });

  it('flags literal text, visible attributes, language ternaries, confirm() and translation tables; passes keys and symbols', async () => {
    const eslint = await ruleAlone();
    fs.writeFileSync(
      planted,
      [
        "import { t } from '@/utils/i18n';",
        'export const A = (p: { fr: boolean }) => (',
        '  <p title="Close the card" aria-label={t(\'ext.name\')} class="x">',
        '    Hello reader',
        "    {p.fr ? 'Bonjour' : 'Hello'}",
        "    {' · '}",
        '  </p>',
        ');',
        "export const ask = () => confirm('Delete everything?');",
        "export const TABLE = { en: 'Close', fr: 'Fermer' };",
        '',
      ].join('\n'),
    );
    const [result] = await eslint.lintFiles([planted]);
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    const lines = result!.messages.filter((m) => m.ruleId === 'i18n/no-stray-text').map((m) => m.line);
    // Line 3 twice: the title and the JSX text that starts right after the tag.
    expect(lines.sort((a, b) => a - b)).toEqual([3, 3, 5, 5, 9, 10]);
  });
});
