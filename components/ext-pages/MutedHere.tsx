import { useEffect, useState } from 'preact/hooks';
import type { Mute } from '@/utils/schema/mute';
import { send } from '@/utils/ext-pages/send';
import { plural, t } from '@/utils/i18n';
import { muteWhereText } from './panel-strings';
import './mutes.css';

/**
 * The popup's line on muted names: how many are muted on this site (its own mutes and the everywhere
 * ones), which ones, and Unmute for each. Muted names are not in the page's list above it; an
 * unmuted name comes back to it when the tab has re-counted (the popup watches the tab's state).
 */
export function MutedHere({ host }: { host: string | null | undefined }) {
  const [mutes, setMutes] = useState<Mute[]>([]);
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () => {
    if (!host) return;
    send('mutes.list', { host }).then(
      (r) => setMutes(r.mutes),
      (e) => setStatus({ kind: 'error', text: (e as Error).message }),
    );
  };
  useEffect(refresh, [host]);

  const unmute = async (m: Mute) => {
    try {
      await send('mute.remove', { id: m.id });
      setStatus({ kind: 'ok', text: t('panel.unmutedNotice', { name: m.entityName }) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${t('panel.muteFailed')} ${(e as Error).message}` });
    }
    refresh();
  };

  if (!host || (!mutes.length && !status)) return null;
  return (
    <section class="mutes" aria-label={t('panel.mutesHeading')}>
      {mutes.length > 0 && (
        <p class="small muted" data-testid="muted-here">
          {plural('panel.mutedHere', mutes.length)}{' '}
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(open ? 'panel.hideMuted' : 'panel.showMuted')}
          </button>
        </p>
      )}
      {open && mutes.length > 0 && (
        <ul class="plain small">
          {mutes.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.entityName}</strong> · {muteWhereText(m, host)}
              </span>
              <button type="button" onClick={() => unmute(m)}>
                {t('panel.unmute')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {status && (
        <p class={`small ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
