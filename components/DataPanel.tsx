import { useState } from 'preact/hooks';
import { send } from '@/utils/messaging/client';
import { MAX_PACK_TEXT } from '@/utils/messaging/protocol';

/** Restore a notes backup, and delete everything Backstory stored. */
export function DataPanel({ onChanged }: { onChanged: () => void }) {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const restore = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_PACK_TEXT) return setStatus({ kind: 'error', text: 'The file is too large to be a Backstory notes export.' });
    try {
      const r = await send('notes.import', { text: await file.text() });
      setStatus(r.ok ? { kind: 'ok', text: `Restored ${r.imported} note${r.imported === 1 ? '' : 's'}.` } : { kind: 'error', text: `Not restored: ${r.error}. Nothing was changed.` });
      onChanged();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  const wipe = async () => {
    if (!confirm('Delete all your notes, imported packs and settings? Export your notes first if you want to keep them.')) return;
    try {
      await send('data.deleteAll', { confirm: 'delete' });
      setStatus({ kind: 'ok', text: 'All your data was deleted. The bundled pack is installed again.' });
      onChanged();
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };

  return (
    <section class="data">
      <h2>Your data</h2>
      <p>
        <label>
          Restore notes from a JSON export: <input type="file" accept=".json,application/json" aria-label="Notes backup" onChange={(e) => restore((e.target as HTMLInputElement).files?.[0])} />
        </label>
      </p>
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
