import { z } from 'zod';

/**
 * Refuse an object used as a map (a record) with more than `max` keys before zod reads any of
 * them. zod refuses an over-long array by its length alone, but reads every key of a record, and
 * merges the issues into the parent with `push(...issues)`, which overflows the stack past about
 * 120,000 issues: one bad record could crash validation instead of failing it.
 */
export function maxKeys<S extends z.ZodType>(max: number, schema: S) {
  return z.preprocess((value: z.input<S>, ctx) => {
    const n = value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value).length : 0;
    if (n > max) ctx.addIssue({ code: 'custom', input: value, message: `has ${n} keys; at most ${max} allowed` });
    return value;
  }, schema);
}
