import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { openShortcutSettings, stepShortcuts, type StepCommand } from '@/utils/ext-pages/shortcuts';

// The key goes where the sentence puts it ("Next name: Alt+Shift+J", "Nom suivant : …"), as an element.
const SLOT = '\u0000';
const around = (text: string, el: ComponentChildren) => {
  const [before = '', after = ''] = text.split(SLOT);
  return (
    <>
      {before}
      {el}
      {after}
    </>
  );
};
const LABEL = { 'next-mention': 'keys.next', 'previous-mention': 'keys.previous' } as const satisfies Record<StepCommand, string>;

/**
 * The keys that step through the names on a page, as the browser really assigned them (it may have
 * left one unset), how to use a card from the keyboard, and the way to the browser's page that
 * sets them. Shown in the popup and on the options page.
 */
export function KeyboardShortcuts() {
  const [rows, setRows] = useState<ReturnType<typeof stepShortcuts> | 'unreadable' | null>(null);
  useEffect(() => {
    browser.commands.getAll().then(
      (all) => setRows(stepShortcuts(all)),
      () => setRows('unreadable'),
    );
  }, []);
  return (
    <section class="keyboard-shortcuts" data-testid="keyboard-shortcuts">
      <h2>{t('keys.heading')}</h2>
      {rows === 'unreadable' ? (
        <p class="small muted">{t('keys.unreadable')}</p>
      ) : (
        <ul class="small" style={{ listStyle: 'none', padding: 0, margin: '4px 0' }}>
          {(rows ?? []).map((r) => (
            <li key={r.command} data-command={r.command}>
              {around(t(LABEL[r.command], { key: SLOT }), r.key ? <kbd>{r.key}</kbd> : <strong>{t('keys.unassigned')}</strong>)}
            </li>
          ))}
        </ul>
      )}
      <p class="small muted">{t('keys.inCard')}</p>
      <p class="small muted">
        {t(import.meta.env.FIREFOX ? 'keys.setFirefox' : 'keys.setChrome')}{' '}
        <button type="button" onClick={() => void openShortcutSettings().catch(() => {})}>
          {t('keys.change')}
        </button>
      </p>
    </section>
  );
}
