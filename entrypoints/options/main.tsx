import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import type { PackView } from '@/utils/messaging/protocol';
import { PackImport } from '@/components/ext-pages/PackImport';
import { DataPanel } from '@/components/ext-pages/DataPanel';
import { FlagsPanel } from '@/components/ext-pages/FlagsPanel';
import { MutesPanel } from '@/components/ext-pages/MutesPanel';
import { PackList } from '@/components/ext-pages/PackList';
import '@/components/ext-pages/ext-page.css';

function App() {
  const [packs, setPacks] = useState<PackView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [typo, setTypo] = useState<boolean | null>(null);
  const [seedProblem, setSeedProblem] = useState<string | null>(null);
  const refresh = () =>
    Promise.all([send('packs.list', {}), send('settings.get', {})]).then(
      ([r, st]) => {
        setPacks(r.packs);
        setSeedProblem(r.seedProblem);
        setTypo(st.typoTolerance);
      },
      (e) => setError((e as Error).message),
    );
  const [persisted, setPersisted] = useState<boolean | null>(null);
  // "Delete all my data" empties the flags too: a new key makes their list load again.
  const [dataEpoch, setDataEpoch] = useState(0);
  useEffect(() => {
    void refresh();
    // persist() exists only in window contexts, so the options page asks (unlimitedStorage already
    // exempts the extension from eviction in Chrome; Firefox honours persist()).
    void navigator.storage?.persist?.().then(setPersisted, () => setPersisted(false));
  }, []);

  const act = async (work: () => Promise<unknown>) => {
    try {
      setError(null);
      await work();
      await refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main style={{ maxWidth: '760px' }}>
      <h1>Backstory — fact packs</h1>
      <p class="muted small">
        Everything here stays in this browser. Backstory makes no network requests.{' '}
        {persisted === null
          ? ''
          : persisted
            ? 'Storage is persistent: the browser will not evict it.'
            : 'The browser did not grant persistent storage; export your notes now and then.'}
      </p>
      {error && <p class="error">{error}</p>}
      <h2>Installed packs</h2>
      <p class="muted small">
        A discreet pack’s names are never highlighted in web pages: they are counted in the popup and the side panel only, where no page can read them. Imported
        packs are discreet unless you choose otherwise. Changes apply to pages loaded afterwards.
      </p>
      {seedProblem && (
        <p class="error" role="alert" data-testid="seed-problem">
          {seedProblem} Your notes are not affected.
        </p>
      )}
      <PackList packs={packs} act={act} />
      <PackImport onImported={refresh} />
      <h2>Matching</h2>
      <label>
        <input
          type="checkbox"
          checked={!!typo}
          disabled={typo === null}
          onChange={(e) => act(() => send('settings.set', { typoTolerance: (e.target as HTMLInputElement).checked }))}
        />{' '}
        Also find long names written with one typo (e.g. “Cambrige Analytica”). Applies to pages loaded after the change.
      </label>
      <FlagsPanel key={dataEpoch} />
      <MutesPanel key={dataEpoch} />
      <DataPanel
        onChanged={() => {
          setDataEpoch((n) => n + 1);
          void refresh();
        }}
      />
    </main>
  );
}

render(<App />, document.getElementById('app')!);
