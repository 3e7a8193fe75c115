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

    async 'pack.preview'({ text }) {
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
    },

    async 'pack.import'({ text, discreet }) {
      const r = parsePackText(text);
      if (!r.ok) return { ok: false, summary: packRefusalText(r.reason), errors: r.errors.slice(0, 500) };
      const outcome = await asStorageErrors(async () => installPack(await openDb(), r.pack, { bundled: false, discreet: discreet ?? true }));
      invalidate();
      return { ok: true, outcome, preview: preview(r), errors: [] };
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
