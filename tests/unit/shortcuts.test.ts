import { describe, expect, it } from 'vitest';
import { stepShortcuts } from '../../utils/ext-pages/shortcuts';

describe('the keys shown for stepping through names', () => {
  it('reads the key the browser assigned to each step command', () => {
    const all = [
      { name: '_execute_action', shortcut: '' },
      { name: 'previous-mention', shortcut: 'Alt+Shift+K' },
      { name: 'next-mention', shortcut: 'Alt+Shift+J' },
    ];
    expect(stepShortcuts(all)).toEqual([
      { command: 'next-mention', key: 'Alt+Shift+J' },
      { command: 'previous-mention', key: 'Alt+Shift+K' },
    ]);
  });

  it('says a command has no key when the browser left it unset or does not list it', () => {
    expect(stepShortcuts([{ name: 'next-mention', shortcut: '' }])).toEqual([
      { command: 'next-mention', key: null },
      { command: 'previous-mention', key: null },
    ]);
  });
});
