import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PackView } from '@/utils/messaging/protocol';
import { send } from '@/utils/ext-pages/send';
import { t } from '@/utils/i18n';
import { packCounts, packRemoveQuestion } from './panel-strings';

/**
 * The installed packs, each with Enable/Disable, discreet or highlighted, and Remove for imported
 * ones. Removing asks first, in the row itself: what goes, what stays (the reader's notes), and how
 * to get the pack back.
 */
export function PackList({ packs, act }: { packs: PackView[]; act: (work: () => Promise<unknown>) => Promise<void> }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <ul class="plain packs">
      {packs.map((p) => (
        <li class="pack-row" key={p.id} data-pack={p.id}>
          <div>
            <strong>{p.name}</strong>{' '}
            <span class="muted small">
              {p.id} · v{p.version} · {t(p.bundled ? 'panel.packBundled' : 'panel.packImported')}
            </span>
            {p.discreet && <span class="small"> · {t('panel.packDiscreet')}</span>}
            {!p.enabled && <span class="small"> · {t('panel.packDisabled')}</span>}
            <div class="small muted">
              {packCounts(p)} · {p.languages.join(', ')} · {p.license}
            </div>
            {confirming === p.id && (
              <RemoveConfirmation
                pack={p}
                onRemove={() => act(() => send('pack.remove', { id: p.id })).then(() => setConfirming(null))}
                onCancel={() => setConfirming(null)}
              />
            )}
          </div>
          {confirming !== p.id && (
            <div class="pack-actions">
              <button type="button" onClick={() => act(() => send('pack.enable', { id: p.id, enabled: !p.enabled }))}>
                {t(p.enabled ? 'panel.packDisable' : 'panel.packEnable')}
              </button>
              <button type="button" title={t('panel.packDiscreetHint')} onClick={() => act(() => send('pack.discreet', { id: p.id, discreet: !p.discreet }))}>
                {t(p.discreet ? 'panel.packHighlight' : 'panel.packMakeDiscreet')}
              </button>
              {!p.bundled && (
                <button type="button" class="danger" onClick={() => setConfirming(p.id)}>
                  {t('panel.packRemove')}
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
function RemoveConfirmation({ pack, onRemove, onCancel }: { pack: PackView; onRemove: () => void; onCancel: () => void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  // Before the browser paints, not after (useEffect): the Remove button that opened this question is
  // gone, so until Cancel has the focus nothing has it, and an Enter pressed then did nothing at all.
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="group" aria-label={t('panel.packRemove')} data-testid="remove-confirm">
      <p>{packRemoveQuestion(pack)}</p>
      <button type="button" class="danger strong" onClick={onRemove}>
        {t('panel.packRemove')}
      </button>{' '}
      <button type="button" ref={cancel} onClick={onCancel}>
        {t('panel.cancel')}
      </button>
    </div>
  );
}
