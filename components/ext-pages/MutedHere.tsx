import { useEffect, useState } from 'preact/hooks';
import type { Mute } from '@/utils/schema/mute';
import { send } from '@/utils/ext-pages/send';
import { mutedHereText, muteWhereText, panelText, unmutedNotice } from './panel-strings';
import './mutes.css';

/**
 * The popup's line on muted names: how many are muted on this site (its own mutes and the everywhere
 * ones), which ones, and Unmute for each. Muted names are not in the page's list above it; an
 * unmuted name comes back to it when the tab has re-counted (the popup watches the tab's state).
 */
export function MutedHere({ host, lang }: { host: string | null | undefined; lang: string }) {
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
      setStatus({ kind: 'ok', text: unmutedNotice(m.entityName, lang) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${panelText('muteFailed', lang)} ${(e as Error).message}` });
    }
    refresh();
  };

  if (!host || (!mutes.length && !status)) return null;
  return (
    <section class="mutes" aria-label={panelText('mutesHeading', lang)}>
      {mutes.length > 0 && (
        <p class="small muted" data-testid="muted-here">
          {mutedHereText(mutes.length, lang)}{' '}
          <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {panelText(open ? 'hideMuted' : 'showMuted', lang)}
          </button>
        </p>
      )}
      {open && mutes.length > 0 && (
        <ul class="plain small">
          {mutes.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.entityName}</strong> · {muteWhereText(m, lang, host)}
              </span>
              <button type="button" onClick={() => unmute(m)}>
                {panelText('unmute', lang)}
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
