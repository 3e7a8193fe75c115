import { describe, expect, it } from 'vitest';
import { openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPackTexts } from '@/utils/worker/store/seed';
import { removePack } from '@/utils/worker/store/packs';
import { samplePack } from '../support/packs';

let n = 0;
const freshDb = () => openBackstoryDB(`seed-texts-${n++}`);
const text = (version = '1.0.0') => JSON.stringify(samplePack({ version }));

describe('seeding the bundled packs from their text', () => {
  it('installs once, then skips parsing and validation while the same files are all installed', async () => {
    const db = await freshDb();
    const first = await seedBundledPackTexts(db, 'k1', async () => [text()]);
    expect(first).toMatchObject({ skipped: false, outcomes: { 'test.sample': 'installed' }, errors: [] });
    const again = await seedBundledPackTexts(db, 'k1', async () => [text()]);
    expect(again).toMatchObject({ skipped: true, outcomes: { 'test.sample': 'unchanged' } });
  });

  it('installs again when a file changes, or when an installed bundled pack went missing', async () => {
    const db = await freshDb();
    await seedBundledPackTexts(db, 'k1', async () => [text()]);
    expect(await seedBundledPackTexts(db, 'k2', async () => [text('1.1.0')])).toMatchObject({ skipped: false, outcomes: { 'test.sample': 'updated' } });
    await removePack(db, 'test.sample');
    expect(await seedBundledPackTexts(db, 'k2', async () => [text('1.1.0')])).toMatchObject({ skipped: false, outcomes: { 'test.sample': 'installed' } });
  });

  it('reports a file that is not JSON, and does not mark the seeding as done', async () => {
    const db = await freshDb();
    const r = await seedBundledPackTexts(db, 'k3', async () => ['{"schema": 2,', text()]);
    expect(r.errors[0]).toMatch(/^bundled pack 1: not valid JSON/);
    expect((await seedBundledPackTexts(db, 'k3', async () => ['{"schema": 2,', text()])).skipped).toBe(false);
  });
});
