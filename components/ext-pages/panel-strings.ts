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
  pausedHere: { en: 'Paused on this site: nothing is highlighted or counted.', fr: 'En pause sur ce site : rien n’est surligné ni compté.' },
  pausedEverywhere: { en: 'Paused everywhere: nothing is highlighted or counted.', fr: 'En pause partout : rien n’est surligné ni compté.' },
  openOptions: { en: 'Packs and settings', fr: 'Paquets et réglages' },
  openLibrary: { en: 'Notes library', fr: 'Bibliothèque de notes' },
  packDisable: { en: 'Disable', fr: 'Désactiver' },
  packEnable: { en: 'Enable', fr: 'Activer' },
  packHighlight: { en: 'Highlight in pages', fr: 'Surligner dans les pages' },
  packMakeDiscreet: { en: 'Make discreet', fr: 'Rendre discret' },
  packDiscreetHint: {
    en: 'A discreet pack’s names are never highlighted in pages, only listed in the popup and side panel.',
    fr: 'Les noms d’un paquet discret ne sont jamais surlignés dans les pages, seulement listés dans la fenêtre de l’extension et le panneau latéral.',
  },
  packBundled: { en: 'bundled', fr: 'fourni' },
  packImported: { en: 'imported', fr: 'importé' },
  packDiscreet: { en: 'discreet', fr: 'discret' },
  packDisabled: { en: 'disabled', fr: 'désactivé' },
  packRemove: { en: 'Remove', fr: 'Retirer' },
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
  notThisOne: { en: 'Not this one', fr: 'Ce n’est pas ça' },
  muteOnSite: { en: 'Mute on this site', fr: 'Ignorer sur ce site' },
  muteEverywhere: { en: 'Mute everywhere', fr: 'Ignorer partout' },
  undo: { en: 'Undo', fr: 'Annuler' },
  unmute: { en: 'Unmute', fr: 'Ne plus ignorer' },
  showMuted: { en: 'Show', fr: 'Afficher' },
  hideMuted: { en: 'Hide', fr: 'Masquer' },
  onThisSite: { en: 'on this site', fr: 'sur ce site' },
  everywhere: { en: 'everywhere', fr: 'partout' },
  mutesHeading: { en: 'Muted names', fr: 'Noms ignorés' },
  mutesIntro: {
    en: 'Names you said “Not this one” to, from a card or the side panel: where muted, they are not highlighted, counted or listed. They stay in this browser and no page can read them.',
    fr: 'Les noms pour lesquels vous avez dit « Ce n’est pas ça », depuis une fiche ou le panneau latéral : là où ils sont ignorés, ils ne sont ni surlignés, ni comptés, ni listés. Ils restent dans ce navigateur et aucune page ne peut les lire.',
  },
  noMutes: { en: 'No muted names.', fr: 'Aucun nom ignoré.' },
  muteFailed: { en: 'Not done:', fr: 'Non effectué :' },
  since: { en: 'since', fr: 'depuis le' },
  unreadableMutes: {
    en: 'Some stored mutes could not be read: they mute nothing. “Delete all my data” clears them.',
    fr: 'Certains noms ignorés enregistrés sont illisibles : ils n’ignorent rien. « Supprimer toutes mes données » les efface.',
  },
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
  deleteFailed: { en: 'Not deleted:', fr: 'Non supprimée :' },
  undoFailed: { en: 'Not restored:', fr: 'Non rétablie :' },
  draftNotKept: { en: 'Your draft could not be kept for later:', fr: 'Votre brouillon n’a pas pu être conservé :' },
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

/** How many names are muted on the popup's site. */
export function mutedHereText(n: number, lang: string): string {
  return textLang(lang) === 'fr' ? `${n} nom${n > 1 ? 's' : ''} ignoré${n > 1 ? 's' : ''} sur ce site` : `${n} muted on this site`;
}

/** Where a mute applies: everywhere, or on one site (named when it is not the page's own). */
export function muteWhereText(m: { scope: 'site' | 'everywhere'; host?: string }, lang: string, hereHost?: string | null): string {
  if (m.scope === 'everywhere') return panelText('everywhere', lang);
  if (m.host === hereHost) return panelText('onThisSite', lang);
  return `${textLang(lang) === 'fr' ? 'sur' : 'on'} ${m.host ?? ''}`;
}

/** What a mute just did, said beside its Undo. */
export function mutedNotice(name: string, scope: 'site' | 'everywhere', lang: string): string {
  const fr = textLang(lang) === 'fr';
  if (scope === 'site') return fr ? `${name} est ignoré sur ce site.` : `${name} is muted on this site.`;
  return fr ? `${name} est ignoré partout.` : `${name} is muted everywhere.`;
}

/** A mute lifted. */
export function unmutedNotice(name: string, lang: string): string {
  return textLang(lang) === 'fr' ? `${name} n’est plus ignoré ici.` : `${name} is no longer muted here.`;
}

/** What a pause button did: everywhere (`host` null) or on one site. */
export function pauseNotice(paused: boolean, host: string | null, lang: string): string {
  if (textLang(lang) === 'fr') {
    if (host === null) return paused ? 'En pause partout.' : 'Réactivé partout.';
    return paused ? `En pause sur ${host}.` : `Réactivé sur ${host}.`;
  }
  if (host === null) return paused ? 'Paused everywhere.' : 'Resumed everywhere.';
  return paused ? `Paused on ${host}.` : `Resumed on ${host}.`;
}

/** "3 notes written on this page". */
export function notesOnPageText(n: number, lang: string): string {
  return textLang(lang) === 'fr'
    ? `${n} note${n > 1 ? 's' : ''} écrite${n > 1 ? 's' : ''} sur cette page`
    : `${n} note${n === 1 ? '' : 's'} written on this page`;
}

/** Counts in words: "1 entity", "48 entities". */
function counted(n: number, lang: string, en: [string, string], fr: [string, string]): string {
  const [one, many] = textLang(lang) === 'fr' ? fr : en;
  return `${n} ${n === 1 || (textLang(lang) === 'fr' && n === 0) ? one : many}`;
}

/** A pack's row: "48 entities · 370 facts · 428 sources". */
export function packCounts(p: { entityCount: number; factCount: number; sourceCount: number }, lang: string): string {
  return [
    counted(p.entityCount, lang, ['entity', 'entities'], ['entité', 'entités']),
    counted(p.factCount, lang, ['fact', 'facts'], ['fait', 'faits']),
    counted(p.sourceCount, lang, ['source', 'sources'], ['source', 'sources']),
  ].join(' · ');
}

/** The question before a pack is removed: what goes, what stays, how to get it back. */
export function packRemoveQuestion(p: { name: string; entityCount: number; factCount: number }, lang: string): string {
  const entities = counted(p.entityCount, lang, ['entity', 'entities'], ['entité', 'entités']);
  const facts = counted(p.factCount, lang, ['fact', 'facts'], ['fait', 'faits']);
  return textLang(lang) === 'fr'
    ? `Retirer ${p.name} ? ${entities} et ${facts} disparaîtront de ce navigateur ; vos notes restent. Pour le retrouver, importez à nouveau son fichier.`
    : `Remove ${p.name}? Its ${entities} and ${facts} will be gone from this browser; your notes stay. To get it back, import its file again.`;
}
