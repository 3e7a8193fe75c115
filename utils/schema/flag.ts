import { z } from 'zod';
import { Id, LIMITS, text } from './pack';
import { stripInvisible } from './invisible';

export const FLAG_KINDS = ['wrong', 'outdated'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export const FLAG_LIMITS = { reason: 500 } as const;

/** One flag per fact per pack: fact ids are unique within a pack (validate.ts), so `packId:factId` names the fact. */
export const flagId = (packId: string, factId: string) => `${packId}:${factId}`;

/** `packId:factId`, both pack ids (the pack schema's Id). */
export const FlagId = z
  .string()
  .max(161)
  .refine((s) => {
    const i = s.indexOf(':');
    return i > 0 && Id.safeParse(s.slice(0, i)).success && Id.safeParse(s.slice(i + 1)).success;
  }, 'must be "packId:factId"');

/**
 * The reader's own words, often pasted: invisible and bidi controls are dropped (as in a note), then
 * the text must be 1–500 characters once trimmed.
 */
export const FlagReason = z.string().transform(stripInvisible).pipe(text(FLAG_LIMITS.reason));

/**
 * A reader's mark on a fact they believe wrong or outdated, with what the pack said when they saw
 * it: the corrections file must make sense to the pack's author even after the pack changed.
 */
export const Flag = z
  .strictObject({
    id: FlagId,
    packId: Id,
    packVersion: z.string().max(40),
    /** Namespaced entity key `packId:entityId`. */
    entityKey: z.string().min(3).max(200),
    entityName: z.string().max(LIMITS.name),
    factId: Id,
    /** The fact's text in the language the reader read it in, as the pack had it then. */
    factText: z.string().min(1).max(LIMITS.factText),
    kind: z.enum(FLAG_KINDS),
    reason: FlagReason,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .refine((f) => f.id === flagId(f.packId, f.factId) && f.entityKey.startsWith(`${f.packId}:`), 'id and entityKey must name the flag’s pack and fact');
export type Flag = z.output<typeof Flag>;
