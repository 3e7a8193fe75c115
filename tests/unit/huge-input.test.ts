import { describe, expect, it } from 'vitest';
import { parsePackText, validatePack } from '@/utils/schema/validate';
import { parseNotesJson } from '@/utils/export/json';
import { MAX_PROBLEMS } from '@/utils/schema/problems';
import { clone, firstParts, samplePack } from '../support/packs';

const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** Runs the validator the way the extension does and keeps what a reader would see. */
function report(value: unknown) {
  const r = validatePack(value);
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.errors;
}

describe('huge invalid inputs (issue #8.5)', () => {
  it('30,000 empty entities: a capped report with the true total, no throw', () => {
    const errors = report({ ...samplePack(), entities: many(30_000, () => ({})) });
    expect(errors.length).toBe(MAX_PROBLEMS + 1);
    expect(errors[0]).toEqual({ path: 'entities[0].id', message: 'is required' });
    // Seven required keys per entity: 210,000 problems, of which MAX_PROBLEMS are listed.
    expect(errors.at(-1)).toEqual({ path: '(root)', message: `and ${7 * 30_000 - MAX_PROBLEMS} more problems not listed` });
  });

  it('the same from pack text (the import preview path)', () => {
    const r = parsePackText(JSON.stringify({ ...samplePack(), entities: many(30_000, () => ({})) }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBe(MAX_PROBLEMS + 1);
  });

  it('30,000 empty sources', () => {
    const errors = report({ ...samplePack(), sources: many(30_000, () => ({})) });
    expect(errors.length).toBe(MAX_PROBLEMS + 1);
    expect(errors.at(-1)!.message).toMatch(/^and \d+ more problems not listed$/);
  });

  // Nested lists and records are read inside one entity: each must be refused by its length alone.
  const nested: [string, (p: ReturnType<typeof samplePack>) => void, string][] = [
    ['aliases', (p) => void (firstParts(p).entity.aliases = many(300_000, () => ({}) as never)), 'entities[0].aliases'],
    ['facts', (p) => void (firstParts(p).entity.facts = many(100_000, () => ({}) as never)), 'entities[0].facts'],
    ['sourceIds', (p) => void (firstParts(p).fact.sourceIds = many(300_000, () => 0 as never)), 'entities[0].facts[0].sourceIds'],
    ['disputedBy', (p) => void (firstParts(p).fact.disputedBy = many(300_000, () => 0 as never)), 'entities[0].facts[0].disputedBy'],
    ['related', (p) => void (firstParts(p).entity.related = many(300_000, () => 0 as never)), 'entities[0].related'],
    ['summary keys', (p) => void (firstParts(p).entity.summary = Object.fromEntries(many(300_000, (i) => [`k${i}`, '']))), 'entities[0].summary'],
    ['fact text keys', (p) => void (firstParts(p).fact.text = Object.fromEntries(many(300_000, (i) => [`k${i}`, '']))), 'entities[0].facts[0].text'],
    ['languages', (p) => void (p.languages = many(300_000, () => 0 as never)), 'languages'],
    ['description keys', (p) => void (p.description = Object.fromEntries(many(300_000, (i) => [`k${i}`, '']))), 'description'],
  ];
  it.each(nested)('300,000 bad items in %s: one problem, at the list', (_name, spoil, path) => {
    const p = clone(samplePack());
    spoil(p);
    const errors = report(p);
    expect(errors.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
    expect(errors.map((e) => e.path)).toContain(path);
  });

  it('entities as bad as the per-entity limits allow: still a report, not a crash', () => {
    // Every field wrong, every list and language map at its limit: about 36,000 issues per entity.
    const langs = () => Object.fromEntries(many(20, (i) => [`K${i}`, 1]));
    const fact = () => ({
      id: 1,
      text: langs(),
      date: 1,
      attribution: 1,
      sourceIds: many(20, () => 1),
      disputedBy: many(20, () => 1),
      quote: { text: 1, lang: 1, by: 1, x: 1 },
      key: 'x',
      x: 1,
    });
    const alias = () => ({ text: 1, lang: 1, strength: 1, caseSensitive: 1, misspelling: 1, former: 1, x: 1 });
    const entity = {
      id: 1,
      name: 1,
      kind: 1,
      aliases: many(200, alias),
      summary: langs(),
      facts: many(500, fact),
      related: many(50, () => 1),
      wikidata: 1,
      reviewed: 1,
      x: 1,
    };
    const errors = report({ ...samplePack(), entities: many(5, () => entity) });
    expect(errors.length).toBe(MAX_PROBLEMS + 1);
  });

  it('more entities than a pack may hold: refused by the count, items unread', () => {
    const errors = report({ ...samplePack(), entities: many(250_000, () => ({})) });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('entities');
  });

  it('integrity problems are capped too', () => {
    const p = clone(samplePack());
    const { entity, fact } = firstParts(p);
    p.entities = many(5_000, (i) => ({ ...entity, id: `e${i}`, facts: [{ ...fact, id: `f${i}`, sourceIds: ['missing'] }] }));
    const errors = report(p);
    expect(errors.length).toBe(MAX_PROBLEMS + 1);
    expect(errors.at(-1)!.message).toBe(`and ${5_000 - MAX_PROBLEMS} more problems not listed`);
  });
});

describe('notes backup with huge invalid content', () => {
  it('30,000 bad notes: a validation report, not "not valid JSON"', () => {
    const r = parseNotesJson(
      JSON.stringify({ format: 'backstory-notes', version: 1, exportedAt: '2026-11-26T00:00:00.000Z', notes: many(30_000, () => ({})) }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBe(MAX_PROBLEMS + 1);
    expect(r.problems[0]?.path).toBe('notes[0].id');
    expect(r.problems.some((p) => /not valid JSON/.test(p.message))).toBe(false);
  });

  it('malformed text is still "not valid JSON"', () => {
    const r = parseNotesJson('{"format":');
    expect(!r.ok && r.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});
