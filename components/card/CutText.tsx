import { Component, createRef } from 'preact';
import { t } from '@/utils/i18n';

interface Props {
  /** The paragraph's class: the card's CSS cuts it to a few lines (the side panel's does not). */
  class: string;
  text: string;
  /** The text's own language (the pack's), which may differ from the UI's. */
  lang?: string;
}

/**
 * A paragraph the card's CSS may cut with "…": when it was cut, a "Read more" button shows the rest
 * in place, and "Show less" cuts it again. Whether it was cut is measured once, after mounting, so
 * text that fits (and every fact in the side panel, which cuts nothing) gets no button.
 */
export class CutText extends Component<Props, { cut: boolean; open: boolean }> {
  override state = { cut: false, open: false };
  private readonly ref = createRef<HTMLParagraphElement>();

  override componentDidMount() {
    const el = this.ref.current;
    if (el && el.scrollHeight > el.clientHeight + 1) this.setState({ cut: true });
  }

  render({ class: cls, text, lang }: Props, { cut, open }: { cut: boolean; open: boolean }) {
    return (
      <>
        <p ref={this.ref} class={open ? `${cls} uncut` : cls} lang={lang}>
          {text}
        </p>
        {cut && (
          <button type="button" class="cut-toggle" aria-expanded={open} onClick={() => this.setState({ open: !open })}>
            {t(open ? 'card.showLess' : 'card.readMore')}
          </button>
        )}
      </>
    );
  }
}
