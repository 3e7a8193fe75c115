import type { DB } from '../store/db';

export interface Settings {
  pausedHosts: string[];
  /** Find long multi-word names written with one typo. On by default: 0 false positives on the corpus (tests/unit/typo.test.ts). */
  typoTolerance: boolean;
}

export interface SettingsStore {
  read(): Promise<Settings>;
  isPaused(url: string | undefined | null): Promise<boolean>;
  setPaused(host: string, paused: boolean): Promise<void>;
  setTypoTolerance(on: boolean): Promise<void>;
}

const DEFAULTS: Settings = { pausedHosts: [], typoTolerance: true };

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** Settings live in the extension's IndexedDB, out of reach of content scripts. */
export function createSettingsStore(db: () => Promise<DB>): SettingsStore {
  const read = async (): Promise<Settings> => {
    const v = (await (await db()).get('meta', 'settings'))?.value as Partial<Settings> | undefined;
    return {
      pausedHosts: Array.isArray(v?.pausedHosts) ? v.pausedHosts.filter((h) => typeof h === 'string') : DEFAULTS.pausedHosts,
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
      const host = hostOf(url);
      return !!host && (await read()).pausedHosts.includes(host);
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
