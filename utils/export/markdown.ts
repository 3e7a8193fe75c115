import type { Note } from '../schema/note';
import { isHttpUrl } from '../url/http';

/**
 * Text that renders as itself in any Markdown viewer: HTML and Markdown syntax are escaped, so a
 * note can neither embed an image (a tracking request) nor a link that runs script.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A link only for http(s) URLs, with the URL's own parentheses and spaces escaped; otherwise code. */
export function mdLink(label: string, url: string | undefined): string {
  if (!url) return mdText(label);
  if (!isHttpUrl(url)) return `\`${url.replace(/`/g, '')}\``;
  const safe = url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${mdText(label)}](${safe})`;
}

export function notesToMarkdown(notes: Note[], exportedAt: string): string {
  const byEntity = new Map<string, Note[]>();
  for (const n of notes) byEntity.set(n.entityName, [...(byEntity.get(n.entityName) ?? []), n]);
  const out = [`# Backstory notes`, '', `Exported ${exportedAt}. ${notes.length} note${notes.length === 1 ? '' : 's'}.`, ''];
  for (const [name, list] of [...byEntity].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`## ${mdText(name)}`, '');
    for (const n of [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      out.push(`- ${n.text.split(/\r?\n/).map(mdText).join('  \n  ')}`);
      if (n.quote) out.push(`  > ${mdText(n.quote)}`);
      const page = n.pageUrl ? mdLink(n.pageTitle || n.pageUrl, n.pageUrl) : n.pageTitle ? mdText(n.pageTitle) : '';
      out.push(`  — ${n.updatedAt.slice(0, 10)}${page ? `, ${page}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}
