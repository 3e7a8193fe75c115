import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface PanelNavProps {
  canGoBack: boolean;
  canGoForward: boolean;
  onBack: () => void;
  onForward: () => void;
  /** Which view is shown: an entity's sheet or the page's briefing (none before anything is open). */
  view: 'sheet' | 'page' | null;
  /** Null when no entity has been opened yet: there is no sheet to go to. */
  onSheet: (() => void) | null;
  onPage: () => void;
}

/** Alt+Left and Alt+Right, as in a browser; not in a text field, where they move the caret on a Mac. */
function useHistoryKeys(onBack: () => void, onForward: () => void) {
  useEffect(() => {
    const ctl = new AbortController();
    document.addEventListener(
      'keydown',
      (e) => {
        if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        const t = e.target as HTMLElement | null;
        if (t?.closest('input, textarea, select, [contenteditable]')) return;
        e.preventDefault();
        if (e.key === 'ArrowLeft') onBack();
        else onForward();
      },
      { signal: ctl.signal },
    );
    return () => ctl.abort();
  }, [onBack, onForward]);
}

/** The panel's top bar: back and forward through what the reader opened, and the two views. */
export function PanelNav(p: PanelNavProps) {
  useHistoryKeys(p.onBack, p.onForward);
  return (
    <nav class="panel-nav" aria-label={t('panel.panelViews')}>
      <button type="button" class="nav-button" title={t('panel.backHint')} disabled={!p.canGoBack} onClick={p.onBack}>
        <span aria-hidden="true">← </span>
        {t('panel.back')}
      </button>
      <button type="button" class="nav-button" title={t('panel.forwardHint')} disabled={!p.canGoForward} onClick={p.onForward}>
        {t('panel.forward')}
        <span aria-hidden="true"> →</span>
      </button>
      <div class="view-switch">
        <button type="button" aria-pressed={p.view === 'sheet'} disabled={!p.onSheet} onClick={() => p.onSheet?.()}>
          {t('panel.viewSheet')}
        </button>
        <button type="button" aria-pressed={p.view === 'page'} onClick={p.onPage}>
          {t('panel.viewPage')}
        </button>
      </div>
    </nav>
  );
}
