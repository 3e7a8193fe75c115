import { useEffect, useRef, useState } from 'preact/hooks';
import type { PackView } from '@/utils/messaging/protocol';
import { send } from '@/utils/ext-pages/send';
import { packCounts, packRemoveQuestion, panelText } from './panel-strings';

/**
 * The installed packs, each with Enable/Disable, discreet or highlighted, and Remove for imported
 * ones. Removing asks first, in the row itself: what goes, what stays (the reader's notes), and how
 * to get the pack back.
 */
export function PackList({ packs, lang, act }: { packs: PackView[]; lang: string; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul class="plain packs">
      {packs.map((p) => (
        <li class="pack-row" key={p.id} data-pack={p.id}>
          <div>
            <strong>{p.name}</strong>{' '}
            <span class="muted small">
              {p.id} · v{p.version} · {panelText(p.bundled ? 'packBundled' : 'packImported', lang)}
            </span>
            {p.discreet && <span class="small"> · {panelText('packDiscreet', lang)}</span>}
            {!p.enabled && <span class="small"> · {panelText('packDisabled', lang)}</span>}
            <div class="small muted">
              {packCounts(p, lang)} · {p.languages.join(', ')} · {p.license}
            </div>
            {confirming === p.id && (
              <RemoveConfirmation
                pack={p}
                lang={lang}
                onRemove={() => act(() => send('pack.remove', { id: p.id })).then(() => setConfirming(null))}
                onCancel={() => setConfirming(null)}
              />
            )}
          </div>
          {confirming !== p.id && (
            <div class="pack-actions">
              <button type="button" onClick={() => act(() => send('pack.enable', { id: p.id, enabled: !p.enabled }))}>
                {panelText(p.enabled ? 'packDisable' : 'packEnable', lang)}
              </button>
              <button
                type="button"
                title={panelText('packDiscreetHint', lang)}
                onClick={() => act(() => send('pack.discreet', { id: p.id, discreet: !p.discreet }))}
              >
                {panelText(p.discreet ? 'packHighlight' : 'packMakeDiscreet', lang)}
              </button>
              {!p.bundled && (
                <button type="button" class="danger" onClick={() => setConfirming(p.id)}>
                  {panelText('packRemove', lang)}
                </button>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Not window.confirm: the question stays next to the pack it is about, and Cancel has the focus, so Enter does not remove. */
function RemoveConfirmation({ pack, lang, onRemove, onCancel }: { pack: PackView; lang: string; onRemove: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={panelText('packRemove', lang)} data-testid="remove-confirm">
      <p>{packRemoveQuestion(pack, lang)}</p>
      <button type="button" class="danger strong" onClick={onRemove}>
        {panelText('packRemove', lang)}
      </button>{' '}
      <button type="button" ref={cancel} onClick={onCancel}>
        {panelText('cancel', lang)}
      </button>
    </div>
  );
}
