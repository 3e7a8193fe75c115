import type { ComponentChildren } from 'preact';
import type { FactView, SheetView } from '@/utils/messaging/protocol';
import { FactItem } from '../card/FactItem';
import { SourceLink } from '../card/SourceLink';
import { panelText } from './panel-strings';
import { RelatedEntities } from './RelatedEntities';

/**
 * The whole fact sheet: summary, a timeline of every fact, and every source. `factFooter` adds the
 * extension page's own controls at the end of each fact (the card's FactItem never knows of them).
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
  const years = new Map<string, SheetView['facts']>();
  for (const f of sheet.facts) {
    const y = f.date.slice(0, 4);
    years.set(y, [...(years.get(y) ?? []), f]);
  }
  return (
    <section class="sheet" lang={lang} data-entity={sheet.key}>
      <h1>{sheet.name}</h1>
      <p class="summary">{sheet.summary}</p>
      <p class="muted small">
        {panelText('alsoKnownAs', lang)}: {sheet.aliases.join(' · ')}
      </p>
      <RelatedEntities related={sheet.related} lang={lang} onSelect={onSelect} />
      {children}
      <h2>
        {panelText('timeline', lang)} ({sheet.facts.length})
      </h2>
      <div class="timeline">
        {[...years].map(([year, facts]) => (
          <div key={year}>
            <div class="year">{year}</div>
            <ul class="plain">
              {facts.map((f) => (
                <FactItem key={f.id} fact={f} sources={sources} lang={lang}>
                  {factFooter?.(f)}
                </FactItem>
              ))}
            </ul>
          </div>
        ))}
      </div>
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
