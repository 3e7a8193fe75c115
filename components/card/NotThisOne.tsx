import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { MuteScope } from '@/utils/schema/mute';
import { t } from '@/utils/i18n';

/** What the card can do about a wrong highlight, bound by the card's host to the mention it is open on. */
export interface CardDismissal {
  /** Changes with every card shown: a new mention starts with the choices closed. */
  id: number;
  /** Hide this one mention for this page view; returns its undo. */
  hide: () => () => void;
  mute: (scope: MuteScope) => Promise<void>;
  undoMute: (scope: MuteScope) => Promise<void>;
}

type Done = 'hidden' | MuteScope;
type Phase =
  | { step: 'closed' }
  | { step: 'choosing' }
  | { step: 'busy' }
  | { step: 'done'; what: Done; undo: () => Promise<void> }
  | { step: 'undone' }
  | { step: 'failed' };

function doneText(what: Done, name: string): string {
  if (what === 'hidden') return t('card.hiddenDone');
  return what === 'site' ? t('card.mutedSiteDone', { name }) : t('card.mutedEverywhereDone', { name });
}

/**
 * "Not this one": hide this mention on this page, or mute the entity on this site or everywhere,
 * then say what happened with an Undo button right there (focused, so the keyboard reaches it).
 */
export function NotThisOne({ actions, name }: { actions: CardDismissal; name: string }) {
  const [phase, setPhase] = useState<Phase>({ step: 'closed' });
  const focusNext = useRef<HTMLButtonElement>(null);
  // Focus follows the reader's step (the first choice, then Undo), never on the card's first paint. In
  // the render that shows the step (a layout effect): the button pressed is gone from it, and a key
  // pressed before a later effect ran would find nothing focused.
  useLayoutEffect(() => {
    if (phase.step === 'choosing' || phase.step === 'done') focusNext.current?.focus();
  }, [phase.step]);

  const attempt = async (work: () => Promise<Phase>) => {
    setPhase({ step: 'busy' });
    try {
      setPhase(await work());
    } catch {
      setPhase({ step: 'failed' });
    }
  };
  const hide = () =>
    attempt(() => {
      const undo = actions.hide();
      return Promise.resolve({ step: 'done', what: 'hidden', undo: () => Promise.resolve(undo()) });
    });
  const mute = (scope: MuteScope) =>
    attempt(async () => {
      await actions.mute(scope);
      return { step: 'done', what: scope, undo: () => actions.undoMute(scope) };
    });

  if (phase.step === 'done')
    return (
      <div class="nto">
        <style>{NOT_THIS_ONE_CSS}</style>
        <p class="nto-status" role="status">
          {doneText(phase.what, name)}
        </p>
        <button ref={focusNext} class="nto-undo" type="button" onClick={() => attempt(async () => (await phase.undo(), { step: 'undone' }))}>
          {t('card.undo')}
        </button>
      </div>
    );
  return (
    <div class="nto">
      <style>{NOT_THIS_ONE_CSS}</style>
      {phase.step === 'undone' && (
        <p class="nto-status" role="status">
          {t('card.undone')}
        </p>
      )}
      {phase.step === 'failed' && (
        <p class="nto-status" role="alert">
          {t('card.notDone')}
        </p>
      )}
      {phase.step === 'choosing' || phase.step === 'busy' ? (
        <div class="nto-choices" role="group" aria-label={t('card.notThisOneChoices')}>
          <button ref={focusNext} type="button" disabled={phase.step === 'busy'} onClick={hide}>
            {t('card.hideMention')}
          </button>
          <button type="button" disabled={phase.step === 'busy'} onClick={() => mute('site')}>
            {t('card.muteSite')}
          </button>
          <button type="button" disabled={phase.step === 'busy'} onClick={() => mute('everywhere')}>
            {t('card.muteEverywhere')}
          </button>
        </div>
      ) : (
        <button class="nto-toggle" type="button" aria-expanded="false" onClick={() => setPhase({ step: 'choosing' })}>
          {t('card.notThisOne')}
        </button>
      )}
    </div>
  );
}

/** In the card's closed shadow root, like the card's own styles: px units and generic fonts only. */
const NOT_THIS_ONE_CSS = `
.nto { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 6px; padding-top: 6px; border-top: 1px solid #eee5cf; font-size: 12px; }
.nto button { all: unset; cursor: pointer; border: 1px solid #d8cfb8; border-radius: 4px; padding: 2px 8px; color: #1d1d1f; background: #fff; font: 12px/1.4 system-ui, sans-serif; }
.nto button[disabled] { cursor: default; opacity: .6; }
.nto .nto-toggle { border-color: transparent; background: none; color: #6b6150; text-decoration: underline dotted; padding: 2px 0; }
.nto button:focus-visible { outline: 2px solid #b07800; outline-offset: 2px; }
.nto-choices { display: flex; flex-wrap: wrap; gap: 6px; }
.nto-status { margin: 0; flex: 1 1 100%; color: #3f3a2e; }
`;
