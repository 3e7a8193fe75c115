import type { Mention, MentionRegistry } from './mentions';
import { anchorRect, mentionAtPoint, mentionInside } from './hit-test';
import type { CardHost } from './card-host';
import type { Highlighter } from './highlight';
import { placeOf, stepTarget } from './mention-step';
import { focusableAround, tabbableBeside } from './card-focus';

/** How long the pointer must rest on a name before its card opens (avoids cards on passing moves). */
export const INTENT_MS = 200;
const HIDE_MS = 300;

export interface InteractionDeps {
  registry: MentionRegistry;
  card: CardHost;
  highlighter: Highlighter;
  /** A trusted click on a mention itself: the reader asks for its side panel. */
  onMentionClick: (key: string) => void;
  signal: AbortSignal;
}

export interface Interaction {
  /** Move to the next mention (keyboard shortcut), scroll it into view and focus its card. */
  next: () => void;
  /** The same, to the previous mention. */
  previous: () => void;
}

/** Hover, keyboard focus and click on mentions → card and side panel. */
export function wireInteraction(deps: InteractionDeps): Interaction {
  const life = cardLifecycle(deps);
  const listen = { passive: true, signal: deps.signal } as const;
  wireHover(deps, life, listen);
  wireClick(deps, listen);
  wireFocus(deps, life, listen);
  wireEscape(deps, life, listen);
  const step = mentionCursor(deps, life);
  deps.card.onStepKeys(step);
  return { next: () => step(1), previous: () => step(-1) };
}

type Listen = { readonly passive: true; readonly signal: AbortSignal };

/** Opening and closing the card on a mention, with the highlight that marks which one it describes. */
interface CardLifecycle {
  /** `focus`: opened from the keyboard, the card takes focus and gives it back on close. */
  open: (m: Mention, focus: boolean) => void;
  close: () => void;
  /** Close after a grace period (the pointer may be on its way to the card), unless `keep()` by then. */
  closeSoon: (keep: () => boolean) => void;
  cancelClose: () => void;
}

function cardLifecycle({ card, highlighter, signal }: InteractionDeps): CardLifecycle {
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(hideTimer));
  const tabOnFrom = tabFromName(card, signal);
  const close = () => {
    card.hide();
    highlighter.setActive(null);
  };
  return {
    open: (m, focus) => {
      clearTimeout(hideTimer);
      tabOnFrom(null);
      highlighter.setActive(m.range);
      // The card follows the name while it is on the page; its own close (button, Escape, the name
      // scrolled away) clears the name's active highlight too.
      const onHide = () => {
        highlighter.setActive(null);
        // Focus went back to nothing (the name is plain text, and nothing had focus before): the
        // reader's next Tab goes on from the name, not from the end of the page where the card was.
        if (focus && (!document.activeElement || document.activeElement === document.body)) tabOnFrom(m);
      };
      void card.show(m.entity, () => (m.nodes[0]?.isConnected ? anchorRect(m) : null), { focus, onHide, mention: m, returnTo: focusableAround(m.nodes[0]) });
    },
    close,
    closeSoon: (keep) => {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(() => {
        if (!keep()) close();
      }, HIDE_MS);
    },
    cancelClose: () => clearTimeout(hideTimer),
  };
}

/** Hover intent: the card opens once the pointer rests on a name, and closes once it has left both. */
function wireHover({ registry, card, signal }: InteractionDeps, life: CardLifecycle, listen: Listen): void {
  let hovered: Mention | null = null;
  let intent: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  let overCard = false;

  // Hit-testing waits for the next frame: pointer moves come far more often than the screen changes.
  const onFrame = () => {
    frame = 0;
    if (overCard) return;
    const m = registry.all.size ? mentionAtPoint(registry, lastX, lastY) : null;
    if (m === hovered) return;
    hovered = m;
    clearTimeout(intent);
    if (m) {
      card.prefetch(m.entity);
      intent = setTimeout(() => hovered === m && life.open(m, false), INTENT_MS);
    } else life.closeSoon(() => overCard || hovered !== null);
  };

  document.addEventListener(
    'pointermove',
    (e) => {
      // Events a page script dispatches are not the reader's: they open no card and no panel.
      if (!e.isTrusted || e.pointerType === 'touch') return;
      lastX = e.clientX;
      lastY = e.clientY;
      overCard = card.contains(e.target as Node);
      if (overCard) life.cancelClose();
      // Nothing named on the page, nothing hovered: no frame to ask for on each move.
      if (!frame && (registry.all.size || hovered)) frame = requestAnimationFrame(onFrame);
    },
    listen,
  );

  // The pointer leaving the document (out of the window, or out of a frame into its page) sends no
  // further move here: without this, a frame's card would stay open after the reader moved on.
  document.addEventListener(
    'pointerout',
    (e) => {
      if (!e.isTrusted || e.relatedTarget || e.pointerType === 'touch') return;
      clearTimeout(intent);
      hovered = null;
      overCard = false;
      life.closeSoon(() => overCard || hovered !== null);
    },
    listen,
  );

  signal.addEventListener('abort', () => {
    clearTimeout(intent);
    if (frame) cancelAnimationFrame(frame);
  });
}

/**
 * One click on the name itself opens the side panel, unless the click belongs to the page (a link,
 * a control, a text selection).
 */
function wireClick({ registry, card, onMentionClick }: InteractionDeps, listen: Listen): void {
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (card.contains(e.target as Node)) return;
      if ((e.target as Element)?.closest?.('a,button,input,select,textarea,label,[role=button],[onclick]')) return;
      if (String(getSelection() ?? '').length) return;
      const m = mentionAtPoint(registry, e.clientX, e.clientY);
      if (m) onMentionClick(m.entity);
    },
    listen,
  );
}

/**
 * Keyboard users: focus landing on an element that names an entity shows its card, without moving
 * focus away from the page.
 */
function wireFocus({ registry, card }: InteractionDeps, life: CardLifecycle, listen: Listen): void {
  document.addEventListener(
    'focusin',
    (e) => {
      // Focus inside an open shadow root reaches the document retargeted to its host: the link
      // itself is the first node of the composed path.
      const el = (e.composedPath()[0] ?? e.target) as Element;
      // The card giving focus back to the link it was opened on: the reader just closed it.
      if (!e.isTrusted || !el || card.contains(el) || el === document.body || card.restoringFocus) return;
      const m = mentionInside(registry, el);
      if (m) life.open(m, false);
      else if (card.visibleKey) life.close();
    },
    listen,
  );
}

function wireEscape({ card }: InteractionDeps, life: CardLifecycle, listen: Listen): void {
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.isTrusted && e.key === 'Escape' && card.visibleKey) life.close();
    },
    listen,
  );
}

/**
 * The "next/previous mention" commands (and N/P in a focused card): walk the highlighted mentions
 * in document order, wrapping round, from the one whose card is open, else the one last stepped to,
 * else (or once the reader has scrolled away from it) from what the window shows.
 */
function mentionCursor({ registry, card }: InteractionDeps, life: CardLifecycle): (dir: 1 | -1) => void {
  let cursor: Mention | null = null;
  return (dir) => {
    const list = registry.ordered();
    const from = card.visibleMention ?? cursor;
    const height = document.documentElement.clientHeight || innerHeight;
    const at = from ? list.indexOf(from) : -1;
    const m = list[stepTarget(list.length, at, dir, (i) => placeOf(list[i] ? anchorRect(list[i]) : { top: height, bottom: height }, height))];
    if (!m) return; // nothing highlighted
    cursor = m;
    m.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    life.open(m, true);
  };
}

/**
 * After a card opened from the keyboard closes with focus on nothing, the next Tab (Shift+Tab) goes
 * to the page's first control after (before) the name, as if the reader's place were the name. Any
 * other key, a click or a focus change lets the browser's own order apply again. Returns the arming
 * function (null disarms).
 */
function tabFromName(card: CardHost, signal: AbortSignal): (m: Mention | null) => void {
  let armed: Mention | null = null;
  const disarm = () => (armed = null);
  const opts = { capture: true, signal } as const;
  document.addEventListener(
    'keydown',
    (e) => {
      const m = armed;
      armed = null;
      if (!m || !e.isTrusted || e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
      if (document.activeElement && document.activeElement !== document.body) return;
      const target = m.nodes[0]?.isConnected ? tabbableBeside(m.range, e.shiftKey ? -1 : 1, (el) => card.contains(el)) : null;
      if (!target) return;
      e.preventDefault();
      target.focus();
    },
    opts,
  );
  document.addEventListener('pointerdown', disarm, { ...opts, passive: true });
  document.addEventListener('focusin', disarm, { ...opts, passive: true });
  return (m) => (armed = m);
}
