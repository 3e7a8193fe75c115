import { textLang } from '../card/labels';
import type { ExportScope } from '@/utils/notes-export-scope';

/** The notes library's strings, the scoped export's and the side panel's link to the library (en/fr). */
const NOTES_TEXT = {
  libraryTitle: { en: 'Notes library', fr: 'Bibliothèque de notes' },
  libraryPrivate: {
    en: 'Every note you wrote, newest first. They stay in this browser.',
    fr: 'Toutes vos notes, des plus récentes aux plus anciennes. Elles restent dans ce navigateur.',
  },
  search: { en: 'Search notes', fr: 'Rechercher dans les notes' },
  searchHint: {
    en: 'Words from a note, its quote or tags, a name, a page title or address',
    fr: 'Mots d’une note, de sa citation ou de ses étiquettes, un nom, un titre ou une adresse de page',
  },
  entity: { en: 'Entity', fr: 'Entité' },
  anyEntity: { en: 'All entities', fr: 'Toutes les entités' },
  tag: { en: 'Tag', fr: 'Étiquette' },
  anyTag: { en: 'All tags', fr: 'Toutes les étiquettes' },
  site: { en: 'Site', fr: 'Site' },
  anySite: { en: 'All sites', fr: 'Tous les sites' },
  from: { en: 'From', fr: 'Du' },
  to: { en: 'To', fr: 'Au' },
  clearFilters: { en: 'Clear search and filters', fr: 'Effacer la recherche et les filtres' },
  onPage: { en: 'Written on', fr: 'Écrites sur' },
  allPages: { en: 'Show every page', fr: 'Toutes les pages' },
  loading: { en: 'Loading your notes…', fr: 'Chargement de vos notes…' },
  empty: {
    en: 'No notes yet. Open a highlighted name’s backstory in the side panel and write under “Your notes”: every note you save is listed here.',
    fr: 'Pas encore de note. Ouvrez l’historique d’un nom surligné dans le panneau latéral et écrivez sous « Vos notes » : chaque note enregistrée apparaît ici.',
  },
  noMatch: {
    en: 'No note matches this search and these filters. Every word you type must appear in a note; try fewer words, or clear the filters.',
    fr: 'Aucune note ne correspond à cette recherche et à ces filtres. Chaque mot tapé doit figurer dans la note ; essayez avec moins de mots, ou effacez les filtres.',
  },
  filterEntity: { en: 'Show only notes about this entity', fr: 'Ne montrer que les notes sur cette entité' },
  filterTag: { en: 'Show only notes with this tag', fr: 'Ne montrer que les notes avec cette étiquette' },
  libraryLinkTitle: {
    en: 'Every note you wrote, searchable, in a new tab (this entity’s notes first shown)',
    fr: 'Toutes vos notes, avec recherche, dans un nouvel onglet (celles de cette entité d’abord)',
  },
  exportWhich: { en: 'Which notes', fr: 'Quelles notes' },
  scopeAll: { en: 'All notes', fr: 'Toutes les notes' },
  nothingToExport: { en: 'No notes to export.', fr: 'Aucune note à exporter.' },
} as const;

export function notesText(key: keyof typeof NOTES_TEXT, lang: string): string {
  return NOTES_TEXT[key][textLang(lang)];
}

// Building an Intl formatter costs far more than using one: the library formats hundreds per keystroke.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const locale = (lang: string) => (textLang(lang) === 'fr' ? 'fr-FR' : 'en-GB');

/** "1,234" / "1 234": counts in the reader's number style. */
export function formatCount(n: number, lang: string): string {
  const loc = locale(lang);
  let f = numberFormats.get(loc);
  if (!f) numberFormats.set(loc, (f = new Intl.NumberFormat(loc)));
  return f.format(n);
}

/** A note's day ("1 Dec 2026", "1 déc. 2026"): the facts' date style (formatDate), with its formatter built once. */
export function formatDay(iso: string, lang: string): string {
  const loc = locale(lang);
  let f = dayFormats.get(loc);
  if (!f) dayFormats.set(loc, (f = new Intl.DateTimeFormat(loc, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' })));
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? iso.slice(0, 10) : f.format(t);
}

const plural = (n: number) => (n === 1 ? '' : 's');

/** "12 of 10,000 notes" (or "10,000 notes" when nothing is filtered out). */
export function matchCountText(shown: number, total: number, filtered: boolean, lang: string): string {
  const fr = textLang(lang) === 'fr';
  const t = `${formatCount(total, lang)} note${total > 1 || (!fr && total === 0) ? 's' : ''}`;
  if (!filtered) return t;
  return fr ? `${formatCount(shown, lang)} sur ${t}` : `${formatCount(shown, lang)} of ${t}`;
}

export function showMoreText(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `Afficher ${formatCount(n, lang)} de plus` : `Show ${formatCount(n, lang)} more`;
}

/** While later pages of notes arrive: what the search covers so far. */
export function loadingMoreText(loaded: number, total: number, lang: string): string {
  return textLang(lang) === 'fr'
    ? `Chargement… ${formatCount(loaded, lang)} notes sur ${formatCount(total, lang)} pour l’instant`
    : `Loading… ${formatCount(loaded, lang)} of ${formatCount(total, lang)} notes so far`;
}

export function unreadableText(n: number, lang: string): string {
  return textLang(lang) === 'fr'
    ? n === 1
      ? 'Une note illisible n’est pas listée : voyez la page d’options.'
      : `${formatCount(n, lang)} notes illisibles ne sont pas listées : voyez la page d’options.`
    : `${formatCount(n, lang)} unreadable note${plural(n)} not listed: see the options page.`;
}

/** The popup's "This page's notes (3)". */
export function pageScopeLabel(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `Notes de cette page (${formatCount(n, lang)})` : `This page’s notes (${formatCount(n, lang)})`;
}

/** The library's one export choice: the notes its filter shows. */
export function shownScopeLabel(n: number, lang: string): string {
  if (textLang(lang) === 'fr') return n === 1 ? 'La note affichée par ces filtres' : `Les ${formatCount(n, lang)} notes affichées par ces filtres`;
  return n === 1 ? 'The note these filters show' : `The ${formatCount(n, lang)} notes these filters show`;
}

/** What an export wrote, and where: "Exported 3 notes on this page to backstory-notes-page-….md". */
export function exportedScopeText(n: number, scope: ExportScope, file: string, lang: string): string {
  const count = formatCount(n, lang);
  if (textLang(lang) === 'fr') {
    const notes = `${count} note${n > 1 ? 's' : ''}`;
    const done = `exportée${n > 1 ? 's' : ''} dans ${file}`;
    if (scope.kind === 'page') return `${notes} de cette page ${done}`;
    if (scope.kind === 'entity') return `${notes} sur ${scope.name} ${done}`;
    if (scope.kind === 'filtered') return `${notes} filtrée${n > 1 ? 's' : ''} ${done}`;
    return `${notes} ${done}`;
  }
  const notes = `${count} note${plural(n)}`;
  if (scope.kind === 'page') return `Exported ${notes} on this page to ${file}`;
  if (scope.kind === 'entity') return `Exported ${notes} about ${scope.name} to ${file}`;
  if (scope.kind === 'filtered') return `Exported ${count} filtered note${plural(n)} to ${file}`;
  return `Exported ${notes} to ${file}`;
}
