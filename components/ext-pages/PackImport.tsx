import { useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import { MAX_PACK_TEXT, type PackPreview } from '@/utils/messaging/protocol';

interface Problem {
  path: string;
  message: string;
}

/** Pick a file → full validation and preview → confirm → one all-or-nothing write. */
export function PackImport({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<PackPreview | null>(null);
  const [errors, setErrors] = useState<Problem[]>([]);
  const [result, setResult] = useState<string | null>(null);
  // Discreet by default: an imported pack is often the reader's own research.
  const [discreet, setDiscreet] = useState(true);

  const pick = async (file: File | undefined) => {
    setPreview(null);
    setErrors([]);
    setResult(null);
    setText(null);
    setDiscreet(true);
    if (!file) return;
    setFileName(file.name);
    // Checked before reading: a huge file is refused without loading it.
    if (file.size > MAX_PACK_TEXT) {
      setErrors([{ path: '(file)', message: `the file is ${(file.size / 1048576).toFixed(1)} MB; packs are limited to ${MAX_PACK_TEXT / 1048576} MB` }]);
      return;
    }
    let body: string;
    try {
      body = await file.text();
    } catch (e) {
      setErrors([{ path: '(file)', message: (e as Error).message }]);
      return;
    }
    const r = await send('pack.preview', { text: body }).catch((e: Error) => ({
      ok: false,
      errors: [{ path: '(file)', message: e.message }],
      preview: undefined,
    }));
    if (r.ok && r.preview) {
      setPreview(r.preview);
      setText(body);
    } else setErrors(r.errors);
  };

  const confirm = async () => {
    if (!text) return;
    try {
      const r = await send('pack.import', { text, discreet });
      if (!r.ok) setErrors(r.errors);
      else {
        setResult(r.outcome === 'unchanged' ? 'This exact pack is already installed: nothing changed.' : `Imported ${r.preview?.name} ${r.preview?.version}.`);
        setPreview(null);
        setText(null);
        onImported();
      }
    } catch (e) {
      setErrors([{ path: '(store)', message: (e as Error).message }]);
    }
  };

  return (
    <section class="import">
      <h2>Import a pack</h2>
      <input
        type="file"
        accept=".json,application/json"
        aria-label="Pack file"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          // Emptied once taken: choosing the same file again (fixed in an editor meanwhile) is a new
          // choice the browser reports, and it is read and checked afresh. The File keeps its contents.
          input.value = '';
          void pick(file);
        }}
      />
      {preview && (
        <div class="ok preview" data-testid="pack-preview">
          <p>
            <strong>{preview.name}</strong> {preview.version} ({preview.id}): {preview.entities} entities, {preview.aliases} aliases, {preview.facts} facts,{' '}
            {preview.sources} sources.
          </p>
          {preview.outcome === 'unchanged' && <p>This exact pack is already installed: importing changes nothing.</p>}
          {preview.outcome === 'updated' && (
            <p>
              Replaces the installed version {preview.installedVersion}
              {preview.installedVersion === preview.version ? ' (same version number, different content)' : ''}.
            </p>
          )}
          <label>
            <input type="checkbox" checked={discreet} onChange={(e) => setDiscreet((e.target as HTMLInputElement).checked)} /> Discreet: never highlight this
            pack’s names in web pages. They are listed in the popup and side panel only, so no page can find out which names the pack holds.
          </label>
          <button class="primary" type="button" onClick={confirm}>
            Import
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <div class="error" data-testid="pack-errors">
          <p>
            {fileName} was not imported: {errors.length} problem{errors.length === 1 ? '' : 's'}. Nothing was changed.
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
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
