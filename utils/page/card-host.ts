import { h, render } from 'preact';
import { EntityCard, CARD_CSS } from '@/components/EntityCard';
import type { CardView } from '../messaging/protocol';

const CARD_WIDTH = 360;
const GAP = 6;

/** A tag name that does not identify us (security.md #1): random per page load. */
function randomTag(): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let s = '';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  for (const b of bytes) s += letters[b % 26];
  return `${s.slice(0, 3)}-${s.slice(3)}`;
}

export interface CardHostOptions {
  lang: string;
  loadCard: (key: string) => Promise<CardView>;
  /** `selection` is what the reader had selected on the page when they pressed the button. */
  openPanel: (key: string, selection: string) => void;
  signal: AbortSignal;
  /** Reports how long a card took from being asked for to painted (benchmark). */
  onPainted?: (ms: number) => void;
}

/**
 * The hover card lives in a closed shadow root under a randomly named host: page scripts see an
 * opaque element, page CSS cannot restyle it, and it holds public pack content only.
 */
export class CardHost {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLElement;
  private current: string | null = null;
  private returnFocus: HTMLElement | null = null;
  private readonly cache = new Map<string, Promise<CardView>>();
  private selectionAtPress = '';

  constructor(private readonly opts: CardHostOptions) {
    this.host = document.createElement(randomTag());
    // Host styles live in the shadow root's `:host` rule: its !important declarations beat any page
    // CSS aimed at the host. Position and visibility reach it through custom properties.
    this.setVars(0, 0, 'none');
    this.root = this.host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    this.mount = document.createElement('div');
    this.root.append(style, this.mount);
    // Pressing the card's button collapses the page's selection before the click fires: note it first.
    this.root.addEventListener(
      'pointerdown',
      () => {
        this.selectionAtPress = String(getSelection() ?? '');
      },
      true,
    );
    this.root.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') {
        e.stopPropagation();
        this.hide(true);
      }
    });
    opts.signal.addEventListener('abort', () => {
      render(null, this.mount);
      this.host.remove();
    });
  }

  get visibleKey(): string | null {
    return this.current;
  }

  contains(node: Node | null): boolean {
    return !!node && (node === this.host || this.host.contains(node));
  }

  private card(key: string): Promise<CardView> {
    let p = this.cache.get(key);
    if (!p) {
      p = this.opts.loadCard(key);
      p.catch(() => this.cache.delete(key));
      this.cache.set(key, p);
    }
    return p;
  }

  /** Warm the cache while the hover intent delay runs. */
  prefetch(key: string) {
    void this.card(key).catch(() => {});
  }

  async show(key: string, anchor: DOMRect, opts: { focus: boolean }) {
    if (!this.host.isConnected) document.documentElement.append(this.host);
    this.current = key;
    this.place(anchor);
    this.paint(null, null);
    if (opts.focus) this.returnFocus = document.activeElement as HTMLElement | null;
    const asked = performance.now();
    try {
      const card = await this.card(key);
      if (this.current !== key) return;
      this.paint(card, null);
      requestAnimationFrame(() => this.opts.onPainted?.(performance.now() - asked));
    } catch (e) {
      if (this.current !== key) return;
      this.paint(null, String((e as Error)?.message ?? e));
    }
    if (opts.focus) (this.root.querySelector<HTMLElement>('button.open') ?? this.root.querySelector<HTMLElement>('button'))?.focus();
  }

  private paint(card: CardView | null, error: string | null) {
    const key = this.current;
    render(
      h(EntityCard, {
        card,
        error,
        lang: this.opts.lang,
        onOpenPanel: () => {
          if (key) this.opts.openPanel(key, this.selectionAtPress || String(getSelection() ?? ''));
          this.selectionAtPress = '';
        },
        onClose: () => this.hide(true),
      }),
      this.mount,
    );
  }

  private place(anchor: DOMRect) {
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const left = Math.max(GAP, Math.min(anchor.left, vw - CARD_WIDTH - GAP));
    const below = anchor.bottom + GAP;
    const top = below + 200 > vh && anchor.top > vh / 2 ? Math.max(GAP, anchor.top - GAP - 420) : below;
    this.setVars(Math.round(left), Math.round(top), 'block');
  }

  private setVars(x: number, y: number, display: 'block' | 'none') {
    this.host.style.setProperty('--x', `${x}px`);
    this.host.style.setProperty('--y', `${y}px`);
    this.host.style.setProperty('--d', display);
  }

  hide(restoreFocus = false) {
    if (!this.current) return;
    this.current = null;
    this.host.style.setProperty('--d', 'none');
    render(null, this.mount);
    if (restoreFocus && this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }
}
