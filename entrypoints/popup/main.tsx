import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import type { Res } from '@/utils/messaging/protocol';
import { PageEntities } from '@/components/ext-pages/PageEntities';
import { ExportMenu, pageExportChoices } from '@/components/ext-pages/ExportMenu';
import { BriefingExport } from '@/components/ext-pages/BriefingExport';
import { MutedHere } from '@/components/ext-pages/MutedHere';
import { pauseNotice } from '@/components/ext-pages/panel-strings';
import { NotesOnPageLink, PopupLinks } from '@/components/ext-pages/PopupLinks';
import { currentTabId } from '@/utils/ext-pages/current-tab';
import { watchTabState } from '@/utils/ext-pages/watch-tab-state';
import { openPanelFromPopup } from '@/utils/ext-pages/open-panel';
import { applyDocumentLang, plural, t, uiLang } from '@/utils/i18n';
import { KeyboardShortcuts } from '@/components/ext-pages/KeyboardShortcuts';
import '@/components/ext-pages/ext-page.css';

// The pack's words (summaries) in the language of the popup's own.
const lang = uiLang();
applyDocumentLang();
document.title = t('ext.name');

function App() {
  const [state, setState] = useState<Res<'tab.state'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);

  const load = async () => {
    let id: number | null;
    try {
      id = await currentTabId();
    } catch (e) {
      return setError((e as Error).message);
    }
    setTabId(id);
    if (id === null) return;
    send('tab.state', { tabId: id, lang }).then(setState, (e) => setError((e as Error).message));
  };
  useEffect(() => void load(), []);
  // The tab's counts change after the popup opened (an unmute re-counts the page a moment later): show them when they do.
  useEffect(() => {
    if (tabId === null) return;
    const stop = new AbortController();
    watchTabState(tabId, () => void send('tab.state', { tabId, lang }).then(setState, (e) => setError((e as Error).message)), stop.signal);
    return () => stop.abort();
  }, [tabId]);

  const togglePause = async (everywhere = false) => {
    if (!state?.host && !everywhere) return;
    const paused = everywhere ? !state?.pausedAll : !state?.paused;
    try {
      await send('site.pause', { host: everywhere ? '*' : state!.host!, paused, tabId: tabId ?? undefined });
      setNotice(pauseNotice(paused, everywhere ? null : state!.host!));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // Opening must be the click's first step; the focus message follows.
  const showInPanel = (key: string) => {
    if (tabId === null) return;
    const opening = openPanelFromPopup(tabId);
    void send('panel.focus', { tabId, key })
      .then(() => opening)
      .then(
        () => window.close(),
        (e) => setError((e as Error).message),
      );
  };

  const total = state?.entities.reduce((n, e) => n + e.count, 0) ?? 0;
  return (
    <main style={{ width: '340px' }}>
      <h1>{t('ext.name')}</h1>
      {error && <p class="error">{error}</p>}
      <p class="small muted" data-testid="page-summary">
        {state?.host ?? '—'} · {plural('popup.entities', state?.entities.length ?? 0)}, {plural('popup.mentions', total)}
      </p>
      <h2>{t('panel.onThisPage')}</h2>
      {state?.paused ? (
        <p class="small muted" data-testid="paused-state">
          {t(state.pausedAll ? 'panel.pausedEverywhere' : 'panel.pausedHere')}
        </p>
      ) : (
        <PageEntities entities={state?.entities ?? []} onSelect={showInPanel} />
      )}
      <MutedHere host={state?.host} />
      {!!state?.notesOnPage && <NotesOnPageLink count={state.notesOnPage} pageUrl={state.url} />}
      <p>
        {state?.host && !state.pausedAll && (
          <button type="button" onClick={() => togglePause(false)}>
            {t(state.paused ? 'panel.resume' : 'panel.pause')}
          </button>
        )}{' '}
        {state && (
          <button type="button" onClick={() => togglePause(true)}>
            {t(state.pausedAll ? 'panel.resumeAll' : 'panel.pauseAll')}
          </button>
        )}
      </p>
      {/* Keyed: the same element across pause and resume (the list above turns into a paragraph), a live region the screen reader knows. */}
      <p key="notice" class="small ok" role="status">
        {notice}
      </p>
      <BriefingExport tabId={tabId} />
      <ExportMenu choices={pageExportChoices(state?.url, state?.notesOnPage ?? 0)} />
      <KeyboardShortcuts />
      <PopupLinks />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
