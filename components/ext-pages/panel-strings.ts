import { formatNumber, plural, t, type LabelKey } from '@/utils/i18n';
import type { SourceKind } from '@/utils/ext-pages/fact-filter';

/** The side panel's filter chips: who says so. */
const SOURCE_KIND = {
  court: 'panel.sourceKind.court',
  regulator: 'panel.sourceKind.regulator',
  government: 'panel.sourceKind.government',
  press: 'panel.sourceKind.press',
  company: 'panel.sourceKind.company',
  research: 'panel.sourceKind.research',
} as const satisfies Record<SourceKind, LabelKey>;

export function sourceKindText(kind: SourceKind): string {
  return t(SOURCE_KIND[kind]);
}

/** "12 of 54 facts" while filtering, "54 facts" otherwise. */
export function factsShownText(shown: number, total: number, filtering: boolean): string {
  return filtering ? plural('panel.factsShown', total, { shown: formatNumber(shown) }) : plural('common.facts', total);
}

/** Where a mute applies: everywhere, or on one site (named when it is not the page's own). */
export function muteWhereText(m: { scope: 'site' | 'everywhere'; host?: string }, hereHost?: string | null): string {
  if (m.scope === 'everywhere') return t('panel.everywhere');
  if (m.host === hereHost) return t('panel.onThisSite');
  return t('panel.onHost', { host: m.host ?? '' });
}

/** What a mute just did, said beside its Undo. */
export function mutedNotice(name: string, scope: 'site' | 'everywhere'): string {
  return scope === 'site' ? t('panel.mutedOnSiteNotice', { name }) : t('panel.mutedEverywhereNotice', { name });
}

/** What a pause button did: everywhere (`host` null) or on one site. */
export function pauseNotice(paused: boolean, host: string | null): string {
  if (host === null) return paused ? t('panel.pausedAllNotice') : t('panel.resumedAllNotice');
  return paused ? t('panel.pausedOn', { host }) : t('panel.resumedOn', { host });
}

type PackSize = { entityCount: number; factCount: number; sourceCount: number };

/** A pack's row: "48 entities · 370 facts · 428 sources". */
export function packCounts(p: PackSize): string {
  return [plural('panel.entityCount', p.entityCount), plural('common.facts', p.factCount), plural('panel.sourceCount', p.sourceCount)].join(' · ');
}

/** The question before a pack is removed: what goes, what stays, how to get it back. */
export function packRemoveQuestion(p: Omit<PackSize, 'sourceCount'> & { name: string }): string {
  return t('panel.packRemoveQuestion', { name: p.name, entities: plural('panel.entityCount', p.entityCount), facts: plural('common.facts', p.factCount) });
}
