import { z } from 'zod';
import { Entity, LIMITS, PACK_FORMATS, PackBase, Source, type Pack } from './pack';
import { isCommonWord } from './common-words';
import { mixedScriptWord } from './mixed-script';
import { parseEachAt, problemList, type Problem } from './problems';
import { NOTES_EXPORT_FORMAT } from './notes-export';

export type PackError = Problem;

/**
 * Why a file was refused, for the sentence the reader sees before the problems: an empty file, not
 * JSON, JSON that is no pack at all (a notes export picked by mistake, among others), or a pack with
 * problems.
 */
export type PackRefusal = 'empty' | 'not-json' | 'not-pack' | 'notes-export' | 'invalid';

export type PackResult = { ok: true; pack: Pack } | { ok: false; reason: PackRefusal; errors: PackError[] };

/** A pack declares its format, id or entities; a file with none of them is some other file. */
function refusal(value: object): PackRefusal {
  const v = value as { format?: unknown };
  if (v.format === NOTES_EXPORT_FORMAT) return 'notes-export';
  return ['schema', 'id', 'entities'].some((k) => Object.hasOwn(value, k)) ? 'invalid' : 'not-pack';
}

/** The pack without its two long lists, which are parsed item by item. */
const PackHead = PackBase.extend({
  entities: z.array(z.unknown()).max(LIMITS.entities),
  sources: z.array(z.unknown()).max(LIMITS.sources),
});

const LETTER = /[\p{L}\p{N}]/gu;

/**
 * What the cross-record rules need. The lists keep each item at its index in the file, undefined
 * where the item itself was refused; the id lists are read from the raw file, so a record refused
 * for another reason still counts as present and its references are not reported twice.
 */
export interface IntegrityInput {
  format: number;
  languages: readonly string[];
  entities: readonly (Entity | undefined)[];
  sources: readonly (Source | undefined)[];
  rawSourceIds: readonly (string | undefined)[];
  rawEntityIds: readonly (string | undefined)[];
  rawFactIds: readonly { id: string; path: string }[];
}

/** Rules that span records: ids, references, languages, alias quality, evidence. */
export function checkIntegrity(input: IntegrityInput): PackError[] {
  const errors: PackError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  const sourceIds = new Map<string, number>();
  input.rawSourceIds.forEach((id, i) => {
    if (id === undefined) return;
    if (sourceIds.has(id)) err(`sources[${i}].id`, `duplicate source id "${id}" (first at sources[${sourceIds.get(id)}])`);
    else sourceIds.set(id, i);
  });
  const entityIds = new Map<string, number>();
  input.rawEntityIds.forEach((id, i) => {
    if (id === undefined) return;
    if (entityIds.has(id)) err(`entities[${i}].id`, `duplicate entity id "${id}" (first at entities[${entityIds.get(id)}])`);
    else entityIds.set(id, i);
  });
  const factIds = new Map<string, string>();
  for (const { id, path } of input.rawFactIds) {
    if (factIds.has(id)) err(`${path}.id`, `duplicate fact id "${id}" (first at ${factIds.get(id)})`);
    else factIds.set(id, path);
  }

  const mixed = (path: string, what: string, text: string) => {
    const m = mixedScriptWord(text);
    if (m) err(path, `${what} "${text}": the word "${m.word}" mixes ${m.scripts.join(' and ')} letters (a look-alike?); write each word in one script`);
  };

  const langs = input.languages;
  input.entities.forEach((e, ei) => {
    if (!e) return;
    const ep = `entities[${ei}]`;
    if (typeof e.name === 'string') mixed(`${ep}.name`, 'name', e.name);
    else {
      if (input.format < 3) err(`${ep}.name`, 'names by language need pack format 3 ("schema": 3); before it a name is one string');
      for (const [l, n] of Object.entries(e.name)) mixed(`${ep}.name.${l}`, 'name', n);
    }
    for (const l of langs) if (!e.summary[l]) err(`${ep}.summary`, `missing the "${l}" summary (the pack declares ${langs.join(', ')})`);
    const seenAlias = new Set<string>();
    e.aliases.forEach((a, ai) => {
      const ap = `${ep}.aliases[${ai}]`;
      const letters = a.text.match(LETTER)?.length ?? 0;
      if (letters === 0) err(`${ap}.text`, `alias "${a.text}" needs letters or digits`);
      // "X", "AP", "CA": too many ordinary words and initials; only a weak, case-sensitive alias may be this short.
      else if (letters < 3 && !(a.caseSensitive && a.strength === 'weak'))
        err(`${ap}.text`, `alias "${a.text}" has only ${letters} letter${letters === 1 ? '' : 's'}: make it caseSensitive and weak, or drop it`);
      mixed(`${ap}.text`, 'alias', a.text);
      if (a.strength === 'strong' && !a.caseSensitive && isCommonWord(a.text))
        err(`${ap}.strength`, `alias "${a.text}" is a common word; mark it "weak" (or caseSensitive)`);
      const key = `${a.text.toLowerCase()}|${a.caseSensitive}`;
      if (seenAlias.has(key)) err(`${ap}.text`, `duplicate alias "${a.text}"`);
      seenAlias.add(key);
    });
    e.related?.forEach((r, ri) => {
      if (!entityIds.has(r.entity)) err(`${ep}.related[${ri}]`, `unknown entity id "${r.entity}"`);
    });
    e.facts.forEach((f, fi) => {
      const fp = `${ep}.facts[${fi}]`;
      for (const l of langs) if (!f.text[l]) err(`${fp}.text`, `missing the "${l}" text (the pack declares ${langs.join(', ')})`);
      f.sourceIds.forEach((s, si) => {
        if (!sourceIds.has(s)) err(`${fp}.sourceIds[${si}]`, `unknown source id "${s}"`);
      });
      f.disputedBy?.forEach((d, di) => {
        if (!factIds.has(d)) err(`${fp}.disputedBy[${di}]`, `unknown fact id "${d}"`);
      });
      if (input.format >= 2 && !f.evidence) err(`${fp}.evidence`, 'is required from pack format 2 on: quote what the source says');
      f.evidence?.forEach((ev, vi) => {
        if (!f.sourceIds.includes(ev.source)) err(`${fp}.evidence[${vi}].source`, `"${ev.source}" is not one of this fact's sourceIds`);
      });
    });
  });
  return errors;
}

const idOf = (v: unknown): string | undefined => {
  const id = v !== null && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
};
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Fact ids with their paths, from the raw file: entities refused for one bad field still declare theirs. */
function rawFactIds(entities: readonly unknown[]): { id: string; path: string }[] {
  const out: { id: string; path: string }[] = [];
  entities.forEach((e, ei) => {
    const facts = e !== null && typeof e === 'object' ? (e as { facts?: unknown }).facts : undefined;
    listOf(facts).forEach((f, fi) => {
      const id = idOf(f);
      if (id !== undefined) out.push({ id, path: `entities[${ei}].facts[${fi}]` });
    });
  });
  return out;
}

/** Parse an already-decoded JSON value into a pack, or every problem found (the first ones listed, and how many more). */
export function validatePack(value: unknown): PackResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, reason: 'not-pack', errors: [{ path: '(root)', message: 'a pack must be a JSON object' }] };
  const problems = problemList();
  const head = PackHead.safeParse(value);
  if (!head.success) problems.addIssues([], head.error.issues);
  const raw = value as { entities?: unknown; sources?: unknown; languages?: unknown; schema?: unknown };
  // A list the head refused (not a list, or too long) is not read item by item.
  const within = (list: unknown, max: number): unknown[] => (Array.isArray(list) && list.length <= max ? list : []);
  const rawEntities = within(raw.entities, LIMITS.entities);
  const rawSources = within(raw.sources, LIMITS.sources);
  const entities = parseEachAt(Entity, rawEntities, ['entities'], problems);
  const sources = parseEachAt(Source, rawSources, ['sources'], problems);
  // Cross-record rules run even when records were refused, so one pass reports everything.
  const languages = head.success ? head.data.languages : listOf(raw.languages).filter((l): l is string => typeof l === 'string');
  // An unknown format is reported by the head; its records are then checked by format 1's rules.
  const format = (PACK_FORMATS as readonly unknown[]).includes(raw.schema) ? (raw.schema as number) : 1;
  const integrity = checkIntegrity({
    format,
    languages,
    entities,
    sources,
    rawSourceIds: rawSources.map(idOf),
    rawEntityIds: rawEntities.map(idOf),
    rawFactIds: rawFactIds(rawEntities),
  });
  for (const e of integrity) problems.add(e.path, e.message);
  if (!head.success || problems.count) return { ok: false, reason: refusal(value), errors: problems.list() };
  const pack: Pack = { ...head.data, entities: entities as Entity[], sources: sources as Source[] };
  return { ok: true, pack };
}

/** Decode text (BOM tolerated) then validate; malformed JSON becomes one clear error. */
export function parsePackText(raw: string): PackResult {
  const body = raw.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, reason: 'empty', errors: [{ path: '(root)', message: 'the file is empty' }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, reason: 'not-json', errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validatePack(value);
}
