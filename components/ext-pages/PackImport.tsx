import { useState } from 'preact/hooks';
import { sendPackText } from '@/utils/ext-pages/send-pack';
import { MAX_PACK_UPLOAD } from '@/utils/messaging/pack-upload-limits';
import type { PackPreview } from '@/utils/messaging/protocol';
import { formatNumber, plural, t, uiLang } from '@/utils/i18n';

interface Problem {
  path: string;
  message: string;
}

/** A refused file: one sentence saying what is wrong, then the precise problems (when there are any). */
interface Refusal {
  summary: string;
  problems: Problem[];
}

const MB = 1048576;
const megabytes = (bytes: number) => new Intl.NumberFormat(uiLang(), { maximumFractionDigits: 1 }).format(bytes / MB);

/** Pick a file → full validation and preview → confirm → one all-or-nothing write. */
export function PackImport({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [result, setResult] = useState<string | null>(null);
  // Discreet by default: an imported pack is often the reader's own research.
  const [discreet, setDiscreet] = useState(true);
  // Percent of the file sent to the worker, while a big file travels in chunks.
  const [sending, setSending] = useState<number | null>(null);
  const progress = (sent: number, total: number) => setSending(total ? Math.floor((sent / total) * 100) : 100);

  const refuse = (summary: string, problems: Problem[] = []) => setRefusal({ summary, problems });

  const pick = async (file: File | undefined) => {
    setPreview(null);
    setRefusal(null);
    setResult(null);
    setText(null);
    setDiscreet(true);
    if (!file) return;
    setFileName(file.name);
    // Checked before reading: a huge file is refused without loading it.
    if (file.size > MAX_PACK_UPLOAD) return refuse(t('packs.tooLarge', { size: megabytes(file.size), max: megabytes(MAX_PACK_UPLOAD) }));
    let body: string;
    try {
      body = await file.text();
    } catch (e) {
      return refuse(t('packs.unreadableFile', { reason: (e as Error).message }));
    }
    try {
      const r = await sendPackText(body, 'preview', { onProgress: progress });
      if (r.ok && r.preview) {
        setPreview(r.preview);
        setText(body);
      } else refuse(r.summary ?? t('packs.invalid'), r.errors);
    } catch (e) {
      refuse(t('packs.checkFailed', { reason: (e as Error).message }));
    } finally {
      setSending(null);
    }
  };

  const confirm = async () => {
    if (!text) return;
    try {
      const r = await sendPackText(text, 'import', { discreet, onProgress: progress });
      if (!r.ok) refuse(r.summary ?? t('packs.invalid'), r.errors);
      else {
        setResult(r.outcome === 'unchanged' ? t('packs.unchanged') : t('packs.imported', { name: r.preview?.name ?? '', version: r.preview?.version ?? '' }));
        setPreview(null);
        setText(null);
        onImported();
      }
    } catch (e) {
      refuse(t('packs.importFailed', { reason: (e as Error).message }));
    } finally {
      setSending(null);
    }
  };

  return (
    <section class="import">
      <h2>{t('packs.importHeading')}</h2>
      <input
        type="file"
        accept=".json,application/json"
        aria-label={t('packs.fileLabel')}
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Emptied once taken: choosing the same file again (fixed in an editor meanwhile) is a new
          // choice the browser reports, and it is read and checked afresh. The File keeps its contents.
          input.value = '';
          void pick(file);
        }}
      />
      {sending !== null && <p role="status">{t('packUpload.sending', { percent: formatNumber(sending) })}</p>}
      {preview && (
        <div class="ok preview" data-testid="pack-preview">
          <p>
            <strong>{preview.name}</strong>{' '}
            {t('packs.preview', {
              version: preview.version,
              id: preview.id,
              entities: plural('packs.entities', preview.entities),
              aliases: plural('packs.aliases', preview.aliases),
              facts: plural('common.facts', preview.facts),
              sources: plural('packs.sources', preview.sources),
            })}
          </p>
          {preview.outcome === 'unchanged' && <p>{t('packs.previewUnchanged')}</p>}
          {preview.outcome === 'updated' && (
            <p>
              {preview.installedVersion === preview.version
                ? t('packs.replacesSameVersion', { version: preview.installedVersion ?? '' })
                : t('packs.replaces', { version: preview.installedVersion ?? '' })}
            </p>
          )}
          <label>
            <input type="checkbox" checked={discreet} onChange={(e) => setDiscreet((e.target as HTMLInputElement).checked)} /> {t('packs.discreetChoice')}
          </label>
          <button class="primary" type="button" onClick={confirm} disabled={sending !== null}>
            {t('packs.import')}
          </button>
        </div>
      )}
      {refusal && (
        <div class="error" data-testid="pack-errors">
          <p>
            <strong data-testid="pack-refusal">{refusal.summary}</strong> {t('packs.notImported', { file: fileName })}
          </p>
          {refusal.problems.length > 0 && (
            <>
              <p>{plural('packs.problemsFound', refusal.problems.length)}</p>
              <ul>
                {refusal.problems.map((e, i) => (
                  <li key={i}>
                    <code>{e.path}</code>: {e.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {result && (
        <p class="ok" role="status">
          {result}
        </p>
      )}
    </section>
  );
}
