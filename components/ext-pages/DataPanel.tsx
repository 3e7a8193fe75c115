import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { MAX_PACK_TEXT } from '@/utils/messaging/protocol';
import { safeFileName } from '@/utils/export/filename';
import { downloadText } from '@/utils/ext-pages/download';

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
    if (!confirm(`Delete ${n} unreadable note${n === 1 ? '' : 's'}? Download them first if you want to keep them.`)) return;
    try {
      const r = await send('notes.quarantined.delete', { count: n });
      setStatus({ kind: 'ok', text: `Deleted ${r.deleted} unreadable note${r.deleted === 1 ? '' : 's'}.` });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
    changed();
  };

  const restore = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PACK_TEXT) return setStatus({ kind: 'error', text: 'The file is too large to be a Backstory notes export.' });
    try {
      const r = await send('notes.import', { text: await file.text() });
      setStatus(
        r.ok
          ? { kind: 'ok', text: `Restored ${r.imported} note${r.imported === 1 ? '' : 's'}.` }
          : { kind: 'error', text: `Not restored: ${r.error}. Nothing was changed.` },
      );
      changed();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  const wipe = async () => {
    if (!confirm('Delete all your notes, flags, imported packs and settings? Export your notes and corrections first if you want to keep them.')) return;
    try {
      await send('data.deleteAll', { confirm: 'delete' });
      setStatus({ kind: 'ok', text: 'All your data was deleted. The bundled pack is installed again.' });
      changed();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <section class="data">
      <h2>Your data</h2>
      <p>
        <label>
          Restore notes from a JSON export:{' '}
          <input type="file" accept=".json,application/json" aria-label="Notes backup" onChange={(e) => restore((e.target as HTMLInputElement).files?.[0])} />
        </label>
      </p>
      {unreadable.length > 0 && (
        <div class="error" data-testid="unreadable-notes">
          <p>
            Unreadable notes: {unreadable.length}. These stored rows do not match the note format, so they are neither shown nor exported; they stay until you
            delete them.
          </p>
          <button type="button" onClick={saveUnreadable}>
            Download as JSON
          </button>{' '}
          <button type="button" onClick={dropUnreadable}>
            Delete unreadable notes
          </button>
        </div>
      )}
      <p>
        <button type="button" onClick={wipe}>
          Delete all my data
        </button>
      </p>
      {status && (
        <p class={status.kind} role="alert">
          {status.text}
        </p>
      )}
    </section>
  );
}
