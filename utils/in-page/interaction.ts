import type { Mention, MentionRegistry } from './mentions';
import { anchorRect, mentionAtPoint, mentionInside } from './hit-test';
import type { CardHost } from './card-host';
import type { Highlighter } from './highlight';

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
}

/** Hover, keyboard focus and click on mentions → card and side panel. */
export function wireInteraction(deps: InteractionDeps): Interaction {
  const life = cardLifecycle(deps);
  const listen = { passive: true, signal: deps.signal } as const;
  wireHover(deps, life, listen);
  wireClick(deps, listen);
  wireFocus(deps, life, listen);
  wireEscape(deps, life, listen);
  return { next: mentionCursor(deps.registry, life) };
}

type Listen = { readonly passive: true; readonly signal: AbortSignal };

/** Opening and closing the card on a mention, with the highlight that marks which one it describes. */
interface CardLifecycle {
  open: (m: Mention, focus: boolean) => void;
  close: () => void;
  /** Close after a grace period (the pointer may be on its way to the card), unless `keep()` by then. */
  closeSoon: (keep: () => boolean) => void;
  cancelClose: () => void;
}

function cardLifecycle({ card, highlighter, signal }: InteractionDeps): CardLifecycle {
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(hideTimer));
  const close = () => {
    card.hide();
    highlighter.setActive(null);
  };
  return {
    open: (m, focus) => {
      clearTimeout(hideTimer);
      highlighter.setActive(m.range);
      // The card follows the name while it is on the page; its own close (button, Escape, the name
      // scrolled away) clears the name's active highlight too.
      void card.show(m.entity, () => (m.nodes[0]?.isConnected ? anchorRect(m) : null), { focus, onHide: () => highlighter.setActive(null), mention: m });
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
      if (!frame) frame = requestAnimationFrame(onFrame);
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
      const el = e.target as Element;
      if (!e.isTrusted || !el || card.contains(el) || el === document.body) return;
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

/** The "next mention" command: walks the highlighted mentions in document order, wrapping round. */
function mentionCursor(registry: MentionRegistry, life: CardLifecycle): () => void {
  let cursor: Mention | null = null;
  return () => {
    const list = registry.ordered();
    const i = cursor ? list.indexOf(cursor) : -1;
    const m = list[(i + 1) % list.length];
    if (!m) return; // nothing highlighted
    cursor = m;
    m.nodes[0]?.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    life.open(m, true);
  };
}
