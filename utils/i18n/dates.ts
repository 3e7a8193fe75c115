import { uiLang } from './index';

/**
 * Dates in the reader's language and region (uiLang): a fact's at the precision it is known ("2020",
 * "Jan 2020", "18 Jan 2020"), a note's or a mute's as its day. Building an Intl formatter costs far
 * more than using one, and the notes library formats hundreds per keystroke: each is built once per
 * language and precision.
 */
type Precision = 'year' | 'month' | 'day';
const OPTIONS: Record<Precision, Intl.DateTimeFormatOptions> = {
  year: { timeZone: 'UTC', year: 'numeric' },
  month: { timeZone: 'UTC', year: 'numeric', month: 'short' },
  day: { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' },
};
let cache: { lang: string; formats: Partial<Record<Precision, Intl.DateTimeFormat>> } = { lang: '', formats: {} };

function formatter(p: Precision): Intl.DateTimeFormat {
  const lang = uiLang();
  if (cache.lang !== lang) cache = { lang, formats: {} };
  return (cache.formats[p] ??= new Intl.DateTimeFormat(lang, OPTIONS[p]));
}

/** A pack's date ("2020", "2020-01", "2020-01-18") at the precision it is known; a malformed one as written. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || !Number.isInteger(y)) return date;
  if (!m) return formatter('year').format(Date.UTC(y, 0, 1));
  return formatter(d ? 'day' : 'month').format(Date.UTC(y, m - 1, d ?? 1));
}

/** The day of an ISO timestamp ("2026-12-01T16:21:48Z"), read in UTC as stored: a note's or a mute's date. */
export function formatDay(iso: string): string {
  const t = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(t) ? iso.slice(0, 10) : formatter('day').format(t);
}
