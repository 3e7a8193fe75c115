import { useEffect, useState } from 'preact/hooks';
import type { Mute } from '@/utils/schema/mute';
import { send } from '@/utils/ext-pages/send';
import { muteWhereText, panelText, unmutedNotice } from './panel-strings';
import { formatDate } from '../card/labels';
import './mutes.css';

const lang = navigator.language;

/** The options page's "Muted names": every mute (entity, where, since), with Remove; open tabs get the name back at once. */
export function MutesPanel() {
  const [mutes, setMutes] = useState<Mute[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () =>
    send('mutes.list', {}).then(
      (r) => {
        setMutes(r.mutes);
        setUnreadable(r.unreadable);
      },
      (e) => setStatus({ kind: 'error', text: (e as Error).message }),
    );
  useEffect(() => void refresh(), []);

  const remove = async (m: Mute) => {
    try {
      await send('mute.remove', { id: m.id });
      setStatus({ kind: 'ok', text: unmutedNotice(m.entityName, lang) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${panelText('muteFailed', lang)} ${(e as Error).message}` });
    }
    await refresh();
  };

  return (
    <section class="mutes" aria-labelledby="mutes-heading">
      <h2 id="mutes-heading">{panelText('mutesHeading', lang)}</h2>
      <p class="muted small">{panelText('mutesIntro', lang)}</p>
      {mutes === null ? null : mutes.length === 0 ? (
        <p class="muted small">{panelText('noMutes', lang)}</p>
      ) : (
        <ul class="plain mute-list">
          {mutes.map((m) => (
            <li key={m.id} data-mute={m.id}>
              <span>
                <strong>{m.entityName}</strong> · {muteWhereText(m, lang)} · {panelText('since', lang)}{' '}
                <time class="small muted" dateTime={m.createdAt}>
                  {formatDate(m.createdAt.slice(0, 10), lang)}
                </time>
              </span>
              <button type="button" onClick={() => remove(m)}>
                {panelText('remove', lang)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unreadable > 0 && (
        <p class="error small" data-testid="unreadable-mutes">
          {panelText('unreadableMutes', lang)}
        </p>
      )}
      {status && (
        <p class={status.kind} role={status.kind === 'error' ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
