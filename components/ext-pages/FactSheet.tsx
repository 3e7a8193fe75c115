import type { ComponentChildren } from 'preact';
import type { FactView, SheetView } from '@/utils/messaging/protocol';
import { SourceLink } from '../card/SourceLink';
import { panelText } from './panel-strings';
import { RelatedEntities } from './RelatedEntities';
import { SheetFacts } from './SheetFacts';

/**
 * The whole fact sheet: summary, related entities, the facts (key facts first, then by year, with a
 * search and filters), then `children` (the panel's notes and page list: below the facts, not between
 * summary and timeline), and every source. `factFooter` adds the extension page's own controls at the
 * end of each fact (the card's FactItem never knows of them).
 */
export function FactSheet({
  sheet,
  factFooter,
  onSelect,
  children,
}: {
  sheet: SheetView;
  factFooter?: (fact: FactView) => ComponentChildren;
  /** Open another entity's sheet (a related entity). */
  onSelect?: (key: string) => void;
  children?: ComponentChildren;
}) {
  const lang = sheet.lang;
  const sources = new Map(sheet.sources.map((s) => [s.id, s]));
  return (
    <section class="sheet" lang={lang} data-entity={sheet.key}>
      <h1 tabIndex={-1}>{sheet.name}</h1>
      <p class="summary">{sheet.summary}</p>
      <p class="muted small">
        {panelText('alsoKnownAs', lang)}: {sheet.aliases.join(' · ')}
      </p>
      <RelatedEntities related={sheet.related} lang={lang} onSelect={onSelect} />
      <SheetFacts key={sheet.key} sheet={sheet} sources={sources} factFooter={factFooter} />
      {children}
      <h2>
        {panelText('sources', lang)} ({sheet.sources.length})
      </h2>
      <ul class="plain sources small">
        {sheet.sources.map((s) => (
          <li key={s.id}>
            <SourceLink source={s} lang={lang} full />
          </li>
        ))}
      </ul>
      <p class="muted small">
        {panelText('fromPack', lang)} {sheet.pack.name} {sheet.pack.version} · {panelText('reviewed', lang)} {sheet.reviewed}
      </p>
    </section>
  );
}
