import { hostOf } from '../url/host';
import type { DB } from './store/db';

export interface Settings {
  pausedHosts: string[];
  /** Paused on every site (the popup's "Pause everywhere"). */
  pausedAll: boolean;
  /** Find long multi-word names written with one typo. On by default: 0 false positives on the corpus (tests/unit/typo.test.ts). */
  typoTolerance: boolean;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  isPaused(url: string | undefined | null): Promise<boolean>;
  setPaused(host: string, paused: boolean): Promise<void>;
  setPausedAll(paused: boolean): Promise<void>;
  setTypoTolerance(on: boolean): Promise<void>;
}

const DEFAULTS: Settings = { pausedHosts: [], pausedAll: false, typoTolerance: true };

/** Settings live in the extension's IndexedDB, out of reach of content scripts. */
export function createSettingsStore(db: () => Promise<DB>): SettingsStore {
  const read = async (): Promise<Settings> => {
    const v = (await (await db()).get('meta', 'settings'))?.value as Partial<Settings> | undefined;
    return {
      pausedHosts: Array.isArray(v?.pausedHosts) ? v.pausedHosts.filter((h) => typeof h === 'string') : DEFAULTS.pausedHosts,
      pausedAll: typeof v?.pausedAll === 'boolean' ? v.pausedAll : DEFAULTS.pausedAll,
      typoTolerance: typeof v?.typoTolerance === 'boolean' ? v.typoTolerance : DEFAULTS.typoTolerance,
    };
  };
  const write = async (s: Settings) => (await db()).put('meta', { key: 'settings', value: s });
  return {
    read,
    async setTypoTolerance(on) {
      await write({ ...(await read()), typoTolerance: on });
    },
    async isPaused(url) {
      const s = await read();
      if (s.pausedAll) return true;
      const host = hostOf(url);
      return !!host && s.pausedHosts.includes(host);
    },
    async setPausedAll(paused) {
      await write({ ...(await read()), pausedAll: paused });
    },
    async setPaused(host, paused) {
      const s = await read();
      const set = new Set(s.pausedHosts);
      if (paused) set.add(host);
      else set.delete(host);
      await write({ ...s, pausedHosts: [...set].sort() });
    },
  };
}
