import { useEffect, useState } from 'preact/hooks';
import type { Mute } from '@/utils/schema/mute';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';
import { formatDay } from '@/utils/i18n/dates';
import { muteWhereText } from './panel-strings';
import './mutes.css';

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
      setStatus({ kind: 'ok', text: t('panel.unmutedNotice', { name: m.entityName }) });
    } catch (e) {
      setStatus({ kind: 'error', text: `${t('panel.muteFailed')} ${(e as Error).message}` });
    }
    await refresh();
  };

  return (
    <section class="mutes" aria-labelledby="mutes-heading">
      <h2 id="mutes-heading">{t('panel.mutesHeading')}</h2>
      <p class="muted small">{t('panel.mutesIntro')}</p>
      {mutes === null ? null : mutes.length === 0 ? (
        <p class="muted small">{t('panel.noMutes')}</p>
      ) : (
        <ul class="plain mute-list">
          {mutes.map((m) => (
            <li key={m.id} data-mute={m.id}>
              <span>
                <strong>{m.entityName}</strong> · {muteWhereText(m)} · {t('panel.since')}{' '}
                <time class="small muted" dateTime={m.createdAt}>
                  {formatDay(m.createdAt)}
                </time>
              </span>
              <button type="button" onClick={() => remove(m)}>
                {t('panel.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unreadable > 0 && (
        <p class="error small" data-testid="unreadable-mutes">
          {t('panel.unreadableMutes')}
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
