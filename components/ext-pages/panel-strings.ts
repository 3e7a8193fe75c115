import { textLang } from '../card/labels';

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
  noteWritten: { en: 'written', fr: 'écrite le' },
  noteEdited: { en: 'edited', fr: 'modifiée le' },
  editNoteText: { en: 'Edit the note', fr: 'Modifier la note' },
  saveEdit: { en: 'Save', fr: 'Enregistrer' },
  editHint: { en: 'Ctrl+Enter saves, Esc cancels.', fr: 'Ctrl+Entrée enregistre, Échap annule.' },
  noteQuote: { en: 'Quote', fr: 'Citation' },
  removeQuote: { en: 'Remove quote', fr: 'Retirer la citation' },
  tags: { en: 'Tags', fr: 'Étiquettes' },
  tagPlaceholder: { en: 'Add a tag, then comma or Enter', fr: 'Ajouter une étiquette, puis virgule ou Entrée' },
  removeTag: { en: 'Remove tag', fr: 'Retirer l’étiquette' },
  addTag: { en: 'Add tag', fr: 'Ajouter l’étiquette' },
  suggestedTags: { en: 'Suggested:', fr: 'Suggestions :' },
  noteDeleted: { en: 'Note deleted.', fr: 'Note supprimée.' },
  undo: { en: 'Undo', fr: 'Rétablir' },
  deleteFailed: { en: 'Not deleted:', fr: 'Non supprimée :' },
  undoFailed: { en: 'Not restored:', fr: 'Non rétablie :' },
  draftNotKept: { en: 'Your draft could not be kept for later:', fr: 'Votre brouillon n’a pas pu être conservé :' },
} as const;

export function panelText(key: keyof typeof PANEL_TEXT, lang: string): string {
  return PANEL_TEXT[key][textLang(lang)];
}

/** What an export wrote, and where. */
export function exportedText(n: number, file: string, lang: string): string {
  return textLang(lang) === 'fr'
    ? `${n} note${n > 1 ? 's' : ''} exportée${n > 1 ? 's' : ''} dans ${file}`
    : `Exported ${n} note${n === 1 ? '' : 's'} to ${file}`;
}
