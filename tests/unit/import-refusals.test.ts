import { describe, expect, it } from 'vitest';
import { setTestLocale } from '../support/i18n-setup';
import { createHandlers, type BackgroundDeps } from '@/utils/worker/handlers';
import { createTabStateStore } from '@/utils/worker/tab-state';
import { createSettingsStore } from '@/utils/worker/settings';
import { dispatch } from '@/utils/worker/dispatch';
import { describeStorageError, openBackstoryDB } from '@/utils/worker/store/db';
import { seedBundledPacks } from '@/utils/worker/store/seed';
import { notesRefusalText, packRefusalText } from '@/utils/worker/refusals';
import { notesToJson, parseNotesJson } from '@/utils/export/json';
import { parsePackText } from '@/utils/schema/validate';
import { samplePack, sampleNote } from '../support/packs';
import { memoryArea } from '../support/memory-area';

// A refused file is explained by one sentence in the reader's language, never by the validator's
// English ("format: Invalid input: expected "backstory-notes" … Unrecognized keys…").
const VALIDATOR_TEXT = /Invalid input|Unrecognized key|expected|format:/;

const env = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const page = { id: 'ext', origin: 'chrome-extension://ext', url: 'chrome-extension://ext/options.html' };
let n = 0;
async function setup() {
  const db = await openBackstoryDB(`refusals-${n++}`);
  await seedBundledPacks(db, [samplePack()]);
  const deps: BackgroundDeps = {
    db: async () => db,
    tabs: createTabStateStore(memoryArea()),
    settings: createSettingsStore(async () => db),
    browserLang: () => 'fr-FR',
    openSidePanelForTab: async () => 'sidePanel',
  };
  const h = createHandlers(deps);
  return { db, call: (msg: unknown) => dispatch(h, msg, page, env) };
}

const packFile = JSON.stringify(samplePack({ id: 'user.acme' }));
const notesFile = notesToJson([sampleNote], '2026-11-26T00:00:00.000Z');
/** An export whose one note lost its id: the right file, damaged. */
const damagedFile = JSON.stringify({ ...(JSON.parse(notesFile) as object), notes: [{ ...sampleNote, id: 42 }] });

describe('why a notes restore was refused', () => {
  it('tells the wrong file from a damaged export, whatever JSON it is', () => {
    const reason = (text: string) => {
      const r = parseNotesJson(text);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('hello')).toBe('not-json');
    expect(reason(packFile)).toBe('not-export');
    expect(reason('[]')).toBe('not-export');
    expect(reason('null')).toBe('not-export');
    expect(reason(JSON.stringify({ format: 'backstory-corrections', version: 1 }))).toBe('not-export');
    expect(reason(notesFile.replace('"version": 1', '"version": 2'))).toBe('newer-version');
    expect(reason(notesFile.replace('"version": 1', '"version": "one"'))).toBe('damaged');
    expect(reason(damagedFile)).toBe('damaged');
    expect(reason(notesFile)).toBe('ok');
  });

  it('says a pack file is not a notes export and what to pick instead, without validator text, in English and French', () => {
    const r = parseNotesJson(packFile);
    if (r.ok) throw new Error('a pack restored as notes');
    // The validator's own account, which the reader no longer sees.
    expect(r.problems.map((p) => `${p.path}: ${p.message}`).join('; ')).toMatch(VALIDATOR_TEXT);
    const en = notesRefusalText(r.reason, r.problems);
    expect(en).toBe(
      'Not restored: this file is not a Backstory notes export. Choose the .json file saved with “Export notes” → JSON; its name starts with “backstory-notes”. Nothing was changed.',
    );
    setTestLocale('fr-FR');
    const fr = notesRefusalText(r.reason, r.problems);
    expect(fr).toMatch(
      /^Non restauré : ce fichier n’est pas un export de notes Backstory\. Choisissez le fichier \.json enregistré avec « Exporter les notes »/,
    );
    expect(fr).toMatch(/Rien n’a été modifié\.$/);
    for (const text of [en, fr]) expect(text).not.toMatch(VALIDATOR_TEXT);
  });

  it('quotes only a damaged export’s first problems, after the sentence', () => {
    setTestLocale('fr-CA');
    const r = parseNotesJson(damagedFile, 5);
    if (r.ok) throw new Error('a damaged export restored');
    expect(notesRefusalText(r.reason, r.problems)).toMatch(/^Non restauré : cet export de notes est endommagé \(notes\[0\]\.id: .+\)\. Rien n’a été modifié/);
    expect(notesRefusalText('newer-version', [])).toBe(
      'Non restauré : cet export de notes a été fait par une version plus récente de Backstory. Mettez Backstory à jour, puis restaurez-le de nouveau. Rien n’a été modifié.',
    );
    expect(notesRefusalText('not-json', [])).toMatch(/ce n’est même pas du JSON/);
  });

  it('answers notes.import given a pack file with the French sentence, and keeps every note', async () => {
    setTestLocale('fr-FR');
    const { db, call } = await setup();
    expect(await call({ type: 'notes.import', text: notesFile })).toMatchObject({ ok: true, data: { ok: true, imported: 1 } });
    const r = await call({ type: 'notes.import', text: packFile });
    expect(r).toMatchObject({
      ok: true,
      data: { ok: false, imported: 0, error: expect.stringMatching(/^Non restauré : ce fichier n’est pas un export de notes/) },
    });
    expect(JSON.stringify(r)).not.toMatch(VALIDATOR_TEXT);
    expect(await db.count('notes')).toBe(1);
  });
});

describe('why a pack import was refused', () => {
  it('classifies the file', () => {
    const reason = (text: string) => {
      const r = parsePackText(text);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason('  \n')).toBe('empty');
    expect(reason('{"id": "x",')).toBe('not-json');
    expect(reason('[1, 2]')).toBe('not-pack');
    expect(reason('{"title": "my notes"}')).toBe('not-pack');
    expect(reason(notesFile)).toBe('notes-export');
    expect(reason(JSON.stringify({ ...samplePack(), sources: [] }))).toBe('invalid');
    expect(reason(packFile)).toBe('ok');
  });

  it('leads with a sentence in the reader’s language and keeps the precise problems', async () => {
    setTestLocale('fr-FR');
    expect(packRefusalText('notes-export')).toBe(
      'Ce fichier est un export de notes Backstory, pas un paquet de faits : restaurez-le sous « Vos données » plus bas.',
    );
    const { call } = await setup();
    const broken = samplePack({ id: 'user.acme' }) as { sources: { url: string }[] };
    broken.sources[0]!.url = 'ftp://example.org/acme';
    const r = await call({ type: 'pack.preview', text: JSON.stringify(broken) });
    expect(r).toMatchObject({
      ok: true,
      data: {
        ok: false,
        summary: 'Ce paquet de faits a des problèmes, listés ci-dessous : corrigez-les dans le fichier, puis importez-le de nouveau.',
        errors: [{ path: 'sources[0].url', message: 'must be an http or https URL' }],
      },
    });
    expect(await call({ type: 'pack.import', text: 'not json' })).toMatchObject({
      ok: true,
      data: { ok: false, summary: 'Ce fichier n’est pas un paquet de faits : ce n’est pas du JSON. Choisissez le fichier .json du paquet.' },
    });
  });

  it('says in French that an older version cannot replace the installed one, and that a removed pack is gone', async () => {
    setTestLocale('fr-FR');
    const { call } = await setup();
    const pack = (version: string) => JSON.stringify(samplePack({ id: 'user.pack', version }));
    await call({ type: 'pack.import', text: pack('1.2.0') });
    const older = 'La version 1.0.0 est plus ancienne que la version installée 1.2.0 : retirez d’abord le paquet installé pour revenir à celle-ci.';
    expect(await call({ type: 'pack.preview', text: pack('1.0.0') })).toMatchObject({ ok: true, data: { ok: false, summary: older } });
    expect(await call({ type: 'pack.import', text: pack('1.0.0') })).toEqual({ ok: false, error: { code: 'bad-request', message: older } });
    expect(await call({ type: 'pack.remove', id: 'user.gone' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Ce paquet n’est plus installé.' },
    });
  });
});

describe('storage errors', () => {
  it('are sentences in the reader’s language', () => {
    const full = new DOMException('quota exceeded', 'QuotaExceededError');
    expect(describeStorageError(full)).toBe('Storage is full: free disk space, then try again. Nothing was changed.');
    setTestLocale('fr-FR');
    expect(describeStorageError(full)).toBe('Le stockage est plein : libérez de l’espace disque, puis réessayez. Rien n’a été modifié.');
    expect(describeStorageError(new DOMException('x', 'AbortError'))).toBe('L’écriture a été interrompue et annulée. Rien n’a été modifié.');
    expect(describeStorageError(new Error('disk on fire'))).toBe('Erreur de stockage : disk on fire');
  });
});
