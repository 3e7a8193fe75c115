import { describe, expect, it } from 'vitest';
import { addTags, countTags, splitTagInput, suggestTags } from '@/utils/schema/note-tags';

describe('tag input', () => {
  it('splits typed text at commas into finished tags and the part still being typed', () => {
    expect(splitTagInput('court, privacy, fi')).toEqual({ tags: ['court', 'privacy'], rest: ' fi' });
    expect(splitTagInput('court,')).toEqual({ tags: ['court'], rest: '' });
    expect(splitTagInput(',, ,x')).toEqual({ tags: [], rest: 'x' });
    expect(splitTagInput('plain')).toEqual({ tags: [], rest: 'plain' });
  });

  it('adds tags without repeats in another case, trimmed', () => {
    expect(addTags(['Court'], [' court ', 'privacy', ''])).toEqual(['Court', 'privacy']);
  });
});

describe('tags in use', () => {
  it('counts per note, merges case, names each by its most used spelling, most used first', () => {
    expect(countTags([{ tags: ['court', 'EU'] }, { tags: ['Court', 'court'] }, { tags: ['court'] }, {}, { tags: ['eu'] }, { tags: ['fine'] }])).toEqual([
      { tag: 'court', count: 3 },
      { tag: 'EU', count: 2 },
      { tag: 'fine', count: 1 },
    ]);
  });

  it('suggests what starts with the typed text, then what contains it, never a tag the note has', () => {
    const inUse = countTags([{ tags: ['court', 'courtroom', 'high court', 'privacy'] }, { tags: ['court'] }]);
    expect(suggestTags(inUse, [], 'co')).toEqual(['court', 'courtroom', 'high court']);
    expect(suggestTags(inUse, ['COURT'], 'co')).toEqual(['courtroom', 'high court']);
    expect(suggestTags(inUse, [], '')).toEqual(['court', 'courtroom', 'high court', 'privacy']);
    expect(suggestTags(inUse, [], '', 2)).toEqual(['court', 'courtroom']);
  });
});
