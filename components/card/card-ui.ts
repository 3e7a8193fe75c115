import { h, render } from 'preact';
import { EntityCard, CARD_CSS } from './EntityCard';
import { CARD_MODES_CSS } from './card-modes';
import type { CardUi } from '@/utils/in-page/card-ui';
import { uiDirection, uiLang } from '@/utils/i18n';

/** The card's drawing, as the card's content script hands it to the main one (utils/in-page/card-ui.ts). */
export const CARD_UI: CardUi = {
  css: CARD_CSS,
  modesCss: CARD_MODES_CSS,
  render: (mount, props) => render(props && h(EntityCard, props), mount),
  lang: uiLang,
  direction: uiDirection,
};
