import { EVIDENCE_ADVISED, type EntityName, type Fact, type Pack, type Source } from './pack';
import { hostOf } from '../url/host';
import type { Problem } from './problems';

/**
 * The rules `pack:check --strict` adds for packs we ship: every fact checkable against its source's
 * own words, links that go to the original publisher, and dates that cannot be right. Users' own
 * packs are held only to validatePack's rules.
 */
export interface StrictReport {
  errors: Problem[];
  warnings: Problem[];
}

/** Hosts that are not a publisher's public page: staging and test servers, local names, bare addresses. */
const LOCAL_TLD = /\.(localhost|local|test|example|invalid|internal)$/;
const STAGING_LABEL = /^(stage|staging|digital-stage|preprod|pre-prod|test|testing|dev|qa|uat|preview)$|(^|-)(stage|staging)(-|$)/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function unfitHost(url: string): string | undefined {
  const host = hostOf(url);
  if (!host) return 'is not a URL';
  if (host === 'localhost' || LOCAL_TLD.test(host)) return `points at a local or test host (${host})`;
  if (IPV4.test(host) || host.startsWith('[')) return `points at a bare IP address (${host})`;
  const labels = host.split('.');
  if (labels.slice(0, -2).some((l) => STAGING_LABEL.test(l))) return `points at a staging or test server (${host})`;
  return undefined;
}

/** `a` is earlier than `b` at the precision both are known to (a month is not earlier than a day in it). */
export function earlierThan(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
}

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  md: 1e9,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
  billions: 1e9,
  milliard: 1e9,
  milliards: 1e9,
};

// Digits with thousands groups (comma, dot, space, no-break spaces) or a decimal part, then an optional scale word.
const NUMBER =
  /(?<![\p{L}\p{N}])(\d{1,3}(?:[,.\u0020\u00a0\u202f]\d{3})+(?![\p{N}])|\d+)(?:[.,](\d+))?(?:[\u0020\u00a0\u202f]?(k|thousand|mn|m|md|bn|b|millions?|billions?|milliards?)(?![\p{L}]))?/giu;

/** The numbers a text states, as values: "167,25 millions", "167.25 million" and "167,250,000" are all 167250000. */
export function numbersIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const whole = (m[1] ?? '').replace(/[,.\u0020\u00a0\u202f]/g, '');
    const value = Number(`${whole}.${m[2] ?? '0'}`) * (MULTIPLIERS[(m[3] ?? '').toLowerCase()] ?? 1);
    if (Number.isFinite(value)) out.push(Math.round(value * 1e6) / 1e6);
    // "8.2017" is also how some languages write a month and year ("tháng 8.2017").
    if (!m[3] && m[2] && /^(1[89]|20)\d\d$/.test(m[2])) out.push(Number(whole), Number(m[2]));
  }
  return out;
}

const factPath = (ei: number, fi: number) => `entities[${ei}].facts[${fi}]`;

function checkSources(pack: Pack, err: (p: string, m: string) => void) {
  pack.sources.forEach((s, i) => {
    // `readAt` records where the text was read and is never a link, so a copy's host is no error there.
    const links: [string, string | undefined][] = [
      ['url', s.url],
      ['archived', s.archived],
    ];
    for (const [field, url] of links) {
      if (!url) continue;
      if (url.startsWith('http:')) err(`sources[${i}].${field}`, `plain http link ${url}: use https`);
      const unfit = unfitHost(url);
      if (unfit) err(`sources[${i}].${field}`, unfit);
    }
  });
}

function checkFact(f: Fact, fp: string, sources: Map<string, Source>, err: (p: string, m: string) => void, warn: (p: string, m: string) => void) {
  const cited = f.sourceIds.map((id) => sources.get(id)).filter((s): s is Source => s !== undefined);
  if (!f.evidence?.length) err(`${fp}.evidence`, 'no evidence: quote what the source says');
  if (f.key && cited.length && cited.every((s) => s.via))
    err(`${fp}.sourceIds`, 'a key fact rests only on copies (every source has "via"): cite the original publisher');
  if (f.key && f.sourceIds.length < 2) warn(`${fp}.sourceIds`, 'a key fact with a single source');
  for (const s of cited)
    if (earlierThan(s.published, f.date)) err(`${fp}.date`, `source "${s.id}" was published (${s.published}) before the event it reports (${f.date})`);
  f.evidence?.forEach((ev, vi) => {
    if (ev.text.length > EVIDENCE_ADVISED) warn(`${fp}.evidence[${vi}].text`, `excerpt is ${ev.text.length} characters; keep it under ${EVIDENCE_ADVISED}`);
  });
  // A source's dateline is its own words too: "on Tuesday" in a story dated 2020-02-05 states the year.
  // (Its year and day: a month is written as a word in the text, so its number would only hide a wrong figure.)
  const datelines = (f.evidence ?? []).flatMap((ev) => {
    const [y, , d] = (sources.get(ev.source)?.published ?? '').split('-');
    return [y, d].filter((x): x is string => !!x).map(Number);
  });
  const stated = new Set([...(f.evidence ?? []).flatMap((ev) => numbersIn(ev.text)), ...datelines]);
  for (const [lang, text] of Object.entries(f.text)) {
    const missing = [...new Set(numbersIn(text))].filter((n) => !stated.has(n));
    if (missing.length) warn(`${fp}.text.${lang}`, `states ${missing.join(', ')}, which no evidence excerpt of this fact states`);
  }
}

/**
 * Names by language are for names that really differ ("(spyware)", "(logiciel espion)"). The same
 * name everywhere is one string; two that differ only by case are a slip; a pack language without
 * its name shows readers another language's (pickLang's fallback), which is allowed but should be chosen.
 */
export function checkName(name: EntityName, path: string, languages: readonly string[], warn: (p: string, m: string) => void) {
  if (typeof name === 'string') return;
  const entries = Object.entries(name);
  const first = entries[0];
  if (first && entries.length > 1 && entries.every(([, n]) => n === first[1])) {
    warn(path, `"${first[1]}" in every language: write it once, as a string`);
    return;
  }
  entries.forEach(([l, n], i) => {
    for (const [other, m] of entries.slice(0, i))
      if (n !== m && n.toLocaleLowerCase() === m.toLocaleLowerCase())
        warn(`${path}.${l}`, `"${n}" differs from the "${other}" name "${m}" only by case: make them the same (or one string)`);
    if (!languages.includes(l)) warn(`${path}.${l}`, `a name in "${l}", which the pack does not declare (${languages.join(', ')})`);
  });
  for (const l of languages)
    if (!Object.hasOwn(name, l)) warn(path, `no "${l}" name: those readers see another language's; add it, or write the name once as a string`);
}

export function strictCheck(pack: Pack, today = new Date().toISOString().slice(0, 10)): StrictReport {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  checkSources(pack, err);
  pack.entities.forEach((e, ei) => {
    checkName(e.name, `entities[${ei}].name`, pack.languages, warn);
    if (e.reviewed > today) err(`entities[${ei}].reviewed`, `${e.reviewed} is in the future`);
    e.facts.forEach((f, fi) => {
      checkFact(f, factPath(ei, fi), sources, err, warn);
      for (const id of f.sourceIds) {
        const s = sources.get(id);
        if (s && earlierThan(e.reviewed, s.published))
          err(`entities[${ei}].reviewed`, `${e.reviewed} is before source "${s.id}" was published (${s.published}): review the entity again`);
      }
    });
  });
  return { errors, warnings };
}
