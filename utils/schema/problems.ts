import type { z } from 'zod';

/** One reason a file was refused, at a JSON path such as `entities[3].facts[0].sourceIds[1]`. */
export interface Problem {
  path: string;
  message: string;
}

/** Enough to fix a file in a few passes; a longer list only costs memory and screen. */
export const MAX_PROBLEMS = 200;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

/** A problem as one line of text, `path: message`; with `bareRoot`, a problem at `(root)` is its message alone. */
export function problemLine({ path, message }: Problem, bareRoot = false): string {
  return bareRoot && path === '(root)' ? message : `${path}: ${message}`;
}

export interface ProblemList {
  add(path: string, message: string): void;
  addIssues(prefix: readonly PropertyKey[], issues: readonly z.core.$ZodIssue[]): void;
  /** Every problem seen, listed or not. */
  readonly count: number;
  /** The first problems, then one line saying how many more were not listed. */
  list(): Problem[];
}

/** Keeps the first `max` problems and only counts the rest, so a huge bad file gives a short report with a true total. */
export function problemList(max = MAX_PROBLEMS): ProblemList {
  const kept: Problem[] = [];
  let count = 0;
  const add = (path: string, message: string) => {
    if (count++ < max) kept.push({ path, message });
  };
  return {
    add,
    addIssues(prefix, issues) {
      for (const i of issues) add(formatPath([...prefix, ...i.path]), i.message);
    },
    get count() {
      return count;
    },
    list() {
      return count > kept.length ? [...kept, { path: '(root)', message: `and ${count - kept.length} more problems not listed` }] : [...kept];
    },
  };
}

/**
 * Parse list items one at a time. zod merges a child's issues into its parent with
 * `push(...issues)`, one function argument per issue, so a list whose items together produce
 * about 120,000 issues overflows the stack. Parsing each item alone keeps every merge small.
 */
export function parseEach<S extends z.ZodType>(schema: S, items: readonly unknown[], prefix: readonly PropertyKey[], out: ProblemList): z.output<S>[] {
  return parseEachAt(schema, items, prefix, out).filter((v): v is z.output<S> => v !== undefined);
}

/** As parseEach, but item i stays at index i (undefined where it was refused), so later checks can name its path. */
export function parseEachAt<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  prefix: readonly PropertyKey[],
  out: ProblemList,
): (z.output<S> | undefined)[] {
  return items.map((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) return r.data;
    out.addIssues([...prefix, i], r.error.issues);
    return undefined;
  });
}
