import {
  installPack,
  listPacks,
  removePack,
  PackConflictError,
  PackDowngradeError,
  planInstall,
  setPackEnabled,
  setPackDiscreet,
  isDiscreet,
} from './store/packs';
import { parsePackText, type PackResult } from '../schema/validate';
import { MessageError, type Handlers } from './dispatch';
import type { PackPreview } from '../messaging/protocol';
import { asMessageError, asStorageErrors, type BackgroundDeps, type HandlerKit } from './handlers-shared';
import { packRefusalText } from './refusals';
import { t } from '../i18n';
import { createPackUploads, UploadError } from './pack-uploads';
import { MAX_PACK_UPLOAD } from '../messaging/pack-upload-limits';

/** A refused upload step, for the page: `not-found` when the upload is gone (send the file again). */
function uploadRefusal(e: unknown): unknown {
  if (!(e instanceof UploadError)) return e;
  if (e.problem === 'unknown') return new MessageError('not-found', t('packUpload.lost'));
  if (e.problem === 'too-large') return new MessageError('bad-request', t('packUpload.tooLarge', { max: String(MAX_PACK_UPLOAD / 1048576) }));
  return new MessageError('bad-request', t('packUpload.broken', { reason: e.problem }));
}

function uploadStep<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw uploadRefusal(e);
  }
}

function preview(r: PackResult & { ok: true }): PackPreview {
  const p = r.pack;
  return {
    id: p.id,
    name: p.name,
    version: p.version,
    entities: p.entities.length,
    facts: p.entities.reduce((n, e) => n + e.facts.length, 0),
    sources: p.sources.length,
    aliases: p.entities.reduce((n, e) => n + e.aliases.length, 0),
  };
}

/** The options page's packs: list, preview, import, remove, enable, discreet. Every change drops the dictionary cache. */
export function createPackHandlers(deps: BackgroundDeps, { openDb, invalidate }: HandlerKit) {
  // Held by this worker only: a restarted worker has none, and the page is told to send again.
  const uploads = createPackUploads();

  const previewText = async (text: string) => {
    const r = parsePackText(text);
    if (!r.ok) return { ok: false, summary: packRefusalText(r.reason), errors: r.errors.slice(0, 500) };
    // The preview refuses what the import would refuse, so the reader learns it before confirming.
    try {
      const planned = await planInstall(await openDb(), r.pack, { bundled: false });
      return { ok: true, preview: { ...preview(r), ...planned }, errors: [] };
    } catch (e) {
      if (!(e instanceof PackConflictError)) throw asMessageError(e);
      return { ok: false, summary: e.message, errors: [{ path: e instanceof PackDowngradeError ? 'version' : 'id', message: e.message }] };
    }
  };

  const importText = async (text: string, discreet: boolean | undefined) => {
    const r = parsePackText(text);
    if (!r.ok) return { ok: false, summary: packRefusalText(r.reason), errors: r.errors.slice(0, 500) };
    const outcome = await asStorageErrors(async () => installPack(await openDb(), r.pack, { bundled: false, discreet: discreet ?? true }));
    invalidate();
    return { ok: true, outcome, preview: preview(r), errors: [] };
  };

  return {
    async 'packs.list'() {
      const packs = await listPacks(await openDb());
      return {
        packs: packs.map((p) => ({
          id: p.id,
          name: p.name,
          version: p.version,
          bundled: p.bundled,
          enabled: p.enabled,
          discreet: isDiscreet(p),
          entityCount: p.entityCount,
          factCount: p.factCount,
          sourceCount: p.sourceCount,
          languages: p.languages,
          license: p.license,
        })),
        seedProblem: deps.seedProblem?.() ?? null,
      };
    },

    'pack.preview': ({ text }) => previewText(text),

    'pack.import': ({ text, discreet }) => importText(text, discreet),

    'pack.upload.begin'({ chars, chunks }) {
      return { uploadId: uploadStep(() => uploads.begin(chars, chunks)) };
    },

    'pack.upload.chunk'({ uploadId, index, text }) {
      return uploadStep(() => uploads.chunk(uploadId, index, text));
    },

    async 'pack.upload.commit'({ uploadId, action, discreet }) {
      const text = uploadStep(() => uploads.take(uploadId));
      return action === 'import' ? importText(text, discreet) : previewText(text);
    },

    'pack.upload.abort'({ uploadId }) {
      uploads.abort(uploadId);
      return {};
    },

    async 'pack.remove'({ id }) {
      const db = await openDb();
      const rec = await db.get('packs', id);
      if (!rec) throw new MessageError('not-found', t('packs.gone'));
      await asStorageErrors(() => removePack(db, id));
      invalidate();
      return {};
    },

    async 'pack.enable'({ id, enabled }) {
      await asStorageErrors(async () => setPackEnabled(await openDb(), id, enabled));
      invalidate();
      return {};
    },

    async 'pack.discreet'({ id, discreet }) {
      await asStorageErrors(async () => setPackDiscreet(await openDb(), id, discreet));
      invalidate();
      return {};
    },
  } satisfies Partial<Handlers>;
}
