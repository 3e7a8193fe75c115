import { z } from 'zod';
import { HttpUrl, text } from './pack';
import { stripInvisible } from './invisible';
import { PAGE_LIMITS } from '../messaging/limits';

export const NOTE_LIMITS = { text: 20_000, quote: 2_000, title: PAGE_LIMITS.title, tag: 40, tags: 20 } as const;

/** Copied from a web page, which may hide bidi or zero-width controls in it: those are dropped, not refused. */
const pageText = (max: number) => z.string().transform(stripInvisible).pipe(z.string().max(max));

export const Note = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  /** Namespaced entity key `packId:entityId`. */
  entityKey: z.string().min(3).max(200),
  entityName: z.string().max(200),
  pageUrl: HttpUrl.optional(),
  pageTitle: pageText(NOTE_LIMITS.title).optional(),
  quote: pageText(NOTE_LIMITS.quote).optional(),
  // The reader's own words, often pasted from a page: a soft hyphen must not cost them the note.
  text: z.string().transform(stripInvisible).pipe(text(NOTE_LIMITS.text)),
  /** The reader's own labels, free text; kept as typed (trimmed), compared case-insensitively (see normalizeTags). */
  tags: z
    .array(z.string().transform(stripInvisible).pipe(z.string().trim().min(1).max(NOTE_LIMITS.tag)))
    .max(NOTE_LIMITS.tags)
    .optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Note = z.output<typeof Note>;

/** Tags as the reader typed them, trimmed, without empties or case-insensitive repeats (the first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const t = stripInvisible(raw).trim().replace(/\s+/g, ' ');
    const k = t.toLocaleLowerCase();
    if (!t || seen.has(k)) continue;
    seen.add(k);
    out.push(t.slice(0, NOTE_LIMITS.tag));
  }
  return out.slice(0, NOTE_LIMITS.tags);
}
