import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/utils/ext-pages/send';
import type { Res, SheetView } from '@/utils/messaging/protocol';
import { FactSheet } from '@/components/ext-pages/FactSheet';
import { NotesPanel } from '@/components/ext-pages/NotesPanel';
import { LibraryLink } from '@/components/ext-pages/LibraryLink';
import { FactFlag, useFactFlags } from '@/components/ext-pages/FactFlag';
import { PageEntities } from '@/components/ext-pages/PageEntities';
import { PanelNav } from '@/components/ext-pages/PanelNav';
import { PageBriefing } from '@/components/ext-pages/PageBriefing';
import { currentTabId } from '@/utils/ext-pages/current-tab';
import { applyDocumentLang, t, uiLang } from '@/utils/i18n';
import {
  canGoBack,
  canGoForward,
  currentPlace,
  emptyHistory,
  goBack,
  goForward,
  openPlace,
  rememberScroll,
  scrollOf,
  type PanelHistory,
} from '@/utils/ext-pages/panel-history';
import '@/components/ext-pages/ext-page.css';

// The pack's words (summaries, facts) in the language of the panel's own.
const lang = uiLang();
applyDocumentLang();
document.title = t('ext.name');

function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<Res<'tab.state'> | null>(null);
  // What the reader opened (from the card, the page list, related entities, the briefing), in order.
  const [history, setHistory] = useState<PanelHistory>(emptyHistory);
  const place = currentPlace(history);
  const selected = place?.kind === 'entity' ? place.key : null;
  const [sheet, setSheet] = useState<SheetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { flags, changed: flagChanged } = useFactFlags(sheet?.key ?? null, setError);

  // Each move notes where the reader was, so Back and Forward return to the same spot.
  const leave = useCallback((move: (h: PanelHistory) => PanelHistory) => {
    const y = window.scrollY;
    setHistory((h) => move(rememberScroll(h, y)));
  }, []);
  const open = useCallback((key: string) => leave((h) => openPlace(h, { kind: 'entity', key })), [leave]);
  const back = useCallback(() => leave(goBack), [leave]);
  const forward = useCallback(() => leave(goForward), [leave]);

  // The card's button sets a focus; it wins only when it changes, so later page updates do not
  // undo the reader's own choice in the list.
  const lastFocus = useRef<string | null>(null);
  const load = async (id: number) => {
    try {
      const s = await send('tab.state', { tabId: id, lang });
      setState(s);
      const focusChanged = s.focus !== lastFocus.current;
      lastFocus.current = s.focus;
      const y = window.scrollY;
      setHistory((h) => {
        if (focusChanged && s.focus) return openPlace(rememberScroll(h, y), { kind: 'entity', key: s.focus });
        const first = s.focus ?? s.entities[0]?.key;
        return currentPlace(h) || !first ? h : openPlace(h, { kind: 'entity', key: first });
      });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  useEffect(() => {
    void currentTabId().then((id) => {
      setTabId(id);
      if (id !== null) void load(id);
    });
    const ctl = new AbortController();
    const onChanged = (changes: Record<string, unknown>) => {
      setTabId((id) => {
        if (id !== null && `tab:${id}` in changes) void load(id);
        return id;
      });
    };
    browser.storage.session.onChanged.addListener(onChanged);
    const onActivated = ({ tabId: id }: { tabId: number }) => {
      if (new URLSearchParams(location.search).get('tab')) return;
      setTabId(id);
      // Another tab is another page: its own reading starts afresh.
      setHistory(emptyHistory);
      void load(id);
    };
    browser.tabs.onActivated.addListener(onActivated);
    ctl.signal.addEventListener('abort', () => {
      browser.storage.session.onChanged.removeListener(onChanged);
      browser.tabs.onActivated.removeListener(onActivated);
    });
    return () => ctl.abort();
  }, []);

  useEffect(() => {
    if (!selected) return;
    let current = true;
    // Back and forward can ask faster than sheets arrive: only the last one asked for is shown.
    send('entity.sheet', { key: selected, lang }).then(
      (s) => current && setSheet(s),
      (e) => current && setError((e as Error).message),
    );
    return () => void (current = false);
  }, [selected]);

  // A new place starts at its top, a place returned to where it was left (again once its sheet has
  // arrived and has its height); the clicked button may be gone with the old one, so focus goes to its heading.
  useEffect(() => {
    window.scrollTo(0, scrollOf(history));
    if (document.activeElement === document.body) document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [place, sheet]);

  const lastEntity = [...history.entries.slice(0, history.index + 1)].reverse().find((p) => p.kind === 'entity');
  const shownSheet = sheet && sheet.key === selected ? sheet : null;
  // A paused site lists nothing because nothing is read, not because it names nothing.
  const pausedText = state?.paused ? t(state.pausedAll ? 'panel.pausedEverywhere' : 'panel.pausedHere') : undefined;
  return (
    <main>
      <PanelNav
        canGoBack={canGoBack(history)}
        canGoForward={canGoForward(history)}
        onBack={back}
        onForward={forward}
        view={place ? (place.kind === 'page' ? 'page' : 'sheet') : null}
        onSheet={lastEntity?.kind === 'entity' ? () => open(lastEntity.key) : null}
        onPage={() => leave((h) => openPlace(h, { kind: 'page' }))}
      />
      {error && <p class="error">{error}</p>}
      {place?.kind === 'page' && tabId !== null ? (
        <PageBriefing tabId={tabId} version={state} onOpen={open} />
      ) : shownSheet ? (
        <FactSheet
          sheet={shownSheet}
          onSelect={open}
          factFooter={(f) => <FactFlag entityKey={shownSheet.key} factId={f.id} lang={shownSheet.lang} flag={flags.get(f.id)} onChange={flagChanged} />}
        >
          <NotesPanel
            entityKey={shownSheet.key}
            entityName={shownSheet.name}
            page={{ url: state?.url ?? null, title: state?.title ?? null }}
            quote={shownSheet.key === state?.focus ? state?.quote : null}
          />
          <LibraryLink entityKey={shownSheet.key} />
          <h2>{t('panel.onThisPage')}</h2>
          <PageEntities entities={state?.entities ?? []} selected={selected} onSelect={open} compact muteHost={state?.host} emptyText={pausedText} />
        </FactSheet>
      ) : selected ? (
        <p class="muted small">{t('panel.loading')}</p>
      ) : (
        <>
          <p class="muted small">{t('panel.pick')}</p>
          <h2>{t('panel.onThisPage')}</h2>
          <PageEntities entities={state?.entities ?? []} selected={selected} onSelect={open} muteHost={state?.host} emptyText={pausedText} />
          <LibraryLink />
        </>
      )}
      {tabId === null && <p class="muted small">{t('panel.noTab')}</p>}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
