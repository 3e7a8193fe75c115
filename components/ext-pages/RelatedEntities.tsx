import { Fragment } from 'preact';
import type { SheetView } from '@/utils/messaging/protocol';
import type { RelationKind } from '@/utils/schema/pack';
import { t, type LabelKey } from '@/utils/i18n';

/** What the other entity is to this one, as a reader would say it. */
const RELATION = {
  founder: 'panel.relation.founder',
  founded: 'panel.relation.founded',
  executive: 'panel.relation.executive',
  'executive-of': 'panel.relation.executiveOf',
  investor: 'panel.relation.investor',
  'invested-in': 'panel.relation.investedIn',
  owner: 'panel.relation.owner',
  owns: 'panel.relation.owns',
  subsidiary: 'panel.relation.subsidiary',
  parent: 'panel.relation.parent',
  product: 'panel.relation.product',
  maker: 'panel.relation.maker',
  client: 'panel.relation.client',
  supplier: 'panel.relation.supplier',
  partner: 'panel.relation.partner',
  'investigated-by': 'panel.relation.investigatedBy',
  investigated: 'panel.relation.investigated',
  'fined-by': 'panel.relation.finedBy',
  fined: 'panel.relation.fined',
  'sued-by': 'panel.relation.suedBy',
  sued: 'panel.relation.sued',
  related: 'panel.relation.related',
} as const satisfies Record<RelationKind, LabelKey>;

export function relationLabel(kind: RelationKind): string {
  return t(RELATION[kind]);
}

/** The entities a pack links to this one, grouped by how; each opens its own sheet. */
export function RelatedEntities({ related, onSelect }: { related: SheetView['related']; onSelect?: (key: string) => void }) {
  if (!related.length) return null;
  const byKind = new Map<RelationKind, SheetView['related']>();
  for (const r of related) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return (
    <dl class="related small">
      {[...byKind].map(([kind, list]) => (
        <div key={kind}>
          <dt>{relationLabel(kind)}</dt>
          <dd>
            {list.map((r, i) => (
              <Fragment key={r.key}>
                {i > 0 && ' · '}
                {onSelect ? (
                  <button type="button" class="link" data-related={r.key} onClick={() => onSelect(r.key)}>
                    {r.name}
                  </button>
                ) : (
                  r.name
                )}
              </Fragment>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
