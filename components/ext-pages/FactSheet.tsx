import type { ComponentChildren } from 'preact';
import type { FactView, SheetView } from '@/utils/messaging/protocol';
import { SourceLink } from '../card/SourceLink';
import { t } from '@/utils/i18n';
import { formatDate } from '@/utils/i18n/dates';
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
  const sources = new Map(sheet.sources.map((s) => [s.id, s]));
  // Our words are in the UI's language; the pack's (summary, facts) say their own, which may differ.
  return (
    <section class="sheet" data-entity={sheet.key}>
      <h1 tabIndex={-1}>{sheet.name}</h1>
      <p class="summary" lang={sheet.lang}>
        {sheet.summary}
      </p>
      <p class="muted small">{t('panel.alsoWritten', { names: sheet.aliases.join(' · ') })}</p>
      <RelatedEntities related={sheet.related} onSelect={onSelect} />
      <SheetFacts key={sheet.key} sheet={sheet} sources={sources} factFooter={factFooter} />
      {children}
      <h2>
        {t('panel.sources')} ({sheet.sources.length})
      </h2>
      <ul class="plain sources small">
        {sheet.sources.map((s) => (
          <li key={s.id}>
            <SourceLink source={s} full />
          </li>
        ))}
      </ul>
      <p class="muted small">{t('panel.packLine', { pack: sheet.pack.name, version: sheet.pack.version, date: formatDate(sheet.reviewed) })}</p>
    </section>
  );
}
