import type { PackInput } from '@/utils/schema/pack';
import type { Flag } from '@/utils/schema/flag';

/** A small valid pack; tests derive hostile variants from it. */
export function samplePack(overrides: Partial<PackInput> = {}): PackInput {
  return {
    schema: 1,
    id: 'test.sample',
    name: 'Sample',
    version: '1.0.0',
    languages: ['en', 'fr'],
    license: 'CC0-1.0',
    entities: [
      {
        id: 'acme',
        name: 'Acme Widgets',
        kind: 'organization',
        aliases: [{ text: 'Acme Widgets' }, { text: 'Acme', strength: 'weak' }],
        summary: { en: 'A maker of widgets.', fr: 'Un fabricant de gadgets.' },
        facts: [
          {
            id: 'acme.founded',
            text: { en: 'Founded in 1990.', fr: 'Fondée en 1990.' },
            date: '1990',
            attribution: 'reported',
            sourceIds: ['src-1'],
            key: true,
          },
        ],
        reviewed: '2026-11-01',
      },
    ],
    sources: [{ id: 'src-1', title: 'Acme history', publisher: 'Example News', url: 'https://example.org/acme', published: '2020-02-03', language: 'en' }],
    ...overrides,
  };
}

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/**
 * The parts of a pack built from the sample that tests edit: its first entity, that entity's first alias
 * and fact, and its first source (live references into `p`). Throws if a test has removed one.
 */
export function firstParts(p: PackInput) {
  const [entity] = p.entities;
  const [source] = p.sources;
  const [alias] = entity?.aliases ?? [];
  const [fact] = entity?.facts ?? [];
  if (!entity || !source || !alias || !fact) throw new Error('the pack has lost the first entity, alias, fact or source tests edit');
  return { entity, alias, fact, source };
}

/** A small valid note on the sample pack's entity. */
export const sampleNote = {
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  text: 'a note',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

/** A valid flag on the sample pack's first fact. */
export const sampleFlag = (over: Partial<Flag> = {}): Flag => ({
  id: 'test.sample:acme.founded',
  packId: 'test.sample',
  packVersion: '1.0.0',
  entityKey: 'test.sample:acme',
  entityName: 'Acme Widgets',
  factId: 'acme.founded',
  factText: 'Founded in 1990.',
  kind: 'wrong',
  reason: 'The registry says 1991.',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

type EntityInput = PackInput['entities'][number];

/** A fictional company for the end-to-end tests that import a pack of their own; each test brings its facts. */
export const globexEntity = (facts: EntityInput['facts']): EntityInput => ({
  id: 'globex',
  name: 'Globex Corporation',
  kind: 'organization',
  aliases: [{ text: 'Globex Corporation' }, { text: 'Globex', strength: 'weak' }],
  summary: { en: 'A fictional conglomerate used in tests.', fr: 'Un conglomérat fictif utilisé dans les tests.' },
  facts,
  reviewed: '2026-11-01',
});
