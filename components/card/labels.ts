import type { AttributionKind } from '@/utils/schema/pack';
import { t, type LabelKey } from '@/utils/i18n';

/** Who says so, as the card and the side panel badge a fact. */
const ATTRIBUTION = {
  reported: 'card.attribution.reported',
  'company-statement': 'card.attribution.companyStatement',
  'self-description': 'card.attribution.selfDescription',
  regulator: 'card.attribution.regulator',
  court: 'card.attribution.court',
  // A statement, not a finding: a government's denial must not read as a ruling.
  government: 'card.attribution.government',
  research: 'card.attribution.research',
} as const satisfies Record<AttributionKind, LabelKey>;

export function attributionLabel(kind: AttributionKind): string {
  return t(ATTRIBUTION[kind]);
}
