import type { Facet, NoteFilter } from '@/utils/notes-search';
import { t } from '@/utils/i18n';

type Change = (patch: Partial<NoteFilter>, e: Event) => void;
const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** One filter's select; a value the URL asked for that no note has stays listed, so the reader sees what is applied. */
function FacetSelect({
  label,
  any,
  facets,
  current,
  onPick,
}: {
  label: string;
  any: string;
  facets: Facet[];
  current: string;
  onPick: (v: string, e: Event) => void;
}) {
  const known = !current || facets.some((f) => f.value === current);
  return (
    <label class="lib-field">
      <span>{label}</span>
      <select value={current} onChange={(e) => onPick(value(e), e)}>
        <option value="">{any}</option>
        {!known && <option value={current}>{current}</option>}
        {facets.map((f) => (
          <option key={f.value} value={f.value}>
            {f.label} ({f.count})
          </option>
        ))}
      </select>
    </label>
  );
}

/** The search box and the filters: entity, tag, site, dates. Every change applies at once (no debounce). */
export function LibraryFilters({
  filter,
  facets,
  onChange,
}: {
  filter: NoteFilter;
  facets: { entities: Facet[]; tags: Facet[]; sites: Facet[] };
  onChange: Change;
}) {
  return (
    <div class="lib-filters" role="search">
      <label class="lib-search">
        <span>{t('notes.search')}</span>
        <input type="search" value={filter.q} placeholder={t('notes.searchHint')} autoFocus onInput={(e) => onChange({ q: value(e) }, e)} />
      </label>
      <div class="lib-row">
        <FacetSelect
          label={t('notes.entity')}
          any={t('notes.anyEntity')}
          facets={facets.entities}
          current={filter.entity}
          onPick={(v, e) => onChange({ entity: v }, e)}
        />
        <FacetSelect label={t('notes.tag')} any={t('notes.anyTag')} facets={facets.tags} current={filter.tag} onPick={(v, e) => onChange({ tag: v }, e)} />
        <FacetSelect label={t('notes.site')} any={t('notes.anySite')} facets={facets.sites} current={filter.site} onPick={(v, e) => onChange({ site: v }, e)} />
        <label class="lib-field lib-date">
          <span>{t('notes.from')}</span>
          <input type="date" value={filter.from} max={filter.to || undefined} onChange={(e) => onChange({ from: value(e) }, e)} />
        </label>
        <label class="lib-field lib-date">
          <span>{t('notes.to')}</span>
          <input type="date" value={filter.to} min={filter.from || undefined} onChange={(e) => onChange({ to: value(e) }, e)} />
        </label>
      </div>
    </div>
  );
}
