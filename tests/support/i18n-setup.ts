// Unit tests run against WXT's fake browser, whose i18n is not mocked. This gives it the real
// catalogue (assets/locales, turned into messages.json exactly as the build does) and Chrome's
// $1…$9 substitution, in the language a test picks with setTestLocale (English by default).
import path from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

const DIR = path.resolve(import.meta.dirname, '../../assets/locales');
const catalogues: Record<string, Record<string, { message: string }>> = {
  en: generateChromeMessages(await parseMessagesFile(path.join(DIR, 'en.yml'))),
  fr: generateChromeMessages(await parseMessagesFile(path.join(DIR, 'fr.yml'))),
};

let locale = 'en-GB';
/** The browser UI language the fake reports ("fr-FR"); the catalogue follows its first subtag. */
export function setTestLocale(l: string): void {
  locale = l;
}

function getMessage(name: string, subs?: string | string[]): string {
  const lang = locale.split('-')[0]!.toLowerCase();
  if (name === '@@ui_locale') return locale.replace('-', '_');
  if (name === '@@bidi_dir') return ['ar', 'he', 'fa', 'ur'].includes(lang) ? 'rtl' : 'ltr';
  const entry = (catalogues[lang] ?? catalogues.en)![name] ?? catalogues.en![name];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (list[Number(d) - 1] ?? '')));
}

function install() {
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = getMessage;
  i18n.getUILanguage = () => locale;
}
install();
beforeEach(() => {
  locale = 'en-GB';
  install();
});
