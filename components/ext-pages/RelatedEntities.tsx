import { Fragment } from 'preact';
import type { SheetView } from '@/utils/messaging/protocol';
import type { RelationKind } from '@/utils/schema/pack';
import { textLang } from '../card/labels';

/** What the other entity is to this one, as a reader would say it. */
const KIND: Record<RelationKind, { en: string; fr: string }> = {
  founder: { en: 'Founder', fr: 'Fondateur' },
  founded: { en: 'Founded', fr: 'A fondé' },
  executive: { en: 'Executive', fr: 'Dirigeant' },
  'executive-of': { en: 'Executive of', fr: 'Dirigeant de' },
  investor: { en: 'Investor', fr: 'Investisseur' },
  'invested-in': { en: 'Invested in', fr: 'A investi dans' },
  owner: { en: 'Owner', fr: 'Propriétaire' },
  owns: { en: 'Owns', fr: 'Possède' },
  subsidiary: { en: 'Subsidiary', fr: 'Filiale' },
  parent: { en: 'Parent company', fr: 'Maison mère' },
  product: { en: 'Product', fr: 'Produit' },
  maker: { en: 'Made by', fr: 'Fabriqué par' },
  client: { en: 'Client', fr: 'Client' },
  supplier: { en: 'Supplier', fr: 'Fournisseur' },
  partner: { en: 'Partner', fr: 'Partenaire' },
  'investigated-by': { en: 'Investigated by', fr: 'Enquête de' },
  investigated: { en: 'Investigated', fr: 'A enquêté sur' },
  'fined-by': { en: 'Fined by', fr: 'Sanctionné par' },
  fined: { en: 'Fined', fr: 'A sanctionné' },
  'sued-by': { en: 'Sued by', fr: 'Poursuivi par' },
  sued: { en: 'Sued', fr: 'A poursuivi' },
  related: { en: 'Related', fr: 'Lié' },
};

export function relationLabel(kind: RelationKind, lang: string): string {
  return KIND[kind][textLang(lang)];
}

/** The entities a pack links to this one, grouped by how; each opens its own sheet. */
export function RelatedEntities({ related, lang, onSelect }: { related: SheetView['related']; lang: string; onSelect?: (key: string) => void }) {
  if (!related.length) return null;
  const byKind = new Map<RelationKind, SheetView['related']>();
  for (const r of related) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return (
    <dl class="related small">
      {[...byKind].map(([kind, list]) => (
        <div key={kind}>
          <dt>{relationLabel(kind, lang)}</dt>
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
