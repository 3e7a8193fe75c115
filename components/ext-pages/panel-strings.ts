import { textLang } from '../card/labels';
import type { SourceKind } from '@/utils/ext-pages/fact-filter';

/** The extension pages' strings (popup, side panel). */
const PANEL_TEXT = {
  alsoKnownAs: { en: 'Also written', fr: 'Aussi écrit' },
  timeline: { en: 'Timeline', fr: 'Chronologie' },
  sources: { en: 'Sources', fr: 'Sources' },
  fromPack: { en: 'From the pack', fr: 'Issu du paquet' },
  reviewed: { en: 'reviewed', fr: 'revu le' },
  onThisPage: { en: 'On this page', fr: 'Sur cette page' },
  nothingFound: { en: 'No known names on this page.', fr: 'Aucun nom connu sur cette page.' },
  notes: { en: 'Your notes', fr: 'Vos notes' },
  notesPrivate: {
    en: 'Private: stored only in this browser, never shown to the page.',
    fr: 'Privées : enregistrées dans ce navigateur, jamais montrées à la page.',
  },
  addNote: { en: 'Save note', fr: 'Enregistrer la note' },
  notePlaceholder: { en: 'Write a note about this entity…', fr: 'Écrire une note sur cette entité…' },
  noNotes: { en: 'No notes yet.', fr: 'Pas encore de note.' },
  delete: { en: 'Delete', fr: 'Supprimer' },
  pick: {
    en: 'Hover a highlighted name on the page and choose “Open full backstory”.',
    fr: 'Survolez un nom surligné sur la page et choisissez « Voir tout l’historique ».',
  },
  mentions: { en: 'mentions', fr: 'mentions' },
  pause: { en: 'Pause on this site', fr: 'Mettre en pause sur ce site' },
  resume: { en: 'Resume on this site', fr: 'Réactiver sur ce site' },
  pauseAll: { en: 'Pause everywhere', fr: 'Mettre en pause partout' },
  resumeAll: { en: 'Resume everywhere', fr: 'Réactiver partout' },
  pausedNote: { en: 'Paused on this site. Reload the page to apply.', fr: 'En pause sur ce site. Rechargez la page pour appliquer.' },
  resumedNote: { en: 'Active on this site. Reload the page to apply.', fr: 'Actif sur ce site. Rechargez la page pour appliquer.' },
  exportNotes: { en: 'Export notes', fr: 'Exporter les notes' },
  saving: { en: 'Saving…', fr: 'Enregistrement…' },
  withQuote: { en: 'Quote your selection:', fr: 'Citer votre sélection :' },
  saveFailed: { en: 'Not saved — your text is kept here.', fr: 'Non enregistrée — votre texte est conservé ici.' },
  flagThis: { en: 'Flag this fact', fr: 'Signaler ce fait' },
  flagKind: { en: 'This fact is', fr: 'Ce fait est' },
  flagWrong: { en: 'Wrong', fr: 'Faux' },
  flagOutdated: { en: 'Outdated', fr: 'Dépassé' },
  flagReason: { en: 'Reason', fr: 'Raison' },
  flagHint: {
    en: 'Up to 500 characters. Stays in this browser; export your corrections from the options page to send them to the pack’s author.',
    fr: 'Jusqu’à 500 caractères. Reste dans ce navigateur ; exportez vos corrections depuis la page d’options pour les envoyer à l’auteur du paquet.',
  },
  flagSave: { en: 'Save flag', fr: 'Enregistrer le signalement' },
  cancel: { en: 'Cancel', fr: 'Annuler' },
  flaggedWrong: { en: 'You flagged this as wrong:', fr: 'Vous avez signalé ce fait comme faux :' },
  flaggedOutdated: { en: 'You flagged this as outdated:', fr: 'Vous avez signalé ce fait comme dépassé :' },
  edit: { en: 'Edit', fr: 'Modifier' },
  remove: { en: 'Remove', fr: 'Retirer' },
  flagIncomplete: { en: 'Choose Wrong or Outdated and give a reason.', fr: 'Choisissez Faux ou Dépassé et donnez une raison.' },
  flagSaveFailed: { en: 'Not saved — your text is kept here.', fr: 'Non enregistré — votre texte est conservé ici.' },
  flagRemoveFailed: { en: 'Not removed:', fr: 'Non retiré :' },
  back: { en: 'Back', fr: 'Précédent' },
  forward: { en: 'Forward', fr: 'Suivant' },
  backHint: { en: 'Back to what you opened before (Alt+Left)', fr: 'Revenir à ce que vous avez ouvert avant (Alt+Gauche)' },
  forwardHint: { en: 'Forward again (Alt+Right)', fr: 'Avancer de nouveau (Alt+Droite)' },
  panelViews: { en: 'Side panel views', fr: 'Vues du panneau' },
  viewSheet: { en: 'Fact sheet', fr: 'Fiche' },
  viewPage: { en: 'This page', fr: 'Cette page' },
  keyFacts: { en: 'Key facts', fr: 'Faits essentiels' },
  searchFacts: { en: 'Search the facts', fr: 'Chercher dans les faits' },
  filterBySource: { en: 'Who says so', fr: 'Qui l’affirme' },
  noFactMatches: { en: 'No fact matches these filters.', fr: 'Aucun fait ne correspond à ces filtres.' },
  clearFilters: { en: 'Clear filters', fr: 'Effacer les filtres' },
  copyMarkdown: { en: 'Copy as Markdown', fr: 'Copier en Markdown' },
  copied: { en: 'Copied to the clipboard.', fr: 'Copié dans le presse-papiers.' },
  copyFailed: { en: 'Not copied:', fr: 'Non copié :' },
  briefingHint: {
    en: 'Every known name on this page, most mentioned first, with its key facts and your notes.',
    fr: 'Chaque nom connu de cette page, du plus cité au moins cité, avec ses faits essentiels et vos notes.',
  },
  // Not named "Markdown": the notes export's own buttons are named by their format.
  exportBriefing: { en: 'Save this page’s briefing (.md)', fr: 'Enregistrer la synthèse de cette page (.md)' },
  loading: { en: 'Loading…', fr: 'Chargement…' },
} as const;

/** Who says so, as the sheet's filters name them. */
const SOURCE_KIND_TEXT: Record<SourceKind, { en: string; fr: string }> = {
  court: { en: 'Courts', fr: 'Tribunaux' },
  regulator: { en: 'Regulators', fr: 'Régulateurs' },
  government: { en: 'Governments', fr: 'Gouvernements' },
  press: { en: 'Press', fr: 'Presse' },
  company: { en: 'The company', fr: 'L’entreprise' },
  research: { en: 'Research', fr: 'Recherche' },
};

export function sourceKindText(kind: SourceKind, lang: string): string {
  return SOURCE_KIND_TEXT[kind][textLang(lang)];
}

/** "12 of 54 facts" while filtering, "54 facts" otherwise. */
export function factsShownText(shown: number, total: number, filtering: boolean, lang: string): string {
  if (textLang(lang) === 'fr') return filtering ? `${shown} fait${shown > 1 ? 's' : ''} sur ${total}` : `${total} fait${total > 1 ? 's' : ''}`;
  return filtering ? `${shown} of ${total} fact${total === 1 ? '' : 's'}` : `${total} fact${total === 1 ? '' : 's'}`;
}

/** "3 facts" under a year's heading. */
export function factCountText(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `${n} fait${n > 1 ? 's' : ''}` : `${n} fact${n === 1 ? '' : 's'}`;
}

export function mentionsText(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `${n} mention${n > 1 ? 's' : ''}` : `${n} mention${n === 1 ? '' : 's'}`;
}

/** Under an entity's key facts in the briefing: the rest is in its sheet. */
export function moreFactsText(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `Voir les ${n} faits de la fiche` : `See all ${n} facts in the fact sheet`;
}

/** What the popup's briefing export wrote, and where. */
export function briefingExportedText(names: number, file: string, lang: string): string {
  return textLang(lang) === 'fr'
    ? `Synthèse de ${names} nom${names > 1 ? 's' : ''} exportée dans ${file}`
    : `Exported the briefing of ${names} name${names === 1 ? '' : 's'} to ${file}`;
}

export function panelText(key: keyof typeof PANEL_TEXT, lang: string): string {
  return PANEL_TEXT[key][textLang(lang)];
}

/** What an export wrote, and where. */
export function exportedText(n: number, file: string, lang: string): string {
  return textLang(lang) === 'fr'
    ? `${n} note${n > 1 ? 's' : ''} exportée${n > 1 ? 's' : ''} dans ${file}`
    : `Exported ${n} note${n === 1 ? '' : 's'} to ${file}`;
}
