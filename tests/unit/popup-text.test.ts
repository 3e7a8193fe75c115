import { describe, expect, it } from 'vitest';
import { factsShownText, muteWhereText, mutedNotice, packCounts, packRemoveQuestion, pauseNotice } from '@/components/ext-pages/panel-strings';
import { plural, t } from '@/utils/i18n';
import { setTestLocale } from '../support/i18n-setup';
import { libraryPath } from '@/utils/ext-pages/library-link';
import { pausedLabels } from '@/utils/worker/apply-pause';

describe('what the pause buttons say they did', () => {
  it('names where: everywhere, or the site', () => {
    expect(pauseNotice(true, null)).toBe('Paused everywhere.');
    expect(pauseNotice(false, null)).toBe('Resumed everywhere.');
    expect(pauseNotice(true, 'news.example:8080')).toBe('Paused on news.example:8080.');
    expect(pauseNotice(false, 'news.example')).toBe('Resumed on news.example.');
    setTestLocale('fr-FR');
    expect(pauseNotice(true, null)).toBe('En pause partout.');
    expect(pauseNotice(false, 'lemonde.fr')).toBe('Réactivé sur lemonde.fr.');
  });

  it('the toolbar badge fits in four characters, in both languages', () => {
    for (const lang of ['en-GB', 'fr-FR', 'de']) {
      setTestLocale(lang);
      expect(pausedLabels().badge.length).toBeLessThanOrEqual(4);
    }
    setTestLocale('fr-CA');
    expect(pausedLabels().title).toBe('Backstory\u00a0: en pause ici');
    setTestLocale('en-US');
    expect(pausedLabels().title).toBe('Backstory: paused here');
  });
});

describe('the notes library link', () => {
  it('filters to one page by its address, encoded whole', () => {
    expect(libraryPath()).toBe('/library.html');
    expect(libraryPath({ page: '' })).toBe('/library.html');
    const page = 'https://news.example/a?id=7&lang=fr';
    const path = libraryPath({ page });
    expect(path).toBe('/library.html?page=https%3A%2F%2Fnews.example%2Fa%3Fid%3D7%26lang%3Dfr');
    expect(new URL(path, 'chrome-extension://x').searchParams.get('page')).toBe(page);
  });

  it('counts notes in words', () => {
    expect(plural('panel.notesOnPage', 1)).toBe('1 note written on this page');
    expect(plural('panel.notesOnPage', 3)).toBe('3 notes written on this page');
    setTestLocale('fr-FR');
    expect(plural('panel.notesOnPage', 1)).toBe('1 note écrite sur cette page');
    expect(plural('panel.notesOnPage', 3)).toBe('3 notes écrites sur cette page');
  });
});

describe('the pack list', () => {
  const pack = { name: 'Globex', entityCount: 1, factCount: 12, sourceCount: 0 };
  it('counts with singulars and plurals', () => {
    expect(packCounts(pack)).toBe('1 entity · 12 facts · 0 sources');
    expect(packCounts({ entityCount: 2, factCount: 1, sourceCount: 1 })).toBe('2 entities · 1 fact · 1 source');
    setTestLocale('fr-FR');
    expect(packCounts(pack)).toBe('1 entité · 12 faits · 0 source');
    expect(packCounts({ entityCount: 0, factCount: 1, sourceCount: 2 })).toBe('0 entité · 1 fait · 2 sources');
  });

  it('asks before removing: what goes, that notes stay, how to get it back', () => {
    expect(packRemoveQuestion(pack)).toBe(
      'Remove Globex? Its 1 entity and 12 facts will be gone from this browser; your notes stay. To get it back, import its file again.',
    );
    setTestLocale('fr-FR');
    expect(packRemoveQuestion(pack)).toBe(
      'Retirer Globex ? 1 entité et 12 faits disparaîtront de ce navigateur ; vos notes restent. Pour le retrouver, importez à nouveau son fichier.',
    );
  });
});

describe('the side panel’s counts and mute notices', () => {
  it('counts facts shown and facts in all, with English plurals (0 is plural)', () => {
    expect(factsShownText(0, 0, false)).toBe('0 facts');
    expect(factsShownText(1, 1, false)).toBe('1 fact');
    expect(factsShownText(2, 2, false)).toBe('2 facts');
    expect(factsShownText(0, 1, true)).toBe('0 of 1 fact');
    expect(factsShownText(12, 1054, true)).toBe('12 of 1,054 facts');
    expect(plural('panel.mentionCount', 0)).toBe('0 mentions');
    expect(plural('panel.mentionCount', 1)).toBe('1 mention');
  });

  it('counts them in French, where 0 and 1 are singular', () => {
    setTestLocale('fr-FR');
    expect(factsShownText(0, 0, false)).toBe('0 fait');
    expect(factsShownText(1, 1, false)).toBe('1 fait');
    expect(factsShownText(2, 2, false)).toBe('2 faits');
    expect(factsShownText(2, 54, true)).toBe('2 sur 54 faits');
    expect(plural('panel.mentionCount', 0)).toBe('0 mention');
    expect(plural('panel.mentionCount', 2)).toBe('2 mentions');
    expect(plural('panel.mutedHere', 1)).toBe('1 nom ignoré sur ce site');
    expect(plural('panel.mutedHere', 3)).toBe('3 noms ignorés sur ce site');
    expect(plural('panel.seeAllFacts', 1)).toBe('Voir la fiche (1 fait)');
    expect(plural('panel.seeAllFacts', 7)).toBe('Voir les 7 faits de la fiche');
  });

  it('says where a mute applies and what it did, in both languages', () => {
    expect(muteWhereText({ scope: 'everywhere' }, 'a.example')).toBe('everywhere');
    expect(muteWhereText({ scope: 'site', host: 'a.example' }, 'a.example')).toBe('on this site');
    expect(muteWhereText({ scope: 'site', host: 'b.example' }, 'a.example')).toBe('on b.example');
    expect(mutedNotice('PimEyes', 'site')).toBe('PimEyes is muted on this site.');
    expect(t('panel.unmutedNotice', { name: 'PimEyes' })).toBe('PimEyes is no longer muted here.');
    setTestLocale('fr-FR');
    expect(muteWhereText({ scope: 'site', host: 'b.example' })).toBe('sur b.example');
    expect(mutedNotice('PimEyes', 'everywhere')).toBe('PimEyes est ignoré partout.');
    expect(t('panel.unmutedNotice', { name: 'PimEyes' })).toBe('PimEyes n’est plus ignoré ici.');
  });
});
