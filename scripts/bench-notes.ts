/**
 * Deterministic, plausible notes for the benchmark's library phase: many entities, sites and tags, French
 * and English text with accents, quotes on some, dates over two years. As a notes backup (the JSON the
 * options page restores), so they go in through the extension's own restore path.
 */
import type { Note } from '../utils/schema/note';
import { notesToJson } from '../utils/export/json';
import { mulberry32 } from './seeded-random';

const ENTITIES: [string, string][] = [
  ['backstory.surveillance-tech:clearview-ai', 'Clearview AI'],
  ['backstory.surveillance-tech:pimeyes', 'PimEyes'],
  ['backstory.surveillance-tech:nso-group', 'NSO Group'],
  ['backstory.surveillance-tech:cambridge-analytica', 'Cambridge Analytica'],
  ['backstory.surveillance-tech:palantir', 'Palantir Technologies'],
  ['backstory.surveillance-tech:intellexa', 'Intellexa'],
  ['backstory.surveillance-tech:ring', 'Ring'],
  ['backstory.surveillance-tech:hikvision', 'Hikvision'],
  ['backstory.surveillance-tech:cellebrite', 'Cellebrite'],
  ['backstory.platforms-privacy:meta', 'Meta Platforms'],
  ['backstory.platforms-privacy:google', 'Google'],
  ['backstory.platforms-privacy:tiktok', 'TikTok'],
  ['backstory.platforms-privacy:cnil', 'CNIL'],
  ['backstory.platforms-privacy:noyb', 'noyb – European Center for Digital Rights'],
];
const SITES = [
  'www.lemonde.fr',
  'www.liberation.fr',
  'www.mediapart.fr',
  'www.nytimes.com',
  'www.theguardian.com',
  'www.bbc.co.uk',
  'techcrunch.com',
  'www.wired.com',
  'www.lesechos.fr',
  'www.nextinpact.com',
  'citizenlab.ca',
  'www.cnil.fr',
  'edpb.europa.eu',
  'www.reuters.com',
  'apnews.com',
  'www.heise.de',
  'www.elpais.com',
  'www.politico.eu',
];
const TAGS = ['à vérifier', 'RGPD', 'police', 'sécurité', 'contrats', 'amende', 'procès', 'enquête', 'source primaire', 'follow-up', 'interview', 'chiffres'];
const FR = [
  'La CNIL a prononcé une amende après une plainte de noyb.',
  'Vérifier la date exacte de la décision et le montant en euros.',
  'Le contrat avec la police municipale n’a jamais été publié.',
  'Sécurité des données : l’entreprise affirme avoir corrigé la faille.',
  'Demander au service de presse une réaction écrite avant jeudi.',
  'Les chiffres diffèrent de ceux du rapport annuel ; à recouper.',
  'Témoignage d’un ancien salarié sur la reconnaissance faciale.',
  'Le régulateur italien a ordonné l’effacement des données biométriques.',
];
const EN = [
  'The company disputes the regulator’s reading of the law.',
  'Check whether the contract was renewed after the pilot ended.',
  'Court filing mentions a second database; find the docket number.',
  'Police department confirmed use in a public records response.',
  'Interview notes: the founder declined to comment on investors.',
  'Numbers here conflict with the earlier press release.',
];
const QUOTES = [
  'Nous ne commentons pas les procédures en cours.',
  'The database contains more than 30 billion images.',
  'Aucune donnée n’a été transmise à des tiers.',
  'We have always complied with applicable law.',
  'Le système a été déployé dans trois départements.',
];

export function generateNotes(n: number, seed = 12): Note[] {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const start = Date.UTC(2025, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const notes: Note[] = [];
  for (let i = 0; i < n; i++) {
    const [entityKey, entityName] = pick(ENTITIES);
    const site = pick(SITES);
    const created = start + Math.floor(r() * span);
    const updated = r() < 0.3 ? created + Math.floor(r() * 30 * 86_400_000) : created;
    const sentences = 1 + Math.floor(r() * 3);
    const text = Array.from({ length: sentences }, () => pick(r() < 0.6 ? FR : EN)).join(' ') + ` (#${i})`;
    const tags = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(TAGS)))];
    notes.push({
      id: `bench-note-${String(i).padStart(6, '0')}`,
      entityKey,
      entityName,
      pageUrl: `https://${site}/${2025 + Math.floor(r() * 2)}/article-${Math.floor(r() * 5000)}`,
      pageTitle: `${entityName} : ${pick(['enquête', 'décision', 'investigation', 'ruling', 'report', 'interview'])} ${i % 97}`,
      ...(r() < 0.4 ? { quote: pick(QUOTES) } : {}),
      text,
      ...(tags.length ? { tags } : {}),
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    });
  }
  return notes;
}

/** The notes as the JSON backup the options page restores. */
export function notesBackup(notes: Note[]): string {
  return notesToJson(notes, new Date().toISOString());
}
