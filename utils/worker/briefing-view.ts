import type { Entity, Source } from '../schema/pack';
import type { Note } from '../schema/note';
import type { BriefingEntity } from '../messaging/protocol';
import { byDateDesc, cardFacts, citedSourceIds, factView, nameIn, pickLang, sourceView } from './views';

/**
 * The facts a briefing gives for an entity: every key fact, newest first (a briefing is read once,
 * before writing, so it is not capped like the card); an entity without key facts gets the card's.
 */
export function briefingFacts(entity: Entity): Entity['facts'] {
  const keyed = entity.facts.filter((f) => f.key);
  return keyed.length ? keyed.sort(byDateDesc) : cardFacts(entity);
}

/** The sources a briefing cites for an entity: those of its facts and of the facts disputing them. */
export function briefingSourceIds(entity: Entity): Set<string> {
  return citedSourceIds(entity, briefingFacts(entity));
}

/** One entity of the briefing, in the reader's language: identity, summary, key facts with their disputes and sources, notes. */
export function toBriefingEntity(key: string, entity: Entity, count: number, sources: Source[], notes: Note[], wanted: string | undefined): BriefingEntity {
  const lang = pickLang(entity.summary, wanted);
  const byId = new Map(entity.facts.map((f) => [f.id, f]));
  const cited = briefingSourceIds(entity);
  return {
    key,
    name: nameIn(entity.name, wanted),
    kind: entity.kind,
    summary: entity.summary[lang] ?? '',
    count,
    lang,
    factCount: entity.facts.length,
    // Evidence stays in the sheet: the briefing says what is documented and where, the sheet shows the excerpts.
    facts: briefingFacts(entity).map((f) => factView(f, lang, byId, false)),
    sources: sources.filter((s) => cited.has(s.id)).map((s) => sourceView(s)),
    notes,
  };
}
