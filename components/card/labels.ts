import type { AttributionKind } from '@/utils/schema/pack';

type Lang = 'en' | 'fr';
/** The language our own text is shown in for a language tag: French for any fr-*, English otherwise. */
export const textLang = (lang: string | undefined): Lang => ((lang ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en');

const ATTRIBUTION: Record<AttributionKind, Record<Lang, string>> = {
  reported: { en: 'Press report', fr: 'Presse' },
  'company-statement': { en: 'Company’s own statement', fr: 'Déclaration de l’entreprise' },
  'self-description': { en: 'Self-description', fr: 'Auto-description' },
  regulator: { en: 'Regulator', fr: 'Régulateur' },
  court: { en: 'Court', fr: 'Tribunal' },
  // A statement, not a finding: a government's denial must not read as a ruling.
  government: { en: 'Government statement', fr: 'Déclaration gouvernementale' },
  research: { en: 'Research', fr: 'Recherche' },
};

export function attributionLabel(kind: AttributionKind, lang: string): string {
  return ATTRIBUTION[kind][textLang(lang)];
}

/** A date shown at the precision it is known: "2020", "Jan 2020", "18 Jan 2020". */
export function formatDate(date: string, lang: string): string {
  // split yields at least one part, so y is always read (NaN only for a malformed date).
  const [y = NaN, m, d] = date.split('-').map(Number);
  const locale = textLang(lang) === 'fr' ? 'fr-FR' : 'en-GB';
  if (!m) return String(y);
  const t = new Date(Date.UTC(y, m - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', ...(d ? { day: 'numeric' } : {}) }).format(t);
}

/** The card's strings (shown inside web pages). */
const CARD_TEXT = {
  openPanelButton: { en: 'Open full backstory', fr: 'Voir tout l’historique' },
  sources: { en: 'Sources', fr: 'Sources' },
  moreFacts: { en: (n: number) => `${n} more documented facts in the side panel`, fr: (n: number) => `${n} autres faits documentés dans le panneau latéral` },
  close: { en: 'Close', fr: 'Fermer' },
  readMore: { en: 'Read more', fr: 'Lire la suite' },
  showLess: { en: 'Show less', fr: 'Réduire' },
  via: { en: 'via', fr: 'via' },
  disputedBy: { en: 'Disputed by', fr: 'Contesté par' },
  whatSourceSays: { en: 'What the source says', fr: 'Ce que dit la source' },
  readAt: { en: 'read at', fr: 'lu sur' },
  loading: { en: 'Loading…', fr: 'Chargement…' },
  notThisOne: { en: 'Not this one', fr: 'Ce n’est pas ça' },
  notThisOneChoices: { en: 'Not this one:', fr: 'Ce n’est pas ça :' },
  hideMention: { en: 'Hide this mention', fr: 'Masquer cette mention' },
  muteSite: { en: 'Mute on this site', fr: 'Ignorer sur ce site' },
  muteEverywhere: { en: 'Mute everywhere', fr: 'Ignorer partout' },
  hiddenDone: { en: 'Hidden on this page until you reload it.', fr: 'Masquée sur cette page jusqu’à son rechargement.' },
  mutedSiteDone: {
    en: (name: string) => `${name} is muted on this site: not highlighted or counted here.`,
    fr: (name: string) => `${name} est ignoré sur ce site : ni surligné ni compté ici.`,
  },
  mutedEverywhereDone: {
    en: (name: string) => `${name} is muted everywhere: not highlighted or counted on any site.`,
    fr: (name: string) => `${name} est ignoré partout : ni surligné ni compté sur aucun site.`,
  },
  undo: { en: 'Undo', fr: 'Annuler' },
  undone: { en: 'Undone: shown as before.', fr: 'Annulé : affiché comme avant.' },
  notDone: { en: 'That did not work. Try again in a moment.', fr: 'Cela n’a pas fonctionné. Réessayez dans un instant.' },
  unavailable: {
    en: 'Backstory could not load this card. Reload the page to try again.',
    fr: 'Backstory n’a pas pu charger cette fiche. Rechargez la page pour réessayer.',
  },
} as const;

export function cardText<K extends keyof typeof CARD_TEXT>(key: K, lang: string): (typeof CARD_TEXT)[K]['en'] {
  return CARD_TEXT[key][textLang(lang)] as (typeof CARD_TEXT)[K]['en'];
}
