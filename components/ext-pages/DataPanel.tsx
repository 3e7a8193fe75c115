import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { MAX_PACK_TEXT } from '@/utils/messaging/protocol';
import { safeFileName } from '@/utils/export/filename';
import { downloadText } from '@/utils/ext-pages/download';
import { plural, t } from '@/utils/i18n';

/** Restore a notes backup, keep or drop unreadable notes, and delete everything Backstory stored. */
export function DataPanel({ onChanged }: { onChanged: () => void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [unreadable, setUnreadable] = useState<unknown[]>([]);
  const loadUnreadable = () =>
    send('notes.quarantined', {}).then(
      (r) => setUnreadable(r.rows),
      (e) => setStatus({ kind: 'error', text: (e as Error).message }),
    );
  useEffect(() => void loadUnreadable(), []);
  const changed = () => {
    onChanged();
    void loadUnreadable();
  };

  const saveUnreadable = () => {
    const now = new Date().toISOString();
    downloadText(
      safeFileName(`backstory-unreadable-notes-${now.slice(0, 10)}`, 'json'),
      JSON.stringify({ format: 'backstory-unreadable-notes', exportedAt: now, rows: unreadable }, null, 2) + '\n',
      'application/json',
    );
  };

  const dropUnreadable = async () => {
    const n = unreadable.length;
    if (!confirm(plural('data.confirmDeleteUnreadable', n))) return;
    try {
      const r = await send('notes.quarantined.delete', { count: n });
      setStatus({ kind: 'ok', text: plural('data.deletedUnreadable', r.deleted) });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
    changed();
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PACK_TEXT) return setStatus({ kind: 'error', text: t('data.restoreTooLarge') });
    try {
      const r = await send('notes.import', { text: await file.text() });
      // The worker says why a file was refused, whole and in the reader's language (utils/worker/refusals.ts).
      setStatus(r.ok ? { kind: 'ok', text: plural('data.restored', r.imported) } : { kind: 'error', text: r.error ?? '' });
      changed();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  const wipe = async () => {
    if (!confirm(t('data.confirmDeleteAll'))) return;
    try {
      await send('data.deleteAll', { confirm: 'delete' });
      setStatus({ kind: 'ok', text: t('data.deletedAll') });
      changed();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <section class="data">
      <h2>{t('data.heading')}</h2>
      <p>
        <label>
          {t('data.restoreLabel')}{' '}
          <input
            type="file"
            accept=".json,application/json"
            aria-label={t('data.backupLabel')}
            onChange={(e) => restore((e.target as HTMLInputElement).files?.[0])}
          />
        </label>
      </p>
      {unreadable.length > 0 && (
        <div class="error" data-testid="unreadable-notes">
          <p>{plural('data.unreadable', unreadable.length)}</p>
          <button type="button" onClick={saveUnreadable}>
            {t('data.downloadJson')}
          </button>{' '}
          <button type="button" onClick={dropUnreadable}>
            {t('data.deleteUnreadable')}
          </button>
        </div>
      )}
      <p>
        <button type="button" onClick={wipe}>
          {t('data.deleteAll')}
        </button>
      </p>
      {status && (
        // An error interrupts the screen reader; a success waits its turn.
        <p class={status.kind} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
