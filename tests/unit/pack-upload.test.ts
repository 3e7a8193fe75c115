import { describe, expect, it } from 'vitest';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { createPackUploads, UploadError } from '@/utils/worker/pack-uploads';
import { MAX_PACK_UPLOAD, PACK_CHUNK_CHARS } from '@/utils/messaging/pack-upload-limits';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { openBackstoryDB, type DB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { samplePack } from '../support/packs';

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof UploadError ? e.problem : e;
  }
  return 'no error';
};

/** `text` cut into `n` pieces of uneven size (the worker takes any size up to the chunk limit). */
const pieces = (text: string, n: number) => {
  const cuts = Array.from({ length: n - 1 }, (_, i) => Math.floor((text.length * (i + 1) * (i + 2)) / (n * (n + 1))));
  return [0, ...cuts, text.length].slice(1).map((end, i, ends) => text.slice(i ? ends[i - 1] : 0, end));
};

describe('pack uploads (assembly)', () => {
  it('assembles chunks sent in any order into the exact text, once', () => {
    const u = createPackUploads();
    const text = 'abcdefghij'.repeat(37);
    const parts = pieces(text, 5);
    const id = u.begin(text.length, parts.length);
    for (const i of [3, 0, 4, 2, 1]) u.chunk(id, i, parts[i] ?? '');
    expect(u.take(id)).toBe(text);
    // Used once: a second commit finds nothing.
    expect(problem(() => u.take(id))).toBe('unknown');
  });

  it('refuses a missing chunk at commit and drops the upload', () => {
    const u = createPackUploads();
    const id = u.begin(6, 3);
    u.chunk(id, 0, 'ab');
    u.chunk(id, 2, 'ef');
    expect(problem(() => u.take(id))).toBe('missing');
    expect(u.size()).toBe(0);
  });

  it('drops the upload on a duplicate chunk, an index past the end, or more text than announced', () => {
    const u = createPackUploads();
    const a = u.begin(4, 2);
    u.chunk(a, 0, 'ab');
    expect(problem(() => u.chunk(a, 0, 'ab'))).toBe('duplicate');
    expect(problem(() => u.chunk(a, 1, 'cd'))).toBe('unknown');
    const b = u.begin(4, 2);
    expect(problem(() => u.chunk(b, 2, 'ab'))).toBe('bad-index');
    const c = u.begin(4, 2);
    u.chunk(c, 0, 'abc');
    expect(problem(() => u.chunk(c, 1, 'de'))).toBe('overflow');
    expect(u.size()).toBe(0);
  });

  it('refuses an upload over the size limit, or announced in too few chunks to fit the chunk limit', () => {
    const u = createPackUploads();
    expect(problem(() => u.begin(MAX_PACK_UPLOAD + 1, 1000))).toBe('too-large');
    expect(problem(() => u.begin(PACK_CHUNK_CHARS * 2 + 1, 2))).toBe('too-many-chunks');
    expect(u.size()).toBe(0);
  });

  it('forgets an aborted upload and one left idle', () => {
    let now = 0;
    const u = createPackUploads(() => now, 1000);
    const a = u.begin(2, 1);
    u.abort(a);
    expect(problem(() => u.chunk(a, 0, 'ab'))).toBe('unknown');
    const b = u.begin(4, 2);
    u.chunk(b, 0, 'ab');
    now = 1001;
    expect(problem(() => u.chunk(b, 1, 'cd'))).toBe('unknown');
  });

  it('keeps at most three uploads, dropping the one untouched longest', () => {
    let now = 0;
    const u = createPackUploads(() => now);
    const ids = [1, 2, 3, 4].map(() => (now++, u.begin(2, 1)));
    expect(u.size()).toBe(3);
    expect(problem(() => u.chunk(ids[0] ?? '', 0, 'ab'))).toBe('unknown');
    expect(u.chunk(ids[3] ?? '', 0, 'ab')).toEqual({ received: 2 });
  });
});

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const page = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/options.html' };
const web = { id: 'ext', origin: 'https://news.example', url: 'https://news.example/a', tab: { id: 4, url: 'https://news.example/a' }, frameId: 0 };

function memoryArea() {
  const m = new Map<string, unknown>();
  return {
    get: async (k: string) => (m.has(k) ? { [k]: m.get(k) } : {}),
    set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => m.set(k, v)),
    remove: async (k: string) => void m.delete(k),
  };
}

let n = 0;
async function setup() {
  const db = await openBackstoryDB(`pack-upload-${n++}`);
  await seedBundledPacks(db, [samplePack()]);
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore(memoryArea()),
    settings: createSettingsStore(async () => db),
    browserLang: () => 'en-US',
    openSidePanelForTab: async () => 'sidePanel',
  };
  const h = createHandlers(deps);
  const call = (msg: unknown, sender: object = page) =>
    dispatch(h, msg, sender, env) as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
  /** Every record of every store: compared before and after, it shows nothing was written. */
  const dump = async (d: DB = db) => {
    const out: Record<string, unknown> = {};
    for (const name of [...d.objectStoreNames].sort()) out[name] = JSON.stringify(await d.getAll(name as never));
    return out;
  };
  const upload = async (text: string, n: number) => {
    const parts = pieces(text, n);
    const begun = await call({ type: 'pack.upload.begin', chars: text.length, chunks: parts.length });
    const uploadId = begun.data?.uploadId as string;
    for (const [index, part] of parts.entries()) expect(await call({ type: 'pack.upload.chunk', uploadId, index, text: part })).toMatchObject({ ok: true });
    return uploadId;
  };
  return { call, dump, upload };
}

describe('pack.upload.* (the worker)', () => {
  it('previews, then installs, a pack sent in several chunks', async () => {
    const { call, upload } = await setup();
    const text = JSON.stringify(samplePack({ id: 'user.big', name: 'Big' }));
    const previewed = await call({ type: 'pack.upload.commit', uploadId: await upload(text, 4), action: 'preview' });
    expect(previewed).toMatchObject({ ok: true, data: { ok: true, preview: { id: 'user.big', outcome: 'installed' } } });
    expect((await call({ type: 'packs.list' })).data.packs.map((p: { id: string }) => p.id)).not.toContain('user.big');
    const imported = await call({ type: 'pack.upload.commit', uploadId: await upload(text, 4), action: 'import', discreet: false });
    expect(imported).toMatchObject({ ok: true, data: { ok: true, outcome: 'installed' } });
    const listed = (await call({ type: 'packs.list' })).data.packs.find((p: { id: string }) => p.id === 'user.big');
    expect(listed).toMatchObject({ discreet: false });
  });

  it('leaves the store unchanged when the assembled pack is invalid, or a chunk is missing', async () => {
    const { call, dump, upload } = await setup();
    const before = await dump();
    const bad = samplePack({ id: 'user.bad' }) as { sources: { url: string }[] };
    if (bad.sources[0]) bad.sources[0].url = 'javascript:alert(1)';
    const r = await call({ type: 'pack.upload.commit', uploadId: await upload(JSON.stringify(bad), 3), action: 'import' });
    expect(r).toMatchObject({ ok: true, data: { ok: false, errors: [{ path: 'sources[0].url' }] } });
    // Valid JSON cut short: the last chunk never arrives.
    const text = JSON.stringify(samplePack({ id: 'user.cut' }));
    const begun = await call({ type: 'pack.upload.begin', chars: text.length, chunks: 2 });
    await call({ type: 'pack.upload.chunk', uploadId: begun.data.uploadId, index: 0, text: text.slice(0, 100) });
    const cut = await call({ type: 'pack.upload.commit', uploadId: begun.data.uploadId, action: 'import' });
    expect(cut).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringContaining('missing') } });
    expect(await dump()).toEqual(before);
  });

  it('tells the page to send again when the upload is unknown (a restarted worker), in a sentence', async () => {
    const { call } = await setup();
    const r = await call({ type: 'pack.upload.chunk', uploadId: 'u1-gone', index: 0, text: '{}' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Choose the file again/) } });
    const aborted = await call({ type: 'pack.upload.begin', chars: 2, chunks: 1 });
    await call({ type: 'pack.upload.abort', uploadId: aborted.data.uploadId });
    expect(await call({ type: 'pack.upload.commit', uploadId: aborted.data.uploadId, action: 'import' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('refuses a chunk over the chunk size and an upload over the limit at the schema, and web pages altogether', async () => {
    const { call } = await setup();
    const begun = await call({ type: 'pack.upload.begin', chars: PACK_CHUNK_CHARS + 1, chunks: 1 });
    expect(begun).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const ok = await call({ type: 'pack.upload.begin', chars: PACK_CHUNK_CHARS + 1, chunks: 2 });
    const big = await call({ type: 'pack.upload.chunk', uploadId: ok.data.uploadId, index: 0, text: 'x'.repeat(PACK_CHUNK_CHARS + 1) });
    expect(big).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call({ type: 'pack.upload.begin', chars: MAX_PACK_UPLOAD + 1, chunks: 300 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call({ type: 'pack.upload.begin', chars: 2, chunks: 1 }, web)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
