import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { parsePackText } from '@/utils/schema/validate';
import { packJsonSchema } from '@/utils/schema/json-schema';
import { ATTRIBUTIONS, PACK_FORMAT } from '@/utils/schema/pack';
import { strictCheck } from '@/utils/schema/strict';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PACK_DIR = path.join(ROOT, 'assets/packs');
const files = fs.readdirSync(PACK_DIR).filter((f) => f.endsWith('.json'));

/** A real bundled pack, parsed, for the CLI tests to spoil. */
function firstBundledPack() {
  const [file] = files;
  if (!file) throw new Error(`no pack in ${PACK_DIR}`);
  return JSON.parse(fs.readFileSync(path.join(PACK_DIR, file), 'utf8'));
}

describe.each(files)('bundled pack %s', (file) => {
  const text = fs.readFileSync(path.join(PACK_DIR, file), 'utf8');
  const r = parsePackText(text);

  it('passes the schema and integrity rules', () => {
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  it('has every fact sourced, attributed and written in every pack language', () => {
    if (!r.ok) return;
    const sources = new Map(r.pack.sources.map((s) => [s.id, s]));
    for (const e of r.pack.entities) {
      for (const l of r.pack.languages) expect(e.summary[l]?.length, `${e.id} summary ${l}`).toBeGreaterThan(0);
      for (const f of e.facts) {
        expect(ATTRIBUTIONS).toContain(f.attribution);
        expect(f.sourceIds.length, f.id).toBeGreaterThan(0);
        for (const id of f.sourceIds) {
          const s = sources.get(id)!;
          expect(s.url, `${f.id} → ${id}`).toMatch(/^https?:\/\//);
          expect(s.publisher.length).toBeGreaterThan(0);
          expect(s.published).toMatch(/^\d{4}/);
        }
        for (const l of r.pack.languages) expect(f.text[l]?.length, `${f.id} text ${l}`).toBeGreaterThan(0);
      }
    }
  });

  it('passes pack:check --strict with no error and no warning, every fact with evidence, in the current format', () => {
    if (!r.ok) return;
    expect(r.pack.schema).toBe(PACK_FORMAT);
    const report = strictCheck(r.pack);
    expect(report.errors.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(report.warnings.map((e) => `${e.path}: ${e.message}`)).toEqual([]);
    expect(r.pack.entities.flatMap((e) => e.facts.filter((f) => !f.evidence?.length).map((f) => f.id))).toEqual([]);
  });

  it('cites every source it lists', () => {
    if (!r.ok) return;
    const cited = new Set(r.pack.entities.flatMap((e) => e.facts.flatMap((f) => f.sourceIds)));
    expect(r.pack.sources.filter((s) => !cited.has(s.id)).map((s) => s.id)).toEqual([]);
  });
});

describe('what the bundled packs know', () => {
  const packs = files.map((f) => parsePackText(fs.readFileSync(path.join(PACK_DIR, f), 'utf8'))).flatMap((r) => (r.ok ? [r.pack] : []));
  const entities = packs.flatMap((p) => p.entities);

  it('know at least 60 entities, each with enough facts to be worth a card', () => {
    expect(packs).toHaveLength(files.length);
    expect(entities.length).toBeGreaterThanOrEqual(60);
    // Floors: an organisation 6 facts, a regulator 3, a person 3 (the entities of the first pack keep what they had).
    const floor = { organization: 6, agency: 3, person: 3 } as Record<string, number>;
    const grown = entities.filter((e) => !ORIGINAL_16.has(e.id));
    expect(grown.filter((e) => e.facts.length < (floor[e.kind] ?? 1)).map((e) => `${e.id} (${e.kind}): ${e.facts.length}`)).toEqual([]);
  });

  it('never reuse an entity id across packs (a reader would see two cards for one name)', () => {
    const ids = entities.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('name in French what French readers call otherwise, and keep proper names as they are', () => {
    const byLanguage = Object.fromEntries(entities.filter((e) => typeof e.name !== 'string').map((e) => [e.id, e.name]));
    expect(byLanguage).toEqual({
      'pegasus-spyware': { en: 'Pegasus (spyware)', fr: 'Pegasus (logiciel espion)' },
      'uk-ico': { en: "Information Commissioner's Office (UK)", fr: "Information Commissioner's Office (Royaume-Uni)" },
      'irish-dpc': { en: 'Data Protection Commission (Ireland)', fr: 'Data Protection Commission (Irlande)' },
    });
    // Official names already French stay one string.
    expect(entities.find((e) => e.id === 'cnil')?.name).toBe('CNIL');
  });
});

/** The first pack's entities, shipped before the floors existed: some people have fewer facts. */
const ORIGINAL_16 = new Set([
  'clearview-ai',
  'hoan-ton-that',
  'richard-schwartz',
  'kashmir-hill',
  'hal-lambert',
  'tor-ekeland',
  'pimeyes',
  'giorgi-gobronidze',
  'nso-group',
  'pegasus-spyware',
  'cambridge-analytica',
  'scl-elections',
  'ring',
  'jamie-siminoff',
  'amazon-rekognition',
  'palantir',
]);

// Each test spawns the CLI through npx tsx: seconds on a loaded 2-core machine (one run once hit the 5 s default).
describe('pack checker CLI', { timeout: 60_000 }, () => {
  const run = (args: string[]) => {
    try {
      return { code: 0, out: execFileSync('npx', ['tsx', 'scripts/pack-check.ts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: err.stdout + err.stderr };
    }
  };

  it('passes every bundled pack with a one-line count', () => {
    const r = run(files.map((f) => path.join('assets/packs', f)));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok — .* \d+ entities, \d+ aliases, \d+ facts, \d+ evidence excerpts, \d+ sources/);
  });

  it("with --strict, refuses a number changed in a fact's text but not in its excerpt, and exits 1 on errors", () => {
    const pack = firstBundledPack();
    const fact = pack.entities[0].facts.find((f: { text: { en: string } }) => /\d/.test(f.text.en));
    const changed = fact.text.en.replace(/\d+/, (d: string) => String(Number(d) + 1));
    fact.text.en = changed;
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strict-'));
    fs.writeFileSync(path.join(tmp, 'changed.json'), JSON.stringify(pack));
    const warned = run(['--strict', path.join(tmp, 'changed.json')]);
    expect(warned.out).toMatch(new RegExp(`facts\\[\\d+\\]\\.text\\.en: warning: states [\\d, ]+, which no evidence excerpt of this fact states`));
    delete pack.entities[0].facts[0].evidence;
    fs.writeFileSync(path.join(tmp, 'no-evidence.json'), JSON.stringify(pack));
    const refused = run(['--strict', path.join(tmp, 'no-evidence.json')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/entities\[0\]\.facts\[0\]\.evidence: is required from pack format 2 on/);
  });

  it('with --strict, warns of names by language that differ only by case', () => {
    const pack = firstBundledPack();
    pack.entities[0].name = { en: 'Some Name (Spyware)', fr: 'Some Name (spyware)' };
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'strict-'));
    fs.writeFileSync(path.join(tmp, 'case.json'), JSON.stringify(pack));
    const r = run(['--strict', path.join(tmp, 'case.json')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/entities\[0\]\.name\.fr: warning: "Some Name \(spyware\)" differs from the "en" name "Some Name \(Spyware\)" only by case/);
    expect(r.out).toMatch(/ok \(strict: 0 errors, 1 warnings\)/);
  });

  it('explains bad files, one line each, and exits 1', () => {
    const tmp = fs.mkdtempSync(path.join(ROOT, '.e2e-tmp-cli-'));
    try {
      fs.writeFileSync(path.join(tmp, 'empty.json'), '');
      fs.writeFileSync(path.join(tmp, 'array.json'), '[]');
      fs.writeFileSync(path.join(tmp, 'broken.json'), '{"schema": 1,');
      fs.writeFileSync(path.join(tmp, 'huge.json'), Buffer.alloc(50 * 1024 * 1024, 32));
      const bad = firstBundledPack();
      bad.sources[0].url = 'javascript:alert(1)';
      fs.writeFileSync(path.join(tmp, 'bad-url.json'), JSON.stringify(bad));
      const r = run(['empty.json', 'array.json', 'broken.json', 'huge.json', 'bad-url.json'].map((f) => path.join(tmp, f)));
      expect(r.code).toBe(1);
      expect(r.out).toContain('empty.json: (root): the file is empty');
      expect(r.out).toContain('array.json: (root): a pack must be a JSON object');
      expect(r.out).toMatch(/broken\.json: \(root\): not valid JSON/);
      expect(r.out).toMatch(/huge\.json: \(file\): 50\.0 MB is over the 20 MB limit/);
      expect(r.out).toContain('bad-url.json: sources[0].url: must be an http or https URL');
      expect(r.out).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);

  it('lists the first problems of a pack of 30,000 empty entities, says how many more, and exits 1', () => {
    const tmp = fs.mkdtempSync(path.join(ROOT, '.e2e-tmp-cli-'));
    try {
      const pack = firstBundledPack();
      pack.entities = Array.from({ length: 30_000 }, () => ({}));
      fs.writeFileSync(path.join(tmp, 'empty-entities.json'), JSON.stringify(pack));
      const r = run([path.join(tmp, 'empty-entities.json')]);
      expect(r.code).toBe(1);
      const lines = r.out.trim().split('\n');
      expect(lines[0]).toMatch(/empty-entities\.json: entities\[0\]\.id: is required$/);
      expect(lines.at(-1)).toMatch(/empty-entities\.json: \(root\): and \d+ more problems not listed$/);
      expect(lines.length).toBeLessThanOrEqual(201);
      expect(r.out).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('JSON Schema for pack authors', () => {
  it('is in sync with the zod schema (run npm run pack:schema after changing it)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'assets/pack.schema.json'), 'utf8')).toBe(packJsonSchema());
  });
});
