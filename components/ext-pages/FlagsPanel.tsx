import { useEffect, useState } from 'preact/hooks';
import type { Flag } from '@/utils/schema/flag';
import { send } from '@/utils/ext-pages/send';
import { downloadText } from '@/utils/ext-pages/download';
import { flagsToCsv, flagsToJson, flagsToMarkdown } from '@/utils/export/corrections';
import { safeFileName } from '@/utils/export/filename';
import './flags.css';

type Format = 'md' | 'json' | 'csv';
const FORMATS: { format: Format; label: string; mime: string }[] = [
  { format: 'md', label: 'Markdown', mime: 'text/markdown' },
  { format: 'json', label: 'JSON', mime: 'application/json' },
  { format: 'csv', label: 'CSV', mime: 'text/csv' },
];

/** The file, built here from the flags as listed: what the reader sees is what they send. */
function correctionsFile(flags: Flag[], format: Format, now: string): string {
  if (format === 'md') return flagsToMarkdown(flags, now);
  if (format === 'json') return flagsToJson(flags, now);
  // The byte-order mark tells spreadsheets the file is UTF-8.
  return '\uFEFF' + flagsToCsv(flags);
}

const KIND = { wrong: 'Wrong', outdated: 'Outdated' } as const;

/**
 * Every flag the reader made, with Remove, and the corrections file to send a pack's author. Flags
 * leave the browser only as this file, and only if the reader sends it.
 */
export function FlagsPanel() {
  const [flags, setFlags] = useState<Flag[] | null>(null);
  const [unreadable, setUnreadable] = useState(0);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = () =>
    send('flags.list', {}).then(
      (r) => {
        setFlags(r.flags);
        setUnreadable(r.unreadable);
      },
      (e) => setStatus({ kind: 'error', text: (e as Error).message }),
    );
  useEffect(() => void refresh(), []);

  const remove = async (f: Flag) => {
    try {
      await send('flag.delete', { id: f.id });
      setStatus({ kind: 'ok', text: `Removed the flag on “${f.factText}”.` });
    } catch (e) {
      setStatus({ kind: 'error', text: `Not removed: ${(e as Error).message}` });
    }
    await refresh();
  };

  const exportAs = (format: Format, mime: string) => {
    if (!flags?.length) return;
    const now = new Date().toISOString();
    const name = safeFileName(`backstory-corrections-${now.slice(0, 10)}`, format);
    downloadText(name, correctionsFile(flags, format, now), mime);
    setStatus({ kind: 'ok', text: `${flags.length} flag${flags.length === 1 ? '' : 's'} → ${name}` });
  };

  return (
    <section class="flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading">Your flags</h2>
      <p class="muted small">
        Facts you flagged as wrong or outdated in the side panel. They stay in this browser; export them as a corrections file to send to a pack’s author.
      </p>
      {flags === null ? null : flags.length === 0 ? (
        <p class="muted small">No flags yet. Flag a fact from the side panel’s timeline.</p>
      ) : (
        <>
          <ul class="plain flag-list">
            {flags.map((f) => (
              <li class="flag-row" key={f.id} data-flag={f.id}>
                <div>
                  <strong>{f.entityName}</strong> · <span class="badge">{KIND[f.kind]}</span>{' '}
                  <time class="small muted" dateTime={f.updatedAt}>
                    {new Date(f.updatedAt).toLocaleDateString()}
                  </time>
                </div>
                <p class="flag-fact" id={`flag-fact-${f.id}`}>
                  {f.factText}
                </p>
                <p class="flag-reason">
                  <span class="muted">Reason:</span> {f.reason}
                </p>
                <p class="small muted">
                  {f.packId} {f.packVersion}
                </p>
                <button type="button" onClick={() => remove(f)} aria-describedby={`flag-fact-${f.id}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <div role="group" aria-labelledby="flags-export-heading">
            <h3 id="flags-export-heading" class="small">
              Export corrections
            </h3>
            <div class="tabs">
              {FORMATS.map(({ format, label, mime }) => (
                <button key={format} type="button" onClick={() => exportAs(format, mime)}>
                  {label}
                </button>
              ))}
            </div>
          </div>
        </>
      )}
      {unreadable > 0 && (
        <p class="error" data-testid="unreadable-flags">
          {unreadable} stored flag{unreadable === 1 ? '' : 's'} could not be read and {unreadable === 1 ? 'is' : 'are'} neither shown nor exported.
        </p>
      )}
      {status && (
        <p class={status.kind} role="status">
          {status.text}
        </p>
      )}
    </section>
  );
}
