import type { Note } from './schema/note';
import { fold } from './match/fold';
import { hostOf } from './url/host';
import { cleanPageUrl } from './url/clean-page-url';

/**
 * The notes library's search and filters: pure, so they are unit-tested and the page only renders.
 * A note's searchable text is folded once (not per keystroke); a keystroke then costs one `includes`
 * per query word per note that passed the cheap filters.
 */

/** What the reader asked for. Empty strings mean "any"; `from`/`to` are days (YYYY-MM-DD), both included. */
export interface NoteFilter {
  q: string;
  entity: string;
  tag: string;
  site: string;
  /** A page's URL: the notes written on it (the popup's "notes written on this page"). */
  page: string;
  from: string;
  to: string;
}

export const NO_FILTER: NoteFilter = { q: '', entity: '', tag: '', site: '', page: '', from: '', to: '' };
const FILTER_KEYS = Object.keys(NO_FILTER) as (keyof NoteFilter)[];

// Letters NFD leaves whole: French readers type "coeur" for "cœur".
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const LIGATURE = /[œæß]/g;

/**
 * Text as the search compares it: case, diacritics, typographic apostrophes and dashes, ligatures and
 * runs of space folded away (the matcher's folding, so "Securite" finds "Sécurité").
 */
export function foldForSearch(s: string): string {
  return fold(s).replace(LIGATURE, (c) => LIGATURES[c] ?? c);
}

/** The query's words, folded, each of which a note must contain (AND); repeats and empties dropped. */
export function queryWords(q: string): string[] {
  return [...new Set(foldForSearch(q).split(' ').filter(Boolean))];
}

/** Everything a query word may be found in, folded; fields are joined by a space, which no query word contains, so no word spans two. */
export function haystackOf(n: Note): string {
  return foldForSearch([n.text, n.quote ?? '', (n.tags ?? []).join('\n'), n.entityName, n.pageTitle ?? '', n.pageUrl ?? ''].join('\n'));
}

/** A tag as filters compare it: case- and diacritic-insensitive, like the tags themselves (normalizeTags). */
export const tagKey = (tag: string) => foldForSearch(tag.trim());

interface Entry {
  note: Note;
  host: string;
  day: string;
  tags: string[];
  /** The folded haystack, once built. */
  hay?: string;
}

const entryOf = (note: Note): Entry => ({ note, host: hostOf(note.pageUrl) ?? '', day: note.updatedAt.slice(0, 10), tags: (note.tags ?? []).map(tagKey) });
const newestFirst = (a: Entry, b: Entry) => (a.note.updatedAt < b.note.updatedAt ? 1 : a.note.updatedAt > b.note.updatedAt ? -1 : 0);

/**
 * The notes, newest first (by updatedAt), with what the filters compare prepared once. Haystacks are
 * built on first use, or ahead of it by `prepare` in idle time, so a first render does not pay for them.
 */
export class NotesIndex {
  readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private prepared = 0;

  constructor(notes: readonly Note[] = []) {
    this.add(notes);
  }

  /** Add notes (the library loads them in pages); a note already here is replaced by its newer version. */
  add(notes: readonly Note[]): void {
    for (const note of notes) {
      const old = this.byId.get(note.id);
      if (!old) {
        const e = entryOf(note);
        this.byId.set(note.id, e);
        this.entries.push(e);
      } else if (note.updatedAt >= old.note.updatedAt) {
        Object.assign(old, entryOf(note), { hay: undefined });
      }
    }
    this.entries.sort(newestFirst);
    this.prepared = 0;
  }

  /** Take a deleted note out; what it was, so its row can offer Undo (which adds it back). */
  remove(id: string): Note | undefined {
    const e = this.byId.get(id);
    if (!e) return undefined;
    this.byId.delete(id);
    this.entries.splice(this.entries.indexOf(e), 1);
    this.prepared = 0;
    return e.note;
  }

  get size(): number {
    return this.entries.length;
  }

  haystack(i: number): string {
    const e = this.entries[i];
    if (!e) return '';
    return (e.hay ??= haystackOf(e.note));
  }

  /** Build haystacks ahead of the first keystroke until `deadline` (performance.now()); true when all are built. */
  prepare(deadline: number, now: () => number = () => performance.now()): boolean {
    while (this.prepared < this.entries.length) {
      this.haystack(this.prepared++);
      if ((this.prepared & 63) === 0 && now() >= deadline) break;
    }
    return this.prepared >= this.entries.length;
  }
}

/** The notes that pass every filter and contain every query word, newest first. */
export function filterNotes(index: NotesIndex, f: NoteFilter): Note[] {
  const words = queryWords(f.q);
  const tag = f.tag ? tagKey(f.tag) : '';
  const page = f.page ? cleanPageUrl(f.page) : '';
  const out: Note[] = [];
  const { entries } = index;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e) continue;
    if (f.entity && e.note.entityKey !== f.entity) continue;
    if (f.site && e.host !== f.site) continue;
    if (page && e.note.pageUrl !== page) continue;
    if (f.from && e.day < f.from) continue;
    if (f.to && e.day > f.to) continue;
    if (tag && !e.tags.includes(tag)) continue;
    if (words.length) {
      const h = index.haystack(i);
      if (!words.every((w) => h.includes(w))) continue;
    }
    out.push(e.note);
  }
  return out;
}

/**
 * Two newest-first lists as one, newest first: the notes that match, and the deleted ones that would
 * (kept on screen for their Undo). A note in both is listed once, from `a`.
 */
export function mergeNewestFirst(a: readonly Note[], b: readonly Note[]): Note[] {
  if (b.length === 0) return a as Note[];
  const inA = new Set(a.map((n) => n.id));
  const rest = b.filter((n) => !inA.has(n.id));
  const out: Note[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < rest.length) {
    const x = a[i];
    const y = rest[j];
    if (x && (!y || x.updatedAt >= y.updatedAt)) {
      out.push(x);
      i++;
    } else if (y) {
      out.push(y);
      j++;
    }
  }
  return out;
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

/** What the filters can offer: entities, tags and sites that have notes, with counts, most used first. */
export function facetsOf(index: NotesIndex): { entities: Facet[]; tags: Facet[]; sites: Facet[] } {
  const entities = new Map<string, Facet>();
  const tags = new Map<string, Facet>();
  const sites = new Map<string, Facet>();
  const bump = (m: Map<string, Facet>, key: string, value: string, label: string) => {
    const f = m.get(key);
    if (f) f.count++;
    else m.set(key, { value, label, count: 1 });
  };
  // Newest first: an entity's label, and a tag's spelling, are those of its newest note.
  for (const e of index.entries) {
    bump(entities, e.note.entityKey, e.note.entityKey, e.note.entityName || e.note.entityKey);
    if (e.host) bump(sites, e.host, e.host, e.host);
    (e.note.tags ?? []).forEach((t, k) => bump(tags, e.tags[k] ?? tagKey(t), t, t));
  }
  const sorted = (m: Map<string, Facet>) => [...m.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  return { entities: sorted(entities), tags: sorted(tags), sites: sorted(sites) };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PARAM = 2_000;

/** The filter a library URL asks for (`?page=…&entity=…&tag=…&site=…&q=…&from=…&to=…`); anything malformed is ignored. */
export function filterFromParams(params: URLSearchParams): NoteFilter {
  const f = { ...NO_FILTER };
  for (const k of FILTER_KEYS) {
    const v = params.get(k)?.slice(0, MAX_PARAM) ?? '';
    if ((k === 'from' || k === 'to') && v && !DAY.test(v)) continue;
    f[k] = k === 'q' ? v : v.trim();
  }
  return f;
}

/** The filter as URL parameters, only those set, in a fixed order (so the address reads the same each time). */
export function filterToParams(f: NoteFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
  return p;
}

export function isFiltered(f: NoteFilter): boolean {
  return FILTER_KEYS.some((k) => (k === 'q' ? queryWords(f.q).length > 0 : !!f[k]));
}
