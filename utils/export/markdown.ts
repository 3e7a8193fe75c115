import type { Note } from '../schema/note';
import { isHttpUrl } from '../url/http';

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;
const ENTITY = /&#?[A-Za-z0-9]+;/y;

/** A line's opening that Markdown would read as a block: heading, quote, list item, rule or setext underline. */
function escapeLineStart(line: string): string {
  // An ordered list item ("1. ", "2) ").
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  // A bullet ("- ", "+ "), a rule or setext underline ("---", "- - -", "==="), a block quote (">"), a heading ("# ").
  if (/^[-+](\s|$)/.test(line) || /^([-=])(\s*\1)*\s*$/.test(line) || line.startsWith('>')) return `\\${line}`;
  return line;
}

/** Characters that would change the rendering wherever they are, escaped; everything else as typed. */
function escapeInline(line: string): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    const prev = line.charAt(i - 1);
    const next = line.charAt(i + 1);
    switch (c) {
      case '\\':
        // A backslash escapes the punctuation after it, and at the end of a line breaks it.
        out += next === '' || ASCII_PUNCT.test(next) ? '\\\\' : c;
        break;
      case '`': // code spans and fences
      case '*': // emphasis, bullets, rules
      case '[': // links, images, references, footnotes
      case ']':
      case '|': // table cells
      case '~': // strikethrough, fences
        out += `\\${c}`;
        break;
      case '_':
        // Inside a word ("snake_case") an underscore never emphasises.
        out += ALNUM.test(prev) && ALNUM.test(next) ? c : '\\_';
        break;
      case '#': {
        // A heading opening, or a closing sequence a heading would eat: a run of # after a space, ending the line or followed by one.
        let end = i;
        while (line.charAt(end) === '#') end++;
        const opens = (prev === '' || /\s/.test(prev)) && (end === line.length || /\s/.test(line.charAt(end)));
        out += opens ? line.slice(i, end).replace(/#/g, '\\#') : line.slice(i, end);
        i = end - 1;
        break;
      }
      case '<': // HTML, autolinks
        out += '&lt;';
        break;
      case '&':
        // Only an entity reference ("&copy;", "&#60;") renders as something else; "AT&T" does not.
        ENTITY.lastIndex = i;
        out += ENTITY.test(line) ? '&amp;' : c;
        break;
      case '.':
        // A dot inside a domain ("example.com", "www.x"): viewers that autolink bare domains (GFM, linkify) must not.
        out += ALNUM.test(prev) && LETTER.test(next) ? '\\.' : c;
        break;
      case ':':
        // "scheme://": GFM autolinks it even without a dot in the host.
        out += line.startsWith('//', i + 1) ? '\\:' : c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

/**
 * Text that renders as itself in any Markdown viewer (CommonMark, GFM, linkify): no HTML, no image
 * (a tracking request), no link (live or script) and no block syntax can come from it, yet ordinary
 * punctuation stays as typed ("start-up", "(27 Feb 2020)"). Each line is a line of its own: its
 * indentation is dropped (it would make code) and its opening escaped where Markdown would read a
 * block there, so it is safe at the start of a line and anywhere inside one.
 */
export function mdText(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => escapeLineStart(escapeInline(line.replace(/^[ \t]+/, ''))))
    .join('\n');
}

/** A link only for http(s) URLs, with the URL's own parentheses and spaces escaped; otherwise code. */
export function mdLink(label: string, url: string | undefined): string {
  if (!url) return mdText(label);
  if (!isHttpUrl(url)) return `\`${url.replace(/`/g, '')}\``;
  const safe = url.replace(/[()<> ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${mdText(label)}](${safe})`;
}

/** "2026-11-01", and ", edited 2026-12-01" when the note was changed after it was written. */
function noteDates(n: Note): string {
  return `${n.createdAt.slice(0, 10)}${n.updatedAt !== n.createdAt ? `, edited ${n.updatedAt.slice(0, 10)}` : ''}`;
}

/** Each line escaped, inside a list item: hard line breaks, indented under the item. */
const itemLines = (s: string) => mdText(s).split('\n').join('  \n  ');

export function notesToMarkdown(notes: Note[], exportedAt: string): string {
  const byEntity = new Map<string, Note[]>();
  for (const n of notes) byEntity.set(n.entityName, [...(byEntity.get(n.entityName) ?? []), n]);
  const out = [`# Backstory notes`, '', `Exported ${exportedAt}. ${notes.length} note${notes.length === 1 ? '' : 's'}.`, ''];
  for (const [name, list] of [...byEntity].sort((a, b) => a[0].localeCompare(b[0]))) {
    out.push(`## ${mdText(name.replace(/\s*\r?\n\s*/g, ' '))}`, '');
    for (const n of [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      // The item's lines end in hard breaks, so the dates and tags sit under the text, not run into it.
      out.push(`- ${itemLines(n.text)}  `);
      if (n.tags?.length) out.push(`  Tags: ${n.tags.map((t) => mdText(t)).join(', ')}  `);
      const page = n.pageUrl ? mdLink(n.pageTitle || n.pageUrl, n.pageUrl) : n.pageTitle ? mdText(n.pageTitle) : '';
      out.push(`  — ${noteDates(n)}${page ? `, ${page}` : ''}`);
      // Last in the item: a line after a quote would be read as part of it.
      if (n.quote) for (const line of mdText(n.quote).split('\n')) out.push(`  > ${line}`);
    }
    out.push('');
  }
  return out.join('\n');
}
