import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '@/utils/ext-pages/send';
import type { Res, SheetView } from '@/utils/messaging/protocol';
import { FactSheet } from '@/components/ext-pages/FactSheet';
import { NotesPanel } from '@/components/ext-pages/NotesPanel';
import { LibraryLink } from '@/components/ext-pages/LibraryLink';
import { FactFlag, useFactFlags } from '@/components/ext-pages/FactFlag';
import { PageEntities } from '@/components/ext-pages/PageEntities';
import { panelText } from '@/components/ext-pages/panel-strings';
import { currentTabId } from '@/utils/ext-pages/current-tab';
import '@/components/ext-pages/ext-page.css';

const lang = navigator.language;

function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [state, setState] = useState<Res<'tab.state'> | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [sheet, setSheet] = useState<SheetView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { flags, changed: flagChanged } = useFactFlags(sheet?.key ?? null, setError);

  // The card's button sets a focus; it wins only when it changes, so later page updates do not
  // undo the reader's own choice in the list.
  const lastFocus = useRef<string | null>(null);
  const load = async (id: number) => {
    try {
      const s = await send('tab.state', { tabId: id, lang });
      setState(s);
      const focusChanged = s.focus !== lastFocus.current;
      lastFocus.current = s.focus;
      setSelected((cur) => (focusChanged && s.focus ? s.focus : (cur ?? s.focus ?? s.entities[0]?.key ?? null)));
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
      setSelected(null);
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
    if (!selected) return setSheet(null);
    send('entity.sheet', { key: selected, lang }).then(setSheet, (e) => setError((e as Error).message));
  }, [selected]);

  return (
    <main>
      {error && <p class="error">{error}</p>}
      {sheet ? (
        <FactSheet
          sheet={sheet}
          onSelect={setSelected}
          factFooter={(f) => <FactFlag entityKey={sheet.key} factId={f.id} lang={sheet.lang} flag={flags.get(f.id)} onChange={flagChanged} />}
        >
          <NotesPanel
            entityKey={sheet.key}
            entityName={sheet.name}
            page={{ url: state?.url ?? null, title: state?.title ?? null }}
            quote={sheet.key === state?.focus ? state?.quote : null}
            lang={lang}
          />
          <LibraryLink entityKey={sheet.key} lang={lang} />
          <h2>{panelText('onThisPage', lang)}</h2>
          <PageEntities entities={state?.entities ?? []} selected={selected} onSelect={setSelected} lang={lang} compact />
        </FactSheet>
      ) : (
        <>
          <p class="muted">{panelText('pick', lang)}</p>
          <h2>{panelText('onThisPage', lang)}</h2>
          <PageEntities entities={state?.entities ?? []} selected={selected} onSelect={setSelected} lang={lang} />
          <LibraryLink lang={lang} />
        </>
      )}
      {tabId === null && <p class="muted small">No tab.</p>}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
