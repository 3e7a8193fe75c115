import { z } from 'zod';
import { HttpUrl, text } from './pack';
import { PAGE_LIMITS } from '../messaging/limits';

export const NOTE_LIMITS = { text: 20_000, quote: 2_000, title: PAGE_LIMITS.title } as const;

export const Note = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
  /** Namespaced entity key `packId:entityId`. */
  entityKey: z.string().min(3).max(200),
  entityName: z.string().max(200),
  pageUrl: HttpUrl.optional(),
  pageTitle: z.string().max(NOTE_LIMITS.title).optional(),
  quote: z.string().max(NOTE_LIMITS.quote).optional(),
  text: text(NOTE_LIMITS.text),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Note = z.output<typeof Note>;
