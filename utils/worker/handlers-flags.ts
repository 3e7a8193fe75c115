import { deleteFlag, listFlags, listFlagsByEntity, putFlag } from './store/flags';
import { flagId } from '../schema/flag';
import { MessageError, type Handlers } from './dispatch';
import { factTextAsShown, nameIn } from './views';
import { t } from '../i18n';
import { asStorageErrors, type BackgroundDeps, type HandlerKit } from './handlers-shared';

/**
 * The reader's flags on facts, for the side panel and the options page. Extension pages only: a flag
 * says what the reader doubts, which no web page may learn.
 */
export function createFlagHandlers(deps: BackgroundDeps, { openDb, entityOrThrow }: HandlerKit) {
  return {
    async 'flags.list'({ entityKey }) {
      const db = await openDb();
      return asStorageErrors(() => (entityKey ? listFlagsByEntity(db, entityKey) : listFlags(db)));
    },

    async 'flag.save'({ entityKey, factId, kind, reason, lang }) {
      // The snapshot (pack, version, names, the fact's words) comes from the store, never from the panel.
      const rec = await entityOrThrow(entityKey);
      const wanted = lang ?? deps.browserLang();
      const factText = factTextAsShown(rec.entity, factId, wanted);
      if (factText === undefined) throw new MessageError('not-found', t('errors.factGone'));
      const db = await openDb();
      const pack = await asStorageErrors(() => db.get('packs', rec.packId));
      const now = new Date(deps.now?.() ?? Date.now()).toISOString();
      const flag = {
        id: flagId(rec.packId, factId),
        packId: rec.packId,
        packVersion: pack?.version ?? '',
        entityKey: rec.key,
        // As the sheet showed it: the flag is a record of what the reader saw.
        entityName: nameIn(rec.entity.name, wanted),
        factId,
        factText,
        kind,
        reason,
        createdAt: now,
        updatedAt: now,
      };
      return { flag: await asStorageErrors(() => putFlag(db, flag)) };
    },

    async 'flag.delete'({ id }) {
      await asStorageErrors(async () => deleteFlag(await openDb(), id));
      return {};
    },
  } satisfies Partial<Handlers>;
}
