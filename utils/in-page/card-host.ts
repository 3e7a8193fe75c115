import { cardUi, type CardUi } from './card-ui';
import type { CardView } from '../messaging/protocol';
import { randomIdent } from './random-names';
import { CARD_MAX_HEIGHT, placeCard, type Side } from './card-placement';
import type { Mention } from './mentions';
import type { NotThisOneActions } from './not-this-one';
import type { CardDismissal } from '@/components/card/NotThisOne';
import { stepKey, wrapTab } from './card-focus';

const CARD_WIDTH = 360;

/** A tag name that does not identify us (docs/security.md, item 1): random per page load. */
function randomTag(): string {
  return `${randomIdent(undefined, 3)}-${randomIdent(undefined, 5)}`;
}

/**
 * The host's position and visibility, in custom properties with names drawn per page. Its `:host`
 * rule is `!important`, which beats any page rule on the host; the properties themselves are set
 * inline with `!important`, which beats any page rule setting them (`--d: none !important`).
 */
function hostCss(v: { x: string; y: string; d: string }): string {
  return `:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; left: var(${v.x}, 0) !important; top: var(${v.y}, 0) !important; display: var(${v.d}, none) !important; transform: none !important; translate: none !important; scale: none !important; rotate: none !important; opacity: 1 !important; filter: none !important; clip-path: none !important; }\n`;
}

/** How far (px) the card may end up from where we put it before we conclude the page moved it. */
const MOVED_PX = 2;

function inWindow(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.bottom > 0 && r.top < (document.documentElement.clientHeight || innerHeight) && r.width > 0;
}

/** The reader's selection as a range (its text is judged visible or not by the caller). */
export function currentSelection(): Range | null {
  const sel = getSelection();
  return sel && sel.rangeCount && !sel.isCollapsed ? sel.getRangeAt(0).cloneRange() : null;
}

export interface CardHostOptions {
  loadCard: (key: string) => Promise<CardView>;
  /** `selection` is what the reader had selected on the page when they pressed the button. */
  onOpenPanel: (key: string, selection: Range | null) => void;
  signal: AbortSignal;
  /** Reports how long a card took from being asked for to painted (benchmark). */
  onPainted?: (ms: number) => void;
  /** "Not this one": hide the mention the card is open on, or mute its entity. */
  notThisOne?: NotThisOneActions;
}

/**
 * The hover card lives in a closed shadow root under a randomly named host: page scripts see an
 * opaque element, page CSS cannot restyle it, and it holds public pack content only.
 */
export class CardHost {
  /**
   * The card's host element, null until a card is first shown (set only by `build`; a field, not a
   * getter: the walk compares every element of the page with it, and a getter is a call each time).
   * Most pages name nothing, or nothing the reader opens: building the card (elements, closed root,
   * styles, observer, scroll and resize listeners) at start-up took two thirds of the samples of a
   * 21–23 ms start-up slice at ×4 CPU (wikipedia-2, traced twice).
   */
  host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private mount: HTMLElement | null = null;
  /** The card's drawing, from the card's script, taken on the first showing. */
  private ui: CardUi | null = null;
  private current: string | null = null;
  /** Where focus goes back on close: the link the name is in, else `origin` if still in view. */
  private returnFocus: HTMLElement | null = null;
  /** What had focus when the reader's keyboard visit to the cards began (they may step through several). */
  private origin: HTMLElement | null = null;
  private readonly cache = new Map<string, Promise<CardView>>();
  private selectionAtPress: Range | null = null;
  private readonly vars = { x: `--${randomIdent()}`, y: `--${randomIdent()}`, d: `--${randomIdent()}` };
  private placed = { x: 0, y: 0, display: 'none' as 'block' | 'none' };
  /** Where the name the card describes is now, or null once it is gone from the page. */
  private anchor: () => DOMRect | null = () => null;
  private side: Side | undefined;
  private onHide: (() => void) | undefined;
  private frame = 0;
  /** The mention the card is open on, and a count of cards shown (each starts "Not this one" afresh). */
  private mention: Mention | null = null;
  private shown = 0;
  /** N/P (or J/K) pressed in a focused card: the interaction steps to the next or previous name. */
  private step: ((dir: 1 | -1) => void) | undefined;
  private restoring = false;

  constructor(private readonly opts: CardHostOptions) {}

  /** The card's elements, on its first showing; the methods that use them run only once it is shown. */
  private build() {
    const ui = (this.ui = cardUi());
    const host = (this.host = document.createElement(randomTag()));
    const root = (this.root = host.attachShadow({ mode: 'closed' }));
    const mount = (this.mount = document.createElement('div'));
    this.setVars(0, 0, 'none');
    const style = document.createElement('style');
    style.textContent = hostCss(this.vars) + ui.css;
    // The card's width and height limit, set here so that nothing inherited from the page's CSS
    // on the host (custom properties cross the shadow boundary) ever applies.
    mount.style.setProperty('--w', `${CARD_WIDTH}px`);
    mount.style.setProperty('--h', `${CARD_MAX_HEIGHT}px`);
    // After the card, so that its "Not this one" styles (rendered inside it) are overridden too.
    const modes = document.createElement('style');
    modes.textContent = ui.modesCss;
    root.append(style, mount, modes);
    // Only the reader's own clicks and keys act on the card: a page cannot reach inside a closed
    // root, but events it dispatches at the host would still be retargeted here. Registered
    // first, so a forged press does not even record a selection.
    for (const type of ['click', 'keydown', 'pointerdown'])
      root.addEventListener(
        type,
        (e) => {
          if (!e.isTrusted) e.stopImmediatePropagation();
        },
        true,
      );
    // Pressing the card's button collapses the page's selection before the click fires: note it first.
    root.addEventListener(
      'pointerdown',
      () => {
        this.selectionAtPress = currentSelection();
      },
      true,
    );
    // A page script rewriting the host's style attribute (to hide or move the card) is undone.
    const guard = new MutationObserver(() => this.reassert());
    guard.observe(host, { attributes: true });
    root.addEventListener('keydown', (ev) => {
      const e = ev as KeyboardEvent;
      const dir = stepKey(e);
      const handled = e.key === 'Escape' ? (this.hide(true), true) : e.key === 'Tab' ? wrapTab(e, root) : dir && this.step ? (this.step(dir), true) : false;
      // Handled here, so the page's own shortcuts do not act on them too.
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    });
    const { signal } = this.opts;
    this.wireFollow(signal, root);
    signal.addEventListener('abort', () => {
      cancelAnimationFrame(this.frame);
      guard.disconnect();
      ui.render(mount, null);
      host.remove();
    });
  }

  get visibleKey(): string | null {
    return this.current;
  }

  /** The mention the card is open on, if any. */
  get visibleMention(): Mention | null {
    return this.current ? this.mention : null;
  }

  /** True while the card gives focus back to the page (the focus it causes is not the reader moving on). */
  get restoringFocus(): boolean {
    return this.restoring;
  }

  /** What N/P (J/K) in a focused card do. */
  onStepKeys(step: (dir: 1 | -1) => void) {
    this.step = step;
  }

  /** Whether keyboard focus is in the card. */
  hasFocus(): boolean {
    return !!this.host && document.activeElement === this.host;
  }

  contains(node: Node | null): boolean {
    const host = this.host;
    return !!node && !!host && (node === host || host.contains(node));
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

  /**
   * The card follows its name: the page scrolling (the window or any box in it) or resizing moves
   * it, at most once a frame, and it closes once the name has left the window. Inside the card, a
   * fact expanded, the source's words unfolded or its facts scrolled change its height or its
   * fades. The listeners do nothing while no card is shown.
   */
  private wireFollow(signal: AbortSignal, root: ShadowRoot) {
    const schedule = () => {
      if (this.current && !this.frame)
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.follow();
        });
    };
    const listen = { capture: true, passive: true, signal };
    addEventListener('scroll', schedule, listen);
    addEventListener('resize', schedule, listen);
    for (const type of ['scroll', 'toggle', 'click']) root.addEventListener(type, schedule, listen);
  }

  /**
   * `anchor` says where the name is, each time the card moves with it. `onHide` runs when the card
   * closes, whatever closed it (its own button, Escape, its name scrolled away). With `focus`, the
   * card takes keyboard focus (on its heading) and gives it back on close to `returnTo` (the link the
   * name is in), or else to what had it before the reader's keyboard visit to the cards began, if that
   * is still in the window (else to nothing: the reader's place is the name, not a control far away).
   */
  async show(key: string, anchor: () => DOMRect | null, opts: { focus: boolean; onHide?: () => void; mention?: Mention; returnTo?: HTMLElement | null }) {
    const fromCard = this.hasFocus();
    if (!this.host) this.build();
    if (!this.host!.isConnected) document.documentElement.append(this.host!);
    // The card's own text runs in the direction of its language, whatever the page's dir (which
    // the host would otherwise inherit: \`all\` leaves \`direction\` alone). Asked on the first
    // card, not at start-up: the browser's first i18n call in a page waits on the browser process.
    if (!this.mount!.dir) this.mount!.dir = this.ui!.direction();
    this.current = key;
    this.anchor = anchor;
    this.onHide = opts.onHide;
    this.side = undefined;
    this.mention = opts.mention ?? null;
    this.shown++;
    this.paint(null, null);
    // Shown first where it was, so that it can be measured: placed before the browser paints.
    this.setVars(this.placed.x, this.placed.y, 'block');
    if (!this.follow()) return;
    if (opts.focus) {
      if (!fromCard) this.origin = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      this.returnFocus = opts.returnTo ?? null;
    }
    const asked = performance.now();
    try {
      const card = await this.card(key);
      if (this.current !== key) return;
      this.paint(card, null);
      // Placed again once its content is in; and again in the next frame, before it is painted: a cut
      // fact's "Read more" comes in a re-render of its own (a microtask later) and can change the height.
      this.follow();
      requestAnimationFrame(() => {
        if (this.current === key) this.follow();
        this.opts.onPainted?.(performance.now() - asked);
      });
    } catch (e) {
      if (this.current !== key) return;
      this.paint(null, String((e as Error)?.message ?? e));
      this.follow();
    }
    // The heading first (a dialog's name is what a screen reader says on entering it); Tab then goes
    // through the card in its visual order, source links included.
    if (opts.focus && this.current === key)
      (this.root!.querySelector<HTMLElement>('.name') ?? this.root!.querySelector<HTMLElement>('button'))?.focus({ preventScroll: true });
  }

  private paint(card: CardView | null, error: string | null) {
    const key = this.current;
    this.ui!.render(this.mount!, {
      card,
      error,
      onOpenPanel: () => {
        if (key && this.wherePlaced() && this.inPlainSight()) this.opts.onOpenPanel(key, this.selectionAtPress || currentSelection());
        this.selectionAtPress = null;
      },
      onClose: () => this.hide(true),
      notThisOne: this.dismissal(key),
    });
  }

  /** "Not this one" for the mention the card is open on; like the card's button, it acts only on a card the reader can see. */
  private dismissal(key: string | null): CardDismissal | undefined {
    const { mention: m } = this;
    const act = this.opts.notThisOne;
    if (!key || !m || !act) return undefined;
    const seen = () => {
      if (!this.wherePlaced() || !this.inPlainSight()) throw new Error('the card is not in plain sight');
    };
    return {
      id: this.shown,
      hide: () => (seen(), act.hide(m)),
      mute: async (scope) => (seen(), act.mute(key, scope)),
      undoMute: async (scope) => (seen(), act.undoMute(key, scope)),
    };
  }

  /**
   * Moves the card to its name, or closes it when the name has left the window (or the page).
   * Reads the layout once, writes, then reads once more (is it where we put it, has its middle
   * more to scroll): one layout per call. False when the card was closed.
   */
  private follow(): boolean {
    if (!this.current) return false;
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const a = this.anchor();
    if (!a || a.bottom < 0 || a.top > vh || a.right < 0 || a.left > vw) {
      this.hide(this.host! === document.activeElement);
      return false;
    }
    const card = this.mount!.firstElementChild as HTMLElement | null;
    const body = card?.querySelector<HTMLElement>('.body');
    // Its height with nothing cut: the middle's full content instead of what it shows.
    const natural = (card?.offsetHeight ?? 0) + (body ? body.scrollHeight - body.clientHeight : 0);
    const p = placeCard({ viewport: { width: vw, height: vh }, anchor: a, natural: { width: CARD_WIDTH, height: natural }, prefer: this.side });
    this.side = p.side;
    // Inside the closed root: the page sees the host's box, as it always did, and nothing more.
    this.mount!.style.setProperty('--w', `${p.width}px`);
    this.mount!.style.setProperty('--h', `${p.maxHeight}px`);
    this.setVars(p.left, p.top, 'block');
    if (!this.wherePlaced()) {
      this.hide();
      return false;
    }
    // A fade at an edge of the facts says there is more that way.
    this.mount!.toggleAttribute('data-more-above', !!body && body.scrollTop > 1);
    this.mount!.toggleAttribute('data-more-below', !!body && body.scrollHeight - body.clientHeight - body.scrollTop > 1);
    return true;
  }

  private setVars(x: number, y: number, display: 'block' | 'none') {
    this.placed = { x, y, display };
    this.reassert();
  }

  private reassert() {
    const want = { [this.vars.x]: `${this.placed.x}px`, [this.vars.y]: `${this.placed.y}px`, [this.vars.d]: this.placed.display };
    const style = this.host!.style;
    let same = style.length === 3;
    for (const [name, value] of Object.entries(want))
      if (style.getPropertyValue(name) !== value || style.getPropertyPriority(name) !== 'important') same = false;
    // Rewriting only on a difference keeps our own writes from re-triggering the observer forever.
    if (same) return;
    this.host!.removeAttribute('style');
    for (const [name, value] of Object.entries(want)) style.setProperty(name, value, 'important');
  }

  /**
   * Page CSS on an ancestor (a transform on <html>, a zoom) can still shift a fixed element. The
   * card only shows where we placed it: otherwise it could sit under a lure, so it is hidden.
   */
  private wherePlaced(): boolean {
    const r = this.host!.getBoundingClientRect();
    return Math.abs(r.left - this.placed.x) <= MOVED_PX && Math.abs(r.top - this.placed.y) <= MOVED_PX && r.width > 0;
  }

  /**
   * The card's one action runs only if the reader could see the card: nothing of the page drawn
   * over it, and the document not faded out (DOM clickjacking makes a UI invisible and lures the
   * click onto it).
   */
  private inPlainSight(): boolean {
    const r = this.host!.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
    const root = getComputedStyle(document.documentElement);
    return top === this.host! && Number(root.opacity) >= 0.95;
  }

  hide(restoreFocus = false) {
    if (!this.current) return;
    this.current = null;
    this.setVars(this.placed.x, this.placed.y, 'none');
    this.ui!.render(this.mount!, null);
    // Without scrolling: the card may have closed because the reader scrolled away.
    const back = this.returnFocus?.isConnected ? this.returnFocus : this.origin?.isConnected && inWindow(this.origin) ? this.origin : null;
    if (restoreFocus && back) {
      this.restoring = true;
      try {
        back.focus({ preventScroll: true });
      } finally {
        this.restoring = false;
      }
    }
    this.returnFocus = null;
    this.origin = null;
    const onHide = this.onHide;
    this.onHide = undefined;
    onHide?.();
  }
}
