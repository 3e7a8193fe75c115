import { describe, expect, it } from 'vitest';
import { notesOnPageText, packCounts, packRemoveQuestion, pauseNotice } from '@/components/ext-pages/panel-strings';
import { libraryPath } from '@/utils/ext-pages/library-link';
import { pausedLabels } from '@/utils/worker/apply-pause';

describe('what the pause buttons say they did', () => {
  it('names where: everywhere, or the site', () => {
    expect(pauseNotice(true, null, 'en-GB')).toBe('Paused everywhere.');
    expect(pauseNotice(false, null, 'en')).toBe('Resumed everywhere.');
    expect(pauseNotice(true, 'news.example:8080', 'en')).toBe('Paused on news.example:8080.');
    expect(pauseNotice(false, 'news.example', 'en-US')).toBe('Resumed on news.example.');
    expect(pauseNotice(true, null, 'fr-FR')).toBe('En pause partout.');
    expect(pauseNotice(false, 'lemonde.fr', 'fr')).toBe('Réactivé sur lemonde.fr.');
  });

  it('the toolbar badge fits in four characters, in both languages', () => {
    for (const lang of ['en', 'fr-FR', 'de']) expect(pausedLabels(lang).badge.length).toBeLessThanOrEqual(4);
    expect(pausedLabels('fr-CA').title).toBe('Backstory : en pause ici');
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
    expect(notesOnPageText(1, 'en')).toBe('1 note written on this page');
    expect(notesOnPageText(3, 'en')).toBe('3 notes written on this page');
    expect(notesOnPageText(1, 'fr')).toBe('1 note écrite sur cette page');
    expect(notesOnPageText(3, 'fr')).toBe('3 notes écrites sur cette page');
  });
});

describe('the pack list', () => {
  const pack = { name: 'Globex', entityCount: 1, factCount: 12, sourceCount: 0 };
  it('counts with singulars and plurals', () => {
    expect(packCounts(pack, 'en')).toBe('1 entity · 12 facts · 0 sources');
    expect(packCounts(pack, 'fr')).toBe('1 entité · 12 faits · 0 source');
  });

  it('asks before removing: what goes, that notes stay, how to get it back', () => {
    expect(packRemoveQuestion(pack, 'en')).toBe(
      'Remove Globex? Its 1 entity and 12 facts will be gone from this browser; your notes stay. To get it back, import its file again.',
    );
    expect(packRemoveQuestion(pack, 'fr')).toBe(
      'Retirer Globex ? 1 entité et 12 faits disparaîtront de ce navigateur ; vos notes restent. Pour le retrouver, importez à nouveau son fichier.',
    );
  });
});
