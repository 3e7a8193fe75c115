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

/** Hover, keyboard focus and click on mentions → card and side panel. */
export function wireInteraction(deps: InteractionDeps) {
  const { registry, card, highlighter, signal } = deps;
  let hovered: Mention | null = null;
  let intent: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let lastX = 0;
  let lastY = 0;
  let overCard = false;
  const listen = { passive: true, signal } as const;

  const scheduleHide = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (overCard || hovered) return;
      card.hide();
      highlighter.setActive(null);
    }, HIDE_MS);
  };

  const open = (m: Mention, focus: boolean) => {
    clearTimeout(hideTimer);
    highlighter.setActive(m.range);
    void card.show(m.entity, anchorRect(m), { focus });
  };

  const onFrame = () => {
    frame = 0;
    if (overCard) return;
    const m = registry.all.size ? mentionAtPoint(registry, lastX, lastY) : null;
    if (m === hovered) return;
    hovered = m;
    clearTimeout(intent);
    if (m) {
      card.prefetch(m.entity);
      intent = setTimeout(() => hovered === m && open(m, false), INTENT_MS);
    } else scheduleHide();
  };

  document.addEventListener(
    'pointermove',
    (e) => {
      // Events a page script dispatches are not the reader's: they open no card and no panel.
      if (!e.isTrusted || e.pointerType === 'touch') return;
      lastX = e.clientX;
      lastY = e.clientY;
      overCard = card.contains(e.target as Node);
      if (overCard) clearTimeout(hideTimer);
      if (!frame) frame = requestAnimationFrame(onFrame);
    },
    listen,
  );

  // One click on the name itself opens the side panel, unless the click belongs to the page
  // (a link, a control, a text selection).
  document.addEventListener(
    'click',
    (e) => {
      if (!e.isTrusted || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (card.contains(e.target as Node)) return;
      if ((e.target as Element)?.closest?.('a,button,input,select,textarea,label,[role=button],[onclick]')) return;
      if (String(getSelection() ?? '').length) return;
      const m = mentionAtPoint(registry, e.clientX, e.clientY);
      if (m) deps.onMentionClick(m.entity);
    },
    listen,
  );

  // Keyboard users: focus landing on an element that names an entity shows its card, without
  // moving focus away from the page.
  document.addEventListener(
    'focusin',
    (e) => {
      const el = e.target as Element;
      if (!e.isTrusted || !el || card.contains(el) || el === document.body) return;
      const m = mentionInside(registry, el);
      if (m) open(m, false);
      else if (card.visibleKey) {
        card.hide();
        highlighter.setActive(null);
      }
    },
    listen,
  );

  document.addEventListener(
    'keydown',
    (e) => {
      if (e.isTrusted && e.key === 'Escape' && card.visibleKey) {
        card.hide();
        highlighter.setActive(null);
      }
    },
    listen,
  );

  signal.addEventListener('abort', () => {
    clearTimeout(intent);
    clearTimeout(hideTimer);
    if (frame) cancelAnimationFrame(frame);
  });

  let cursor: Mention | null = null;
  return {
    /** Move to the next mention (keyboard shortcut), scroll it into view and focus its card. */
    next() {
      const list = registry.ordered();
      if (!list.length) return;
      const i = cursor ? list.indexOf(cursor) : -1;
      cursor = list[(i + 1) % list.length];
      cursor.nodes[0].parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      open(cursor, true);
    },
  };
}
