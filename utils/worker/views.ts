import type { Entity, EntityName, Relation, Source } from '../schema/pack';
import type { CardView, DisputeView, FactView, SheetView, SourceView } from '../messaging/protocol';

/**
 * The best language available: the reader's, then English, then whatever the pack has.
 * `wanted` comes from a message: only own keys count, or "constructor" would pick a function.
 */
export function pickLang(available: Record<string, string>, wanted: string | undefined): string {
  const [base = 'en'] = (wanted ?? 'en').toLowerCase().split('-');
  if (Object.hasOwn(available, base) && available[base]) return base;
  if (Object.hasOwn(available, 'en') && available.en) return 'en';
  // The pack schema requires at least one language, so the fallback is never reached.
  return Object.keys(available)[0] ?? base;
}

/** The text in the language pickLang chooses ('' only for a record with no language, which the schema rejects). */
function inLang(available: Record<string, string>, lang: string): string {
  return available[lang] ?? '';
}

/**
 * An entity's name as a reader asking for `wanted` sees it: a plain string serves every language;
 * names by language follow pickLang (theirs, then English, then the first given). Entity records
 * keep every language; only views choose one. Matching never reads names, only aliases.
 */
export function nameIn(name: EntityName, wanted: string | undefined): string {
  return typeof name === 'string' ? name : inLang(name, pickLang(name, wanted));
}

type Fact = Entity['facts'][number];

/** Typed links; rows stored before format 2 hold bare ids, read as plain "related". */
export function relationsOf(entity: Entity): Relation[] {
  return (entity.related ?? []).map((r: Relation | string) => (typeof r === 'string' ? { entity: r, kind: 'related' } : r));
}
const textIn = (f: Fact, lang: string): string => inLang(f.text, pickLang(f.text, lang));

/** The facts of the same entity that dispute `f`, so a denial is read beside the claim it denies. */
function disputesOf(f: Fact, byId: Map<string, Fact>, lang: string): DisputeView[] {
  return (f.disputedBy ?? [])
    .map((id) => byId.get(id))
    .filter((d): d is Fact => d !== undefined)
    .map((d) => ({ id: d.id, text: textIn(d, lang), date: d.date, attribution: d.attribution, sourceIds: d.sourceIds }));
}

export function factView(f: Fact, lang: string, byId: Map<string, Fact>, withEvidence: boolean): FactView {
  const disputes = disputesOf(f, byId, lang);
  return {
    id: f.id,
    text: textIn(f, lang),
    date: f.date,
    attribution: f.attribution,
    sourceIds: f.sourceIds,
    key: f.key,
    quote: f.quote,
    disputedBy: f.disputedBy,
    ...(disputes.length ? { disputes } : {}),
    ...(withEvidence && f.evidence ? { evidence: f.evidence } : {}),
  };
}

/** `readAt` names the copy the author read: useful in the side panel's source list, of no use to a web page. */
export function sourceView(s: Source, forWebPage = false): SourceView {
  if (!forWebPage) return { ...s };
  const { readAt: _readAt, ...shown } = s;
  return shown;
}

/** Newest first; a fact known to the day sorts before one known only to its month ("2025-05-06" > "2025-05"). */
export function byDateDesc(a: { date: string }, b: { date: string }): number {
  return b.date.localeCompare(a.date);
}

const CARD_FACTS = 4;

/** Key facts (or the newest ones) with their sources: what the hover card shows. */
export function cardFacts(entity: Entity): Entity['facts'] {
  const keyed = entity.facts.filter((f) => f.key);
  const pool = keyed.length ? keyed : entity.facts;
  return [...pool].sort(byDateDesc).slice(0, CARD_FACTS);
}

/**
 * What card and sheet share: identity and summary in the reader's language (`lang`, the summary's, as
 * pickLang chose it for `wanted`; the name follows the same rule on its own languages).
 */
function baseView(key: string, entity: Entity, wanted: string | undefined, lang: string, facts: FactView[], sources: SourceView[]) {
  return {
    key,
    name: nameIn(entity.name, wanted),
    kind: entity.kind,
    summary: inLang(entity.summary, lang),
    lang,
    facts,
    sources,
    factCount: entity.facts.length,
  };
}

const factsById = (entity: Entity) => new Map(entity.facts.map((f) => [f.id, f]));

/** The sources some of an entity's facts cite, with those of the facts disputing them: all a view of them needs. */
export function citedSourceIds(entity: Entity, facts: readonly Entity['facts'][number][]): Set<string> {
  const byId = factsById(entity);
  const shown = facts.flatMap((f) => [f, ...(f.disputedBy ?? []).flatMap((id) => byId.get(id) ?? [])]);
  return new Set(shown.flatMap((f) => f.sourceIds));
}

/** The sources the card cites: its facts' and those of the facts disputing them. The worker reads only these. */
export function cardSourceIds(entity: Entity): Set<string> {
  return citedSourceIds(entity, cardFacts(entity));
}

/** The card goes into a web page: key facts with the denials beside them, only the sources they cite, no evidence or reading copies. */
export function toCard(key: string, entity: Entity, sources: Source[], wanted: string | undefined): CardView {
  const lang = pickLang(entity.summary, wanted);
  const byId = factsById(entity);
  const facts = cardFacts(entity).map((f) => factView(f, lang, byId, false));
  const cited = cardSourceIds(entity);
  return baseView(
    key,
    entity,
    wanted,
    lang,
    facts,
    sources.filter((s) => cited.has(s.id)).map((s) => sourceView(s, true)),
  );
}

/** A fact's text as the sheet shows it to a reader asking for `wanted` (what a flag keeps), or undefined for an unknown fact. */
export function factTextAsShown(entity: Entity, factId: string, wanted: string | undefined): string | undefined {
  const f = entity.facts.find((x) => x.id === factId);
  return f && textIn(f, pickLang(entity.summary, wanted));
}

export function toSheet(
  key: string,
  entity: Entity,
  sources: Source[],
  wanted: string | undefined,
  extra: { related: SheetView['related']; pack: { id: string; name: string; version: string } },
): SheetView {
  const lang = pickLang(entity.summary, wanted);
  return {
    ...baseView(
      key,
      entity,
      wanted,
      lang,
      [...entity.facts].sort(byDateDesc).map((f) => factView(f, lang, factsById(entity), true)),
      sources.map((s) => sourceView(s)),
    ),
    // Names and former names; misspellings are how we find a name, not names to show ("Cleaview AI").
    aliases: entity.aliases.filter((a) => !a.misspelling).map((a) => a.text),
    related: extra.related,
    pack: extra.pack,
    reviewed: entity.reviewed,
  };
}
