import { z } from 'zod';
import { LIMITS } from './pack';

/**
 * A mute: the reader said "not this one" about an entity, on one site or everywhere. Muted entities
 * are not painted, counted or carded where the mute applies.
 */
export const MUTE_SCOPES = ['site', 'everywhere'] as const;
export type MuteScope = (typeof MUTE_SCOPES)[number];

/** Namespaced entity key `packId:entityId`, as everywhere else. */
export const MuteEntityKey = z.string().min(3).max(200);

/** A site is a URL's host (with its port): no spaces, slashes, or the id's separator. */
export const MuteHost = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[^\s/|*]+$/, 'must be a site’s host, such as "news.example" or "127.0.0.1:8080"');

/** One mute per entity per place: muting again where it is muted changes nothing. */
export const muteId = (entityKey: string, host: string | null) => `${host ?? '*'}|${entityKey}`;

export const Mute = z
  .strictObject({
    id: z.string().max(600),
    entityKey: MuteEntityKey,
    /** The entity's name when muted: the options page lists it even if its pack is gone. */
    entityName: z.string().max(LIMITS.name),
    scope: z.enum(MUTE_SCOPES),
    /** The site, for a site mute only. */
    host: MuteHost.optional(),
    createdAt: z.iso.datetime(),
  })
  .refine((m) => (m.scope === 'site') === (m.host !== undefined), 'a site mute names its host, and only a site mute does')
  .refine((m) => m.id === muteId(m.entityKey, m.host ?? null), 'id must be "host|entityKey" (or "*|entityKey" everywhere)');
export type Mute = z.output<typeof Mute>;

/** Whether a mute applies on a site (by its host). */
export const muteApplies = (m: Pick<Mute, 'scope' | 'host'>, host: string | null): boolean => m.scope === 'everywhere' || (!!host && m.host === host);
