import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { FactView, SheetView, SourceView } from '@/utils/messaging/protocol';
import { byYear, filterFacts, isFiltering, kindCounts, NO_FILTER, yearsOpenByDefault, type FactFilter, type SourceKind } from '@/utils/ext-pages/fact-filter';
import { FactItem } from '../card/FactItem';
import { plural, t } from '@/utils/i18n';
import { factsShownText, sourceKindText } from './panel-strings';

type Footer = ((fact: FactView) => ComponentChildren) | undefined;

/**
 * A sheet's facts as a reader works through them: a search and filters by who says so, the key facts
 * first, then the others by year, each year a native <details> (one click, Enter or Space). Mount
 * it with the sheet's key, so another entity starts unfiltered.
 */
export function SheetFacts({ sheet, sources, factFooter }: { sheet: SheetView; sources: Map<string, SourceView>; factFooter: Footer }) {
  const lang = sheet.lang;
  const [filter, setFilter] = useState<FactFilter>(NO_FILTER);
  // The reader's own openings and closings; cleared when the filter changes, so new matches show.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const kinds = useMemo(() => kindCounts(sheet.facts), [sheet]);
  const openAtFirst = useMemo(() => yearsOpenByDefault(byYear(sheet.facts.filter((f) => !f.key))), [sheet]);

  const filtering = isFiltering(filter);
  const shown = filterFacts(sheet.facts, filter);
  const keyFacts = shown.filter((f) => f.key);
  const years = byYear(shown.filter((f) => !f.key));
  // While filtering, every year with a match is open: the reader asked to see them.
  const isOpen = (year: string) => toggled.get(year) ?? (filtering || openAtFirst.has(year));

  const refilter = (next: FactFilter) => {
    setFilter(next);
    setToggled(new Map());
  };
  const toggleKind = (k: SourceKind) => {
    const next = new Set(filter.kinds);
    if (!next.delete(k)) next.add(k);
    refilter({ ...filter, kinds: next });
  };
  const onToggle = (year: string, e: Event) => {
    const open = (e.currentTarget as HTMLDetailsElement).open;
    // The browser also fires "toggle" when we set `open` ourselves: only the reader's own change is kept.
    if (open !== isOpen(year)) setToggled((m) => new Map(m).set(year, open));
  };
  const list = (facts: FactView[]) => (
    <ul class="plain">
      {facts.map((f) => (
        <FactItem key={f.id} fact={f} sources={sources} lang={lang}>
          {factFooter?.(f)}
        </FactItem>
      ))}
    </ul>
  );

  return (
    <>
      <div class="fact-tools" role="search">
        <input
          type="search"
          class="fact-search"
          aria-label={t('panel.searchFacts')}
          placeholder={t('panel.searchFacts')}
          value={filter.query}
          onInput={(e) => refilter({ ...filter, query: e.currentTarget.value })}
        />
        {kinds.length > 1 && (
          <div class="kind-filters" role="group" aria-label={t('panel.filterBySource')}>
            {kinds.map(([k, n]) => (
              <button key={k} type="button" class="chip" data-kind={k} aria-pressed={filter.kinds.has(k)} onClick={() => toggleKind(k)}>
                {sourceKindText(k)} <span class="count">{n}</span>
              </button>
            ))}
          </div>
        )}
        <p class="muted small facts-shown" role="status">
          {factsShownText(shown.length, sheet.facts.length, filtering)}
        </p>
      </div>
      {shown.length === 0 && (
        <p class="empty-state">
          {t('panel.noFactMatches')}{' '}
          <button type="button" onClick={() => refilter(NO_FILTER)}>
            {t('panel.clearFilters')}
          </button>
        </p>
      )}
      {keyFacts.length > 0 && (
        <section class="key-facts" aria-labelledby="key-facts-heading">
          <h2 id="key-facts-heading">
            {t('panel.keyFacts')} ({keyFacts.length})
          </h2>
          {list(keyFacts)}
        </section>
      )}
      {years.length > 0 && (
        <section aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">
            {t('panel.timeline')} ({years.reduce((n, [, fs]) => n + fs.length, 0)})
          </h2>
          <div class="timeline">
            {years.map(([year, facts]) => (
              <details key={year} class="year-group" data-year={year} open={isOpen(year)} onToggle={(e) => onToggle(year, e)}>
                <summary>
                  <span class="year">{year}</span> <span class="muted small">{plural('common.facts', facts.length)}</span>
                </summary>
                {list(facts)}
              </details>
            ))}
          </div>
        </section>
      )}
    </>
  );
}
