import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { PageEntity } from '@/utils/messaging/protocol';
import type { Mute } from '@/utils/schema/mute';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';
import { mutedNotice } from './panel-strings';
import './mutes.css';

type Status = { kind: 'muted'; mute: Mute } | { kind: 'unmuted'; name: string } | { kind: 'error'; text: string } | null;

/**
 * Muting from a list of the page's entities (the side panel): a "Not this one" menu per row, and the
 * notice with Undo above the list, which stays when the muted row leaves it. `host` is the page's
 * site; without one (no page, or a page without a site) there is nothing to mute on.
 */
export function useEntityMuting(host: string | null | undefined) {
  const [status, setStatus] = useState<Status>(null);
  if (!host) return { notice: null, controls: () => null };

  const mute = async (e: PageEntity, scope: Mute['scope']) => {
    try {
      const { mute } = await send('mute.add', { key: e.key, scope, ...(scope === 'site' ? { host } : {}) });
      setStatus({ kind: 'muted', mute });
    } catch (err) {
      setStatus({ kind: 'error', text: `${t('panel.muteFailed')} ${(err as Error).message}` });
    }
  };
  const undo = async (m: Mute) => {
    try {
      await send('mute.remove', { id: m.id });
      setStatus({ kind: 'unmuted', name: m.entityName });
    } catch (err) {
      setStatus({ kind: 'error', text: `${t('panel.muteFailed')} ${(err as Error).message}` });
    }
  };

  let notice: ComponentChildren = null;
  if (status?.kind === 'muted')
    notice = (
      <p class="mute-notice small" role="status">
        <span>{mutedNotice(status.mute.entityName, status.mute.scope)}</span>
        <button type="button" onClick={() => undo(status.mute)}>
          {t('panel.undo')}
        </button>
      </p>
    );
  else if (status?.kind === 'unmuted')
    notice = (
      <p class="mute-notice small" role="status">
        {t('panel.unmutedNotice', { name: status.name })}
      </p>
    );
  else if (status?.kind === 'error')
    notice = (
      <p class="error small" role="alert">
        {status.text}
      </p>
    );

  const controls = (e: PageEntity) => (
    <details class="mute-menu">
      <summary>{t('panel.notThisOne')}</summary>
      <button type="button" onClick={() => mute(e, 'site')}>
        {t('panel.muteOnSite')}
      </button>
      <button type="button" onClick={() => mute(e, 'everywhere')}>
        {t('panel.muteEverywhere')}
      </button>
    </details>
  );
  return { notice, controls };
}
