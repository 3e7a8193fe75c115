import { z } from 'zod';
import { maxKeys } from './bounded';
import { hasInvisible } from './invisible';
import { isHttpUrl } from '../url/http';
import { CONTEXT_LIMITS } from '../messaging/limits';
import { formatPath } from './problems';

// zod 4 probes for JIT with `new Function`, which MV3's CSP forbids (docs/toolchain.md, note 1).
z.config({
  jitless: true,
  // Pack authors read these: "is required" says more than "expected string, received undefined".
  customError: (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? 'is required' : undefined),
});

/**
 * Format version of the pack file itself; bumped only when the shape changes. Format 2 adds evidence;
 * format 3, names by language (a reader of format 2 would refuse them with a less helpful message).
 */
export const PACK_FORMAT = 3;
/** Formats this version reads: format 1 packs (no evidence) and format 2 packs (one name for every language) still import. */
export const PACK_FORMATS = [1, 2, 3] as const;

export const LIMITS = {
  packBytes: 20 * 1024 * 1024,
  entities: 200_000,
  aliasesPerEntity: 200,
  factsPerEntity: 500,
  languages: 20,
  sources: 100_000,
  name: 200,
  alias: 120,
  summary: 300,
  factText: 1_000,
  quote: 500,
  /** Hard cap; `pack:check --strict` warns above EVIDENCE_ADVISED (an excerpt is a sentence or two, not a page). */
  evidence: 1_000,
  evidencePerFact: 10,
  title: 400,
  url: 2_000,
} as const;

/** Trimmed, NFC-normalised, capped, no invisible controls. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'must not be empty')
        .max(max, `must be at most ${max} characters`)
        .refine((s) => !hasInvisible(s), 'contains invisible or bidi-control characters'),
    );

export const Id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be 1–80 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit');

export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en", "fr" or "pt-BR"');

/** Event dates may be known only to the year or month. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((s) => {
    // The regex guarantees the year; a NaN default would fail the check below anyway.
    const [y = NaN, m = 1, d = 1] = s.split('-').map(Number);
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, 'is not a real calendar date');

export const FullDate = PartialDate.refine((s) => s.length === 10, 'must be a full date YYYY-MM-DD');

/** Only http(s): plain z.url() accepts javascript: and data: (docs/security.md, item 20). */
export const HttpUrl = z
  .string()
  .max(LIMITS.url)
  .url('must be a URL')
  .refine((s) => isHttpUrl(s), 'must be an http or https URL');

/** Text in several languages; which languages are required is checked against the pack. */
export const LocalizedText = (max: number) =>
  maxKeys(
    LIMITS.languages,
    z.record(Lang, text(max)).refine((r) => Object.keys(r).length > 0, 'needs at least one language'),
  );

/** What an object given as names by language has wrong, said as the record's own check would say it. */
function namesByLanguageProblem(issues: readonly z.core.$ZodIssue[] | undefined): string | undefined {
  const first = issues?.[0];
  if (!first) return undefined;
  const inner = first.code === 'invalid_key' ? (first.issues[0]?.message ?? first.message) : first.message;
  return first.path.length ? `${formatPath(first.path)}: ${inner}` : inner;
}

/**
 * An entity's name: one string for every language (as in packs written before names could vary),
 * or one per language like summaries ({ "en": "Pegasus (spyware)", "fr": "Pegasus (logiciel espion)" }).
 * A reader sees their language's, else the English one, else the first given (pickLang); a record
 * need not cover every pack language, since the fallback is always a name.
 */
export const EntityName = z.union([text(LIMITS.name), LocalizedText(LIMITS.name)], {
  error: (iss) => {
    const isRecord = iss.input !== null && typeof iss.input === 'object' && !Array.isArray(iss.input);
    // An object is meant as names by language: say what is wrong inside it, not that it is no string.
    const inRecord = isRecord && iss.code === 'invalid_union' ? namesByLanguageProblem(iss.errors[1]) : undefined;
    return inRecord ?? 'must be a name, or names by language such as { "en": "…", "fr": "…" }';
  },
});
export type EntityName = z.output<typeof EntityName>;

export const ATTRIBUTIONS = [
  'reported', // press or NGO reporting
  'company-statement', // the entity itself, its lawyer or executive
  'self-description', // how the entity describes itself (marketing, terms of service)
  'regulator', // a data-protection authority or other agency decision
  'court', // a court ruling or court-approved settlement
  'government', // a government's statement (not a regulator's or court's decision); shown as a statement
  'research', // academic or technical research
] as const;
export const Attribution = z.enum(ATTRIBUTIONS);

export const Alias = z.strictObject({
  text: text(LIMITS.alias),
  lang: Lang.optional(),
  strength: z.enum(['strong', 'weak']).default('strong'),
  caseSensitive: z.boolean().default(false),
  misspelling: z.boolean().default(false),
  /** An earlier name (e.g. Smartcheckr for Clearview AI). */
  former: z.boolean().default(false),
  /**
   * For a name that is also a word ("Predator", "Apple"): it counts only in a paragraph that also has
   * one of these words or phrases ("spyware", "logiciel espion").
   */
  context: z.array(text(CONTEXT_LIMITS.phraseChars)).min(1, 'give at least one context word, or leave context out').max(CONTEXT_LIMITS.phrases).optional(),
});

export const Quote = z.strictObject({
  text: text(LIMITS.quote),
  lang: Lang,
  by: text(LIMITS.name),
});

/** The longest excerpt `pack:check --strict` accepts without a warning. */
export const EVIDENCE_ADVISED = 300;

/** An ellipsis inside an excerpt would splice two passages into a sentence the source never wrote. */
const innerEllipsis = (s: string) => /\S\s*(…|\.\.\.)\s*\S/u.test(s.replace(/^\s*(…|\.\.\.)|(…|\.\.\.)\s*$/gu, ''));

/** What the source says, word for word, in support of a fact. */
export const Evidence = z.strictObject({
  /** One of the fact's `sourceIds`. */
  source: Id,
  text: text(LIMITS.evidence).refine((s) => !innerEllipsis(s), 'an ellipsis is allowed only at the start or the end of an excerpt'),
  /** The language of the excerpt (the source's words, not a translation). */
  lang: Lang,
});

export const Fact = z.strictObject({
  id: Id,
  text: LocalizedText(LIMITS.factText),
  date: PartialDate,
  attribution: Attribution,
  sourceIds: z.array(Id).min(1, 'a fact needs at least one source').max(20),
  quote: Quote.optional(),
  /** Facts (by id) that contradict this one, e.g. a company denial of a report. */
  disputedBy: z.array(Id).max(20).optional(),
  /** Required from format 2 on (checked with the pack's format). */
  evidence: z.array(Evidence).min(1, 'give at least one excerpt, or leave evidence out').max(LIMITS.evidencePerFact).optional(),
  /** Shown on the hover card; other facts only in the side panel. */
  key: z.boolean().default(false),
});

export const ENTITY_KINDS = ['organization', 'person', 'product', 'agency', 'publication', 'court'] as const;

/** What the other entity is to this one ("founder": the other founded this one). */
export const RELATION_KINDS = [
  'founder',
  'founded',
  'executive',
  'executive-of',
  'investor',
  'invested-in',
  'owner',
  'owns',
  'subsidiary',
  'parent',
  'product',
  'maker',
  'client',
  'supplier',
  'partner',
  'investigated-by',
  'investigated',
  'fined-by',
  'fined',
  'sued-by',
  'sued',
  'related',
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** Format 1 lists related entity ids; format 2 may say how they are related. Both read as typed links. */
export const Relation = z
  .union([Id, z.strictObject({ entity: Id, kind: z.enum(RELATION_KINDS) })])
  .transform((r) => (typeof r === 'string' ? { entity: r, kind: 'related' as RelationKind } : r));

export const Entity = z.strictObject({
  id: Id,
  name: EntityName,
  kind: z.enum(ENTITY_KINDS),
  aliases: z.array(Alias).min(1, 'an entity needs at least one alias').max(LIMITS.aliasesPerEntity),
  summary: LocalizedText(LIMITS.summary),
  facts: z.array(Fact).max(LIMITS.factsPerEntity),
  related: z.array(Relation).max(50).optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/, 'must be a Wikidata id such as Q42')
    .optional(),
  reviewed: FullDate,
});

export const Source = z
  .strictObject({
    id: Id,
    /** The page's own headline, not a label. */
    title: text(LIMITS.title),
    /** The original publisher, even when the link is a syndicated copy. */
    publisher: text(LIMITS.name),
    /** Where a reader is sent: the original publisher's page, or an official archive of it. */
    url: HttpUrl,
    /** Site hosting the copy `url` points to, when it is not the original publisher. */
    via: text(LIMITS.name).optional(),
    /** The copy the pack's author read the text on, when it is not `url`; listed as "read at", never linked from the card. */
    readAt: HttpUrl.optional(),
    published: PartialDate,
    language: Lang,
    /** An archived copy of `url` (e.g. the Wayback Machine). */
    archived: HttpUrl.optional(),
    /** Format 1's name for `archived`. */
    archiveUrl: HttpUrl.optional(),
  })
  .transform(({ archiveUrl, ...s }) => {
    const archived = s.archived ?? archiveUrl;
    return archived ? { ...s, archived } : s;
  });

export const PackBase = z.strictObject({
  schema: z.literal(PACK_FORMATS, {
    message: `unsupported pack format; this version of Backstory reads formats ${PACK_FORMATS.slice(0, -1).join(', ')} and ${PACK_FORMATS.at(-1)}`,
  }),
  id: Id,
  name: text(LIMITS.name),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version such as 1.0.0'),
  languages: z.array(Lang).min(1).max(LIMITS.languages),
  license: text(100),
  description: LocalizedText(LIMITS.summary).optional(),
  entities: z.array(Entity).max(LIMITS.entities),
  sources: z.array(Source).max(LIMITS.sources),
});

export type Pack = z.output<typeof PackBase>;
export type PackInput = z.input<typeof PackBase>;
export type Entity = z.output<typeof Entity>;
export type Fact = z.output<typeof Fact>;
export type Source = z.output<typeof Source>;
export type Alias = z.output<typeof Alias>;
export type Evidence = z.output<typeof Evidence>;
export type Relation = z.output<typeof Relation>;
export type AttributionKind = (typeof ATTRIBUTIONS)[number];
