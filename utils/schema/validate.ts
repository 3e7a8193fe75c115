import { z } from 'zod';
import { Entity, LIMITS, PackBase, Source, type Pack } from './pack';
import { isCommonWord } from './common-words';
import { mixedScriptWord } from './mixed-script';
import { parseEach, problemList, type Problem } from './problems';

export type PackError = Problem;

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** The pack without its two long lists, which are parsed item by item. */
const PackHead = PackBase.extend({
  entities: z.array(z.unknown()).max(LIMITS.entities),
  sources: z.array(z.unknown()).max(LIMITS.sources),
});

const LETTER = /[\p{L}\p{N}]/gu;

/** Rules that span records: ids, references, languages, alias quality. Only runs on a type-valid pack. */
export function checkIntegrity(pack: Pack): PackError[] {
  const errors: PackError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });

  const sourceIds = new Map<string, number>();
  pack.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) err(`sources[${i}].id`, `duplicate source id "${s.id}" (first at sources[${sourceIds.get(s.id)}])`);
    else sourceIds.set(s.id, i);
  });

  const entityIds = new Map<string, number>();
  const factIds = new Map<string, string>();
  pack.entities.forEach((e, ei) => {
    if (entityIds.has(e.id)) err(`entities[${ei}].id`, `duplicate entity id "${e.id}" (first at entities[${entityIds.get(e.id)}])`);
    else entityIds.set(e.id, ei);
    e.facts.forEach((f, fi) => {
      const p = `entities[${ei}].facts[${fi}]`;
      if (factIds.has(f.id)) err(`${p}.id`, `duplicate fact id "${f.id}" (first at ${factIds.get(f.id)})`);
      else factIds.set(f.id, p);
    });
  });

  const mixed = (path: string, what: string, text: string) => {
    const m = mixedScriptWord(text);
    if (m) err(path, `${what} "${text}": the word "${m.word}" mixes ${m.scripts.join(' and ')} letters (a look-alike?); write each word in one script`);
  };

  const langs = pack.languages;
  pack.entities.forEach((e, ei) => {
    const ep = `entities[${ei}]`;
    mixed(`${ep}.name`, 'name', e.name);
    for (const l of langs) if (!e.summary[l]) err(`${ep}.summary`, `missing the "${l}" summary (the pack declares ${langs.join(', ')})`);
    const seenAlias = new Set<string>();
    e.aliases.forEach((a, ai) => {
      const ap = `${ep}.aliases[${ai}]`;
      const letters = a.text.match(LETTER)?.length ?? 0;
      if (letters < 2) err(`${ap}.text`, `alias "${a.text}" needs at least 2 letters or digits`);
      mixed(`${ap}.text`, 'alias', a.text);
      if (a.strength === 'strong' && !a.caseSensitive && isCommonWord(a.text))
        err(`${ap}.strength`, `alias "${a.text}" is a common word; mark it "weak" (or caseSensitive)`);
      const key = `${a.text.toLowerCase()}|${a.caseSensitive}`;
      if (seenAlias.has(key)) err(`${ap}.text`, `duplicate alias "${a.text}"`);
      seenAlias.add(key);
    });
    e.related?.forEach((r, ri) => {
      if (!entityIds.has(r)) err(`${ep}.related[${ri}]`, `unknown entity id "${r}"`);
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
    });
  });
  return errors;
}

/** Parse an already-decoded JSON value into a pack, or its first problems and how many more. */
export function validatePack(value: unknown): PackResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, errors: [{ path: '(root)', message: 'a pack must be a JSON object' }] };
  const problems = problemList();
  const head = PackHead.safeParse(value);
  if (!head.success) problems.addIssues([], head.error.issues);
  const raw = value as { entities?: unknown; sources?: unknown };
  // A list the head refused (not a list, or too long) is not read item by item.
  const within = (list: unknown, max: number): unknown[] => (Array.isArray(list) && list.length <= max ? list : []);
  const entities = parseEach(Entity, within(raw.entities, LIMITS.entities), ['entities'], problems);
  const sources = parseEach(Source, within(raw.sources, LIMITS.sources), ['sources'], problems);
  if (!head.success || problems.count) return { ok: false, errors: problems.list() };
  const pack: Pack = { ...head.data, entities, sources };
  for (const e of checkIntegrity(pack)) problems.add(e.path, e.message);
  return problems.count ? { ok: false, errors: problems.list() } : { ok: true, pack };
}

/** Decode text (BOM tolerated) then validate; malformed JSON becomes one clear error. */
export function parsePackText(raw: string): PackResult {
  const body = raw.replace(/^\uFEFF/, '');
  if (!body.trim()) return { ok: false, errors: [{ path: '(root)', message: 'the file is empty' }] };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return { ok: false, errors: [{ path: '(root)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return validatePack(value);
}
