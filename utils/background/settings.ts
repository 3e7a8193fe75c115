import type { DB } from '../store/db';

export interface Settings {
  pausedHosts: string[];
}

export interface SettingsStore {
  isPaused(url: string | undefined | null): Promise<boolean>;
  setPaused(host: string, paused: boolean): Promise<void>;
}

const DEFAULTS: Settings = { pausedHosts: [] };

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
    return { ...DEFAULTS, pausedHosts: Array.isArray(v?.pausedHosts) ? v.pausedHosts.filter((h) => typeof h === 'string') : [] };
  };
  return {
    async isPaused(url) {
      const host = hostOf(url);
      return !!host && (await read()).pausedHosts.includes(host);
    },
    async setPaused(host, paused) {
      const s = await read();
      const set = new Set(s.pausedHosts);
      if (paused) set.add(host);
      else set.delete(host);
      await (await db()).put('meta', { key: 'settings', value: { ...s, pausedHosts: [...set].sort() } });
    },
  };
}
