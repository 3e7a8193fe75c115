import { describe, expect, it } from 'vitest';
import { validatePack } from '@/utils/schema/validate';
import { earlierThan, numbersIn, strictCheck, unfitHost } from '@/utils/schema/strict';
import type { PackInput } from '@/utils/schema/pack';
import { clone, samplePack } from '../support/packs';

/** A format-2 pack that passes every strict rule; each test breaks one. */
function strictSample(): PackInput {
  const p = samplePack({ schema: 2 });
  p.entities[0]!.facts[0] = {
    id: 'acme.founded',
    text: { en: 'Acme was founded in 1990 with US$1.5 million.', fr: 'Acme a été fondée en 1990 avec 1,5 million de dollars.' },
    date: '1990',
    attribution: 'reported',
    sourceIds: ['src-1', 'src-2'],
    key: true,
    evidence: [
      { source: 'src-1', text: 'Acme, founded in 1990, raised $1,500,000 in its first year.', lang: 'en' },
      { source: 'src-2', text: 'Acme a été créée en 1990.', lang: 'fr' },
    ],
  };
  p.sources.push({ id: 'src-2', title: 'Acme à 30 ans', publisher: 'Exemple', url: 'https://exemple.fr/acme', published: '2020-05', language: 'fr' });
  return p;
}

function check(p: PackInput) {
  const r = validatePack(p);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return strictCheck(r.pack, '2026-12-01');
}
const messages = (ps: { path: string; message: string }[]) => ps.map((p) => `${p.path}: ${p.message}`);

describe('pack:check --strict rules', () => {
  it('passes a pack whose every fact is backed word for word', () => {
    expect(check(strictSample())).toEqual({ errors: [], warnings: [] });
  });

  it('refuses a fact without evidence', () => {
    const p = clone(strictSample());
    p.schema = 1;
    delete p.entities[0]!.facts[0]!.evidence;
    expect(messages(check(p).errors)).toEqual(['entities[0].facts[0].evidence: no evidence: quote what the source says']);
  });

  it('refuses a key fact resting only on copies', () => {
    const p = clone(strictSample());
    for (const s of p.sources) s.via = 'copies.example.net';
    expect(messages(check(p).errors)).toEqual([expect.stringMatching(/^entities\[0\]\.facts\[0\]\.sourceIds: a key fact rests only on copies/)]);
  });

  it('refuses plain-http links and staging, test, local and IP hosts', () => {
    for (const [url, why] of [
      ['http://example.org/acme', /plain http/],
      ['https://digital-stage.thehill.com/x', /staging/],
      ['https://stage.example.org/x', /staging/],
      ['https://localhost/x', /local or test/],
      ['https://news.test/x', /local or test/],
      ['https://192.168.1.4/x', /IP address/],
    ] as const) {
      const p = clone(strictSample());
      p.sources[0]!.url = url;
      expect(messages(check(p).errors), url).toEqual([expect.stringMatching(why)]);
    }
    const ok = clone(strictSample());
    ok.sources[0]!.readAt = 'http://digital-stage.thehill.com/copy';
    expect(check(ok).errors).toEqual([]);
  });

  it('refuses a source published before the event it reports, at their common precision', () => {
    const p = clone(strictSample());
    p.entities[0]!.facts[0]!.date = '2020-06';
    p.entities[0]!.facts[0]!.text = { en: 'Acme was founded with US$1.5 million.', fr: 'Acme a été fondée avec 1,5 million de dollars.' };
    expect(messages(check(p).errors)).toEqual([
      expect.stringMatching(/^entities\[0\]\.facts\[0\]\.date: source "src-1" was published \(2020-02-03\) before the event it reports \(2020-06\)/),
      expect.stringMatching(/source "src-2" was published \(2020-05\) before/),
    ]);
    expect(earlierThan('2020-05', '2020-05-31')).toBe(false);
    expect(earlierThan('2020-04-30', '2020-05')).toBe(true);
  });

  it('refuses an entity reviewed before a source it cites was published', () => {
    const p = clone(strictSample());
    p.entities[0]!.reviewed = '2020-03-01';
    expect(messages(check(p).errors)).toEqual([expect.stringMatching(/^entities\[0\]\.reviewed: 2020-03-01 is before source "src-2"/)]);
  });

  it('warns when a number in the text is in no excerpt', () => {
    const p = clone(strictSample());
    p.entities[0]!.facts[0]!.text.en = 'Acme was founded in 1990 with US$1.6 million.';
    expect(messages(check(p).warnings)).toEqual(['entities[0].facts[0].text.en: states 1600000, which no evidence excerpt of this fact states']);
  });

  it('warns on a key fact with one source and on a long excerpt', () => {
    const p = clone(strictSample());
    const f = p.entities[0]!.facts[0]!;
    f.sourceIds = ['src-1'];
    f.evidence = [{ source: 'src-1', text: `Acme, founded in 1990, raised $1,500,000 in its first year. ${'More. '.repeat(50)}`, lang: 'en' }];
    expect(messages(check(p).warnings)).toEqual([
      'entities[0].facts[0].sourceIds: a key fact with a single source',
      expect.stringMatching(/^entities\[0\]\.facts\[0\]\.evidence\[0\]\.text: excerpt is \d+ characters; keep it under 300/),
    ]);
  });

  it('reads numbers the way sources write them', () => {
    expect(numbersIn('about US$167.25 million')).toEqual([167250000]);
    expect(numbersIn('environ 167,25 millions de dollars')).toEqual([167250000]);
    expect(numbersIn('$167,254,000 and 117 044 people')).toEqual([167254000, 117044]);
    expect(numbersIn('20 milliards d’images, 30bn, 5.8M')).toEqual([20e9, 30e9, 5.8e6]);
    expect(numbersIn('le 1er juillet 2022, 11 fois')).toEqual([1, 2022, 11]);
    expect(numbersIn('COVID-19 and A4')).toEqual([19]);
    expect(numbersIn('tháng 8.2017')).toEqual([8.2017, 8, 2017]);
  });

  it('checks unfit hosts by their labels, not by substrings', () => {
    expect(unfitHost('https://www.stagecoach.com/x')).toBeUndefined();
    expect(unfitHost('https://en.wikipedia.org/wiki/Test')).toBeUndefined();
    expect(unfitHost('https://contest.example.co.uk/x')).toBeUndefined();
    expect(unfitHost('https://test.example.co.uk/x')).toMatch(/staging or test/);
  });
});

describe('format 2 in plain validation', () => {
  it('requires evidence on every fact, and each excerpt to cite one of its fact’s sources', () => {
    const p = clone(strictSample());
    delete p.entities[0]!.facts[0]!.evidence;
    const r = validatePack(p);
    expect(!r.ok && messages(r.errors)).toEqual(['entities[0].facts[0].evidence: is required from pack format 2 on: quote what the source says']);
    const q = clone(strictSample());
    q.entities[0]!.facts[0]!.evidence![0]!.source = 'src-9';
    const r2 = validatePack(q);
    expect(!r2.ok && messages(r2.errors)).toEqual(['entities[0].facts[0].evidence[0].source: "src-9" is not one of this fact\'s sourceIds']);
  });

  it('refuses an ellipsis inside an excerpt, accepts one at either end', () => {
    const p = clone(strictSample());
    p.entities[0]!.facts[0]!.evidence![0]!.text = '… Acme, founded in 1990 … raised $1,500,000…';
    const r = validatePack(p);
    expect(!r.ok && messages(r.errors)).toEqual(['entities[0].facts[0].evidence[0].text: an ellipsis is allowed only at the start or the end of an excerpt']);
    p.entities[0]!.facts[0]!.evidence![0]!.text = '… Acme, founded in 1990, raised $1,500,000...';
    expect(validatePack(p).ok).toBe(true);
  });

  it('still imports format-1 packs without evidence, and reads their archiveUrl as archived', () => {
    const p = samplePack();
    p.sources[0]!.archiveUrl = 'https://web.archive.org/web/2020/https://example.org/acme';
    const r = validatePack(p);
    expect(r.ok && r.pack.sources[0]).toMatchObject({ archived: 'https://web.archive.org/web/2020/https://example.org/acme' });
    expect(r.ok && 'archiveUrl' in r.pack.sources[0]!).toBe(false);
  });

  it('reports structural and cross-record errors in one pass', () => {
    const p = clone(samplePack());
    p.entities[0]!.kind = 'planet' as never;
    p.entities[0]!.facts[0]!.sourceIds = ['nowhere'];
    (p.sources[0] as { title: unknown }).title = 7;
    p.entities.push({ ...clone(p.entities[0]!), id: 'acme2', kind: 'organization', summary: { en: 'Only English.' } });
    const r = validatePack(p);
    expect(!r.ok && messages(r.errors)).toEqual([
      expect.stringMatching(/^entities\[0\]\.kind: /),
      expect.stringMatching(/^sources\[0\]\.title: /),
      'entities[1].facts[0].id: duplicate fact id "acme.founded" (first at entities[0].facts[0])',
      'entities[1].summary: missing the "fr" summary (the pack declares en, fr)',
      'entities[1].facts[0].sourceIds[0]: unknown source id "nowhere"',
    ]);
  });
});
