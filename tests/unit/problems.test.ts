import { describe, expect, it } from 'vitest';
import { formatPath, problemLine, problemList } from '@/utils/schema/problems';

describe('problemLine', () => {
  it('writes a problem as path: message', () => {
    expect(problemLine({ path: 'entities[3].name', message: 'too long' })).toBe('entities[3].name: too long');
    expect(problemLine({ path: '(root)', message: 'the file is empty' })).toBe('(root): the file is empty');
    expect(problemLine({ path: '(body)', message: 'expected object' }, true)).toBe('(body): expected object');
  });

  it('drops the (root) path when asked', () => {
    expect(problemLine({ path: '(root)', message: 'the file is empty' }, true)).toBe('the file is empty');
    expect(problemLine({ path: 'notes[0].id', message: 'required' }, true)).toBe('notes[0].id: required');
  });

  it('writes the lines of a problem list', () => {
    const list = problemList(1);
    list.add(formatPath(['notes', 0, 'id']), 'required');
    list.add(formatPath([]), 'unlisted');
    expect(list.list().map((p) => problemLine(p, true))).toEqual(['notes[0].id: required', 'and 1 more problems not listed']);
  });
});
