import { useEffect, useState } from 'preact/hooks';
import type { Flag } from '@/utils/schema/flag';
import { send } from '@/utils/ext-pages/send';
import { downloadText } from '@/utils/ext-pages/download';
import { flagsToCsv, flagsToJson, flagsToMarkdown } from '@/utils/export/corrections';
import { safeFileName } from '@/utils/export/filename';
import { plural, t, uiLang } from '@/utils/i18n';
import './flags.css';

type Format = 'md' | 'json' | 'csv';
const FORMATS: { format: Format; label: () => string; mime: string }[] = [
  { format: 'md', label: () => t('data.formatMarkdown'), mime: 'text/markdown' },
  { format: 'json', label: () => t('data.formatJson'), mime: 'application/json' },
  { format: 'csv', label: () => t('data.formatCsv'), mime: 'text/csv' },
];

/** The file, built here from the flags as listed: what the reader sees is what they send. */
function correctionsFile(flags: Flag[], format: Format, now: string): string {
  if (format === 'md') return flagsToMarkdown(flags, now);
  if (format === 'json') return flagsToJson(flags, now);
  // The byte-order mark tells spreadsheets the file is UTF-8.
  return '\uFEFF' + flagsToCsv(flags);
}

const KIND = { wrong: () => t('panel.flagWrong'), outdated: () => t('panel.flagOutdated') } as const;

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
      setStatus({ kind: 'ok', text: t('options.flagRemoved', { fact: f.factText }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('options.flagNotRemoved', { reason: (e as Error).message }) });
    }
    await refresh();
  };

  const exportAs = (format: Format, mime: string) => {
    if (!flags?.length) return;
    const now = new Date().toISOString();
    const name = safeFileName(`backstory-corrections-${now.slice(0, 10)}`, format);
    downloadText(name, correctionsFile(flags, format, now), mime);
    setStatus({ kind: 'ok', text: plural('options.flagsExported', flags.length, { file: name }) });
  };

  return (
    <section class="flags" aria-labelledby="flags-heading">
      <h2 id="flags-heading">{t('options.flagsHeading')}</h2>
      <p class="muted small">{t('options.flagsIntro')}</p>
      {flags === null ? null : flags.length === 0 ? (
        <p class="muted small">{t('options.noFlags')}</p>
      ) : (
        <>
          <ul class="plain flag-list">
            {flags.map((f) => (
              <li class="flag-row" key={f.id} data-flag={f.id}>
                <div>
                  <strong>{f.entityName}</strong> · <span class="badge">{KIND[f.kind]()}</span>{' '}
                  <time class="small muted" dateTime={f.updatedAt}>
                    {new Date(f.updatedAt).toLocaleDateString(uiLang())}
                  </time>
                </div>
                <p class="flag-fact" id={`flag-fact-${f.id}`}>
                  {f.factText}
                </p>
                <p class="flag-reason">
                  <span class="muted">{t('options.flagReason')}</span> {f.reason}
                </p>
                <p class="small muted">
                  {f.packId} {f.packVersion}
                </p>
                <button type="button" onClick={() => remove(f)} aria-describedby={`flag-fact-${f.id}`}>
                  {t('panel.remove')}
                </button>
              </li>
            ))}
          </ul>
          <div role="group" aria-labelledby="flags-export-heading">
            <h3 id="flags-export-heading" class="small">
              {t('options.exportCorrections')}
            </h3>
            <div class="tabs">
              {FORMATS.map(({ format, label, mime }) => (
                <button key={format} type="button" onClick={() => exportAs(format, mime)}>
                  {label()}
                </button>
              ))}
            </div>
          </div>
        </>
      )}
      {unreadable > 0 && (
        <p class="error" data-testid="unreadable-flags">
          {plural('options.unreadableFlags', unreadable)}
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
