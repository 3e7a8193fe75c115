import { Component, createRef } from 'preact';
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
 *
 * A class, like the card's other parts: preact/hooks would add about 1 kB (gzipped) to the content
 * script, which every page and frame loads.
 */
export class NotThisOne extends Component<{ actions: CardDismissal; name: string }, { phase: Phase }> {
  override state: { phase: Phase } = { phase: { step: 'closed' } };
  private readonly focusNext = createRef<HTMLButtonElement>();

  // Focus follows the reader's step (the first choice, then Undo), never on the card's first paint.
  override componentDidUpdate(_props: unknown, before: { phase: Phase }) {
    const { step } = this.state.phase;
    if (step !== before.phase.step && (step === 'choosing' || step === 'done')) this.focusNext.current?.focus();
  }

  private async attempt(work: () => Promise<Phase>) {
    this.setState({ phase: { step: 'busy' } });
    try {
      this.setState({ phase: await work() });
    } catch {
      this.setState({ phase: { step: 'failed' } });
    }
  }

  private readonly hide = () =>
    this.attempt(() => {
      const undo = this.props.actions.hide();
      return Promise.resolve({ step: 'done', what: 'hidden', undo: () => Promise.resolve(undo()) });
    });

  private mute(scope: MuteScope) {
    const { actions } = this.props;
    return this.attempt(async () => {
      await actions.mute(scope);
      return { step: 'done', what: scope, undo: () => actions.undoMute(scope) };
    });
  }

  render({ name }: { actions: CardDismissal; name: string }, { phase }: { phase: Phase }) {
    const focusNext = this.focusNext;
    if (phase.step === 'done')
      return (
        <div class="nto">
          <style>{NOT_THIS_ONE_CSS}</style>
          <p class="nto-status" role="status">
            {doneText(phase.what, name)}
          </p>
          <button ref={focusNext} class="nto-undo" type="button" onClick={() => this.attempt(async () => (await phase.undo(), { step: 'undone' }))}>
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
            <button ref={focusNext} type="button" disabled={phase.step === 'busy'} onClick={this.hide}>
              {t('card.hideMention')}
            </button>
            <button type="button" disabled={phase.step === 'busy'} onClick={() => this.mute('site')}>
              {t('card.muteSite')}
            </button>
            <button type="button" disabled={phase.step === 'busy'} onClick={() => this.mute('everywhere')}>
              {t('card.muteEverywhere')}
            </button>
          </div>
        ) : (
          <button class="nto-toggle" type="button" aria-expanded="false" onClick={() => this.setState({ phase: { step: 'choosing' } })}>
            {t('card.notThisOne')}
          </button>
        )}
      </div>
    );
  }
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
