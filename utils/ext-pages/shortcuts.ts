import { browser } from 'wxt/browser';

/** The commands that step through the highlighted names (wxt.config.ts), in the order the UI lists them. */
export const STEP_COMMANDS = ['next-mention', 'previous-mention'] as const;
export type StepCommand = (typeof STEP_COMMANDS)[number];

/**
 * Each step command with the key the browser really assigned to it (commands.getAll()), or null
 * when it has none: the browser leaves a suggested key unset when it is taken, and the reader can
 * clear or change it.
 */
export function stepShortcuts(commands: readonly { name?: string; shortcut?: string }[]): { command: StepCommand; key: string | null }[] {
  return STEP_COMMANDS.map((command) => ({ command, key: commands.find((c) => c.name === command)?.shortcut?.trim() || null }));
}

/** The browser's own page for setting extension keys: Firefox opens it by API (from 137), Chrome by its address. */
export async function openShortcutSettings(): Promise<void> {
  if (import.meta.env.FIREFOX) {
    await (browser.commands as unknown as { openShortcutSettings: () => Promise<void> }).openShortcutSettings();
    return;
  }
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
