import { describe, expect, it } from 'vitest';
import { directionOf, formatNumber, plural, t, uiDirection, uiLang } from '@/utils/i18n';
import { setTestLocale } from '../support/i18n-setup';

describe('the catalogue wrapper', () => {
  it('answers in the browser language, with its region, and falls back to English', () => {
    expect(t('ext.name')).toBe('Backstory');
    setTestLocale('fr-CA');
    expect(uiLang()).toBe('fr-CA');
    expect(t('ext.commandNextMention')).toMatch(/^Aller au nom/);
    setTestLocale('de-DE');
    expect(uiLang()).toBe('en');
    expect(t('ext.commandNextMention')).toMatch(/^Move to the next/);
  });
  it('formats numbers for the reader and knows the direction', () => {
    setTestLocale('fr-FR');
    expect(formatNumber(1234)).toBe('1\u202f234');
    expect(uiDirection()).toBe('ltr');
    // No Hebrew catalogue: the English text a Hebrew browser gets is laid out left to right.
    setTestLocale('he');
    expect(uiDirection()).toBe('ltr');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('ar_EG')).toBe('rtl');
    expect(directionOf('fr-CA')).toBe('ltr');
  });
  it('picks plural forms with Intl.PluralRules: French 0 and 1 are singular, English 0 is plural', () => {
    expect(plural('common.facts', 0)).toBe('0 facts');
    expect(plural('common.facts', 1)).toBe('1 fact');
    expect(plural('common.facts', 1200)).toBe('1,200 facts');
    setTestLocale('fr-FR');
    expect(plural('common.facts', 0)).toBe('0 fait');
    expect(plural('common.facts', 1)).toBe('1 fait');
    expect(plural('common.facts', 2)).toBe('2 faits');
    expect(plural('common.facts', 1_000_000)).toBe('1\u202f000\u202f000 de faits');
  });
});
