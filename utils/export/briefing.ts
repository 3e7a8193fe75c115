import type { Briefing, BriefingEntity, FactView, SourceView } from '../messaging/protocol';
import type { Note } from '../schema/note';
import { attributionLabel, formatDate, textLang } from '../../components/card/labels';
import { mdLink, mdText } from './markdown';

/**
 * A page's briefing as Markdown, for the clipboard or a file: every entity the page names, most
 * mentioned first, with its summary, key facts (date, who says so, sources, the facts disputing
 * them) and the reader's notes. Every text from a pack, a page or a note goes through mdText, so
 * none can embed an image (a request) or a script link.
 */
const TEXT = {
  en: {
    heading: (page: string) => `Briefing: ${page}`,
    untitled: 'Untitled page',
    made: (n: number, m: number, at: string) =>
      `${n} known ${n === 1 ? 'name' : 'names'}, ${m} ${m === 1 ? 'mention' : 'mentions'}. Made by Backstory on ${at}.`,
    mentions: (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`,
    keyFacts: 'Key facts',
    more: (n: number) => `${n} more ${n === 1 ? 'fact' : 'facts'} in Backstory’s fact sheet.`,
    disputedBy: 'Disputed by',
    notes: 'Your notes',
    nothing: 'No known names on this page.',
  },
  fr: {
    heading: (page: string) => `Synthèse : ${page}`,
    untitled: 'Page sans titre',
    made: (n: number, m: number, at: string) =>
      `${n} ${n > 1 ? 'noms connus' : 'nom connu'}, ${m} ${m > 1 ? 'mentions' : 'mention'}. Préparé par Backstory le ${at}.`,
    mentions: (n: number) => `${n} ${n > 1 ? 'mentions' : 'mention'}`,
    keyFacts: 'Faits essentiels',
    more: (n: number) => `${n} autre${n > 1 ? 's faits' : ' fait'} dans la fiche de Backstory.`,
    disputedBy: 'Contesté par',
    notes: 'Vos notes',
    nothing: 'Aucun nom connu sur cette page.',
  },
} as const;

type Text = (typeof TEXT)['en' | 'fr'];

/** Escaped, on one line: for headings and list items. */
const mdLine = (s: string) => mdText(s.replace(/\s*\r?\n\s*/g, ' '));
/** Escaped, its line breaks kept inside the list item. */
const mdLines = (s: string, indent: string) => s.split(/\r?\n/).map(mdText).join(`  \n${indent}`);

function citations(ids: readonly string[], sources: Map<string, SourceView>, lang: string): string {
  const cited = ids.flatMap((id) => {
    const s = sources.get(id);
    return s ? [`${mdLink(s.publisher, s.url)}, ${formatDate(s.published, lang)}`] : [];
  });
  return cited.length ? ` (${cited.join('; ')})` : '';
}

/** "18 Jan 2020 · Press report: text (Publisher, date)", in the fact's language. */
function factLine(f: Pick<FactView, 'date' | 'attribution' | 'text' | 'sourceIds'>, sources: Map<string, SourceView>, lang: string): string {
  return `${formatDate(f.date, lang)} · ${attributionLabel(f.attribution, lang)}: ${mdLine(f.text)}${citations(f.sourceIds, sources, lang)}`;
}

function noteLines(n: Note, lang: string): string[] {
  const out = [`- ${mdLines(n.text, '  ')}`];
  if (n.quote) out.push(`  > ${mdLine(n.quote)}`);
  const page = n.pageUrl ? mdLink(n.pageTitle || n.pageUrl, n.pageUrl) : n.pageTitle ? mdLine(n.pageTitle) : '';
  out.push(`  — ${formatDate(n.updatedAt.slice(0, 10), lang)}${page ? `, ${page}` : ''}`);
  return out;
}

function entityLines(e: BriefingEntity, t: Text, lang: string): string[] {
  const sources = new Map(e.sources.map((s) => [s.id, s]));
  const out = [`## ${mdLine(e.name)} — ${t.mentions(e.count)}`, ''];
  if (e.summary) out.push(mdLine(e.summary), '');
  if (e.facts.length) {
    out.push(`**${t.keyFacts}**`, '');
    for (const f of e.facts) {
      out.push(`- ${factLine(f, sources, e.lang)}`);
      for (const d of f.disputes ?? []) out.push(`  - ${t.disputedBy}: ${factLine(d, sources, e.lang)}`);
    }
    out.push('');
  }
  const more = e.factCount - e.facts.length;
  if (more > 0) out.push(`_${t.more(more)}_`, '');
  if (e.notes.length) {
    out.push(`**${t.notes}**`, '');
    for (const n of e.notes) out.push(...noteLines(n, lang));
    out.push('');
  }
  return out;
}

/**
 * `madeAt` is an ISO timestamp (the clock is the caller's, so tests are repeatable); `lang` is the
 * reader's, for our own words and dates (each entity's facts keep the language the pack gave them in).
 */
export function briefingToMarkdown(b: Briefing, madeAt: string, lang: string): string {
  const t = TEXT[textLang(lang)];
  const title = b.title?.trim() || b.url || t.untitled;
  const mentions = b.entities.reduce((n, e) => n + e.count, 0);
  const out = [`# ${t.heading(mdLine(title))}`, ''];
  if (b.url) out.push(mdLink(b.url, b.url), '');
  out.push(b.entities.length ? t.made(b.entities.length, mentions, formatDate(madeAt.slice(0, 10), lang)) : t.nothing, '');
  for (const e of b.entities) out.push(...entityLines(e, t, lang));
  return out.join('\n').replace(/\n+$/, '\n');
}
