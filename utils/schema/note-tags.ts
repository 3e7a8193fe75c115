import { normalizeTags, type Note } from './note';

export interface TagCount {
  tag: string;
  count: number;
}

/**
 * The tags on the reader's notes, each with how many notes carry it, most used first (then in
 * alphabetical order). Spellings that differ only in case are one tag, shown in its most used
 * spelling, so a suggestion never offers "Lawsuit" beside "lawsuit".
 */
export function countTags(notes: readonly Pick<Note, 'tags'>[], max = 200): TagCount[] {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const n of notes)
    for (const tag of normalizeTags(n.tags ?? [])) {
      const k = tag.toLocaleLowerCase();
      const entry = byKey.get(k) ?? { count: 0, spellings: new Map<string, number>() };
      entry.count++;
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
      byKey.set(k, entry);
    }
  const out: TagCount[] = [];
  for (const { count, spellings } of byKey.values()) {
    let best = '';
    let bestCount = -1;
    for (const [s, c] of spellings) if (c > bestCount || (c === bestCount && s < best)) [best, bestCount] = [s, c];
    out.push({ tag: best, count });
  }
  return out.sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)).slice(0, max);
}

/**
 * What the reader typed in a tag box, split at commas: the finished tags, and the text after the
 * last comma, still being typed. "war, peace, fo" → tags war, peace; rest "fo".
 */
export function splitTagInput(typed: string): { tags: string[]; rest: string } {
  const parts = typed.split(/[,，、]/);
  const rest = parts.pop() ?? '';
  return { tags: parts.map((p) => p.trim()).filter(Boolean), rest };
}

/** Tags added to a list, as normalizeTags keeps them (a repeat in another case is not added twice). */
export function addTags(current: readonly string[], added: readonly string[]): string[] {
  return normalizeTags([...current, ...added]);
}

/** The suggestions for what is being typed: tags in use that start with it (or contain it), not already on the note. */
export function suggestTags(inUse: readonly TagCount[], current: readonly string[], typed: string, max = 8): string[] {
  const have = new Set(current.map((t) => t.toLocaleLowerCase()));
  const q = typed.trim().toLocaleLowerCase();
  const free = inUse.filter((t) => !have.has(t.tag.toLocaleLowerCase()));
  if (!q) return free.slice(0, max).map((t) => t.tag);
  const starts = free.filter((t) => t.tag.toLocaleLowerCase().startsWith(q));
  const contains = free.filter((t) => !t.tag.toLocaleLowerCase().startsWith(q) && t.tag.toLocaleLowerCase().includes(q));
  return [...starts, ...contains].slice(0, max).map((t) => t.tag);
}
