import { z } from 'zod';
import { ATTRIBUTIONS, ENTITY_KINDS, PartialDate, RELATION_KINDS } from '../schema/pack';
import { Note, NOTE_LIMITS } from '../schema/note';
import { Flag, FLAG_KINDS, FlagId, FlagReason } from '../schema/flag';
import { Mute, MUTE_SCOPES, MuteHost } from '../schema/mute';
import { MAX_BLOCK_CHARS, MAX_MATCH_CHARS, MAX_MATCH_TEXTS, PAGE_LIMITS } from './limits';
import { MAX_PACK_CHUNKS, MAX_PACK_UPLOAD, PACK_CHUNK_CHARS } from './pack-upload-limits';

/**
 * Every message the extension's parts send the worker: request and reply schema, and which senders
 * may send it. "content" messages come from content scripts in web pages (untrusted tier); "extension"
 * messages only from the extension's own pages (popup, side panel, options). The worker's own
 * messages to tabs are in tab-protocol.ts.
 */
const Key = z.string().min(3).max(200);
const Lang = z.string().max(20).optional();
/** Keys per `entity.names` request; the library asks in chunks this size. */
export const ENTITY_NAMES_MAX = 2_000;
const TabId = z.number().int().nonnegative();

const SourceView = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string(),
  via: z.string().optional(),
  url: z.string(),
  published: z.string(),
  language: z.string(),
  archived: z.string().optional(),
  /** Where the pack's author read the text (a copy); in the side panel's source list only, never sent to a page. */
  readAt: z.string().optional(),
});
export type SourceView = z.infer<typeof SourceView>;

/** What the source says, word for word (side panel only). */
const EvidenceView = z.object({ source: z.string(), text: z.string(), lang: z.string() });
export type EvidenceView = z.infer<typeof EvidenceView>;

/** A fact that contradicts the one it is attached to (e.g. the company's denial of a report), shown beside it. */
const DisputeView = z.object({ id: z.string(), text: z.string(), date: PartialDate, attribution: z.enum(ATTRIBUTIONS), sourceIds: z.array(z.string()) });
export type DisputeView = z.infer<typeof DisputeView>;

const FactView = z.object({
  id: z.string(),
  text: z.string(),
  date: PartialDate,
  attribution: z.enum(ATTRIBUTIONS),
  sourceIds: z.array(z.string()),
  key: z.boolean(),
  quote: z.object({ text: z.string(), lang: z.string(), by: z.string() }).optional(),
  disputedBy: z.array(z.string()).optional(),
  disputes: z.array(DisputeView).optional(),
  evidence: z.array(EvidenceView).optional(),
});
export type FactView = z.infer<typeof FactView>;

const CardView = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(ENTITY_KINDS),
  summary: z.string(),
  lang: z.string(),
  facts: z.array(FactView),
  sources: z.array(SourceView),
  factCount: z.number(),
});
export type CardView = z.infer<typeof CardView>;

const SheetView = CardView.extend({
  aliases: z.array(z.string()),
  related: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(RELATION_KINDS) })),
  pack: z.object({ id: z.string(), name: z.string(), version: z.string() }),
  reviewed: z.string(),
});
export type SheetView = z.infer<typeof SheetView>;

const PageEntity = z.object({ key: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS), summary: z.string(), count: z.number() });
export type PageEntity = z.infer<typeof PageEntity>;

/** One entity of a page's briefing: its key facts (with the facts disputing them), the sources they cite, the reader's notes on it. */
const BriefingEntity = PageEntity.extend({
  lang: z.string(),
  factCount: z.number(),
  facts: z.array(FactView),
  sources: z.array(SourceView),
  notes: z.array(Note),
});
export type BriefingEntity = z.infer<typeof BriefingEntity>;
const Briefing = z.object({ url: z.string().nullable(), title: z.string().nullable(), entities: z.array(BriefingEntity) });
export type Briefing = z.infer<typeof Briefing>;

const PackView = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  bundled: z.boolean(),
  enabled: z.boolean(),
  discreet: z.boolean(),
  entityCount: z.number(),
  factCount: z.number(),
  sourceCount: z.number(),
  languages: z.array(z.string()),
  license: z.string(),
});
export type PackView = z.infer<typeof PackView>;

const PackProblem = z.object({ path: z.string(), message: z.string() });
/** A refused file: what is wrong, in one sentence in the reader's language, before its problems. */
const PackSummary = z.string().optional();
const Preview = z.object({
  id: z.string(),
  name: z.string(),
  version: z.string(),
  entities: z.number(),
  facts: z.number(),
  sources: z.number(),
  aliases: z.number(),
  /** What importing would do (preview only), and the installed version it would replace. */
  outcome: z.enum(['installed', 'updated', 'unchanged']).optional(),
  installedVersion: z.string().optional(),
});
export type PackPreview = z.infer<typeof Preview>;

const Ok = z.object({});

export const MAX_PACK_TEXT = 20 * 1024 * 1024;
const UploadId = z.string().min(1).max(40);

/** Tags on a note, by the stored note's own rule (the store also drops repeats in another case). */
const NoteTags = Note.shape.tags.unwrap();

/** A note being written: its text and tags so far, and the panel's revision of it. */
const NoteDraft = z.strictObject({
  text: z.string().max(NOTE_LIMITS.text),
  tags: NoteTags,
  rev: z.number().int().nonnegative(),
});

function def<Req extends z.ZodType, Res extends z.ZodType>(tier: 'content' | 'extension', req: Req, res: Res) {
  return { tier, req, res };
}

export const protocol = {
  /**
   * The text of a page's blocks (a name never spans two) → the mentions of the reader's packs in
   * them: per match, the text's index, start and end offsets, the entity (an index into `entities`)
   * and its row's flags (a discreet pack's or a weak name's). The worker keeps nothing of the text;
   * the answer names only the entities found, and which of them the reader muted on the sender's site.
   */
  'page.match': def(
    'content',
    z
      .strictObject({ texts: z.array(z.string().max(MAX_BLOCK_CHARS)).max(MAX_MATCH_TEXTS) })
      .refine((r) => r.texts.reduce((n, t) => n + t.length, 0) <= MAX_MATCH_CHARS, `more than ${MAX_MATCH_CHARS} characters`),
    z.object({
      entities: z.array(z.string()),
      matches: z.array(z.number().int().min(0)),
      /** The entities of this answer the reader muted on the sender's site: matched (so no shorter name takes their place), never painted or counted. Absent when none. */
      muted: z.array(z.string()).optional(),
      /** The worker's own time on the request (ms), for the benchmark: off the page's thread. */
      took: z.object({ tokenize: z.number(), match: z.number() }),
    }),
  ),
  /** Public card for one entity (no notes: the page can read the card). */
  'entity.card': def('content', z.strictObject({ key: Key, lang: Lang }), CardView),
  /**
   * Ids and counts of entities found on the sender's page; never page text beyond its title (for
   * the notes written on it) and its address (kept only when it has the sender frame's origin).
   */
  'page.report': def(
    'content',
    z.strictObject({
      entities: z.array(z.strictObject({ key: Key, count: z.number().int().min(0) })).max(5_000),
      reset: z.boolean(),
      title: z.string().max(PAGE_LIMITS.title).optional(),
      url: z.string().max(PAGE_LIMITS.url).optional(),
      /** When the tab's top page started (its performance.timeOrigin), read by every frame: ties a frame's report to its page. */
      page: z.number().finite().optional(),
    }),
    Ok,
  ),
  /** Whether the extension is paused for the sender's site. */
  'site.state': def('content', z.strictObject({}), z.object({ paused: z.boolean() })),
  /**
   * Open the side panel on an entity, from a click in the card (a user gesture). `quote` is the
   * text the reader had selected on the page, offered as the quote of a new note.
   */
  'panel.open': def(
    'content',
    z.strictObject({ key: Key, quote: z.string().max(NOTE_LIMITS.quote).optional() }),
    z.object({ opened: z.boolean(), via: z.string() }),
  ),
  /**
   * "Not this one" in the card, on the reader's click: mute an entity on the sender tab's own site
   * (the host comes from the browser, never from the body) or everywhere. At most once a second per tab.
   */
  'mute.fromCard': def('content', z.strictObject({ key: Key, scope: z.enum(MUTE_SCOPES) }), Ok),
  /** The card's Undo: remove a mute this tab made from its card, and say whether the entity is still muted on its site (by another mute). */
  'mute.undoFromCard': def('content', z.strictObject({ key: Key, scope: z.enum(MUTE_SCOPES) }), z.object({ muted: z.boolean() })),

  /** The fact sheet for the side panel: every fact, its sources, aliases, related entities and pack. */
  'entity.sheet': def('extension', z.strictObject({ key: Key, lang: Lang }), SheetView),
  /** What the worker knows of a tab for the popup and side panel: address, entities counted, focus, quote, pause, notes. */
  'tab.state': def(
    'extension',
    z.strictObject({ tabId: TabId, lang: Lang }),
    z.object({
      url: z.string().nullable(),
      host: z.string().nullable(),
      title: z.string().nullable(),
      entities: z.array(PageEntity),
      focus: z.string().nullable(),
      quote: z.string().nullable(),
      paused: z.boolean(),
      pausedAll: z.boolean(),
      notesOnPage: z.number(),
    }),
  ),
  /** Everything a tab's page names, most mentioned first, for the reader (discreet packs' entities too, as tab.state lists them). */
  'page.briefing': def('extension', z.strictObject({ tabId: TabId, lang: Lang }), Briefing),
  /**
   * Entities' names in the reader's language (a pack may name them by language), for names the reader's
   * notes keep as they were written: the library shows these instead. Keys no installed pack knows are left out.
   */
  'entity.names': def(
    'extension',
    z.strictObject({ keys: z.array(Key).max(ENTITY_NAMES_MAX), lang: Lang }),
    z.object({ names: z.record(z.string(), z.string()) }),
  ),
  /** From the popup: show this entity in the side panel of that tab (the popup opens the panel itself). */
  'panel.focus': def('extension', z.strictObject({ tabId: TabId, key: Key }), Ok),
  /**
   * Pause (or resume) on one site, or everywhere when `host` is "*". Every open tab applies it at once;
   * the reply waits for `tabId`'s (the popup's tab), so its counts are current when the popup reads them.
   */
  'site.pause': def('extension', z.strictObject({ host: z.string().min(1).max(300), paused: z.boolean(), tabId: TabId.optional() }), Ok),
  /** The reader's settings: typo tolerance and the paused sites. */
  'settings.get': def('extension', z.strictObject({}), z.object({ typoTolerance: z.boolean(), pausedHosts: z.array(z.string()) })),
  /** Turn typo tolerance on or off (pausing goes through site.pause). */
  'settings.set': def('extension', z.strictObject({ typoTolerance: z.boolean() }), Ok),
  /** Installed packs, and why the bundled ones may be missing (a failed seeding, retried on later requests). */
  'packs.list': def('extension', z.strictObject({}), z.object({ packs: z.array(PackView), seedProblem: z.string().nullable() })),
  /** Validate a pack file without writing anything: the preview, or every error. */
  'pack.preview': def(
    'extension',
    z.strictObject({ text: z.string().max(MAX_PACK_TEXT) }),
    z.object({ ok: z.boolean(), preview: Preview.optional(), errors: z.array(PackProblem), summary: PackSummary }),
  ),
  /** Validate and install (or update) a pack file in one transaction: the outcome and preview, or every error. */
  'pack.import': def(
    'extension',
    /** `discreet` (default true): never paint this pack's names in web pages. */
    z.strictObject({ text: z.string().max(MAX_PACK_TEXT), discreet: z.boolean().optional() }),
    z.object({ ok: z.boolean(), outcome: z.string().optional(), preview: Preview.optional(), errors: z.array(PackProblem), summary: PackSummary }),
  ),
  /** Remove an installed pack with its entities and sources (`not-found` for an unknown id). */
  'pack.remove': def('extension', z.strictObject({ id: z.string().max(80) }), Ok),
  /** Enable or disable a pack: a disabled pack's names are not painted, and no card, sheet or count shows them. */
  'pack.enable': def('extension', z.strictObject({ id: z.string().max(80), enabled: z.boolean() }), Ok),
  /** Discreet packs are counted for the popup and side panel but never painted or carded in pages. */
  'pack.discreet': def('extension', z.strictObject({ id: z.string().max(80), discreet: z.boolean() }), Ok),
  /**
   * A pack too big for one message (Chrome refuses 64 MiB) arrives in pieces: `begin` announces its
   * characters and chunks, `chunk` carries them (any order, each once), `commit` assembles, validates
   * and then previews or installs exactly as `pack.preview` / `pack.import` do, `abort` drops it.
   * Nothing is parsed or written before `commit`; an upload is used once, and one idle for two minutes
   * or outlived by its worker is gone (`not-found`: send the file again).
   */
  'pack.upload.begin': def(
    'extension',
    z.strictObject({ chars: z.number().int().min(0).max(MAX_PACK_UPLOAD), chunks: z.number().int().min(1).max(MAX_PACK_CHUNKS) }),
    z.object({ uploadId: UploadId }),
  ),
  'pack.upload.chunk': def(
    'extension',
    z.strictObject({ uploadId: UploadId, index: z.number().int().min(0).max(MAX_PACK_CHUNKS), text: z.string().max(PACK_CHUNK_CHARS) }),
    z.object({ received: z.number() }),
  ),
  'pack.upload.commit': def(
    'extension',
    z.strictObject({ uploadId: UploadId, action: z.enum(['preview', 'import']), discreet: z.boolean().optional() }),
    z.object({ ok: z.boolean(), outcome: z.string().optional(), preview: Preview.optional(), errors: z.array(PackProblem), summary: PackSummary }),
  ),
  'pack.upload.abort': def('extension', z.strictObject({ uploadId: UploadId }), Ok),
  /** The reader's notes, all or one entity's, and how many stored rows are quarantined. */
  'notes.list': def('extension', z.strictObject({ entityKey: Key.optional() }), z.object({ notes: z.array(Note), quarantined: z.number() })),
  /**
   * A page of the reader's notes, newest first, after the last one of the previous page: the notes
   * library shows its first page at once and loads the rest in pages (one 10,000-note reply took seconds).
   */
  'notes.page': def(
    'extension',
    z.strictObject({ limit: z.number().int().min(1).max(2_000), after: z.strictObject({ updatedAt: z.string().max(40), id: z.string().max(64) }).optional() }),
    z.object({
      notes: z.array(Note),
      quarantined: z.number(),
      next: z.object({ updatedAt: z.string(), id: z.string() }).nullable(),
      total: z.number().nullable(),
    }),
  ),
  /** Create or replace a note (durable write); the reply is the note as stored. */
  'note.save': def('extension', z.strictObject({ note: Note }), z.object({ note: Note })),
  /** Delete one note by id; the reply is the note as it was (the side panel's Undo saves it back), if there was one. */
  'note.delete': def('extension', z.strictObject({ id: z.string().max(64) }), z.object({ note: Note.optional() })),
  /**
   * Edit a stored note's text, quote (null removes it) and tags; its id, entity, page and createdAt
   * stay the stored ones and the worker sets updatedAt (`not-found` if it was deleted meanwhile).
   */
  'note.update': def(
    'extension',
    z.strictObject({ id: Note.shape.id, text: Note.shape.text, quote: Note.shape.quote.unwrap().nullable(), tags: NoteTags }),
    z.object({ note: Note }),
  ),
  /** Every tag on the reader's notes with how many notes carry it, most used first (suggestions). */
  'notes.tags': def('extension', z.strictObject({}), z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number() })) })),
  /** The note being written on an entity, kept by the worker so it survives the panel closing (null: none). */
  'draft.get': def('extension', z.strictObject({ entityKey: Key }), z.object({ draft: NoteDraft.nullable() })),
  /** Keep the draft (an empty one once the note is saved); a revision older than the stored one is ignored. */
  'draft.save': def('extension', z.strictObject({ entityKey: Key, ...NoteDraft.shape }), z.object({ kept: z.boolean() })),
  /** Stored note rows that fail the note schema, as they are: counted by notes.list, shown only here. */
  'notes.quarantined': def('extension', z.strictObject({}), z.object({ rows: z.array(z.unknown()) })),
  /** Delete those rows; `count` is how many the reader was shown, and a different number refuses. */
  'notes.quarantined.delete': def('extension', z.strictObject({ count: z.number().int().min(0) }), z.object({ deleted: z.number() })),
  /** Restore a JSON notes export (all or nothing). */
  'notes.import': def(
    'extension',
    z.strictObject({ text: z.string().max(MAX_PACK_TEXT) }),
    z.object({ ok: z.boolean(), imported: z.number(), error: z.string().optional() }),
  ),
  /** The reader's flags on facts, all or one entity's, and how many stored rows are unreadable. */
  'flags.list': def('extension', z.strictObject({ entityKey: Key.optional() }), z.object({ flags: z.array(Flag), unreadable: z.number() })),
  /** Flag a fact as wrong or outdated (replacing its flag); the worker adds the pack, entity and fact text from its own store. */
  'flag.save': def(
    'extension',
    z.strictObject({ entityKey: Key, factId: z.string().max(80), kind: z.enum(FLAG_KINDS), reason: FlagReason, lang: Lang }),
    z.object({ flag: Flag }),
  ),
  /** Remove one flag by id (`packId:factId`). */
  'flag.delete': def('extension', z.strictObject({ id: FlagId }), Ok),
  /** The reader's mutes, all or those that apply on one site (its own and the everywhere ones), and how many stored rows are unreadable. */
  'mutes.list': def('extension', z.strictObject({ host: MuteHost.optional() }), z.object({ mutes: z.array(Mute), unreadable: z.number() })),
  /** Mute an entity on a site (`host`, required for a site mute) or everywhere, from the side panel; open tabs drop its highlights at once. */
  'mute.add': def('extension', z.strictObject({ key: Key, scope: z.enum(MUTE_SCOPES), host: MuteHost.optional() }), z.object({ mute: Mute })),
  /** Remove a mute by id (undo, the popup, the options page); open tabs where it applied get their highlights back. */
  'mute.remove': def('extension', z.strictObject({ id: z.string().max(600) }), Ok),
  /** Wipe notes, note drafts, flags, mutes, user packs and settings; bundled packs come back. */
  'data.deleteAll': def('extension', z.strictObject({ confirm: z.literal('delete') }), Ok),
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = z.input<Protocol[T]['req']>;
export type Res<T extends MessageType> = z.output<Protocol[T]['res']>;

export const ERROR_CODES = ['bad-request', 'forbidden', 'not-found', 'storage', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const Envelope = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) }),
]);
export type Envelope = z.infer<typeof Envelope>;
