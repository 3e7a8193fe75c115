import { browser } from 'wxt/browser';
import { i18n, type GeneratedI18nStructure } from '#i18n';

/**
 * Every user-visible string comes from the browser's own catalogue (assets/locales/<lang>.yml, built
 * into _locales/<lang>/messages.json), so the UI follows the browser's language like the rest of the
 * browser does, and the manifest, the worker and the content script share one source.
 */
export const t = i18n.t;

type Key = keyof GeneratedI18nStructure;
/** A key that takes no substitutions (a plain label): what a table of labels by kind maps to. */
export type LabelKey = { [K in Key]: GeneratedI18nStructure[K] extends { namedSubstitutions: readonly string[] } ? never : K }[Key];
/** A plural message: `<base>.one` and `<base>.other` (French also may give `.many`) in the catalogue. */
export type PluralKey = { [K in Key]: K extends `${infer B}.other` ? B : never }[Key];

type Subs = Record<string, string | number>;
const untyped = i18n.t as unknown as (key: string, subs?: Subs) => string;

function browserLang(): string {
  try {
    const l = browser.i18n.getUILanguage();
    if (l) return l;
  } catch {
    // Outside an extension context (a unit test without the fake): the page's language is the best guess.
  }
  return typeof navigator === 'undefined' ? 'en' : navigator.language || 'en';
}

/**
 * The language the catalogue answers in, with the browser's region when it matches ("fr-CA", "en-GB");
 * a browser in German gets the default English catalogue, so "en", not "de": the page's lang, the
 * worker's choice of summary and the number formats then agree with the words shown.
 */
export function uiLang(): string {
  const catalogue = untyped('meta.lang') || 'en';
  const b = browserLang();
  return b.toLowerCase() === catalogue || b.toLowerCase().startsWith(`${catalogue}-`) ? b : catalogue;
}

let rules: { lang: string; rules: Intl.PluralRules; number: Intl.NumberFormat } | null = null;
function forLang() {
  const lang = uiLang();
  if (rules?.lang !== lang) rules = { lang, rules: new Intl.PluralRules(lang), number: new Intl.NumberFormat(lang) };
  return rules;
}

/** A number as the reader writes it ("1,234" / "1 234"). */
export function formatNumber(n: number): string {
  return forLang().number.format(n);
}

/**
 * The plural form Intl.PluralRules picks for n (French: 0 and 1 are singular; English: only 1), with
 * {count} filled in with the formatted number and any other named substitutions.
 */
export function plural(base: PluralKey, n: number, subs: Subs = {}): string {
  const { rules: r } = forLang();
  const category = r.select(n);
  const all = { count: formatNumber(n), ...subs };
  // Only one/other are required by the catalogue test; another category falls back to other.
  const text = category === 'other' || category === 'one' ? '' : untyped(`${base}.${category}`, all);
  return text || untyped(`${base}.${category === 'one' ? 'one' : 'other'}`, all);
}

/** Languages written right to left (their primary subtag). */
const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The direction a language is written in. */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  if (RTL.has(lang.toLowerCase().split(/[-_]/)[0] ?? '')) return 'rtl';
  return 'ltr';
}

/**
 * The writing direction of the text we show: the catalogue's language, not the browser's. Chrome's
 * `@@bidi_dir` is the browser's, so a Hebrew browser would lay our English catalogue out right to left.
 */
export function uiDirection(): 'ltr' | 'rtl' {
  return directionOf(untyped('meta.lang') || 'en');
}

/** Sets `<html lang>` and `dir` to the catalogue's language, so screen readers pick the right voice. */
export function applyDocumentLang(doc: Document = document): void {
  doc.documentElement.lang = uiLang();
  doc.documentElement.dir = uiDirection();
}
