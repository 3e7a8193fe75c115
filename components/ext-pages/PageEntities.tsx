import type { PageEntity } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n';
import { useEntityMuting } from './EntityMute';

export function PageEntities({
  entities,
  selected,
  onSelect,
  compact = false,
  muteHost,
  emptyText,
}: {
  entities: PageEntity[];
  selected?: string | null;
  onSelect?: (key: string) => void;
  compact?: boolean;
  /** The page's site: each row gets "Not this one" (mute here or everywhere, with undo). */
  muteHost?: string | null;
  /** Said instead of "nothing found" when the list is empty for another reason (the site is paused). */
  emptyText?: string;
}) {
  const muting = useEntityMuting(muteHost);
  if (!entities.length)
    return (
      <>
        {muting.notice}
        <p class="muted small" data-testid="page-entities-empty">
          {emptyText ?? t('panel.nothingFound')}
        </p>
      </>
    );
  return (
    <>
      {muting.notice}
      <ul class="plain page-entities">
        {entities.map((e) => (
          <li class="entity-row" key={e.key} aria-current={e.key === selected ? 'true' : undefined}>
            <div>
              {onSelect ? (
                <button type="button" onClick={() => onSelect(e.key)}>
                  {e.name}
                </button>
              ) : (
                <strong>{e.name}</strong>
              )}
              {!compact && <div class="small muted summary-clamp">{e.summary}</div>}
              {muting.controls(e)}
            </div>
            <span class="count" title={t('panel.mentions')}>
              {e.count}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
