import type { Entity, Source } from '../schema/pack';
import type { CardView, FactView, SheetView, SourceView } from '../messaging/protocol';

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

function factView(f: Entity['facts'][number], lang: string): FactView {
  return {
    id: f.id,
    text: inLang(f.text, pickLang(f.text, lang)),
    date: f.date,
    attribution: f.attribution,
    sourceIds: f.sourceIds,
    key: f.key,
    quote: f.quote,
    disputedBy: f.disputedBy,
  };
}

export function sourceView(s: Source): SourceView {
  return { ...s };
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

/** What card and sheet share: identity and summary in the reader's language. */
function baseView(key: string, entity: Entity, sources: Source[], lang: string, facts: Entity['facts']) {
  return {
    key,
    name: entity.name,
    kind: entity.kind,
    summary: inLang(entity.summary, lang),
    lang,
    facts: facts.map((f) => factView(f, lang)),
    sources: sources.map(sourceView),
    factCount: entity.facts.length,
  };
}

export function toCard(key: string, entity: Entity, sources: Source[], wanted: string | undefined): CardView {
  const lang = pickLang(entity.summary, wanted);
  return baseView(key, entity, sources, lang, cardFacts(entity));
}

export function toSheet(
  key: string,
  entity: Entity,
  sources: Source[],
  wanted: string | undefined,
  extra: { related: { key: string; name: string }[]; pack: { id: string; name: string; version: string } },
): SheetView {
  const lang = pickLang(entity.summary, wanted);
  return {
    ...baseView(key, entity, sources, lang, [...entity.facts].sort(byDateDesc)),
    aliases: entity.aliases.map((a) => a.text),
    related: extra.related,
    pack: extra.pack,
    reviewed: entity.reviewed,
  };
}
