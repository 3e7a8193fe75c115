import type { Briefing, BriefingEntity, FactView, SourceView } from '../messaging/protocol';
import type { Note } from '../schema/note';
import { attributionLabel } from '../../components/card/labels';
import { plural, t } from '../i18n';
import { formatDate, formatDay } from '../i18n/dates';
import { mdLink, mdText } from './markdown';

/**
 * A page's briefing as Markdown, for the clipboard or a file: every entity the page names, most
 * mentioned first, with its summary, key facts (date, who says so, sources, the facts disputing
 * them) and the reader's notes. Every text from a pack, a page or a note goes through mdText, so
 * none can embed an image (a request) or a script link. Our own words and dates are in the UI's
 * language; each entity's facts keep the language the pack gave them in.
 */

/** Escaped, on one line: for headings and list items. */
const mdLine = (s: string) => mdText(s.replace(/\s*\r?\n\s*/g, ' '));
/** Escaped, its line breaks kept inside the list item. */
const mdLines = (s: string, indent: string) => s.split(/\r?\n/).map(mdText).join(`  \n${indent}`);

function citations(ids: readonly string[], sources: Map<string, SourceView>): string {
  const cited = ids.flatMap((id) => {
    const s = sources.get(id);
    return s ? [`${mdLink(s.publisher, s.url)}, ${formatDate(s.published)}`] : [];
  });
  return cited.length ? ` (${cited.join('; ')})` : '';
}

/** "18 Jan 2020 · Press report: text (Publisher, date)". */
function factLine(f: Pick<FactView, 'date' | 'attribution' | 'text' | 'sourceIds'>, sources: Map<string, SourceView>): string {
  return t('panel.briefingFact', { date: formatDate(f.date), who: attributionLabel(f.attribution), fact: mdLine(f.text) + citations(f.sourceIds, sources) });
}

function noteLines(n: Note): string[] {
  const out = [`- ${mdLines(n.text, '  ')}`];
  if (n.quote) out.push(`  > ${mdLine(n.quote)}`);
  const page = n.pageUrl ? mdLink(n.pageTitle || n.pageUrl, n.pageUrl) : n.pageTitle ? mdLine(n.pageTitle) : '';
  out.push(`  — ${formatDay(n.updatedAt)}${page ? `, ${page}` : ''}`);
  return out;
}

function entityLines(e: BriefingEntity): string[] {
  const sources = new Map(e.sources.map((s) => [s.id, s]));
  const out = [`## ${mdLine(e.name)} — ${plural('panel.mentionCount', e.count)}`, ''];
  if (e.summary) out.push(mdLine(e.summary), '');
  if (e.facts.length) {
    out.push(`**${t('panel.keyFacts')}**`, '');
    for (const f of e.facts) {
      out.push(`- ${factLine(f, sources)}`);
      for (const d of f.disputes ?? []) out.push(`  - ${t('panel.briefingDisputed', { fact: factLine(d, sources) })}`);
    }
    out.push('');
  }
  const more = e.factCount - e.facts.length;
  if (more > 0) out.push(`_${plural('panel.briefingMore', more)}_`, '');
  if (e.notes.length) {
    out.push(`**${t('panel.notes')}**`, '');
    for (const n of e.notes) out.push(...noteLines(n));
    out.push('');
  }
  return out;
}

/** `madeAt` is an ISO timestamp (the clock is the caller's, so tests are repeatable). */
export function briefingToMarkdown(b: Briefing, madeAt: string): string {
  const title = b.title?.trim() || b.url || t('panel.briefingUntitled');
  const mentions = b.entities.reduce((n, e) => n + e.count, 0);
  const out = [`# ${t('panel.briefingHeading', { page: mdLine(title) })}`, ''];
  if (b.url) out.push(mdLink(b.url, b.url), '');
  const made = plural('panel.briefingMade', b.entities.length, { mentions: plural('panel.mentionCount', mentions), date: formatDay(madeAt) });
  out.push(b.entities.length ? made : t('panel.nothingFound'), '');
  for (const e of b.entities) out.push(...entityLines(e));
  return out.join('\n').replace(/\n+$/, '\n');
}
