import type { PageEntity } from '@/utils/messaging/protocol';
import { panelText } from './panel-strings';

export function PageEntities({
  entities,
  selected,
  onSelect,
  lang,
  compact = false,
}: {
  entities: PageEntity[];
  selected?: string | null;
  onSelect?: (key: string) => void;
  lang: string;
  compact?: boolean;
}) {
  if (!entities.length) return <p class="muted small">{panelText('nothingFound', lang)}</p>;
  return (
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
          </div>
          <span class="count" title={panelText('mentions', lang)}>
            {e.count}
          </span>
        </li>
      ))}
    </ul>
  );
}
