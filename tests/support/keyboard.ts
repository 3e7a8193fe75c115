import type { CDPSession, Locator, Page } from 'playwright-core';

/**
 * Keyboard helpers for end-to-end tests. A browser command (manifest "commands") is matched by the
 * browser itself, before the page sees the key. Playwright's page.keyboard sends "keyDown" events
 * that carry their text, which the page receives but the browser's shortcut handling does not act
 * on (tried: the command never fired). The DevTools protocol's Input.dispatchKeyEvent with
 * "rawKeyDown", the form the operating system's key presses take, goes through the browser's
 * shortcut handling as a real press does: the command fires, and the page never sees the key. The
 * browser matches shortcuts on the key's native code: without nativeVirtualKeyCode nothing fires.
 */
const MODIFIERS: Record<string, { bit: number; key: string; code: string; vk: number }> = {
  Alt: { bit: 1, key: 'Alt', code: 'AltLeft', vk: 18 },
  Ctrl: { bit: 2, key: 'Control', code: 'ControlLeft', vk: 17 },
  Command: { bit: 4, key: 'Meta', code: 'MetaLeft', vk: 91 },
  Shift: { bit: 8, key: 'Shift', code: 'ShiftLeft', vk: 16 },
};

/** Press a shortcut as commands.getAll() writes it ("Alt+Shift+J"): modifiers down, the key down and up, modifiers up. */
export async function pressShortcut(page: Page, shortcut: string): Promise<void> {
  const parts = shortcut.split('+');
  const letter = parts.pop() ?? '';
  if (!/^[A-Z0-9]$/.test(letter)) throw new Error(`pressShortcut handles letter and digit keys, not "${letter}"`);
  const mods = parts.map((p) => {
    const m = MODIFIERS[p];
    if (!m) throw new Error(`unknown modifier "${p}" in ${shortcut}`);
    return m;
  });
  const cdp = await page.context().newCDPSession(page);
  try {
    let bits = 0;
    for (const m of mods) {
      bits |= m.bit;
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'rawKeyDown',
        modifiers: bits,
        key: m.key,
        code: m.code,
        windowsVirtualKeyCode: m.vk,
        nativeVirtualKeyCode: m.vk,
      });
    }
    const code = /\d/.test(letter) ? `Digit${letter}` : `Key${letter}`;
    const vk = letter.charCodeAt(0);
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', modifiers: bits, key: letter, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', modifiers: bits, key: letter, code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk });
    for (const m of mods.reverse()) {
      bits &= ~m.bit;
      await cdp.send('Input.dispatchKeyEvent', {
        type: 'keyUp',
        modifiers: bits,
        key: m.key,
        code: m.code,
        windowsVirtualKeyCode: m.vk,
        nativeVirtualKeyCode: m.vk,
      });
    }
  } finally {
    await cdp.detach();
  }
}

/** What has keyboard focus inside the shown card's closed shadow root (null: nothing there, or no card). */
export interface CardFocus {
  tag: string;
  text: string;
  href: string;
  className: string;
}

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
}

function closedHosts(n: DomNode, out: DomNode[] = []): DomNode[] {
  if ((n.shadowRoots ?? []).some((s) => s.shadowRootType === 'closed')) out.push(n);
  for (const c of n.children ?? []) closedHosts(c, out);
  return out;
}

/**
 * Read over the DevTools protocol, which reaches into the closed root as a person's eyes do; page
 * scripts cannot. Its root's activeElement is what a screen reader announces and Enter acts on.
 */
export async function cardFocus(page: Page): Promise<CardFocus | null> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    for (const host of closedHosts(root)) {
      // The card hides through a custom property its :host rule reads (card-host.ts), as readCard knows.
      if (/:\s*none\b/.test((host.attributes ?? []).join(' '))) continue;
      const shadow = host.shadowRoots?.find((s) => s.shadowRootType === 'closed');
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        returnByValue: true,
        functionDeclaration: `function () {
          const a = this.activeElement;
          return a ? { tag: a.localName, text: (a.textContent || '').replace(/\\s+/g, ' ').trim(), href: a.getAttribute('href') || '', className: String(a.className || '') } : null;
        }`,
      });
      return (result.value as CardFocus | null) ?? null;
    }
    return null;
  } finally {
    await cdp.detach();
  }
}

/** Press Tab (or Shift+Tab) until `arrived()` holds, at most `max` times; returns how many presses it took. */
export async function tabUntil(page: Page, arrived: () => Promise<boolean>, opts: { shift?: boolean; max?: number } = {}): Promise<number> {
  const max = opts.max ?? 60;
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(opts.shift ? 'Shift+Tab' : 'Tab');
    if (await arrived()) return i;
  }
  throw new Error(`focus did not arrive after ${max} presses of ${opts.shift ? 'Shift+Tab' : 'Tab'}`);
}

/** Whether the element a locator finds has keyboard focus. */
export const focused = (l: Locator) => () => l.evaluate((el) => el === document.activeElement);
