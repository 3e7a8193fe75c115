import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { send } from '@/utils/ext-pages/send';
import type { PackView } from '@/utils/messaging/protocol';
import { PackImport } from '@/components/ext-pages/PackImport';
import { DataPanel } from '@/components/ext-pages/DataPanel';
import { FlagsPanel } from '@/components/ext-pages/FlagsPanel';
import { MutesPanel } from '@/components/ext-pages/MutesPanel';
import { KeyboardShortcuts } from '@/components/ext-pages/KeyboardShortcuts';
import { PackList } from '@/components/ext-pages/PackList';
import { applyDocumentLang, t } from '@/utils/i18n';
import '@/components/ext-pages/ext-page.css';

applyDocumentLang();
document.title = t('options.pageTitle');

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
      <h1>{t('options.heading')}</h1>
      <p class="muted small">
        {t('options.private')} {persisted === null ? '' : t(persisted ? 'options.persistent' : 'options.notPersistent')}
      </p>
      {error && <p class="error">{error}</p>}
      <h2>{t('options.installedPacks')}</h2>
      <p class="muted small">{t('options.discreetIntro')}</p>
      {seedProblem && (
        <p class="error" role="alert" data-testid="seed-problem">
          {seedProblem} {t('options.notesUnaffected')}
        </p>
      )}
      <PackList packs={packs} act={act} />
      <PackImport onImported={refresh} />
      <h2>{t('options.matching')}</h2>
      <label>
        <input
          type="checkbox"
          checked={!!typo}
          disabled={typo === null}
          onChange={(e) => act(() => send('settings.set', { typoTolerance: (e.target as HTMLInputElement).checked }))}
        />{' '}
        {t('options.typo')}
      </label>
      <FlagsPanel key={dataEpoch} />
      <MutesPanel key={dataEpoch} />
      <KeyboardShortcuts />
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
